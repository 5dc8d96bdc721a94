"""Helpers of the PostgreSQL register's tests (issue 20)."""

from __future__ import annotations

import subprocess

from scripts import pg_throwaway


def pg_dump_schema(dsn: str) -> str:
    """The schema ``lika`` of a database as ``pg_dump --schema-only`` writes it."""
    done = subprocess.run(
        [str(pg_throwaway.bindir() / "pg_dump"), "--schema-only", "--schema=lika", "-d", dsn],
        capture_output=True,
        text=True,
        check=True,
    )
    # Newer pg_dump fences its output with a random key (\\restrict KEY): not schema.
    return "".join(
        line
        for line in done.stdout.splitlines(keepends=True)
        if not line.startswith(("\\restrict ", "\\unrestrict "))
    )


def psql_file(dsn: str, path: str) -> subprocess.CompletedProcess[str]:
    """Run an SQL file with psql as a DBA would, stopping at the first error."""
    return subprocess.run(
        [str(pg_throwaway.bindir() / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dsn,
         "-f", path],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
