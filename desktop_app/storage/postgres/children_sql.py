"""``children.ChildSql`` on a server connection: the child rows of an assessment, written
in the caller's transaction with ``psycopg`` placeholders and the schema named."""

from __future__ import annotations

from typing import Any

from psycopg import sql

Row = dict[str, Any]


def _table(name: str) -> sql.Composed:
    return sql.SQL("lika.{}").format(sql.Identifier(name))


class ServerChildSql:
    def delete(self, db: Any, table: str, key: str, assessment_id: int, value: Any) -> None:
        db.execute(
            sql.SQL("DELETE FROM {} WHERE assessment_id = %s AND {} = %s").format(
                _table(table), sql.Identifier(key)
            ),
            [assessment_id, value],
        )

    def insert(self, db: Any, table: str, row: Row) -> None:
        db.execute(
            sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
                _table(table),
                sql.SQL(", ").join(map(sql.Identifier, row)),
                sql.SQL(", ").join(map(sql.Placeholder, row)),
            ),
            row,
        )

    def update(self, db: Any, table: str, key: str, row: Row) -> None:
        columns = [c for c in row if c not in (key, "assessment_id")]
        db.execute(
            sql.SQL("UPDATE {} SET {} WHERE assessment_id = %(assessment_id)s AND {} = {}").format(
                _table(table),
                sql.SQL(", ").join(
                    sql.SQL("{} = {}").format(sql.Identifier(c), sql.Placeholder(c))
                    for c in columns
                ),
                sql.Identifier(key),
                sql.Placeholder(key),
            ),
            row,
        )
