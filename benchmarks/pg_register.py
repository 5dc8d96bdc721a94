"""How fast the server register's reader is at 100,000 assessments, beside SQLite's.

    .venv/bin/python benchmarks/pg_register.py [--db PATH] [--count 100000] [--runs 7]
        [--keep DIR]

Without ``--db`` (or when the file does not exist) ``lika demo --count N`` makes the
SQLite register first. Its tables are copied into a throwaway PostgreSQL cluster
(``scripts/pg_throwaway.py``, on a Unix socket, fsync off) with ``COPY``
(``scripts/pg_copy_register.py``), the read model and search index are built by the
server, ``ANALYZE`` runs, and then each query is timed through ``ServerReader`` (rows
decoded into ``RegisterRow``) and, in the same run, through SQLite's ``Register``:
median of ``--runs`` runs after one warm-up. Targets on a 2-core machine: the first
page <= 150 ms, a search <= 50 ms. Building the server's search index is most of the
copy's time (minutes at 100,000); ``--keep DIR`` keeps the cluster in ``DIR`` and reuses
its copy on the next run (``pg_throwaway.py stop DIR`` and remove it when done).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.register import ensure_register, machine, median_ms
from desktop_app.app import server_schema
from desktop_app.domain.followup import MeasureQuery
from desktop_app.domain.model import Status
from desktop_app.domain.register import RegisterQuery, SortKey
from desktop_app.storage import followup
from desktop_app.storage.portfolio import read_portfolio_entries
from desktop_app.storage.postgres.reader import ServerReader
from desktop_app.storage.register import Register
from scripts import pg_throwaway
from scripts.pg_copy_register import copy_register

RARE_WORD = "snöskoterleden"  # in about one assessment in 500 (generator.RARE_TOPICS)
COMMON_WORD = "kommunen"  # in about half of them
TODAY = date(2026, 11, 23)


def deep_key(reader: Register | ServerReader, query: RegisterQuery, pages: int) -> object:
    """The page key after ``pages`` pages of 200 (to time a page far down the list)."""
    after = None
    for _ in range(pages):
        after = reader.page(query, after).next_after
    return after


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="a cluster folder to keep and reuse")
    args = parser.parse_args()
    path = args.db or Path(tempfile.gettempdir()) / f"lika-bench-{args.count}.db"
    ensure_register(path, args.count)
    if args.keep:
        run(path, kept_cluster(args.keep), args.runs)
        return
    folder = Path(tempfile.mkdtemp(prefix="lika-pgbench-", dir="/tmp"))
    try:
        dsn = pg_throwaway.start(folder)
        run(path, dsn, args.runs)
    finally:
        pg_throwaway.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)


def kept_cluster(folder: Path) -> str:
    """The cluster kept in ``folder``: still running from the last run, or started."""
    import psycopg

    dsn = pg_throwaway.connection_string(folder)
    try:
        psycopg.connect(dsn, connect_timeout=5).close()
    except psycopg.OperationalError:
        return pg_throwaway.start(folder)
    return dsn


def run(path: Path, dsn: str, runs: int) -> None:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as admin:
        version = admin.execute("SHOW server_version").fetchone()
        made = admin.execute("SELECT 1 FROM pg_database WHERE datname = 'lika_bench'").fetchone()
        if not made:
            admin.execute("CREATE DATABASE lika_bench TEMPLATE template0 ENCODING 'UTF8'")
    url = dsn.replace("dbname=postgres", "dbname=lika_bench")
    print(f"Machine: {machine()}; PostgreSQL {version and version[0]}", flush=True)
    server_schema.install(url)  # brings a kept copy's schema up to date too
    if not made:
        started = time.perf_counter()
        with ServerReader.open(url) as loader, sqlite3.connect(path) as source:
            copied = copy_register(source, loader.conn)
        took = time.perf_counter() - started
        print(f"Register: {path} ({copied['assessments']} assessments), copied into the "
              f"server and indexed in {took:.1f} s", flush=True)  # fmt: skip
    else:
        print(f"Register: {path}, its copy kept from an earlier run", flush=True)
    print()
    server = ServerReader.open(url)
    sqlite = Register.open_reader(path)
    first = RegisterQuery(today=TODAY)
    by_title = RegisterQuery(today=TODAY, sort=SortKey.TITLE, descending=False)
    filtered = RegisterQuery(today=TODAY, status=Status.APPROVED, unit="Socialförvaltningen")
    rare = RegisterQuery(today=TODAY, search=RARE_WORD)
    common = RegisterQuery(today=TODAY, search=COMMON_WORD)
    prefix = RegisterQuery(today=TODAY, search="hemtj")
    two = RegisterQuery(today=TODAY, search=f"{COMMON_WORD} skol", sort=SortKey.TITLE)
    measures = MeasureQuery(today=TODAY)
    far_server, far_sqlite = deep_key(server, by_title, 200), deep_key(sqlite, by_title, 200)
    cases: list[tuple[str, str, Callable[[], object], Callable[[], object]]] = [
        ("first page (newest first)", "150", lambda: server.page(first),
         lambda: sqlite.page(first)),
        ("first page by title", "150", lambda: server.page(by_title),
         lambda: sqlite.page(by_title)),
        ("page 201 by title (key)", "150", lambda: server.page(by_title, far_server),
         lambda: sqlite.page(by_title, far_sqlite)),
        ("count of the list", "150", lambda: server.count(first), lambda: sqlite.count(first)),
        ("approved in one unit", "150", lambda: server.page(filtered),
         lambda: sqlite.page(filtered)),
        (f"search '{RARE_WORD}'", "50", lambda: server.page(rare), lambda: sqlite.page(rare)),
        (f"search '{COMMON_WORD}'", "50", lambda: server.page(common),
         lambda: sqlite.page(common)),
        ("search 'hemtj' (prefix)", "50", lambda: server.page(prefix),
         lambda: sqlite.page(prefix)),
        (f"search '{COMMON_WORD} skol' by title", "50", lambda: server.page(two),
         lambda: sqlite.page(two)),
        (f"count of '{COMMON_WORD}'", "50", lambda: server.count(common),
         lambda: sqlite.count(common)),
        ("units (filter choices)", "-", server.units, sqlite.units),
        ("follow-up: first page", "150", lambda: server.measures_page(measures),
         lambda: followup.measures_page(sqlite, measures)),
    ]  # fmt: skip
    print(f"{'query':40} {'target':>7} {'server':>9} {'sqlite':>9}   (median ms)")
    for name, target, on_server, on_sqlite in cases:
        s_ms, q_ms = median_ms(on_server, runs), median_ms(on_sqlite, runs)
        print(f"{name:40} {target:>7} {s_ms:9.1f} {q_ms:9.1f}")
    heavy = max(1, runs // 3)
    s_ms = median_ms(lambda: sum(1 for _ in server.rows(first)), heavy)
    q_ms = median_ms(lambda: sum(1 for _ in sqlite.rows(first)), heavy)
    print(f"{'every row (export)':40} {'-':>7} {s_ms:9.1f} {q_ms:9.1f}")
    s_ms = median_ms(server.portfolio_entries, heavy)
    q_ms = median_ms(lambda: read_portfolio_entries(sqlite.conn), heavy)
    print(f"{'portfolio entries':40} {'-':>7} {s_ms:9.1f} {q_ms:9.1f}")
    server.close()
    sqlite.close()


if __name__ == "__main__":
    main()
