"""The server register's reader returns what the SQLite register returns: the same rows
in the same order, page by page, for every sort, filter and search, and the same
follow-up list, units and portfolio entries (issue 20, phase 2).

The data is made once in SQLite (generated assessments, the demo's, and titles that
tell ASCII-only case folding from a locale's), copied row by row into a migrated server
database (``scripts/pg_copy_register.py``), and read through both engines.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.app.demo import add_demo, add_generated
from desktop_app.app.service import AssessmentService, Identity
from desktop_app.domain.followup import DueWindow, MeasureQuery
from desktop_app.domain.model import Direction, Status
from desktop_app.domain.portfolio import Period
from desktop_app.domain.register import RegisterQuery, SortKey
from desktop_app.storage import followup
from desktop_app.storage.postgres.reader import ServerReader
from desktop_app.storage.repository import AssessmentRepository
from scripts.pg_copy_register import copy_register
from tests.register_helpers import make, register_of, with_impact

pytestmark = pytest.mark.postgres

TODAY = date(2026, 11, 23)
# Titles whose order differs between ASCII-only folding with byte order (SQLite's
# NOCASE) and a locale's: accented capitals, Nordic letters, digits, punctuation.
TRICKY = ("Éclair", "éclair", "Eclair", "eclair", "Zeta", "Åre", "åre", "Ärende", "Öl", "abc",
          "ABC", "Abc", "a-b", "a b", "_x", "10 år", "9 år", "ŋuolja", "Ŋuolja", "")  # fmt: skip
SEARCHES = ("", "kommunen", "snöskoterleden", "får", "ÅRE", "skol", "eclair", "x y",
            '"C++" -kurs (NEAR', "ŋuolja", "zzzz")  # fmt: skip


def _swedish_database(cluster) -> str:
    """A database whose default collation is Swedish (ICU), as IT may well choose: the
    reader must not take its order (nor its idea of lower case) from the locale."""
    import psycopg

    name = cluster.new_database() + "_sv"
    with psycopg.connect(cluster.dsn, autocommit=True) as conn:
        conn.execute(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
            "LOCALE_PROVIDER icu ICU_LOCALE 'sv-SE' LOCALE 'C'"
        )
    return name


@pytest.fixture(scope="module")
def engines(tmp_path_factory, content, pg_cluster):
    """The same register on both engines: (SQLite ``Register``, ``ServerReader``)."""
    from desktop_app.app import server_schema

    repo = AssessmentRepository.open(tmp_path_factory.mktemp("pgreg") / "r.db")
    service = AssessmentService(repo, content, Identity(name="Ája Ŋuolja", os_user="aja"))
    add_generated(service, 400)
    add_demo(service)
    units = ("Kultur", "kultur", "KULTUR", "Åtgärd", "åtgärd", "Social")
    for n, title in enumerate(TRICKY):
        a = make(content, title, unit=units[n % len(units)], decision_date=None)
        a.decision.author = title
        a.measures[0].deadline = date(2026, 11, 1 + n)
        if n % 3 == 0:
            with_impact(a, "disability", Direction.NEGATIVE)
        repo.create(a)
    dsn = pg_cluster.dsn_for(_swedish_database(pg_cluster))
    server_schema.install(dsn)
    server = ServerReader.open(dsn)
    copy_register(repo.db.conn, server.conn)
    yield register_of(repo), server
    server.close()
    repo.close()


def _pages(reader, query: RegisterQuery, limit: int) -> list[list]:
    pages, after = [], None
    while True:
        page = reader.page(query, after, limit)
        pages.append(page.rows)
        if page.next_after is None:
            return pages
        after = page.next_after


def assert_same(engines, query: RegisterQuery, limit: int = 37) -> None:
    sqlite, server = engines
    assert server.count(query) == sqlite.count(query)
    expected = _pages(sqlite, query, limit)
    assert _pages(server, query, limit) == expected
    assert list(server.rows(query)) == [r for page in expected for r in page]


def test_the_copy_holds_every_assessment(engines) -> None:
    sqlite, server = engines
    everything = RegisterQuery(all_revisions=True, today=TODAY)
    assert sqlite.count(everything) > 400
    assert server.count(everything) == sqlite.count(everything)


@pytest.mark.parametrize(("key", "descending"), list(itertools.product(SortKey, (False, True))))
def test_every_sort_in_pages(engines, key, descending) -> None:
    assert_same(engines, RegisterQuery(today=TODAY, sort=key, descending=descending))
    assert_same(
        engines,
        RegisterQuery(today=TODAY, sort=key, descending=descending, all_revisions=True),
        limit=200,
    )


FILTERS = [
    {"status": Status.APPROVED},
    {"status": Status.DRAFT},
    {"unit": "kultur"},
    {"unit": "ÅTGÄRD"},  # NOCASE folds ASCII only: no row
    {"unit": "Åtgärd"},
    {"framework": "no-ldl"},
    {"decision_type": ""},
    {"ground": "disability"},
    {"ground": "disability", "impact": Direction.NEGATIVE},
    {"impact": Direction.MIXED},
    {"date_from": date(2026, 6, 1)},
    {"date_to": date(2026, 6, 1)},
    {"date_from": date(2026, 1, 1), "date_to": date(2026, 12, 31)},
    {"overdue": True},
    {"evaluation_due": True},
    {"overdue": True, "unit": "Kultur", "status": Status.DRAFT},
]


@pytest.fixture(params=["hits first", "index walk"])
def plan(request, monkeypatch) -> str:
    """Both plans of a search page (``reader_sql.FEW_HITS``): this register is small, so
    the walk of the sort index is chosen only when told to."""
    from desktop_app.storage.postgres import reader_sql

    if request.param == "index walk":
        monkeypatch.setattr(reader_sql, "FEW_HITS", -1)
    return request.param


@pytest.mark.parametrize("filters", FILTERS, ids=str)
@pytest.mark.parametrize("search", ["", "kommunen", "skol"])
def test_every_filter(engines, filters, search, plan) -> None:
    query = RegisterQuery(today=TODAY, sort=SortKey.TITLE, descending=False, search=search)
    assert_same(engines, RegisterQuery(**{**query.__dict__, **filters}))


@pytest.mark.parametrize("search", SEARCHES)
def test_searches(engines, search, plan) -> None:
    for key in (SortKey.UPDATED, SortKey.TITLE):
        assert_same(engines, RegisterQuery(today=TODAY, search=search, sort=key))


def test_units(engines) -> None:
    sqlite, server = engines
    # The order of units that differ only in ASCII case is not defined on SQLite.
    assert sorted(server.units()) == sorted(sqlite.units())
    assert server.units() == sorted(server.units(), key=lambda u: (
        "".join(c.lower() if c.isascii() else c for c in u).encode(), u.encode()
    ))  # fmt: skip


@pytest.mark.parametrize("window", list(DueWindow))
@pytest.mark.parametrize("unit", [None, "kultur", "Social"])
def test_the_follow_up_list(engines, window, unit) -> None:
    sqlite, server = engines
    for today in (TODAY, date(2026, 1, 1)):
        query = MeasureQuery(window=window, unit=unit, today=today)
        assert server.measures_count(query) == followup.measures_count(sqlite, query)
        after, server_after = None, None
        while True:
            page = followup.measures_page(sqlite, query, after, limit=13)
            got = server.measures_page(query, server_after, limit=13)
            assert got.rows == page.rows
            if page.next_after is None:
                assert got.next_after is None
                break
            after, server_after = page.next_after, got.next_after


@pytest.mark.parametrize(
    ("period", "unit"),
    [
        (None, None),
        (Period(date(2026, 1, 1), date(2026, 6, 30)), None),
        (None, "Kultur"),
        (None, "kultur"),
        (Period(date(2020, 1, 1), date(2030, 1, 1)), "Social"),
    ],
)
def test_portfolio_entries(engines, period, unit) -> None:
    from desktop_app.storage.portfolio import read_portfolio_entries

    sqlite, server = engines
    expected = read_portfolio_entries(sqlite.conn, period, unit)
    assert server.portfolio_entries(period, unit) == expected


# Anything a user may type: numbers that are not digits (¹, ½, Ⅻ), private-use
# characters, combining marks, scripts newer than SQLite's Unicode 6.1 tables.
_TYPED = st.characters(min_codepoint=1, blacklist_categories=("Cs",))
_WORDS = st.sampled_from(["kommunen", "skol", "får", "åre", "Ŋ", "éclair", "a", "9", "-", "*"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    search=st.one_of(st.lists(_WORDS, max_size=3).map(" ".join), st.text(_TYPED, max_size=12)),
    key=st.sampled_from(list(SortKey)),
    descending=st.booleans(),
    status=st.none() | st.sampled_from(list(Status)),
    unit=st.none() | st.sampled_from(["kultur", "Social", "åtgärd"]),
    overdue=st.booleans(),
    all_revisions=st.booleans(),
    limit=st.integers(1, 60),
)
def test_any_query_reads_the_same(
    engines, plan, search, key, descending, status, unit, overdue, all_revisions, limit
) -> None:
    query = RegisterQuery(
        today=TODAY, search=search, sort=key, descending=descending, status=status,
        unit=unit, overdue=overdue, all_revisions=all_revisions,
    )  # fmt: skip
    sqlite, server = engines
    assert server.count(query) == sqlite.count(query)
    # the first two pages only: enough to cross a page key
    first_sqlite, first_server = sqlite.page(query, None, limit), server.page(query, None, limit)
    assert first_server.rows == first_sqlite.rows
    if first_sqlite.next_after is not None:
        assert first_server.next_after is not None
        second = server.page(query, first_server.next_after, limit).rows
        assert second == sqlite.page(query, first_sqlite.next_after, limit).rows


def test_a_reader_names_the_register_it_cannot_reach(tmp_path) -> None:
    from desktop_app.storage.errors import StorageError

    url = f"postgresql://nobody:secret@/nothing?host={tmp_path}"
    with pytest.raises(StorageError, match=r"cannot be reached") as raised:
        ServerReader.open(url)
    assert "secret" not in str(raised.value)
    assert "***" in str(raised.value)


@pytest.mark.parametrize("who", ["anna", "rita", "sara", "ada"])
def test_every_role_reads_the_register(pg_cluster, pg_database, who) -> None:
    """A reader connects as the person's own login (no superuser): the read model, the
    search index and ``lika.search_query`` are readable by every Lika role."""
    from tests.pg_helpers import Server

    server = Server(pg_cluster, pg_database)
    made = server.new_draft("anna", "Snöskoterleden vid Kiruna")
    with ServerReader.open(pg_cluster.dsn_for(pg_database, server.login[who])) as reader:
        query = RegisterQuery(today=TODAY, search="snöskoter")
        assert [r.id for r in reader.page(query).rows] == [made]
        assert [r.title for r in reader.rows(query)] == ["Snöskoterleden vid Kiruna"]
        assert reader.count(RegisterQuery(today=TODAY, search="kiruna skoter")) == 0
        assert reader.units() == []
        assert reader.measures_count(MeasureQuery(today=TODAY)) == 0
        assert [e.id for e in reader.portfolio_entries()] == [made]


def test_numbers_other_than_digits_are_words(engines) -> None:
    """Phase 1 split at [^[:alnum:]]: 'x²' was one word on SQLite, 'x' on the server
    (migration 0007_search_unicode61 splits as unicode61 does)."""
    sqlite, server = engines
    query = RegisterQuery(today=TODAY, search="0¹")  # no title holds it
    assert server.count(query) == sqlite.count(query) == 0


def test_a_last_chunk_without_words_keeps_the_prefix_from_the_others(engines) -> None:
    """U+19B0 is a letter to Python (``chunks`` keeps it) but a separator to unicode61:
    on SQLite the empty last phrase takes the prefix, so 'skol' must be a whole word."""
    sqlite, server = engines
    query = RegisterQuery(today=TODAY, search="skol \u19b0")
    assert server.count(query) == sqlite.count(query)
    assert sqlite.count(RegisterQuery(today=TODAY, search="skol")) > sqlite.count(query)


def _plans_of(reader: ServerReader, work) -> str:
    """The plans of every statement ``work`` makes ``reader`` run (``auto_explain``
    sends them to the client as notices): what the server did, not what a test asks."""
    plans: list[str] = []

    def keep(notice) -> None:
        plans.append(notice.message_primary)

    setup = (
        "LOAD 'auto_explain'",
        "SET auto_explain.log_min_duration = 0",
        "SET auto_explain.log_level = notice",
        "SET client_min_messages = notice",
    )
    for setting in setup:
        reader.conn.execute(setting)
    reader.conn.add_notice_handler(keep)
    try:
        work()
    finally:
        reader.conn.remove_notice_handler(keep)
        reader.conn.execute("RESET auto_explain.log_min_duration")
    return "\n".join(plans)


@pytest.mark.parametrize("all_revisions", [False, True])
@pytest.mark.parametrize("search", ["kommunen", "skol", "ärende"])
def test_the_count_of_a_search_alone_reads_only_its_hits(engines, search, all_revisions) -> None:
    """With no filter but the head rule, the count reads the hits through the GIN index
    (no scan of the whole search table, no join of every hit with the read model:
    ``docs/performance.md``, the count of a word in half the register) and is still
    SQLite's number."""
    sqlite, server = engines
    query = RegisterQuery(today=TODAY, search=search, all_revisions=all_revisions)
    counted: list[int] = []
    plans = _plans_of(server, lambda: counted.append(server.count(query)))
    assert counted == [sqlite.count(query)]
    assert "register_search_document" in plans
    assert "Seq Scan" not in plans
    assert "Hash Join" not in plans


def test_the_count_of_a_search_leaves_out_older_revisions(engines) -> None:
    """A search's hits in older revisions are in the count of every revision only: the
    count of the heads takes them away (exactly, as SQLite's count)."""
    sqlite, server = engines
    heads = {r.id for r in sqlite.rows(RegisterQuery(today=TODAY))}
    every = sqlite.rows(RegisterQuery(today=TODAY, all_revisions=True))
    older = [r for r in every if r.id not in heads]
    assert older, "the register must hold older revisions for this test"
    for word in {r.title.split()[0] for r in older if r.title.split()}:
        for all_revisions in (False, True):
            query = RegisterQuery(today=TODAY, search=word, all_revisions=all_revisions)
            assert server.count(query) == sqlite.count(query), word
