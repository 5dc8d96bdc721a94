"""Two source checkouts of Lika started alternately, with the minimal window between them.

    .venv/bin/python benchmarks/startup_compare.py BEFORE AFTER [--large DB] [--runs 11]
    .venv/bin/python benchmarks/startup_compare.py --frozen BEFORE/lika AFTER/lika [...]

On a shared machine the bare window's first paint moves a lot from one benchmark run to
the next (0.11 to 0.25 s at a load average of 4), so a before/after taken in two runs of
``startup.py --source`` can say little. This starts ``python -m desktop_app`` from each
checkout (``PYTHONPATH``, from a neutral folder) and the minimal window in turn, as
``startup.py`` does, and prints each one's first paint and first page listed over the
minimal window's first paint, its peak memory and the CPU time of the whole run (the
steadiest of the three when others share the machine). The two take turns at being
started first. BEFORE can be a ``git worktree`` or an
export (``git archive COMMIT | tar -x -C DIR``) of the older commit; give each checkout
its trust record (``python -m desktop_app.checklists.trusted``, run in it).

``--frozen``: BEFORE and AFTER are two frozen bundles (``packaging/build.py``'s
``dist/lika``, copied away), started against the minimal window frozen the same way
(``startup.py`` builds it), which is what issue 18's targets measure.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from startup import MB, ROOT, Run, build_minimal, isolated_environment, time_to_window


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--large", type=Path, help="time this register instead of a demo one")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--frozen", action="store_true", help="BEFORE and AFTER are bundles")
    args = parser.parse_args(argv)
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    python = [sys.executable, "-m", "desktop_app"]
    lika = {name: [str(tree / "lika")] if args.frozen else python for name, tree in trees.items()}
    with tempfile.TemporaryDirectory(prefix="lika-compare-") as tmp:
        home = Path(tmp)
        env = {**isolated_environment(home), "LIKA_DEFAULTS": "", "QT_QPA_PLATFORM": "offscreen"}
        db = home / "register.db"
        subprocess.run([*lika["before"], "demo", "--db", db], cwd=home,
                       env={**env, "PYTHONPATH": str(trees["before"])}, check=True,
                       capture_output=True)  # fmt: skip
        env["LIKA_SMOKE_TEST_QUIT_AFTER_SHOW"] = "1"
        register = str(args.large or db)
        if args.frozen:
            minimal = [str(build_minimal(force=False))]
        else:
            minimal = [sys.executable, str(ROOT / "benchmarks" / "minimal_window.py")]
        measured: dict[str, list[Run]] = {"before": [], "after": [], "minimal": []}

        def start(name: str) -> Run:
            if name == "minimal":
                return time_to_window(minimal, env, timeout=300)
            command = [*lika[name], "--db", register]
            if args.frozen:
                return time_to_window(command, env, timeout=300)
            # From the temporary home, so that ``-m`` finds the checkout by PYTHONPATH.
            return _in(home, command, {**env, "PYTHONPATH": str(trees[name])})

        for name in measured:
            start(name)  # warm-up
        for run in range(args.runs):
            # Each in turn goes first: in a fixed order the one started second was the
            # faster by about 50 ms, in two runs with the bundles swapped.
            order = ("before", "after") if run % 2 else ("after", "before")
            for name in (*order, "minimal"):
                measured[name].append(start(name))

    bare = statistics.median(r.seconds for r in measured["minimal"])
    bare_rss = statistics.median(r.peak_rss for r in measured["minimal"])
    bare_cpu = statistics.median(r.cpu for r in measured["minimal"])
    print(f"{args.runs} runs each; minimal window: first paint {bare:.3f} s, "
          f"{bare_rss / MB:.0f} MB, CPU {bare_cpu:.3f} s")  # fmt: skip
    for name in ("before", "after"):
        runs = measured[name]
        paint = statistics.median(r.seconds for r in runs)
        listed = statistics.median(r.listed for r in runs if r.listed is not None)
        rss = statistics.median(r.peak_rss for r in runs)
        cpu = statistics.median(r.cpu for r in runs)
        print(
            f"{name:<7} first paint {paint:.3f} s ({paint / bare:.2f}x)  "
            f"listed {listed:.3f} s ({listed / bare:.2f}x)  "
            f"peak {rss / MB:.0f} MB ({rss / bare_rss:.2f}x)  CPU {cpu:.3f} s"
        )
    return 0


def _in(folder: Path, command: list[str], env: dict[str, str]) -> Run:
    """``time_to_window`` with ``folder`` as the working directory."""
    import os

    previous = Path.cwd()
    os.chdir(folder)
    try:
        return time_to_window(command, env, timeout=300)
    finally:
        os.chdir(previous)


if __name__ == "__main__":
    sys.exit(main())
