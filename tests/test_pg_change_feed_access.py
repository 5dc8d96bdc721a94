"""What a listener to the server register's change feed learns (``NOTIFY lika_changes``,
migration ``0010_notify``; issue 20).

The payload is an assessment's id, nothing else, and every Lika role reads every
assessment (row-level security limits writing, not reading): a Lika login learns no id
it could not read anyway. LISTEN itself needs no privilege, though, so any login that
may connect to the database hears the ids and when they change; docs/it-deployment.md
has IT grant CONNECT to the Lika roles only, and this is what that does."""

from __future__ import annotations

from typing import Any

import pytest

from tests.pg_helpers import Server

pytestmark = pytest.mark.postgres

# docs/it-deployment.md, "Creating the database and roles" (DATABASE is its name).
HARDENING = (
    'REVOKE CONNECT ON DATABASE "{database}" FROM PUBLIC',
    'GRANT CONNECT ON DATABASE "{database}" TO lika_caseworker, lika_reviewer, '
    "lika_strategist, lika_admin",
)


def listening(server: Server, login: str) -> Any:
    import psycopg

    conn = psycopg.connect(server.cluster.dsn_for(server.database, login), autocommit=True)
    conn.execute("LISTEN lika_changes")
    return conn


def heard(conn: Any) -> list[str]:
    return [n.payload for n in conn.notifies(timeout=1.0, stop_after=1)]


def test_a_lika_login_hears_only_ids_it_may_read(server) -> None:
    bo = listening(server, server.login["bo"])
    try:
        draft = server.new_draft("anna", title="Hemlig titel")
        assert heard(bo) == [str(draft)]  # the id alone: no title, no owner
        # Another caseworker's draft: bo reads it anyway, through row-level security.
        row = bo.execute("SELECT title FROM lika.assessments WHERE id = %s", [draft]).fetchone()
        assert row == ("Hemlig titel",)
    finally:
        bo.close()


def test_connect_granted_to_the_lika_roles_only(server) -> None:
    """A login without a Lika role cannot read the register, but by default may connect
    and so hear the ids; with CONNECT granted to the Lika roles only it cannot connect,
    and a Lika login still hears every change."""
    import psycopg

    outsider = f"{server.database}_outsider"
    with server.connect() as conn:
        conn.execute(f'CREATE ROLE "{outsider}" LOGIN')
    stranger = listening(server, outsider)
    try:
        with pytest.raises(psycopg.Error, match="permission denied"):
            stranger.execute("SELECT id FROM lika.assessments")
        draft = server.new_draft("anna")
        assert heard(stranger) == [str(draft)]  # what the hardening below stops
    finally:
        stranger.close()
    with server.connect() as conn:
        for statement in HARDENING:
            conn.execute(statement.format(database=server.database))
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        listening(server, outsider)
    bo = listening(server, server.login["bo"])
    try:
        draft = server.new_draft("anna", series="s2")
        assert heard(bo) == [str(draft)]
    finally:
        bo.close()
