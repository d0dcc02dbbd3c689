#!/usr/bin/env bash
# Build speed benchmark: ocop against Hugo and against the cost of copying and of
# writing the same files, on the same generated catalogues, in one run. Prints a
# Markdown report and writes the raw figures to bench/build/results.jsonl.
#
#   bench/build/run.sh                       # N = 1500 15000 50000
#   SIZES="300 1500" RUNS=1 bench/build/run.sh
#
# RUNS is the number of runs whose median is reported; by default 3 below 50,000
# products and 1 from 50,000. Needs GNU time (/usr/bin/time), Python 3 and
# Hugo extended, which Debian packages; on a Debian machine without Hugo it installs
# the pinned version (as root).
set -euo pipefail
cd "$(dirname "$0")/../.."

HUGO_VERSION=0.111.3 # Debian 12's hugo package
SIZES=${SIZES:-1500 15000 50000}
TODAY=2026-11-29 # the generator dates certificates so that about 3 % have expired by then
results=bench/build/results.jsonl

if ! command -v hugo >/dev/null; then
    apt-get install -y "hugo=${HUGO_VERSION}-1"
fi
if ! hugo version | grep -q "v${HUGO_VERSION}"; then
    echo "warning: expected Hugo v${HUGO_VERSION}, found: $(hugo version)" >&2
fi

cargo build --release --locked --quiet --bin ocop --example synthetic_catalogue --example hugo_site
target=${CARGO_TARGET_DIR:-$PWD/target}
ocop=$target/release/ocop
examples=$target/release/examples

work=$(mktemp -d)
serve_pid=
cleanup() {
    if [ -n "$serve_pid" ]; then
        kill "$serve_pid" 2>/dev/null || true
        wait "$serve_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Seconds and peak memory (KB) of one command, as "seconds kb".
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
        cat "$work/stderr" >&2
        exit 1
    }
    cat "$work/time"
}

# Lets the files just deleted age out of the file system's memory. On ext4 without a
# journal (as on the benchmark machine), creating a file skips every inode deleted in
# the last minute, or five while its inode table is unwritten, and that scan grows
# with each file created. At 15,000 products, a build 20 s after deleting the
# previous output's 80,000 files and folders spent 20 to 30 s in the kernel, against
# 4 s after this wait, and took up to twice as long. Whichever tool comes next pays,
# and the more files it writes, the more it pays. So nothing is deleted between the
# measurements of one size, and each deletion is followed by this.
settle() {
    sync
    sleep 61
}

