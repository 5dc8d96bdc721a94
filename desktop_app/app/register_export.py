"""Register rows as public records: ``lika list --format json|csv`` and the window's
"Export view as CSV" write the same fields, so a spreadsheet made from either matches.

The JSON fields are a public contract (see the README): fields are only ever added.
"""

from __future__ import annotations

import csv
import json
import textwrap
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from desktop_app.atomic_file import atomic_write
from desktop_app.csv_cells import spreadsheet_cell
from desktop_app.domain.register import RegisterRow
from desktop_app.progress import NO_PROGRESS, Progress

# The first fifteen are the original `lika list` fields, in their original order.
TRUSTED = ("witnessed", "signed")  # approvals that count (``domain.model.Trust``)

LIST_FIELDS = (
    "id", "title", "case_number", "status", "updated", "unit", "organisation", "decision_body",
    "revision", "author", "language", "framework", "outcome", "created", "uid",
    "reviewer", "reference_date", "adverse_grounds", "open_measures", "next_deadline",
    "overdue_measures", "next_followup", "evaluation_due", "decision_type",
    "reviewer_unverified",
)  # fmt: skip


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def register_record(row: RegisterRow, today: date) -> dict[str, Any]:
    """One register row as the public JSON record."""
    return {
        "id": row.id,
        "title": row.title,
        "case_number": row.case_number,
        "status": row.status.value,
        "updated": row.updated.isoformat(),
        "unit": row.unit,
        "organisation": row.organisation,
        "decision_body": row.decision_body,
        "revision": row.revision,
        "author": row.author,
        "language": row.language.value,
        "framework": row.framework_id,
        "outcome": row.outcome.value if row.outcome else None,
        "created": row.created.isoformat(),
        "uid": row.uid,
        "reviewer": row.reviewer,
        "reference_date": row.reference_date.isoformat(),
        "adverse_grounds": [
            {"ground": g.key, "impact": g.direction.value} for g in row.adverse_grounds
        ],
        "open_measures": row.open_measures,
        "next_deadline": _iso(row.next_deadline),
        "overdue_measures": row.has_overdue_measures(today),
        "next_followup": _iso(row.next_followup),
        "evaluation_due": row.evaluation_due(today),
        "decision_type": row.decision_type,
        # The reviewer is only the approver an exchange file claimed, unverified.
        "reviewer_unverified": row.reviewer_unverified,
    }


def csv_record(record: dict[str, Any]) -> dict[str, Any]:
    """Flatten what CSV cannot hold: grounds as ``age:negative; sex:mixed``."""
    flat = dict(record)
    flat["adverse_grounds"] = "; ".join(
        f"{g['ground']}:{g['impact']}" for g in record["adverse_grounds"]
    )
    return flat


def write_json(
    rows: Iterable[RegisterRow],
    out: TextIO,
    today: date,
    approvals: Mapping[int, str] | None = None,
) -> int:
    """A JSON array, written record by record (same text as ``json.dump(..., indent=2)``).

    With ``approvals`` (``approval_records.approval_states``) each record says how its
    approval is known (``approval``: witnessed, signed, unverified, unrecorded or null),
    and an approved status backed by no approval this register trusts is given as
    ``unverified``, never ``approved``."""
    count = 0
    for row in rows:
        record = register_record(row, today)
        if approvals is not None:
            record["approval"] = approvals.get(row.id)
            if record["status"] == "approved" and record["approval"] not in TRUSTED:
                record["status"] = "unverified"
        text = json.dumps(record, ensure_ascii=False, indent=2)
        out.write(("[\n" if count == 0 else ",\n") + textwrap.indent(text, "  "))
        count += 1
    out.write("\n]\n" if count else "[]\n")
    return count


def write_csv(
    rows: Iterable[RegisterRow], out: TextIO, today: date, progress: Progress = NO_PROGRESS
) -> int:
    writer = csv.DictWriter(out, fieldnames=LIST_FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        record = csv_record(register_record(row, today))
        writer.writerow({key: spreadsheet_cell(value) for key, value in record.items()})
        count += 1
        if count % 1000 == 0:
            progress.advance(1000)
            if progress.cancelled:
                break
    return count


def export_csv_file(
    rows: Iterable[RegisterRow], path: Path, today: date, progress: Progress = NO_PROGRESS
) -> int:
    """Write a CSV file for spreadsheets (UTF-8 with BOM, so Excel reads å ä ö ŋ right).

    The file appears only when complete: written beside the target, then renamed; a
    failure or a cancel leaves no half-written file behind.
    """
    path = Path(path)
    count = 0

    def write(temp: Path) -> bool:
        nonlocal count
        with temp.open("w", encoding="utf-8-sig", newline="") as out:
            count = write_csv(rows, out, today, progress)
        return not progress.cancelled

    return count if atomic_write(path, write, suffix=".csv") else 0
