"""Migration 0006_autosave keeps every result of what it speeds up: the search
document is the one 0003 built, word for word, and a child row's update still brings
the register row and the search document up to date (issue 20)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.storage.postgres import search_v1

pytestmark = pytest.mark.postgres

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=60,
)
WORDY = st.lists(
    st.sampled_from(["Åsa", "äldre", "máttasámegiella", "ŋ", "C++", "100%", "e-post", "ǆ", " "]),
    max_size=40,
).map(" ".join)


@pytest.fixture(scope="module")
def conn(pg_cluster):
    import psycopg

    from desktop_app.app import server_schema

    database = pg_cluster.new_database()
    server_schema.install(pg_cluster.dsn_for(database))
    shipped = search_v1._FUNCTIONS.split("CREATE FUNCTION lika.search_vector")[1]
    shipped = "CREATE FUNCTION lika.search_vector_0003" + shipped.split("$fn$;")[0] + "$fn$;"
    with psycopg.connect(pg_cluster.dsn_for(database), autocommit=True) as connection:
        connection.execute(shipped)
        yield connection


@settings(max_examples=150, deadline=None)
@given(title=st.one_of(TEXT, WORDY), body=st.one_of(TEXT, WORDY))
def test_the_search_document_is_the_one_0003_built(conn, title, body):
    found = conn.execute(
        "SELECT lika.search_vector(%(t)s, %(b)s)::text, "
        "lika.search_vector_0003(%(t)s, %(b)s)::text",
        {"t": title, "b": body},
    ).fetchone()
    assert found[0] == found[1]


def test_a_child_update_still_refreshes_the_register_row_and_the_search(pg_cluster, content):
    from desktop_app.app import registers
    from desktop_app.register_location import ServerUrl
    from tests.helpers import complete_assessment
    from tests.pg_helpers import Server

    server = Server(pg_cluster, pg_cluster.new_database())
    store = registers.open_store(ServerUrl(pg_cluster.url_for(server.database, server.solo())))
    try:
        a = store.create(complete_assessment(content))
        a.grounds["age"].justification = "Kvällsöppet gynnar skiftarbetande"
        a.grounds["age"].direction = None
        store.save(a)
        found = store._query(
            "SELECT count(*) AS n FROM lika.register_search WHERE assessment_id = %s "
            "AND document @@ lika.search_query(ARRAY['skiftarbet'])",
            [a.id],
        )
        assert found[0]["n"] == 1
        row = store.find_uid(a.uid)
        assert "age" not in {g.key for g in row.adverse_grounds}
    finally:
        store.close()
