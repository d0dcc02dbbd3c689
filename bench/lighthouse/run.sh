#!/usr/bin/env bash
# Lighthouse on the demo catalogue (issue 9): builds it (release), serves public/ on
# 127.0.0.1 with a tiny gzip-capable static server (serve.mjs), and runs Lighthouse with
# its default mobile emulation against the home, a listing, a product and the search page,
# in Vietnamese and, when the site has an /en/ edition, English. Each page RUNS times
# (default 3); the table shows the median per category. Every run's summary is appended to
# bench/lighthouse/results.jsonl; the table of this run is written to
# bench/lighthouse/results.md and printed. See bench/lighthouse/README.md.
#
#   bench/lighthouse/run.sh            # RUNS=1 for a quick look; KEEP_REPORTS=1 keeps the full JSON
#
# Needs node/npm (npx fetches the pinned Lighthouse from the npm registry the first time)
# and Debian's chromium. The pages are only ever requested from 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."

LIGHTHOUSE_VERSION=12.2.3
RUNS=${RUNS:-3}
TODAY=${TODAY:-2026-11-29}   # the demo's certificate date, as in the tests
PORT=${PORT:-8740}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
HERE=bench/lighthouse
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync"

[ -x "$CHROME_PATH" ] || { echo "no Chromium at $CHROME_PATH (apt-get install chromium)" >&2; exit 1; }

cargo build --release --locked
target/release/ocop build --today "$TODAY"

node "$HERE/serve.mjs" public "$PORT" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$reports"' EXIT
reports=$(mktemp -d)
base="http://127.0.0.1:$PORT"
for _ in $(seq 50); do
  curl -fsS -o /dev/null "$base/" 2>/dev/null && break
  sleep 0.1
done

pages=(
  "vi home /"
  "vi listing /san-pham/"
  "vi product /san-pham/hat-de-trung-khanh/"
  "vi search /tim-kiem/?q=hat+de"
)
if [ -f public/en/index.html ]; then
  pages+=(
    "en home /en/"
    "en listing /en/products/"
    "en product /en/products/hat-de-trung-khanh/"
    "en search /en/search/?q=chestnut"
  )
else
  echo "note: public/en/ is absent (no English edition yet): the English pages are skipped" >&2
fi

stamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)
for entry in "${pages[@]}"; do
  read -r lang page path <<<"$entry"
  for run in $(seq "$RUNS"); do
    echo "lighthouse $lang $page $path, run $run/$RUNS" >&2
    report="$reports/$lang-$page-$run.json"
    npx --yes "lighthouse@$LIGHTHOUSE_VERSION" "$base$path" \
      --quiet \
      --output=json --output-path="$report" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="$CHROME_FLAGS"
    node "$HERE/summarise.mjs" run "$report" "$lang" "$page" "$base$path" "$run" "$stamp" >>"$HERE/results.jsonl"
    if [ -n "${KEEP_REPORTS:-}" ]; then
      mkdir -p "$HERE/reports" && cp "$report" "$HERE/reports/"
    fi
  done
done

node "$HERE/summarise.mjs" table "$HERE/results.jsonl" "$stamp" | tee "$HERE/results.md"