# One raw figure: record N TOOL WHAT RUN "SECONDS KB".
record() {
    local seconds=${5%% *} kb=null
    [[ $5 == *" "* ]] && kb=${5#* }
    printf '{"n":%s,"tool":"%s","what":"%s","run":%s,"seconds":%s,"kb":%s}\n' \
        "$1" "$2" "$3" "$4" "$seconds" "$kb" >>"$results"
    echo "  $2 $3 (run $4): $seconds s, $kb KB" >&2
}

# Rewrite a product's summary with a new ending, from the pristine copy: the YAML
# record for ocop, the content file for Hugo. Each edit differs from the last.
edit_yaml() { sed "/^summary:/s/\.\"\$/ (sửa lần $2).\"/" "$1.orig" >"$1"; }
edit_hugo() { sed "/^  \"summary\": /s/\.\",\$/ (sửa lần $2).\",/" "$1.orig" >"$1"; }

# Writes every file of a tree again, with the same size, into a new tree: the least
# any generator must do. Input: "path<TAB>size" lines; the folders are made first.
cat >"$work/write_floor.py" <<'PY'
import os, sys
listing, dest = sys.argv[1], sys.argv[2]
files = [line.rstrip("\n").split("\t") for line in open(listing, encoding="utf-8")]
for d in sorted({os.path.dirname(p) for p, _ in files}):
    os.makedirs(os.path.join(dest, d), exist_ok=True)
block = b"x" * (1 << 20)
for path, size in files:
    size = int(size)
    with open(os.path.join(dest, path), "wb") as f:
        while size > 0:
            f.write(block[: min(size, len(block))])
            size -= len(block)
PY

# Starts `ocop serve`, waits for its first build, then edits the product RUNS times,
# each time waiting for the status version to move on. Prints, a line each,
# "pages_seconds total_seconds end_to_end_seconds": as printed when the pages were
# ready, as printed once the search index and downloads were too, and as measured
# from the edit to the new version.
serve_runs() {
    local n=$1 site=$2 yaml=$3 runs=$4 first=$5
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    OCOP_LANG=en "$ocop" serve --root "$site" --output "$work/serve-out" --cache-dir "$work/serve-cache" \
        --port "$port" --today "$TODAY" 2>"$work/serve.log" >/dev/null &
    serve_pid=$!
    python3 - "$port" "$yaml" "$runs" "$first" "$work/serve.log" "$serve_pid" <<'PY'
import json, os, re, sys, time, urllib.request
port, yaml, runs, first, log, pid = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], int(sys.argv[6])
url = f"http://127.0.0.1:{port}/__ocop/status"

def status():
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return json.load(r)
    except OSError:
        return None

def version():
    s = status()
    return None if s is None else s["version"]

def building():
    s = status()
    return s is None or s.get("building", False)

def alive():
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False

deadline = time.monotonic() + 1800
while version() is None:
    if not alive() or time.monotonic() > deadline:
        sys.exit("ocop serve stopped or never answered:\n" + open(log, encoding="utf-8").read())
    time.sleep(0.05)
original = open(yaml + ".orig", encoding="utf-8").read()
for k in range(first, first + runs):
    time.sleep(0.5)  # let the watcher settle
    before = version()
    seen = len(open(log, encoding="utf-8").read().splitlines())
    text = "".join(
        re.sub(r'\."$', f' (sửa lần {k})."', line) if line.startswith("summary:") else line
        for line in original.splitlines(keepends=True)
    )
    start = time.monotonic()
    with open(yaml, "w", encoding="utf-8") as f:
        f.write(text)
    while (v := version()) is None or v <= before:
        if not alive() or time.monotonic() - start > 1800:
            sys.exit("ocop serve did not rebuild:\n" + open(log, encoding="utf-8").read())
        time.sleep(0.005)
    end_to_end = time.monotonic() - start
    # The version moves on when the pages are ready; the search index and the
    # downloads follow.
    while building():
        time.sleep(0.005)
    time.sleep(0.1)
    lines = open(log, encoding="utf-8").read().splitlines()[seen:]
    def seconds(pattern):
        found = [float(m.group(1)) for l in lines if (m := re.search(pattern, l))]
        return found[-1] if found else None
    pages = seconds(r"^(?:updated|built) .* in ([0-9.]+) s")
    total = seconds(r"in ([0-9.]+) s in all") or pages
    if any(l.startswith("error") for l in lines):
        sys.exit("ocop serve failed to rebuild:\n" + "\n".join(lines))
    print(f"{pages or 'null'} {total or 'null'} {end_to_end:.3f}")
PY
    kill "$serve_pid"
    wait "$serve_pid" 2>/dev/null || true
    serve_pid=
    # Put back the pristine record for the next measurement.
    cp "$yaml.orig" "$yaml"
}

{
    printf '{"machine":{"nproc":%s,"cpu":"%s","ocop_commit":"%s","hugo":"%s","date":"%s"}}\n' \
        "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//; s/"/\\"/g')" \
        "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src themes examples || echo '+changes')" \
        "$(hugo version | cut -d' ' -f2)" "$(date -u +%Y-%m-%dT%H:%MZ)"
} >"$results"

