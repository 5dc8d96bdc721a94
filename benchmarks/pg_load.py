"""Many people at once on a server register: a bounded load test on loopback (issue 20).

.venv/bin/python benchmarks/pg_load.py [--clients 50] [--seconds 60] [--pause 0.5]
                                       [--url postgresql://SUPERUSER@/DB?host=...]

Starts a throwaway PostgreSQL cluster (``scripts/pg_throwaway.py``: Unix socket, fsync
off) unless ``--url`` names a database to use (as a login that may create roles),
installs the schema, makes one login per caseworker pair and per reviewer, and gives
each caseworker login three complete drafts. Then ``--clients`` *processes* (threads
would share one GIL) work for ``--seconds`` through Lika's own store and services
(``pg_load_clients``): four in five are caseworkers (two processes per login, editing
the same drafts: autosave with the version guard, address comments, submit, start a
new revision of an approved one), the rest reviewers (comment and return, or approve,
racing each other). ``--pause`` is a person's mean pause between two autosaves.

Afterwards it checks, and exits 1 if any check fails: every acknowledged autosave is in
the register (no lost update), no client met an exception other than a lost race
(``ConflictError`` or a refusal only a race explains), and the audit chain verifies.
It prints the autosave latency (p50/p95/p99 of acknowledged saves) and the throughput.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.pg_load_clients import ClientResult, ClientSpec, client_main, lost_updates
from desktop_app.app import registers, server_schema
from desktop_app.app.generator import generate
from desktop_app.checklists.guide import Content, load_content
from desktop_app.domain.completeness import find_gaps
from desktop_app.domain.model import Assessment, Status, new_uid
from desktop_app.register_location import ServerUrl
from scripts import pg_throwaway

SERIES_PER_LOGIN = 3


@dataclass
class LoadResult:
    """What a run did and what its checks found (``problems`` empty: it passed)."""

    seconds: float
    counts: Counter[str] = field(default_factory=Counter)
    save_ms: list[float] = field(default_factory=list)
    acks: int = 0
    problems: list[str] = field(default_factory=list)
    audit_entries: int = 0


def _url_as(url: str, login: str) -> str:
    """``url`` with ``login`` as its user (no password: the throwaway cluster trusts its
    socket; a real server's password would come from ~/.pgpass)."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=f"{quote(login, safe='')}@{host}").geturl()


def complete_drafts(content: Content, count: int) -> list[Assessment]:
    """``count`` generated assessments that can be submitted (no gaps), as new drafts."""
    found: list[Assessment] = []
    for item in generate(content, count * 6, seed=2020):
        a = item.assessment
        if a.status is Status.DRAFT or a.revision != 1:
            continue
        a.status, a.id, a.version = Status.DRAFT, None, 0
        a.uid = a.series_uid = new_uid()
        checklists = [content.checklists.get(a.framework_id)] + [
            content.checklists.get(m) for m in a.modules
        ]
        if not find_gaps(a, checklists):
            found.append(a)
        if len(found) == count:
            return found
    raise RuntimeError(f"only {len(found)} complete assessments among the generated ones")


def prepare(url: str, clients: int, content: Content) -> list[ClientSpec]:
    """Schema, logins and drafts on the database at ``url`` (a role-creating login);
    one spec per client process."""
    import psycopg

    server_schema.install(url)
    database = urlsplit(url).path.lstrip("/")
    reviewers = max(1, clients // 5)
    caseworkers = clients - reviewers
    logins = [f"{database}_cw{n:02d}" for n in range((caseworkers + 1) // 2)]
    checkers = [f"{database}_rv{n:02d}" for n in range(reviewers)]
    with psycopg.connect(url, autocommit=True) as conn:
        for login in logins:
            conn.execute(f'CREATE ROLE "{login}" LOGIN IN ROLE lika_caseworker')
        for login in checkers:
            conn.execute(f'CREATE ROLE "{login}" LOGIN IN ROLE lika_reviewer')
    drafts = iter(complete_drafts(content, len(logins) * SERIES_PER_LOGIN))
    series: dict[str, list[str]] = {}
    for login in logins:
        store = registers.open_store(ServerUrl(_url_as(url, login)))
        series[login] = [store.create(next(drafts)).series_uid for _ in range(SERIES_PER_LOGIN)]
        store.close()
    specs = [
        ClientSpec(n, _url_as(url, logins[n // 2]), "caseworker", series[logins[n // 2]])
        for n in range(caseworkers)
    ]
    specs += [
        ClientSpec(caseworkers + n, _url_as(url, login), "reviewer")
        for n, login in enumerate(checkers)
    ]
    return specs


def check(url: str, results: list[ClientResult], seconds: float) -> LoadResult:
    """Join the clients' reports and compare them with the register (as ``url``'s login,
    which sees every row)."""
    out = LoadResult(seconds)
    acks = [ack for r in results for ack in r.acks]
    for r in results:
        out.counts.update(r.counts)
        out.save_ms += r.save_ms
        out.problems += [f"client {r.number} ({r.role}): {f}" for f in r.failures]
    out.acks = len(acks)
    store = registers.open_store(ServerUrl(url))
    try:
        stored: dict[int, dict[str, str]] = {}
        for assessment_id in {ack[0] for ack in acks}:
            a = store.get(assessment_id)
            stored[assessment_id] = {k: g.justification for k, g in a.grounds.items()}
        out.problems += lost_updates(acks, stored)
        report = registers.review_records(store).verify_audit()
        out.audit_entries = report.checked
        if not report.ok:
            out.problems.append(f"audit chain broken at {report.first_broken_id}: {report.problem}")
    finally:
        store.close()
    return out


def without_search_triggers(url: str) -> None:
    """A diagnosis only: the search document is no longer rebuilt as children change
    (``--without-search-triggers``), to see what that rebuild costs under load."""
    import psycopg

    from desktop_app.storage.postgres.search_v1 import SEARCHED_CHILDREN

    with psycopg.connect(url, autocommit=True) as conn:
        for table in SEARCHED_CHILDREN:
            conn.execute(f"ALTER TABLE lika.{table} DISABLE TRIGGER search_{table}")
        conn.execute("ALTER TABLE lika.assessments DISABLE TRIGGER search_assessments_au")


def run(
    url: str, *, clients: int, seconds: float, pause: float, search_triggers: bool = True
) -> LoadResult:
    """The whole load test on the database at ``url``; its result."""
    content = load_content()
    specs = prepare(url, clients, content)
    if not search_triggers:
        without_search_triggers(url)
    context = multiprocessing.get_context("fork")  # the content is loaded once, above
    start = context.Event()
    results = context.Queue()
    processes = [
        context.Process(target=client_main, args=(s, content, pause, start, seconds, results))
        for s in specs
    ]
    for p in processes:
        p.start()
    time.sleep(1.0)  # let every client connect before the clock starts
    start.set()
    gathered = [results.get(timeout=seconds + 120) for _ in processes]
    for p in processes:
        p.join(timeout=30)
    return check(url, gathered, seconds)


def percentile(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def report(result: LoadResult, clients: int, pause: float) -> None:
    saves = result.save_ms
    print(f"{clients} clients for {result.seconds:g} s, mean pause {pause:g} s between autosaves")
    for name, number in sorted(result.counts.items()):
        print(f"  {name:<28}{number:>8}")
    if len(saves) >= 2:
        print(
            f"autosave latency (ms, {len(saves)} acknowledged): p50 {percentile(saves, 50):.1f}"
            f"  p95 {percentile(saves, 95):.1f}  p99 {percentile(saves, 99):.1f}"
            f"  max {max(saves):.1f}"
        )
    print(f"throughput: {len(saves) / result.seconds:.1f} autosaves/s")
    print(f"audit chain: {result.audit_entries} entries checked")
    load = os.getloadavg()
    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; "
        f"Python {platform.python_version()}; load average {load[0]:.1f} {load[1]:.1f} "
        f"{load[2]:.1f} (after the run)"
    )
    print("no lost update, no unhandled error" if not result.problems else "PROBLEMS:")
    for problem in result.problems[:20]:
        print("  " + problem)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pause", type=float, default=0.5)
    parser.add_argument("--url", help="a database to use instead of a throwaway cluster")
    parser.add_argument(
        "--without-search-triggers",
        action="store_true",
        help="diagnosis: do not rebuild the search document on each save (search goes stale)",
    )
    args = parser.parse_args()
    folder = None
    url = args.url
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix="lika-load-", dir="/tmp"))
        pg_throwaway.start(folder)
        url = f"postgresql://{pg_throwaway.SUPERUSER}@/postgres?host={folder}"
    try:
        result = run(
            url,
            clients=args.clients,
            seconds=args.seconds,
            pause=args.pause,
            search_triggers=not args.without_search_triggers,
        )
    finally:
        if folder is not None:
            pg_throwaway.stop(folder)
            shutil.rmtree(folder, ignore_errors=True)
    if args.without_search_triggers:
        print("(diagnosis: search triggers off, the search index is stale)")
    report(result, args.clients, args.pause)
    return 1 if result.problems else 0


if __name__ == "__main__":
    sys.exit(main())
