"""The server's words are SQLite's words: ``lika.search_words`` (migration
``0007_search_unicode61``) against the FTS5 ``unicode61 remove_diacritics 0`` tokenizer the
SQLite register uses, for every code point and for any text (issue 20)."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop_app.storage.postgres import unicode61_data as data
from scripts.sqlite_unicode61 import SURROGATES, read_sqlite


def test_the_data_is_this_sqlites_tokenizer() -> None:
    """If SQLite ever changes unicode61, this fails: rerun scripts/sqlite_unicode61.py
    and add a migration that rebuilds the server's index with the new table."""
    separators, folds, continuers = read_sqlite()
    assert list(data.SEPARATORS) == separators
    assert list(data.FOLDS) == folds
    assert list(data.CONTINUERS) == continuers


def sqlite_words(text: str) -> list[str]:
    """The words SQLite's register index makes of ``text``, in order."""
    conn = sqlite3.connect(":memory:")
    conn.execute('CREATE VIRTUAL TABLE t USING fts5(x, tokenize="unicode61 remove_diacritics 0")')
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
    conn.execute("INSERT INTO t (rowid, x) VALUES (1, ?)", [text])
    words = [term for term, _ in conn.execute("SELECT term, offset FROM v ORDER BY offset")]
    conn.close()
    return words


@pytest.fixture(scope="module")
def server(pg_cluster):
    import psycopg

    from desktop_app.app import server_schema

    dsn = pg_cluster.dsn_for(pg_cluster.new_database())
    server_schema.install(dsn)
    with psycopg.connect(dsn, autocommit=True) as conn:
        yield conn


def _words(conn, text: str) -> list[str]:
    return conn.execute("SELECT lika.search_words(%s)", [text]).fetchone()[0]


@pytest.mark.postgres
def test_every_code_point_splits_and_folds_as_on_sqlite(server) -> None:
    separator = {cp for a, b in data.SEPARATORS for cp in range(a, b + 1)}
    fold = dict(data.FOLDS)
    points = [cp for cp in range(1, 0x110000) if cp not in SURROGATES]
    for start in range(0, len(points), 20_000):
        chunk = points[start : start + 20_000]
        expected = [chr(fold.get(cp, cp)) for cp in chunk if cp not in separator]
        # each alone (spaces between), then all the word characters as one word
        assert _words(server, " ".join(chr(cp) for cp in chunk)) == expected
        word = "".join(chr(cp) for cp in chunk if cp not in separator)
        assert _words(server, word) == ["".join(expected)]


@pytest.mark.postgres
@pytest.mark.parametrize(
    "text",
    ["x² ½ Ⅻ 0¹", "\ue000\uf8ff", "𛅰𛅱 Nushu", "ΟΔΟΣ ὁδός ς", "İstanbul ıi", "ſtraße ẞ µ",
     "Ꭰ ꭰ Ა ა", "ŊUOLJA Šaddá", "a\u0301b", "e-post: a.b@c.se 2026/0815", ""],
)  # fmt: skip
def test_texts_split_as_on_sqlite(server, text) -> None:
    assert _words(server, text) == sqlite_words(text)


@pytest.mark.postgres
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(st.characters(blacklist_categories=("Cs",), min_codepoint=1)))
def test_any_text_splits_as_on_sqlite(server, text) -> None:
    assert _words(server, text) == sqlite_words(text)


@pytest.mark.postgres
def test_a_long_word_keeps_its_place(server) -> None:
    """A word no lexeme can hold is left out of the document but keeps its position, as
    on SQLite, so no phrase spans it."""
    vector = server.execute(
        "SELECT lika.search_vector('a ' || repeat('x', 3000) || ' b', 'c')::text"
    ).fetchone()[0]
    assert vector == "'a':1 'b':3 'c':5"
    text = "a " + "x" * 3000 + " b"
    conn = sqlite3.connect(":memory:")
    conn.execute('CREATE VIRTUAL TABLE t USING fts5(x, tokenize="unicode61 remove_diacritics 0")')
    conn.execute("INSERT INTO t (x) VALUES (?)", [text])
    assert conn.execute("SELECT count(*) FROM t WHERE t MATCH '\"a b\"'").fetchone()[0] == 0
    found = server.execute(
        "SELECT lika.search_vector('', %s) @@ lika.search_query(ARRAY['a b'])", [text]
    ).fetchone()[0]
    assert found is False


@pytest.mark.postgres
def test_the_migration_rebuilds_an_existing_registers_index(
    repository, content, pg_cluster, pg_database
) -> None:
    """A register indexed by phase 1 (``x²`` left out as ``x``) is found by its words
    once 0007_search_unicode61 has run."""
    import psycopg

    from desktop_app.storage.postgres import migrations
    from scripts.pg_copy_register import copy_register
    from tests.register_helpers import make

    repository.create(make(content, "Ytan x² och ½ mil"))
    names = migrations.names()
    before = migrations.statements()[: names.index("0007_search_unicode61") + 1]  # + preamble
    with psycopg.connect(pg_cluster.dsn_for(pg_database), autocommit=True) as conn:
        for statement in before:
            conn.execute(statement)
        with sqlite3.connect(repository.path) as lite:
            copy_register(lite, conn)
        lexemes = "SELECT array_agg(lexeme) FROM lika.register_search, unnest(document)"
        assert not {"x²", "½"} & set(conn.execute(lexemes).fetchone()[0])  # phase 1's
        for statement in migrations.statements():
            conn.execute(statement)
        assert {"x²", "½"} <= set(conn.execute(lexemes).fetchone()[0])
        stale = conn.execute(
            "SELECT count(*) FROM lika.register_search s JOIN lika.register_search_source v "
            "USING (assessment_id) WHERE s.document <> lika.search_vector(v.title, v.body)"
        ).fetchone()[0]
        assert stale == 0


_PIECES = st.sampled_from(["kommun", "Kommunen", "x²", "½", "ᦰ", "\u0301", "a\u0301b", "ſtad",
                           "ΣΟΣ", "\ue000", "İ", "-", " ", "9", "\u19b0x"])  # fmt: skip
_TEXT = st.lists(st.one_of(_PIECES, st.characters(min_codepoint=1, blacklist_categories=("Cs",))),
                 max_size=12).map("".join)  # fmt: skip


@pytest.mark.postgres
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=_TEXT, body=_TEXT, search=_TEXT)
def test_a_search_finds_a_document_as_on_sqlite(server, title, body, search) -> None:
    """Document and query together: SQLite's MATCH of ``fts_query`` against the server's
    ``search_vector @@ search_query`` of the same chunks."""
    from desktop_app.storage.search_syntax import chunks, fts_query

    conn = sqlite3.connect(":memory:")
    conn.execute(
        'CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize="unicode61 remove_diacritics 0")'
    )
    conn.execute("INSERT INTO t (title, body) VALUES (?, ?)", [title, body])
    match = fts_query(search)
    on_sqlite = match is not None and bool(
        conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", [match]).fetchone()[0]
    )
    on_server = server.execute(
        "SELECT coalesce(lika.search_vector(%s, %s) @@ lika.search_query(%s::text[]), false)",
        [title, body, chunks(search)],
    ).fetchone()[0]
    event(f"found: {on_sqlite}")
    assert on_server == on_sqlite
