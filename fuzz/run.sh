#!/usr/bin/env bash
# Run one fuzz target for a number of seconds (default 600), one job on one core:
#   fuzz/run.sh content_yaml|markdown|search_normalize [SECONDS]
# The corpus grows in fuzz/corpus/<target>/ (not committed); a crash is written to
# fuzz/artifacts/<target>/ and, once fixed, belongs in fuzz/regressions/<target>/.
set -euo pipefail
cd "$(dirname "$0")"

CARGO_FUZZ_VERSION=0.13.2
target=${1:?usage: fuzz/run.sh TARGET [SECONDS]}
seconds=${2:-600}
# html5ever, under ammonia, takes time quadratic in the nesting depth of the HTML
# (each opening tag scans the open elements): 8 KB of `>` takes 18 s under
# AddressSanitizer, so Markdown inputs stay at 4 KB to keep the timeout for hangs.
case "$target" in
  markdown) max_len=4096 ;;
  *) max_len=8192 ;;
esac

if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  cargo install cargo-fuzz --locked --version "$CARGO_FUZZ_VERSION"
fi

# cargo fuzz passes nightly-only flags (-Zsanitizer, -Cpasses=sancov-module); the
# stable compiler accepts them when told it is building itself. Stable ships the
# AddressSanitizer runtime for x86_64 Linux, so the default sanitizer works.
export RUSTC_BOOTSTRAP=1

# Start from the kept regression inputs, so that every run replays them first.
# With -jobs libFuzzer writes its output to fuzz-0.log; its last lines are the totals.
mkdir -p "corpus/$target"
status=0
cargo fuzz run "$target" "corpus/$target" "regressions/$target" -- \
  -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
  -jobs=1 -workers=1 -print_final_stats=1 || status=$?
grep -E '^(#[0-9]+\s+DONE|stat::|.*panicked|SUMMARY)' fuzz-0.log || true
echo "corpus/$target: $(find "corpus/$target" -type f | wc -l) inputs"
exit "$status"
