#!/usr/bin/env bash
# Search benchmark: ocop's index against Pagefind's, on synthetic catalogues of 150,
# 1,500 and 15,000 products. Writes one JSON line per engine, size and query to
# bench/search/results.jsonl and prints a Markdown table of them.
#
#   bench/search/run.sh [SIZES...]        (default: 150 1500 15000)
#   ENGINES=ocop bench/search/run.sh 15000   ocop alone, without Pagefind
#
# Needs: a Rust toolchain, node and npm (Pagefind is installed from npm at the pinned
# version into bench/search/.tools/, which git ignores), and Debian's chromium at
# /usr/bin/chromium (or $CHROMIUM). Scratch sites go to $BENCH_DIR, by default target/bench-search/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${BENCH_DIR:-$repo/target/bench-search}"
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(150 1500 15000); fi
PAGEFIND_VERSION=1.6.0
TODAY=2026-11-29
# Typical queries, typed without accents as people do on a phone.
# The last is a decision number, typed without its diacritic.
queries=("lap suon" "hat de" "mien dong" "ruou ngo" "mat ong rung" "thit trau gac bep" "1873/QD-UBND")

engines="${ENGINES:-ocop pagefind}"
export ENGINES="$engines"
tools="$here/.tools"
if [[ " $engines " == *" pagefind "* ]] && { [ ! -x "$tools/node_modules/.bin/pagefind" ] ||
  [ "$("$tools/node_modules/.bin/pagefind" --version)" != "pagefind $PAGEFIND_VERSION" ]; }; then
  npm install --no-audit --no-fund --no-save --prefix "$tools" "pagefind@$PAGEFIND_VERSION"
fi
pagefind="$tools/node_modules/.bin/pagefind"

cd "$repo"
cargo build --release --locked --bin ocop --example synthetic_catalogue
ocop="$repo/target/release/ocop"

{
  echo "chromium: $("${CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null)"
  echo "node: $(node --version)"
  [[ " $engines " == *" pagefind "* ]] && echo "$("$pagefind" --version)"
  echo "ocop: $(git -C "$repo" describe --always --dirty)"
  echo "cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
} | tee "$here/machine.txt"

results="$here/results.jsonl"
: >"$results"
for n in "${sizes[@]}"; do
  site="$work/$n"
  "$repo/target/release/examples/synthetic_catalogue" "$n" "$site"
  "$ocop" build --root "$site" --output "$site/public" --today "$TODAY"
  # Pagefind indexes the product pages' main content, as data-pagefind-body on <main>
  # would; listing pages would only repeat the products.
  if [[ " $engines " == *" pagefind "* ]]; then
    "$pagefind" --site "$site/public" --glob "san-pham/*/index.html" --root-selector main --quiet
  fi
  mkdir -p "$site/public/_bench"
  cp "$here/pagefind.html" "$here/harness.js" "$site/public/_bench/"
  # The script's published name carries a hash of its content.
  script=$(cd "$site/public" && ls js/search.*.js)
  sed "s|/js/search.js|/$script|" "$here/ocop.html" >"$site/public/_bench/ocop.html"
  node "$here/measure.mjs" "$site/public" "$n" "${queries[@]}" | tee -a "$results"
done
node "$here/table.mjs" "$results"
