"""Start-up time, memory and size of the frozen Lika, against a minimal frozen PySide6 window.

    .venv/bin/python benchmarks/startup.py [--runs 15] [--lika dist/lika] [--check]
    .venv/bin/python benchmarks/startup.py --source [--large /tmp/lika-bench-100000.db] --json

Build Lika first (``packaging/build.py``); the minimal window (``minimal_window.py``) is
frozen here by ``minimal.spec`` with the same PyInstaller options and trimming, into
build/benchmark/. Both programs run offscreen in a throw-away home, alternately, after a
warm-up run each, and quit themselves: the minimal window once shown, Lika once its
start is complete (``LIKA_SMOKE_TEST_QUIT_AFTER_SHOW=1``, a demo register of 11
assessments).

Printed: the median time from starting the process to the "main window shown" line,
which both programs print once their window has first been drawn (Lika shows its window
before it opens the register, see ``desktop_app/ui/app.py``), and to the "register
listed" line, when the register's first page has been painted in the window; the peak
resident memory of the whole run, which for Lika ends only once its start is complete
(the register checked, listed and attached: "start complete"; a listed register is
opened for writing by the user's first action that needs it; from the kernel's
accounting of the finished child); time and memory as a ratio to the minimal
window; the peak until the register was listed (as Lika reports it where the
platform tells it: ``ui/smoke_hook.py``); the CPU time of each whole run (steadier
than wall time when other work shares the machine); and the sizes of the bundle and of
the installers in dist/.
Targets (issue 7): start-up < 1.5x and < 1 s, bundle < 150 MB, installer < 60 MB;
memory ≤ 1.3x (issue 18, stricter than issue 7's 1.5x). ``--check`` exits with 1 when
one is missed. POSIX only (it uses ``wait4``).

``--source`` times the source checkout instead (``python -m desktop_app`` against
``python benchmarks/minimal_window.py``, same interpreter): no build needed, sizes not
reported. ``--large PATH`` also times Lika on that register (say one of 100,000
assessments, ``lika demo --count 100000``), frozen or from source. ``--json`` prints
the figures as one JSON object (frozen: with the bundle's and installers' sizes): per
register ``first_paint_ratio`` and ``listed_ratio`` (Lika's first paint and its first
page of the register painted, each over the minimal window's first paint) and
``memory_ratio`` (peak memory of the whole start, see above), with the seconds and
megabytes behind them, and (not on Windows) ``listed_memory_ratio`` (the peak until the
register was listed, over the minimal window's peak). Targets (issue 18):
listed ≤ 1.5x on the demo register and ≤ 2x at 100,000, memory ≤ 1.3x.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import selectors
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

from smoke_test import MARKER, READY_MARKER, isolated_environment
from spec_support import pyinstaller_environment

# Lika prints its peak memory until listed when asked (``ui/smoke_hook.py``).
PEAK_VARIABLE, PEAK_MARKER = (
    "LIKA_SMOKE_TEST_REPORT_PEAK",
    "LIKA_SMOKE_TEST: peak bytes until listed ",
)

MINIMAL_DIST = ROOT / "build" / "benchmark" / "dist" / "minimal-window"
MB = 1_000_000


@dataclass
class Run:
    seconds: float  # to the main window shown
    listed: float | None  # to the register listed in it (Lika only)
    peak_rss: int  # bytes, over the whole run
    cpu: float  # user + system seconds of the whole run: less swayed by a busy machine
    listed_peak_rss: int | None = None  # bytes, the peak until the register was listed


def build_minimal(force: bool) -> Path:
    exe = MINIMAL_DIST / "minimal-window"
    if force or not exe.exists():
        subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
             "--distpath", MINIMAL_DIST.parent, "--workpath", ROOT / "build" / "benchmark" / "work",
             ROOT / "benchmarks" / "minimal.spec"],
            check=True, env=pyinstaller_environment(dict(os.environ)),  # as Lika is built
        )  # fmt: skip
    return exe


def time_to_window(args: list[str], env: dict[str, str], timeout: float = 60) -> Run:
    """Start ``args``, note when the marker lines come, let it exit (Lika once its register
    is listed); return the times and the peak RSS."""
    start = time.perf_counter()
    process = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL
    )
    assert process.stdout is not None
    shown: float | None = None
    listed: float | None = None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    buffer = b""
    while time.perf_counter() - start < timeout:
        if not selector.select(timeout=1):
            continue
        chunk = os.read(process.stdout.fileno(), 4096)
        if not chunk:
            break  # the program has exited
        buffer += chunk
        if shown is None and MARKER.encode() in buffer:
            shown = time.perf_counter() - start
        if listed is None and READY_MARKER.encode() in buffer:
            listed = time.perf_counter() - start
    # wait4 reports this child's own peak memory (ru_maxrss, KiB on Linux, bytes on macOS).
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stdout.close()
    if shown is None or process.returncode != 0:
        raise RuntimeError(f"{args[0]} did not show its window (exit code {process.returncode})")
    factor = 1 if sys.platform == "darwin" else 1024
    return Run(
        seconds=shown,
        listed=listed,
        peak_rss=usage.ru_maxrss * factor,
        cpu=usage.ru_utime + usage.ru_stime,
        listed_peak_rss=reported_peak(buffer.decode(errors="replace")),
    )


def reported_peak(output: str) -> int | None:
    """The peak until listed that Lika printed (``smoke_hook.PEAK_MARKER``), if any."""
    for line in output.splitlines():
        if line.startswith(PEAK_MARKER):
            return int(line.removeprefix(PEAK_MARKER))
    return None


def median_listed_peak(runs: list[Run]) -> float | None:
    """The median peak until the register was listed (None where none was reported)."""
    peaks = [r.listed_peak_rss for r in runs if r.listed_peak_rss]
    return statistics.median(peaks) if peaks else None


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def installers() -> list[Path]:
    patterns = ("lika_*.deb", "lika-*.tar.gz", "Lika-*-setup.exe", "Lika-*.dmg")
    return sorted(p for pattern in patterns for p in (ROOT / "dist").glob(pattern))


def measure(programs: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, list[Run]]:
    """Each program ``runs`` times after a warm-up run each, alternately, so drift on a
    shared machine hits all of them."""
    measured: dict[str, list[Run]] = {name: [] for name in programs}
    for command in programs.values():
        time_to_window(command, env, timeout=300)  # warm-up: files into the page cache
    for _ in range(runs):
        for name, command in programs.items():
            measured[name].append(time_to_window(command, env, timeout=300))
    return measured


def lika_programs(lika: list[str], db: Path, large: Path | None) -> dict[str, list[str]]:
    programs = {"demo": [*lika, "--db", str(db)]}
    if large is not None:
        programs["large"] = [*lika, "--db", str(large)]
    return programs


def figures_of(measured: dict[str, list[Run]], runs: int) -> dict[str, object]:
    """The JSON figures: per register, Lika's first paint and first page listed over
    the minimal window's first paint, and the peak memory over the minimal window's."""

    def median(name: str, what: str) -> float:
        return statistics.median(getattr(r, what) for r in measured[name])

    bare_paint, bare_rss = median("minimal", "seconds"), median("minimal", "peak_rss")
    figures: dict[str, object] = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}",
        "runs": runs,
        "minimal": {"first_paint_s": round(bare_paint, 3), "peak_mb": round(bare_rss / MB)},
    }
    for name in ("demo", "large"):
        if name not in measured:
            continue
        paint, listed = median(name, "seconds"), median(name, "listed")
        rss = median(name, "peak_rss")
        entry: dict[str, object] = {
            "first_paint_s": round(paint, 3),
            "listed_s": round(listed, 3),
            "peak_mb": round(rss / MB),
            "cpu_s": round(median(name, "cpu"), 3),
            "first_paint_ratio": round(paint / bare_paint, 2),
            "listed_ratio": round(listed / bare_paint, 2),
            "memory_ratio": round(rss / bare_rss, 2),
        }
        listed_rss = median_listed_peak(measured[name])
        if listed_rss is not None:  # the peak until the first page was on the screen
            entry["listed_peak_mb"] = round(listed_rss / MB)
            entry["listed_memory_ratio"] = round(listed_rss / bare_rss, 2)
        figures[name] = entry
    return figures


def source_figures(runs: int, large: Path | None) -> dict[str, object]:
    """Lika from the source checkout against the minimal window on the same Python."""
    with tempfile.TemporaryDirectory(prefix="lika-bench-") as tmp:
        home = Path(tmp)
        env = {**isolated_environment(home), "LIKA_DEFAULTS": "", "QT_QPA_PLATFORM": "offscreen"}
        env["PYTHONPATH"] = str(ROOT)
        db = home / "register.db"
        python = [sys.executable]
        subprocess.run([*python, "-m", "desktop_app", "demo", "--db", db], env=env, check=True,
                       capture_output=True)  # fmt: skip
        env.update({"LIKA_SMOKE_TEST_QUIT_AFTER_SHOW": "1", PEAK_VARIABLE: "1"})
        programs = {
            **lika_programs([*python, "-m", "desktop_app"], db, large),
            "minimal": [*python, str(ROOT / "benchmarks" / "minimal_window.py")],
        }
        return figures_of(measure(programs, env, runs), runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lika", type=Path, default=ROOT / "dist" / "lika")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--rebuild-minimal", action="store_true")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--source", action="store_true", help="time the source checkout")
    parser.add_argument("--large", type=Path, help="also time Lika on this (large) register")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.source:
        figures = source_figures(args.runs, args.large)
        if args.json:
            print(json.dumps(figures, indent=2))
        else:
            for key, value in figures.items():
                print(f"{key}: {value}")
        return 0
    lika = args.lika / "lika"
    if not lika.exists():
        print(f"{lika} does not exist: run packaging/build.py first", file=sys.stderr)
        return 2
    minimal = build_minimal(args.rebuild_minimal)

    with tempfile.TemporaryDirectory(prefix="lika-bench-") as tmp:
        home = Path(tmp)
        env = {**isolated_environment(home), "LIKA_DEFAULTS": "", "QT_QPA_PLATFORM": "offscreen"}
        db = home / "register.db"
        subprocess.run([lika, "demo", "--db", db], env=env, check=True, capture_output=True)
        env.update({"LIKA_SMOKE_TEST_QUIT_AFTER_SHOW": "1", PEAK_VARIABLE: "1"})
        programs = {**lika_programs([str(lika)], db, args.large), "minimal": [str(minimal)]}
        runs = measure(programs, env, args.runs)
    if args.json:
        figures = figures_of(runs, args.runs)
        figures["bundle_mb"] = round(folder_size(args.lika) / MB, 1)
        figures["installers_mb"] = {p.name: round(p.stat().st_size / MB, 1) for p in installers()}
        print(json.dumps(figures, indent=2))
        return 0
    runs["lika"] = runs["demo"]

    def median_time(name: str) -> float:
        return statistics.median(r.seconds for r in runs[name])

    def median_listed() -> float:
        return statistics.median(r.listed for r in runs["lika"] if r.listed is not None)

    def median_rss(name: str) -> float:
        return statistics.median(r.peak_rss for r in runs[name])

    def median_cpu(name: str) -> float:
        return statistics.median(r.cpu for r in runs[name])

    time_ratio = median_time("lika") / median_time("minimal")
    listed_ratio = median_listed() / median_time("minimal")
    listed_ok = listed_ratio <= 1.5
    rss_ratio = median_rss("lika") / median_rss("minimal")
    bundle = folder_size(args.lika)
    results = [
        ("start-up, Lika", f"{median_time('lika'):.3f} s", median_time("lika") < 1.0, "< 1 s"),
        ("start-up, minimal window", f"{median_time('minimal'):.3f} s", None, ""),
        ("start-up ratio", f"{time_ratio:.2f}x", time_ratio < 1.5, "< 1.5x"),
        ("register listed in the window, Lika", f"{median_listed():.3f} s", None, ""),
        ("listed over the minimal's first paint", f"{listed_ratio:.2f}x", listed_ok, "<= 1.5x"),
        ("CPU time, Lika (whole run)", f"{median_cpu('lika'):.3f} s", None, ""),
        ("CPU time, minimal (whole run)", f"{median_cpu('minimal'):.3f} s", None, ""),
        ("CPU time ratio", f"{median_cpu('lika') / median_cpu('minimal'):.2f}x", None, ""),
        ("peak memory, Lika", f"{median_rss('lika') / MB:.0f} MB", None, ""),
        (
            "  of which until listed",
            f"{(median_listed_peak(runs['lika']) or 0) / MB:.0f} MB",
            None,
            "",
        ),
        ("peak memory, minimal window", f"{median_rss('minimal') / MB:.0f} MB", None, ""),
        ("memory ratio", f"{rss_ratio:.2f}x", rss_ratio <= 1.3, "<= 1.3x"),  # issue 18
        ("bundle (unpacked)", f"{bundle / MB:.1f} MB", bundle < 150 * MB, "< 150 MB"),
        ("minimal window bundle", f"{folder_size(minimal.parent) / MB:.1f} MB", None, ""),
    ]
    for path in installers():
        size = path.stat().st_size
        results.append((path.name, f"{size / MB:.1f} MB", size < 60 * MB, "< 60 MB"))

    spread = max(r.seconds for r in runs["lika"]) - min(r.seconds for r in runs["lika"])
    print(f"{args.runs} runs each, medians (Lika's start-up varied by {spread * 1000:.0f} ms)")
    missed = 0
    for name, value, met, target in results:
        verdict = "" if met is None else ("  ok" if met else "  MISSED")
        print(f"  {name:<38} {value:>10}  {target:<9}{verdict}")
        missed += met is False
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
