"""``lika check`` on a server register: the checks of ``storage.checks`` that mean
something there, read with the login's own rights.

The server's own guarantees replace some of the file's checks: PostgreSQL keeps its
pages whole (no ``integrity_check``), a UTF8 database stores only valid text, and IT
backs the server up (``pg_dump``), so ``backups`` is skipped, not failed. What a
superuser or the tables' owner can still do behind Lika's functions (edit an approved
assessment with the triggers off, delete an audit row, write a status Lika does not
know) is what these checks find, each under the file's check name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, LiteralString

import psycopg

from desktop_app.domain.errors import LikaError
from desktop_app.domain.model import Assessment, StatusChange
from desktop_app.storage import audit, rows
from desktop_app.storage.check_reads import BATCH, CHILD_TABLES
from desktop_app.storage.checks import CheckResult, Outcome
from desktop_app.storage.postgres import migrations
from desktop_app.storage.postgres.approval_checks import Query, record_problems
from desktop_app.storage.postgres.evaluation_checks import check_imported_evaluations
from desktop_app.storage.postgres.read_model_checks import check_read_model
from desktop_app.storage.postgres.review_records import ENTRY_COLUMNS
from desktop_app.storage.postgres.store import ServerStore

# Children whose rows name an assessment (``assessment_id``), checked for orphans.
_CHILDREN: tuple[LiteralString, ...] = (
    "ground_assessments", "answers", "measures", "status_changes", "evaluations",
    "review_comments", "statistics_tables", "evidence_items",
)  # fmt: skip


_BACKED_UP = "the server is backed up by IT (pg_dump or archiving), not by Lika"


def _more(found: list[str]) -> str:
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return f"{found[0]}{more}"


def check_schema(query: Query) -> CheckResult:
    """Every migration of this Lika applied, and none this Lika does not know."""
    applied = [r["name"] for r in query("SELECT name FROM lika.schema_migrations", ())]
    unknown, missing = migrations.schema_gap(applied)
    if unknown:
        return CheckResult(
            "schema", Outcome.PROBLEM,
            f"migrations this Lika does not know: {', '.join(unknown)} (a newer Lika's schema?)",
        )  # fmt: skip
    if missing:
        return CheckResult(
            "schema", Outcome.PROBLEM,
            f"migrations not applied: {', '.join(missing)}; IT runs `lika server-schema`",
        )  # fmt: skip
    return CheckResult("schema", Outcome.OK, f"up to date ({len(migrations.names())} migrations)")


def check_references(query: Query) -> CheckResult:
    """Children of no assessment (possible with the owner's triggers off). A measure's
    grounds are not checked here: the editor offers every ground of the checklists, so
    a measure may name one its assessment has not assessed, and one of an older
    checklist version is kept (``domain.obsolete``)."""
    found: list[str] = []
    for table in _CHILDREN:
        for r in query(
            f"SELECT c.assessment_id, count(*) AS n FROM lika.{table} c WHERE NOT EXISTS "
            "(SELECT 1 FROM lika.assessments a WHERE a.id = c.assessment_id) "
            "GROUP BY c.assessment_id ORDER BY c.assessment_id",
            (),
        ):
            found.append(
                f"{r['n']} row(s) of {table} point at missing assessment {r['assessment_id']}"
            )
    if found:
        return CheckResult("references", Outcome.PROBLEM, _more(found))
    return CheckResult("references", Outcome.OK, "every reference points at an existing row")


def check_values(query: Query) -> CheckResult:
    """As the file's: every choice is one Lika knows (``rows.KNOWN_VALUES``)."""
    found: list[str] = []
    for table, (key, columns) in rows.KNOWN_VALUES.items():
        for column, what, values in columns:
            known = [v for v in values if v is not None]
            sql: Any = (
                f"SELECT {key} AS k, {column} AS v FROM lika.{table} WHERE {column} IS NOT NULL "
                f"AND NOT ({column} = ANY(%s)) ORDER BY {key}"
            )
            for r in query(sql, [known]):
                found.append(f"assessment {r['k']} has an unknown {what} {r['v']!r}")
    if found:
        count = "1 value" if len(found) == 1 else f"{len(found)} values"
        return CheckResult("values", Outcome.PROBLEM, f"{count} Lika does not know: {_more(found)}")
    return CheckResult(
        "values", Outcome.OK, "every status, language, outcome and other choice is one Lika knows"
    )


def check_text(query: Query) -> CheckResult:
    """PostgreSQL refuses invalid text in a UTF8 database; any other encoding cannot
    hold every language Lika writes."""
    encoding = query("SELECT current_setting('server_encoding') AS e", ())[0]["e"]
    if encoding != "UTF8":
        return CheckResult(
            "text", Outcome.PROBLEM, f"the database's encoding is {encoding}, not UTF8"
        )
    return CheckResult("text", Outcome.OK, "a UTF8 database: the server stores only valid text")


def check_audit(query: Query) -> CheckResult:
    """The whole hash chain, and the issued-ids mark that shows the newest entries removed."""
    rows = query(f"SELECT {ENTRY_COLUMNS} FROM lika.audit_log ORDER BY id", ())
    issued = int(query("SELECT last_id FROM lika.audit_issued", ())[0]["last_id"])
    report = audit.verify_rows((list(r.values()) for r in rows), last_issued_id=issued)
    if not report.ok:
        return CheckResult(
            "audit", Outcome.PROBLEM, f"the audit log has been tampered with: {report.problem}"
        )
    return CheckResult("audit", Outcome.OK, f"{report.checked} entries, hash chain intact")


def check_revisions(query: Query) -> CheckResult:
    found = query(
        "SELECT series_uid, revision, array_agg(id ORDER BY id) AS ids FROM lika.assessments "
        "GROUP BY series_uid, revision HAVING count(*) > 1 ORDER BY min(id)",
        (),
    )
    if found:
        ids = " and ".join(str(i) for i in found[0]["ids"])
        return CheckResult(
            "revisions", Outcome.PROBLEM,
            f"assessments {ids} share revision {found[0]['revision']} of one decision",
        )  # fmt: skip
    guard = query(
        "SELECT 1 FROM pg_indexes WHERE schemaname = 'lika' "
        "AND indexname = 'assessments_series_revision'",
        (),
    )
    if not guard:
        return CheckResult(
            "revisions", Outcome.WARNING,
            "no revision is used twice, but the unique index guarding it "
            "(assessments_series_revision) was removed; IT recreates it",
        )  # fmt: skip
    return CheckResult("revisions", Outcome.OK, "each revision number of a decision is used once")


def _contents(query: Query, ids: list[int]) -> Iterator[Assessment]:
    """The assessments ``ids`` as stored, ``BATCH`` at a time, one statement per table
    (as ``check_reads.contents`` reads a file)."""
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        children: list[dict[int, list[dict[str, Any]]]] = []
        for table in CHILD_TABLES:
            grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
            for r in query(f"SELECT * FROM lika.{table} WHERE assessment_id = ANY(%s)", [batch]):
                grouped[r["assessment_id"]].append(r)
            children.append(grouped)
        for head in query("SELECT * FROM lika.assessments WHERE id = ANY(%s)", [batch]):
            ident = head["id"]
            yield rows.assessment_from_rows(head, *(found.get(ident, []) for found in children))


def _histories(query: Query) -> Iterator[tuple[int, str, list[StatusChange]]]:
    """Every assessment (id order) with its status and its current history (the newest
    generation), as ``check_reads.histories`` reads a file."""
    histories: dict[int, list[StatusChange]] = {}
    for r in query(
        "SELECT s.* FROM lika.status_changes s WHERE s.generation = (SELECT "
        "coalesce(max(g.generation), 0) FROM lika.status_changes g WHERE "
        "g.assessment_id = s.assessment_id) ORDER BY s.assessment_id, s.id",
        (),
    ):
        histories.setdefault(r["assessment_id"], []).append(rows.status_change_from_row(r))
    for r in query("SELECT id, status FROM lika.assessments ORDER BY id", ()):
        yield r["id"], r["status"], histories.get(r["id"], [])


def check_approvals(query: Query) -> CheckResult:
    """Content against approval, status against history, history against the log."""
    from desktop_app.storage.approval_findings import approval_findings

    found = record_problems(query)
    found += approval_findings(_histories(query), lambda ids: _contents(query, ids))
    if found:
        return CheckResult("approvals", Outcome.PROBLEM, _more(found))
    return CheckResult(
        "approvals", Outcome.OK,
        "approved content matches its approvals, and the approval records agree with the audit log",
    )  # fmt: skip


def check_against(query: Query, path: Path, head: tuple[int, str]) -> CheckResult:
    """The server's history still holds the entry an older copy saw (``--against``)."""
    from desktop_app.storage.evidence_checks import judge_against

    found = query("SELECT hash FROM lika.audit_log WHERE id = %s", [head[0]])
    return judge_against(found[0]["hash"] if found else None, path, head)


def run_checks(
    url: str, *, against: tuple[Path, tuple[int, str]] | None = None
) -> list[CheckResult]:
    """Every server check, in the file's order; each failure to read is that check's
    finding. ``against``: an older copy and the audit head it saw. Only reads."""
    store = ServerStore.open(url, guard=False)
    query: Query = store._query
    steps: list[tuple[str, Callable[[], CheckResult]]] = [
        ("schema", lambda: check_schema(query)),
        ("references", lambda: check_references(query)),
        ("values", lambda: check_values(query)),
        ("text", lambda: check_text(query)),
        ("audit", lambda: check_audit(query)),
        ("approvals", lambda: check_approvals(query)),
        ("evaluations", lambda: check_imported_evaluations(query)),
        ("revisions", lambda: check_revisions(query)),
        ("register", lambda: check_read_model(query)),
        ("backups", lambda: CheckResult("backups", Outcome.SKIPPED, _BACKED_UP)),
    ]
    if against is not None:
        steps.append(("against", lambda: check_against(query, *against)))
    results: list[CheckResult] = []
    try:
        for name, step in steps:
            try:
                results.append(step())
            except (psycopg.Error, LikaError, ValueError) as error:
                results.append(CheckResult(name, Outcome.PROBLEM, f"cannot be read: {error}"))
            if name == "schema" and results[-1].outcome is Outcome.PROBLEM:
                break  # another schema: the other checks would read it wrongly
    finally:
        store.close()
    return results
