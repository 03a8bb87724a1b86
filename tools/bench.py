"""`make bench`: time the book's builds on this machine and check the budgets.

Measures, in one run, wall time and peak memory (the largest resident set of any process
of the step, kernels included) of: a clean build with execution; a no-op rebuild; a rebuild
after one chapter's notebook changes; a rebuild after one CSV changes; the nbval run; and
`make test` as a whole. In the same run it builds the sample book of `jupyter-book create`
and reports our cost per executed notebook as a ratio to the sample's. Repeated steps are
run RUNS times and the median is quoted. Prints a table and writes _build/bench/bench.csv.
"""

from __future__ import annotations

import csv
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
OUT = ROOT / "_build" / "bench"
BUDGET = {"noop_s": 5.0, "notebook_s": 10.0, "peak_mb": 1536.0, "ratio": 1.0}


def run(cmd: list[str], cwd: Path = ROOT) -> tuple[float, float, str]:
    """(wall seconds, peak MB of any descendant process, output) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss only grows: a step's own peak is known when it sets a new maximum
    return wall, (peak if peak > before else float("nan")) / 1024, done.stdout + done.stderr


TIME_ONE = """
import sys, time, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
start = time.perf_counter()
NotebookClient(nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": sys.argv[2]}}).execute()
print("SECONDS=%f" % (time.perf_counter() - start))
"""


def execution_seconds(notebook: Path) -> float:
    """Seconds to run a notebook top to bottom in a fresh kernel (kernel start included)."""
    _, _, out = run([sys.executable, "-c", TIME_ONE, str(notebook), str(notebook.parent)])
    return float(re.search(r"SECONDS=([0-9.]+)", out).group(1))


def executed(log: str) -> list[str]:
    """Chapters executed, by execute.py (in parallel) or by myst-nb during the Sphinx read."""
    parallel = [
        n
        for line in re.findall(r"executing \d+ chapter\(s\) in parallel: (.*)", log)
        for n in re.findall(r"notebooks/([\w-]+)", line)
    ]
    return sorted(set(parallel) | set(re.findall(r"([\w-]+)\.ipynb: Executing notebook", log)))


def book(cwd: Path = ROOT) -> list[str]:
    return ["make", "--no-print-directory", "-C", str(cwd), "book"]


def clean(cwd: Path = ROOT) -> None:
    shutil.rmtree(cwd / "_build" / "html", ignore_errors=True)
    shutil.rmtree(cwd / "_build" / ".jupyter_cache", ignore_errors=True)
    shutil.rmtree(cwd / "_build" / ".doctrees", ignore_errors=True)
    shutil.rmtree(cwd / "_build" / "jupyter_execute", ignore_errors=True)


class Edited:
    """Change a file's bytes without changing its meaning, and put it back afterwards."""

    def __init__(self, path: Path, change):
        self.path, self.change = path, change

    def __enter__(self):
        self.original = self.path.read_bytes()
        self.path.write_bytes(self.change(self.original))

    def __exit__(self, *exc):
        self.path.write_bytes(self.original)


def with_code_comment(run: int):
    """An edit of the first code cell, different for each run (an edit already executed once
    would rightly come from the cache)."""

    def edit(notebook: bytes) -> bytes:
        nb = json.loads(notebook)
        cell = next(c for c in nb["cells"] if c["cell_type"] == "code")
        source = cell["source"] if isinstance(cell["source"], list) else [cell["source"]]
        cell["source"] = [f"# benchmark edit {run} {time.time_ns()}\n", *source]
        return json.dumps(nb, indent=1).encode()

    return edit


def median_row(step: str, samples: list[tuple[float, float, str]], note: str = "") -> dict:
    walls = [s[0] for s in samples]
    peaks = [s[1] for s in samples if s[1] == s[1]]
    return {
        "step": step,
        "runs": len(samples),
        "median_s": round(statistics.median(walls), 2),
        "min_s": round(min(walls), 2),
        "max_s": round(max(walls), 2),
        "peak_mb": round(max(peaks), 0) if peaks else "",
        "note": note,
    }


def sample_book() -> tuple[list, int]:
    """Clean builds of `jupyter-book create`'s sample book: (samples, notebooks executed)."""
    tmp = Path(tempfile.mkdtemp(prefix="jb-sample-"))
    subprocess.run([str(BIN / "jupyter-book"), "create", str(tmp / "sample")], check=True, capture_output=True)
    samples = []
    for _ in range(RUNS):
        shutil.rmtree(tmp / "sample" / "_build", ignore_errors=True)
        samples.append(run([str(BIN / "jupyter-book"), "build", str(tmp / "sample")], cwd=tmp))
    count = len(executed(samples[-1][2]))
    shutil.rmtree(tmp)
    return samples, count


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    rows = []

    clean_runs = []
    for _ in range(RUNS):
        clean()
        clean_runs.append(run(book()))
    ours_executed = len(executed(clean_runs[-1][2]))
    rows.append(median_row("clean build (execute all)", clean_runs, f"{ours_executed} notebooks executed"))

    noop = [run(book()) for _ in range(RUNS)]
    rows.append(median_row("no-op rebuild", noop, f"executed: {executed(noop[-1][2]) or 'none'}"))

    chapter = notebooks[-1]
    runs = []
    for i in range(RUNS):
        with Edited(chapter, with_code_comment(i)):
            runs.append(run(book()))
        run(book())  # back to the committed notebook (re-executes it; not timed)
    rows.append(median_row(f"one chapter changed ({chapter.stem})", runs, f"executed: {executed(runs[-1][2])}"))

    csv_file = ROOT / "data" / "opium_afghanistan.csv"
    runs = []
    for _ in range(RUNS):
        with Edited(csv_file, lambda b: b.replace(b"\n", b"\r\n")):
            runs.append(run(book()))
        run(book())
    rows.append(median_row(f"one CSV changed ({csv_file.name})", runs, f"executed: {executed(runs[-1][2])}"))

    nbval = [
        run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-p",
                "no:cacheprovider",
                "-q",
                "--nbval",
                "--nbval-current-env",
                *map(str, notebooks),
            ]
        )
        for _ in range(RUNS)
    ]
    rows.append(median_row("nbval (all notebooks)", nbval))

    per_notebook = [(nb.stem, execution_seconds(nb)) for nb in notebooks]
    slowest = max(per_notebook, key=lambda x: x[1])
    rows.append(
        {
            "step": "slowest notebook (fresh kernel, top to bottom)",
            "runs": 1,
            "median_s": round(slowest[1], 2),
            "min_s": "",
            "max_s": "",
            "peak_mb": "",
            "note": slowest[0],
        }
    )

    sample, sample_executed = sample_book()
    rows.append(
        median_row("sample book clean build (jupyter-book create)", sample, f"{sample_executed} notebooks executed")
    )

    whole = [run(["make", "--no-print-directory", "-C", str(ROOT), "test"])]
    rows.append(median_row("make test (whole)", whole))

    ours_per_nb = statistics.median(s[0] for s in clean_runs) / max(ours_executed, 1)
    sample_per_nb = statistics.median(s[0] for s in sample) / max(sample_executed, 1)
    ratio = ours_per_nb / sample_per_nb
    rows.append(
        {
            "step": "cost per executed notebook: ours / sample",
            "runs": "",
            "median_s": round(ratio, 2),
            "min_s": "",
            "max_s": "",
            "peak_mb": "",
            "note": f"{ours_per_nb:.2f} s vs {sample_per_nb:.2f} s per notebook",
        }
    )

    with open(OUT / "bench.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print_table(rows)
    check_budgets(rows, ratio, per_notebook)


def print_table(rows: list[dict]) -> None:
    widths = {k: max(len(str(k)), *(len(str(r[k])) for r in rows)) for k in rows[0]}
    print(" | ".join(str(k).ljust(widths[k]) for k in rows[0]))
    print("-|-".join("-" * widths[k] for k in rows[0]))
    for r in rows:
        print(" | ".join(str(r[k]).ljust(widths[k]) for k in r))
    print(f"\n(written to {OUT / 'bench.csv'})")


def check_budgets(rows: list[dict], ratio: float, per_notebook: list) -> None:
    by = {r["step"]: r for r in rows}
    peaks = [r["peak_mb"] for r in rows if isinstance(r["peak_mb"], (int, float))]
    noop = next(r for s, r in by.items() if s.startswith("no-op"))
    one = next(r for s, r in by.items() if s.startswith("one chapter"))
    verdicts = {
        f"clean cost per notebook ratio <= {BUDGET['ratio']}": ratio <= BUDGET["ratio"],
        f"no-op rebuild < {BUDGET['noop_s']} s": noop["median_s"] < BUDGET["noop_s"],
        "one-chapter change re-executes that chapter only": one["note"].count("'") == 2,
        f"each notebook < {BUDGET['notebook_s']} s": all(w < BUDGET["notebook_s"] for _, w in per_notebook),
        f"peak memory < {BUDGET['peak_mb']:.0f} MB": all(p < BUDGET["peak_mb"] for p in peaks),
    }
    print("\nBudgets:")
    for name, ok in verdicts.items():
        print(f"  {'met ' if ok else 'MISS'}  {name}")


if __name__ == "__main__":
    main()
