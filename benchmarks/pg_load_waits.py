"""What the load test's server backends wait for: a diagnosis of ``pg_load.py`` (issue 20).

.venv/bin/python benchmarks/pg_load_waits.py [pg_load.py's options]

Runs ``benchmarks/pg_load.py`` (its output goes to ``/tmp/pg_load_waits-run.txt``), and
from 20 s into the run samples its cluster's ``pg_stat_activity`` every 20 ms for 30 s:
the mean number of busy backends per state and wait event (on a CPU or waiting for one,
idle in a transaction waiting for the client, waiting for a lock, and in which
statement), and the CPU seconds of the clients and the server's processes over the
same window (from ``/proc``, Linux only).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import psycopg

HZ = os.sysconf("SC_CLK_TCK")
LOAD = Path(__file__).resolve().parent / "pg_load.py"


def _pids() -> set[str]:
    return {p.name for p in Path("/proc").iterdir() if p.name.isdigit()}


def _processes() -> dict[int, tuple[str, int, float]]:
    """Every process: (command, parent, CPU seconds)."""
    found: dict[int, tuple[str, int, float]] = {}
    for pid in _pids():
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        command = stat[stat.index("(") + 1 : stat.rindex(")")]
        found[int(pid)] = (command, int(fields[1]), (int(fields[11]) + int(fields[12])) / HZ)
    return found


def _descendants(processes: dict[int, tuple[str, int, float]], root: int) -> set[int]:
    tree, grown = {root}, True
    while grown:
        grown = False
        for pid, (_, parent, _) in processes.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grown = True
    return tree


def _cpu(processes: dict[int, tuple[str, int, float]], pids: set[int]) -> dict[int, float]:
    return {pid: processes[pid][2] for pid in pids if pid in processes}


def main() -> int:
    before = _pids()
    with Path("/tmp/pg_load_waits-run.txt").open("w") as out:
        run = subprocess.Popen([sys.executable, str(LOAD), *sys.argv[1:]], stdout=out, stderr=out)
        time.sleep(20)
        master = ""
        for pid in _pids() - before:
            try:
                command = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
            except OSError:
                continue
            if command.split(" ")[0].endswith("postgres") and " -k " in command:
                master, master_pid = command, int(pid)
        if not master:
            run.wait()
            print("no cluster of the load test found", file=sys.stderr)
            return 1
        folder = master.split(" -k ")[1].split()[0]
        port = master.split(" -p ")[1].split()[0]
        start = _processes()
        clients = _cpu(start, _descendants(start, run.pid) - {run.pid})
        server = _cpu(start, _descendants(start, master_pid))
        counts: Counter[tuple[str, str, str]] = Counter()
        samples = 0
        dsn = f"host={folder} port={port} user=lika_test_superuser dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as conn:
            end = time.monotonic() + 30
            while time.monotonic() < end:
                for state, kind, event, query in conn.execute(
                    "SELECT state, wait_event_type, wait_event, left(query, 40) "
                    "FROM pg_stat_activity WHERE backend_type = 'client backend' "
                    "AND pid <> pg_backend_pid() AND state <> 'idle'"
                ):
                    counts[(state, kind or "on a CPU or waiting for one", event or "")] += 1
                    if kind == "Lock":
                        counts[("  of which waiting for a lock in", query, "")] += 1
                samples += 1
                time.sleep(0.02)
        end_cpu = _processes()
        used_clients = sum(t - clients.get(p, 0) for p, t in _cpu(end_cpu, set(clients)).items())
        used_server = sum(
            t - server.get(p, 0)
            for p, t in _cpu(end_cpu, _descendants(end_cpu, master_pid)).items()
        )
        run.wait()
    print(f"{samples} samples over 30 s; mean busy backends by state and wait:")
    for key, n in counts.most_common(20):
        print(f"  {n / samples:6.2f}  {' / '.join(k for k in key if k)}")
    print(f"CPU seconds in those 30 s: clients {used_clients:.1f}, server {used_server:.1f}")
    print("the load test's own output: /tmp/pg_load_waits-run.txt")
    return run.returncode


if __name__ == "__main__":
    raise SystemExit(main())
