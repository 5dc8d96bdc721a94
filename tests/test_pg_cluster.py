"""The throwaway PostgreSQL cluster the server-register tests run on (issue 20)."""

from __future__ import annotations

import pytest

from tests import postgres_cluster

pytestmark = pytest.mark.postgres


def test_the_cluster_serves_a_fresh_utf8_database(pg_cluster, pg_database):
    import psycopg

    with psycopg.connect(pg_cluster.dsn_for(pg_database)) as conn:
        encoding, user = conn.execute("SELECT pg_client_encoding(), current_user").fetchone()
        assert encoding == "UTF8"
        assert user == "lika_test_superuser"
        assert conn.execute("SELECT 'Čuđe-Šolli ŋ'").fetchone()[0] == "Čuđe-Šolli ŋ"
        # Only the socket in the folder: no TCP port is opened.
        assert conn.execute("SHOW listen_addresses").fetchone()[0] == ""


def test_a_missing_server_fails_on_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="never skip"):
        postgres_cluster.unavailable("no initdb")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="no initdb"):
        postgres_cluster.unavailable("no initdb")


def test_start_refuses_a_folder_the_server_user_cannot_reach(tmp_path, monkeypatch):
    """Under root the server runs as an unprivileged user; a folder it cannot enter is
    named before initdb fails obscurely (pytest's own tmp_path is such a folder)."""
    import os

    from scripts import pg_throwaway

    if os.geteuid() != 0:
        pytest.skip("only root hands the cluster to another user")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o700)
    with pytest.raises(pg_throwaway.ClusterError, match="cannot be entered"):
        pg_throwaway.start(locked / "cluster")
