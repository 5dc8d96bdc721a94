"""How long the server takes to build search documents: phase 1's ``lika.search_vector``
(migration 0003) beside migration 0006's, in the same run on the same texts.

    .venv/bin/python benchmarks/pg_search_index.py [--db PATH] [--count 10000] [--runs 3]

Without ``--db`` (or when the file does not exist) ``lika demo --count N`` makes the
SQLite register first. Its tables are copied into a throwaway PostgreSQL cluster
(``scripts/pg_throwaway.py``); phase 1's functions are installed a second time in a
schema of their own (``phase1``), and each way builds every assessment's document from
``lika.register_search_source`` (median of ``--runs``). Reading the view alone is timed
too, so what the functions cost is the difference. It also counts the documents the two
ways build differently (they should differ only where phase 1 split or folded
differently from SQLite: numbers that are not digits, ``ſ``, ``µ``, diacritics).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.register import ensure_register, machine
from desktop_app.app import server_schema
from desktop_app.storage.postgres import search_v1
from scripts import pg_throwaway
from scripts.pg_copy_register import copy_register

WAYS = {
    "reading the view only": "SELECT count(length(body)) FROM lika.register_search_source",
    "phase 1 (0003_search)": "SELECT count(phase1.search_vector(title, body)) "
    "FROM lika.register_search_source",
    "0007_search_unicode61": "SELECT count(lika.search_vector(title, body)) "
    "FROM lika.register_search_source",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path = args.db or Path(tempfile.gettempdir()) / f"lika-bench-{args.count}.db"
    ensure_register(path, args.count)
    folder = Path(tempfile.mkdtemp(prefix="lika-pgindex-", dir="/tmp"))
    try:
        run(path, pg_throwaway.start(folder), args.runs)
    finally:
        pg_throwaway.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)


def run(path: Path, dsn: str, runs: int) -> None:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as admin:
        version = admin.execute("SHOW server_version").fetchone()
        admin.execute("CREATE DATABASE lika_index TEMPLATE template0 ENCODING 'UTF8'")
    url = dsn.replace("dbname=postgres", "dbname=lika_index")
    print(f"Machine: {machine()}; PostgreSQL {version and version[0]}", flush=True)
    server_schema.install(url)
    with psycopg.connect(url, autocommit=True) as conn, sqlite3.connect(path) as source:
        started = time.perf_counter()
        copied = copy_register(source, conn)["assessments"]
        print(f"Register: {path} ({copied} assessments), copied and indexed in "
              f"{time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip
        conn.execute("CREATE SCHEMA phase1")
        conn.execute(search_v1._FUNCTIONS.replace("lika.search_", "phase1.search_"))
        print(f"\n{'building every document':28} {'median s':>9} {'ms each':>8}")
        for name, sql in WAYS.items():
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                conn.execute(sql).fetchone()
                times.append(time.perf_counter() - started)
            took = statistics.median(times)
            print(f"{name:28} {took:9.2f} {took * 1000 / copied:8.3f}", flush=True)
        differ = conn.execute(
            "SELECT count(*) FROM lika.register_search_source "
            "WHERE phase1.search_vector(title, body) <> lika.search_vector(title, body)"
        ).fetchone()
        print(f"\ndocuments phase 1 built differently: {differ and differ[0]} of {copied}")


if __name__ == "__main__":
    main()
