"""The register on a PostgreSQL server (issue 20): schema, migrations, roles and search.

Phase 1: the server side only. ``migrations`` holds the versioned SQL and applies it
(``psycopg``); ``lika server-schema`` prints it for a DBA. No engine behind
``--db postgresql://`` uses it yet (docs/it-deployment.md).
"""
