#!/usr/bin/env bash
# Photo pipeline benchmark: ocop against Hugo on the same camera-sized JPEGs, in one
# run. Prints a Markdown report; BENCHMARKS.md explains it and keeps the last one.
#
#   bench/photos/run.sh            # 50 photos of 4000×3000, 3 runs of each
#   COUNT=20 RUNS=5 bench/photos/run.sh
#
# Needs GNU time (/usr/bin/time) and Hugo extended, which Debian packages; on a
# Debian machine without Hugo it installs the pinned version (as root).
set -euo pipefail
cd "$(dirname "$0")/../.."

HUGO_VERSION=0.111.3 # Debian 12's hugo package, built "extended" (with WebP)
COUNT=${COUNT:-50}
RUNS=${RUNS:-3}
WIDTH=4000
HEIGHT=3000

if ! command -v hugo >/dev/null; then
    apt-get install -y "hugo=${HUGO_VERSION}-1"
fi
if ! hugo version | grep -q "v${HUGO_VERSION}+extended"; then
    echo "warning: expected Hugo v${HUGO_VERSION} extended, found: $(hugo version)" >&2
fi

cargo build --release --locked --quiet --bin ocop --example photo_bench
ocop=$PWD/target/release/ocop

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/examples/photo_bench "$work" "$COUNT" "$WIDTH" "$HEIGHT" >&2
cp -r themes "$work/ocop/"

# Seconds and peak memory (KB) of one command, as "seconds kb".
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
        cat "$work/stderr" >&2
        exit 1
    }
    cat "$work/time"
}
ocop_build() {
    measure "$ocop" build --root "$work/ocop" --output "$work/ocop-out" \
        --cache-dir "$work/ocop-cache" --today 2026-11-29
}
hugo_build() {
    measure hugo --source "$work/hugo" --quiet
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Cold runs alternate between the tools, so that whatever else the machine does
# weighs on both alike.
: >"$work/ocop-cold"
: >"$work/hugo-cold"
for _ in $(seq "$RUNS"); do
    rm -rf "$work/ocop-out" "$work/ocop-cache"
    ocop_build >>"$work/ocop-cold"
    rm -rf "$work/hugo/public" "$work/hugo/resources"
    hugo_build >>"$work/hugo-cold"
done
: >"$work/ocop-warm"
: >"$work/hugo-warm"
for _ in $(seq "$RUNS"); do
    ocop_build >>"$work/ocop-warm"
    hugo_build >>"$work/hugo-warm"
done

ocop_cold=$(cut -d' ' -f1 "$work/ocop-cold" | median)
hugo_cold=$(cut -d' ' -f1 "$work/hugo-cold" | median)
ocop_warm=$(cut -d' ' -f1 "$work/ocop-warm" | median)
hugo_warm=$(cut -d' ' -f1 "$work/hugo-warm" | median)
ocop_rss=$(cut -d' ' -f2 "$work/ocop-cold" | median)
hugo_rss=$(cut -d' ' -f2 "$work/hugo-cold" | median)

# What a listing page of 24 cards costs a visitor: each card's cover at the width a
# phone picks (two columns: 400 px at 2× pixel density, 800 px at 3×), against the
# camera originals.
cards=$((COUNT < 24 ? COUNT : 24))
listing() {
    local total=0
    for i in $(seq 0 $((cards - 1))); do
        total=$((total + $(stat -c %s "$work/ocop-out/san-pham/$(printf 'san-pham-%03d' "$i")/$1")))
    done
    echo "$total"
}
originals=0
for i in $(seq 0 $((cards - 1))); do
    originals=$((originals + $(stat -c %s "$work/ocop/content/products/$(printf 'san-pham-%03d' "$i")/anh.jpg")))
done

awk -v count="$COUNT" -v w="$WIDTH" -v h="$HEIGHT" -v runs="$RUNS" \
    -v oc="$ocop_cold" -v hc="$hugo_cold" -v ow="$ocop_warm" -v hw="$hugo_warm" \
    -v orss="$ocop_rss" -v hrss="$hugo_rss" \
    -v w400="$(listing anh-400.webp)" -v w800="$(listing anh-800.webp)" \
    -v j800="$(listing anh-800.jpg)" -v orig="$originals" -v cards="$cards" \
    -v hugo="$(hugo version | cut -d' ' -f2)" -v cores="$(nproc)" '
function kb(b) { return sprintf("%.0f KB", b / 1000) }
BEGIN {
    mp = count * w * h / 1e6
    printf "Photos: %d JPEGs of %d×%d (%.0f megapixels in all). Each tool makes WebP q75 and JPEG q80 at 400, 800 and 1600 px, and a 1200×630 share image, with a Lanczos filter. %d cores; median of %d runs; Hugo %s.\n\n", count, w, h, mp, cores, runs, hugo
    print "| | ocop | Hugo | ocop / Hugo |"
    print "|---|---|---|---|"
    printf "| Cold build (no cache) | %.2f s | %.2f s | %.2f |\n", oc, hc, oc / hc
    printf "| Cold throughput | %.1f MP/s | %.1f MP/s | |\n", mp / oc, mp / hc
    printf "| Warm rebuild, nothing changed | %.2f s (%.1f %% of cold) | %.2f s | %.2f |\n", ow, 100 * ow / oc, hw, ow / hw
    printf "| Peak memory, cold | %.0f MB | %.0f MB | %.2f |\n\n", orss / 1000, hrss / 1000, orss / hrss
    printf "A listing page of %d cards, photo bytes a visitor downloads:\n\n", cards
    print "| Served | Bytes | Of the originals |"
    print "|---|---|---|"
    printf "| Camera originals | %s | 100 %% |\n", kb(orig)
    printf "| WebP 400 px (phone, 2× screen) | %s | %.1f %% |\n", kb(w400), 100 * w400 / orig
    printf "| WebP 800 px (phone, 3× screen) | %s | %.1f %% |\n", kb(w800), 100 * w800 / orig
    printf "| JPEG 800 px (browsers without WebP) | %s | %.1f %% |\n", kb(j800), 100 * j800 / orig
}'
