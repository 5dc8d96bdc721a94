"""An autosave on a server register next to the same autosave on a register file.

.venv/bin/python benchmarks/server_autosave.py [--repeat N]

Starts a throwaway PostgreSQL cluster (``scripts/pg_throwaway.py``: Unix socket, no
fsync, so the figure is Lika's and the server's work, not a disk's), migrates it, loads
the demo data into it and into a SQLite file, and then saves the demo's richest draft N
times on each, alternately: one more sentence in a ground's justification, as the
editor's autosave does (the version check, the changed rows, the audit entry, the
commit). Prints the median and the 95th percentile of both and their ratio.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.app import registers, server_schema
from desktop_app.app.demo import load_demo
from desktop_app.app.ports import AssessmentStore
from desktop_app.checklists.guide import load_content
from desktop_app.domain.model import Assessment, Status
from desktop_app.register_location import ServerUrl
from scripts import pg_throwaway

SENTENCE = " Kvällsöppet är viktigt för äldre som arbetar dagtid."


def richest_draft(store: AssessmentStore, count: int) -> Assessment:
    drafts = [store.get(i) for i in range(1, count + 1)]
    drafts = [a for a in drafts if a.status is Status.DRAFT]
    return max(drafts, key=lambda a: len(a.grounds) + len(a.answers) + len(a.measures))


def saver(store: AssessmentStore, assessment: Assessment) -> Callable[[], float]:
    ground = next(iter(assessment.grounds.values()))

    def save() -> float:
        ground.justification += SENTENCE
        start = time.perf_counter()
        store.save(assessment)
        return time.perf_counter() - start

    return save


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300)
    args = parser.parse_args()
    content = load_content()
    folder = Path(tempfile.mkdtemp(prefix="lika-bench-pg-", dir="/tmp"))
    dsn = pg_throwaway.start(folder)
    try:
        import psycopg

        server_schema.install(dsn)
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("CREATE ROLE bench LOGIN IN ROLE lika_caseworker, lika_reviewer")
            version = conn.execute("SHOW server_version").fetchone()
        url = ServerUrl(f"postgresql://bench@/postgres?host={folder}")
        stores = {
            "server": registers.open_store(url),
            "file": registers.open_store(folder / "register.db"),
        }
        savers = {}
        for name, store in stores.items():
            loaded = load_demo(store, content)
            savers[name] = saver(store, richest_draft(store, len(loaded)))
        for save in savers.values():  # warm up: caches, prepared plans
            for _ in range(20):
                save()
        times: dict[str, list[float]] = {name: [] for name in savers}
        for _ in range(args.repeat):
            for name, save in savers.items():
                times[name].append(save() * 1000)
        for store in stores.values():
            store.close()
    finally:
        pg_throwaway.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"Autosave (one more sentence in a justification); {args.repeat} saves each")
    print(f"{'':<8}{'median':>10}{'p95':>10}")
    for name, found in times.items():
        p95 = statistics.quantiles(found, n=20)[-1]
        print(f"{name:<8}{statistics.median(found):>8.2f}ms{p95:>8.2f}ms")
    ratio = statistics.median(times["server"]) / statistics.median(times["file"])
    print(f"server / file (median): {ratio:.1f}x")
    print(
        f"Machine: {platform.processor() or platform.machine()}; Python "
        f"{platform.python_version()}; PostgreSQL {version[0] if version else '?'} "
        "(throwaway cluster: Unix socket, fsync off)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
