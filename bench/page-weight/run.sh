#!/usr/bin/env bash
# The listing's photo weight with photos like a phone's, not the demo's illustrations
# (which compress unusually well): the demo copied into a scratch folder, each product
# photo replaced by a generated camera-like JPEG (examples/photo_bench.rs: soft light,
# edges, texture and sensor grain, 2400×1800, quality 92), built, served on 127.0.0.1,
# and /san-pham/ and /en/products/ opened at Lighthouse's phone size by the same
# browser check as tests/it/page_weight.rs. Prints the images requested on load and
# those inside the first screen, with their bytes.
#
#   bench/page-weight/run.sh
#
# Needs node, Debian's chromium, and `npm ci --prefix tests/browser --ignore-scripts`.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-8777}
repo=$(pwd)
scratch=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$scratch"' EXIT
cargo build --release --locked --example photo_bench
cargo build --release --locked
cp -r content themes "$scratch/"
target/release/examples/photo_bench "$scratch/photos" 47 2400 1800 >/dev/null
python3 - "$scratch" <<'PY'
import glob, shutil, sys
scratch = sys.argv[1]
camera = sorted(glob.glob(f"{scratch}/photos/ocop/**/*.jpg", recursive=True))
demo = sorted(glob.glob(f"{scratch}/content/products/*/*.jpg"))
for i, photo in enumerate(demo):
    shutil.copy(camera[i % len(camera)], photo)
print(f"{len(demo)} demo photos replaced by camera-like ones")
PY
(cd "$scratch" && "$repo/target/release/ocop" build --today 2026-11-29)
node bench/lighthouse/serve.mjs "$scratch/public" "$PORT" &
server=$!
for _ in $(seq 50); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && break; sleep 0.1; done
for page in /san-pham/ /en/products/; do
  node tests/browser/check.mjs images "http://127.0.0.1:$PORT" "$page" | python3 -c "
import json, sys
images = json.load(sys.stdin)['images']
seen = [i for i in images if i['inViewport']]
total = lambda l: sum(i['encodedBodySize'] for i in l)
print(f'$page: {len(images)} images requested on load, {total(images):,} B; '
      f'{len(seen)} inside the first screen, {total(seen):,} B (budget 153,600 B)')"
done