settle
for n in $SIZES; do
    runs=${RUNS:-$((n >= 50000 ? 1 : 3))}
    started=$(date +%s)
    dir=$work/$n
    site=$dir/site
    hsite=$dir/hugo
    echo "== $n products, $runs run(s)" >&2
    mkdir -p "$site" "$hsite"
    "$examples/synthetic_catalogue" "$n" "$site" >&2
    cp -r themes "$site/"
    cp -r bench/build/hugo/. "$hsite/"
    cp -r themes/default/static "$hsite/"
    "$examples/hugo_site" "$site" "$hsite" --today "$TODAY" >&2

    # The product edited: the middle one, so that its listings are mid-size.
    slug=$(ls "$site/content/products" | sort | sed -n "$(((n + 1) / 2))p")
    yaml=$site/content/products/$slug/product.yaml
    hmd=$hsite/content/san-pham/$slug/index.md
    cp "$yaml" "$yaml.orig"
    cp "$hmd" "$hmd.orig"

    # Each run writes into folders of its own, all removed once the size is done:
    # see settle.
    ocop_build() {
        measure "$ocop" build --root "$site" --output "$dir/ocop-out-$run" \
            --cache-dir "$dir/ocop-cache-$run" --today "$TODAY"
    }
    hugo_build() { measure hugo --source "$hsite" --destination "$dir/hugo-out-$run" --quiet; }

    edit=0
    for run in $(seq "$runs"); do
        # Cold, then one edited product; ocop and Hugo alternate, so that whatever
        # else the machine does weighs on both alike.
        out=$dir/ocop-out-$run
        cp "$yaml.orig" "$yaml"
        cp "$hmd.orig" "$hmd"
        t=$(ocop_build)
        record "$n" ocop cold "$run" "$t"
        rm -rf "$hsite/resources"
        t=$(hugo_build)
        record "$n" hugo cold "$run" "$t"

        # The floor, from ocop's finished tree.
        find "$out" -type f -printf '%P\t%s\n' >"$dir/files"
        t=$(measure cp -r "$out" "$dir/copy-$run")
        record "$n" floor copy "$run" "$t"
        t=$(measure python3 "$work/write_floor.py" "$dir/files" "$dir/written-$run")
        record "$n" floor write "$run" "$t"

        edit=$((edit + 1))
        edit_yaml "$yaml" "$edit"
        t=$(ocop_build)
        record "$n" ocop edit "$run" "$t"
        edit_hugo "$hmd" "$edit"
        t=$(hugo_build)
        record "$n" hugo edit "$run" "$t"
    done
    files_ocop=$(wc -l <"$dir/files")
    bytes_ocop=$(du -sb "$out" | cut -f1)
    files_hugo=$(find "$dir/hugo-out-$runs" -type f | wc -l)
    bytes_hugo=$(du -sb "$dir/hugo-out-$runs" | cut -f1)
    # The largest HTML page, in bytes, and where it is.
    largest=$(find "$out" -name '*.html' -printf '%s %P\n' | sort -n | tail -1)
    printf '{"n":%s,"files":{"ocop":%s,"ocop_bytes":%s,"hugo":%s,"hugo_bytes":%s,"largest_page":%s,"largest_page_path":"%s"}}\n' \
        "$n" "$files_ocop" "$bytes_ocop" "$files_hugo" "$bytes_hugo" "${largest%% *}" "${largest#* }" >>"$results"
    rm -rf "$dir"/ocop-out-* "$dir"/ocop-cache-* "$dir"/hugo-out-* "$dir"/copy-* "$dir"/written-* "$hsite/resources"
    settle

    cp "$yaml.orig" "$yaml"
    serve_runs "$n" "$site" "$yaml" "$runs" $((edit + 1)) >"$work/serve.txt"
    run=0
    while read -r printed total end_to_end; do
        run=$((run + 1))
        record "$n" serve printed "$run" "$printed"
        record "$n" serve total "$run" "$total"
        record "$n" serve end_to_end "$run" "$end_to_end"
    done <"$work/serve.txt"
    rm -rf "$work/serve-out" "$work/serve-cache"
    printf '{"n":%s,"elapsed":%s,"runs":%s}\n' "$n" $(($(date +%s) - started)) "$runs" >>"$results"
    rm -rf "$dir"
    settle
done

python3 bench/build/report.py "$results"
