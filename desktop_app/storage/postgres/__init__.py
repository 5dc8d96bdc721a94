"""The register on a PostgreSQL server (issue 20): the schema as versioned SQL
(``migrations``, printed by ``lika server-schema``), the engine behind
``--db postgresql://`` (``store``, ``reader``, ``review_records``, ``evaluations``) and
moving registers in and out (``copy_*``). Nothing here imports ``psycopg`` until a
connection is made (``connection.connect``).
"""
