"""A file's imported evaluations against the ``import`` entries that record them, on a
server register (``lika check``'s ``evaluations``).

``lika.import_with_evaluations`` (migration ``0013_import_links``) links each row
it stores to its import entry (``import_id``) and puts ``"N sha256:HEX"`` of those rows
into the entry's ``evaluations`` change, so the entry's hash covers them. Here that
digest is computed again in Python from the stored rows (``domain.audit
.evaluations_digest``), as ``approval_checks`` recomputes the status records' hash: an
imported evaluation or measure result changed, removed or added by someone who went
around Lika's functions (the tables' owner, a superuser, an administrator correcting
it) no longer matches. A later import of the same assessment replaces its evaluations
(the newer entry's line says how many), so an older entry's rows are expected gone, as
are a deleted assessment's. An evaluation a login records in its own name has no link
and is not this check's.
"""

from __future__ import annotations

import json
from typing import Any

from desktop_app.domain.audit import evaluations_digest
from desktop_app.storage.checks import CheckResult, Outcome
from desktop_app.storage.postgres.approval_checks import Query
from desktop_app.storage.postgres.import_links_v1 import MARK

_COVERED = (
    "e.assessment_id, e.followup_date, e.evaluated_on, e.evaluator, e.os_user, "
    "e.recorded_at, e.what_happened, e.impact, e.impact_note, e.next_followup"
)


def _changed(entry: int, assessment: Any) -> str:
    return (
        f"the imported evaluations of audit entry {entry} (assessment {assessment}) were "
        "changed, removed or added outside Lika"
    )


def _lines(query: Query) -> dict[int, tuple[int, str]]:
    """Per import entry since links began: its assessment and its evaluations line."""
    mark = query("SELECT value FROM lika.evidence_marks WHERE name = %s", [MARK])
    found: dict[int, tuple[int, str]] = {}
    for r in query(
        "SELECT id, assessment_id, changes FROM lika.audit_log WHERE action = 'import' "
        "AND id >= %s AND changes LIKE '%%\"evaluations\"%%' ORDER BY id",
        [int(mark[0]["value"]) if mark else 0],
    ):
        for path, _old, new in json.loads(r["changes"]):
            if path == ["evaluations"]:
                found[int(r["id"])] = (r["assessment_id"], new)
    return found


def _linked(query: Query) -> dict[int, list[tuple[int, list[Any]]]]:
    """Per import entry: the rows linked to it (id, covered values with the measures'
    results last), in id order."""
    results: dict[int, list[list[Any]]] = {}
    for m in query(
        "SELECT m.evaluation_id, m.assessment_id, m.measure_uid, m.description, m.status, "
        "m.note FROM lika.evaluation_measures m JOIN lika.evaluations e ON "
        "e.id = m.evaluation_id WHERE e.import_id IS NOT NULL",
        (),
    ):
        values = [m["assessment_id"], m["measure_uid"], m["description"], m["status"], m["note"]]
        results.setdefault(m["evaluation_id"], []).append(values)
    found: dict[int, list[tuple[int, list[Any]]]] = {}
    for r in query(
        f"SELECT e.id, e.import_id, {_COVERED} FROM lika.evaluations e "
        "WHERE e.import_id IS NOT NULL ORDER BY e.id",
        (),
    ):
        ident, entry, *values = r.values()
        measures = sorted(results.get(ident, []), key=lambda m: m[1])  # by uid, code points
        found.setdefault(entry, []).append((ident, [*values, measures]))
    return found


def check_imported_evaluations(query: Query) -> CheckResult:
    """Each import entry's evaluations line holds for the rows linked to it."""
    lines = _lines(query)
    linked = _linked(query)
    newest = {assessment: entry for entry, (assessment, _) in sorted(lines.items())}
    present = {r["id"] for r in query("SELECT id FROM lika.assessments", ())}
    found: list[str] = []
    for entry, rows in linked.items():
        if entry not in lines:
            ident, values = rows[0]
            found.append(
                f"evaluation {ident} of assessment {values[0]} names audit entry {entry}, "
                "which imported no evaluations: it was linked outside Lika"
            )
    checked = 0
    for entry, (assessment, line) in lines.items():
        rows = linked.get(entry, [])
        if newest[assessment] != entry or assessment not in present:
            if rows:  # replaced by a later import, or gone with their assessment
                found.append(_changed(entry, assessment))
        elif evaluations_digest([values for _, values in rows]) != line:
            found.append(_changed(entry, assessment))
        else:
            checked += len(rows)
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        return CheckResult("evaluations", Outcome.PROBLEM, f"{found[0]}{more}")
    return CheckResult(
        "evaluations", Outcome.OK,
        f"{checked} imported evaluation(s) match the import entries that record them",
    )  # fmt: skip
