"""Prints the Markdown report of bench/build/run.sh from its raw figures (results.jsonl)."""

import json
import statistics
import sys
from collections import defaultdict

figures = defaultdict(list)  # (n, tool, what) -> [(seconds, kb)]
machine, files, elapsed = {}, {}, {}
for line in open(sys.argv[1], encoding="utf-8"):
    row = json.loads(line)
    if "machine" in row:
        machine = row["machine"]
    elif "files" in row:
        files[row["n"]] = row["files"]
    elif "elapsed" in row:
        elapsed[row["n"]] = row
    elif row["seconds"] is not None:
        figures[(row["n"], row["tool"], row["what"])].append((row["seconds"], row["kb"]))

sizes = sorted({n for n, _, _ in figures})


def sec(n, tool, what):
    runs = figures.get((n, tool, what))
    return statistics.median(s for s, _ in runs) if runs else None


def mb(n, tool, what):
    runs = [kb for _, kb in figures.get((n, tool, what), []) if kb is not None]
    return statistics.median(runs) / 1000 if runs else None


def f(value, digits=2, unit=""):
    return "–" if value is None else f"{value:.{digits}f}{unit}"


def ratio(a, b):
    return None if a is None or not b else a / b


def row(cells):
    print("| " + " | ".join(cells) + " |")


runs = ", ".join(f"{elapsed[n]['runs']} at {n:,}" for n in sizes if n in elapsed)
print("## Build speed: ocop, Hugo and the floor\n")
print(
    f"Machine: {machine.get('nproc')} cores, {machine.get('cpu')}; ocop {machine.get('ocop_commit')}; "
    f"Hugo {machine.get('hugo')}; measured {machine.get('date')}. "
    f"Each figure is the median of the runs ({runs}); times are wall-clock seconds, "
    "memory is peak resident set size. The catalogue is examples/synthetic_catalogue.rs's, "
    "without photos, built with `--today 2026-11-29`.\n"
)

print("### Cold build\n")
row(["Products", "ocop", "ocop memory", "Hugo", "Hugo memory", "ocop / Hugo",
     "copy floor (`cp -r`)", "ocop / copy", "write floor", "ocop / write"])
row(["---:"] * 10)
for n in sizes:
    oc, hc = sec(n, "ocop", "cold"), sec(n, "hugo", "cold")
    cp, wr = sec(n, "floor", "copy"), sec(n, "floor", "write")
    row([f"{n:,}", f(oc, 2, " s"), f(mb(n, "ocop", "cold"), 0, " MB"), f(hc, 2, " s"),
         f(mb(n, "hugo", "cold"), 0, " MB"), f(ratio(oc, hc), 2), f(cp, 2, " s"),
         f(ratio(oc, cp), 1, "×"), f(wr, 2, " s"), f(ratio(oc, wr), 1, "×")])

print("\n### One product's summary edited\n")
row(["Products", "ocop build (CLI)", "ocop memory", "`ocop serve`: pages ready, as printed",
     "`ocop serve` edit → new version", "`ocop serve`: with search index and downloads",
     "Hugo (full build)", "Hugo memory", "ocop CLI / Hugo"])
row(["---:"] * 9)
for n in sizes:
    oe, he = sec(n, "ocop", "edit"), sec(n, "hugo", "edit")
    row([f"{n:,}", f(oe, 2, " s"), f(mb(n, "ocop", "edit"), 0, " MB"),
         f(sec(n, "serve", "printed"), 3, " s"), f(sec(n, "serve", "end_to_end"), 3, " s"),
         f(sec(n, "serve", "total"), 3, " s"), f(he, 2, " s"), f(mb(n, "hugo", "edit"), 0, " MB"), f(ratio(oe, he), 2)])
print(
    "\nThe edit → new version time is measured by the script from writing the file to "
    "`/__ocop/status` reporting a higher version, which it does once the pages are "
    "written; it includes serve's 100 ms wait for an editor's saves to settle and the file "
    "watcher's delay. The search index and the downloads are written after that. Hugo has no incremental "
    "command-line build: its figure is a second full `hugo` run over an existing `public/`.\n"
)

print("### What is written\n")
row(["Products", "ocop files", "ocop files a product", "ocop size", "largest ocop page",
     "Hugo files", "Hugo size", "Whole run"])
row(["---:"] * 8)
for n in sizes:
    fl = files.get(n, {})
    largest = fl.get("largest_page")
    row([f"{n:,}", f"{fl.get('ocop', 0):,}", f(fl.get("ocop", 0) / n, 2),
         f(fl.get("ocop_bytes", 0) / 1e6, 1, " MB"),
         f"{largest / 1024:.0f} KB (`/{fl.get('largest_page_path', '')}`)" if largest else "–",
         f"{fl.get('hugo', 0):,}", f(fl.get("hugo_bytes", 0) / 1e6, 1, " MB"),
         f"{elapsed[n]['elapsed']} s" if n in elapsed else "–"])

print("\n### Growth: seconds per 1,000 products\n")
series = [("ocop cold", "ocop", "cold"), ("Hugo cold", "hugo", "cold"),
          ("ocop edit (CLI)", "ocop", "edit"), ("serve rebuild", "serve", "printed"),
          ("Hugo edit", "hugo", "edit"), ("copy floor", "floor", "copy"),
          ("write floor", "floor", "write")]
row(["Products"] + [name for name, _, _ in series])
row(["---:"] * (len(series) + 1))
for n in sizes:
    row([f"{n:,}"] + [f(ratio(sec(n, t, w), n / 1000), 3) for _, t, w in series])
if len(sizes) > 1:
    print()
    for name, t, w in series:
        per = [ratio(sec(n, t, w), n / 1000) for n in sizes]
        if None in per or not per[0]:
            continue
        steps = ", ".join(
            f"{a:,}→{b:,}: ×{per[i + 1] / per[i]:.2f}" for i, (a, b) in enumerate(zip(sizes, sizes[1:]))
        )
        growth = per[-1] / per[0]
        verdict = ("about linear" if 0.8 <= growth <= 1.25
                   else "faster than linear" if growth > 1.25 else "less than linear (fixed costs dominate the small size)")
        print(f"- {name}: cost per product {steps}; {verdict}.")
    print(
        "\n(Linear means a constant cost per product: a factor near 1 in each step; "
        "the script calls 0.8 to 1.25 overall \"about linear\". At small sizes start-up "
        "costs weigh, so the factor is then below 1.)"
    )

if 15000 in sizes:
    n = 15000
    oc, hc, wf = sec(n, "ocop", "cold"), sec(n, "hugo", "cold"), sec(n, "floor", "write")
    fl = files.get(n, {})
    print("\n### Targets at 15,000 products (issue 19)\n")
    checks = [
        ("Cold build at most 0.5× Hugo", ratio(oc, hc), 0.5, "{:.2f}×"),
        ("Cold build at most 2× the write floor", ratio(oc, wf), 2, "{:.1f}×"),
        ("Peak memory under 300 MB", mb(n, "ocop", "cold"), 300, "{:.0f} MB"),
        ("CLI build after one edit at most 0.1× the cold build", ratio(sec(n, "ocop", "edit"), oc), 0.1, "{:.2f}×"),
        ("At most 3 files a product", ratio(fl.get("ocop"), n), 3, "{:.2f}"),
        ("No HTML page over 200 KB", ratio(fl.get("largest_page"), 1024), 200, "largest {:.0f} KB"),
    ]
    for name, value, limit, fmt in checks:
        state = "–" if value is None else ("met" if value <= limit else "not met")
        print(f"- {name}: {'–' if value is None else fmt.format(value)}, {state}.")
