"""The checks of ``lika check`` that look for tampering with the evidence (issue 13).

- ``guards``: every guard trigger is there as Lika wrote it, and none had to be put
  back (``guards.repairs``); a register is checked before anything re-creates one.
- ``approvals``: each approved assessment's content still has the fingerprint its
  approval recorded, its status is where its approval record leads, and the approval
  record agrees with the audit log's account of it (``approval_records``).
- ``check_against``: whether the register's audit log still holds what an older copy
  (a backup, a PDF, an exchange file) saw as its newest entry.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.errors import InputError, LikaError
from desktop_app.storage import guards

if TYPE_CHECKING:
    from desktop_app.storage.checks import CheckContext, CheckResult

HEAD = re.compile(r"(\d+):([0-9a-f]{64})")
PDF_KEYWORD = "lika-audit-head:"


def _result(name: str, outcome: str, message: str) -> CheckResult:
    from desktop_app.storage.checks import CheckResult, Outcome

    return CheckResult(name, Outcome(outcome), message)


def _more(found: list[str], shown: int = 3) -> str:
    """The first few problems, each named, and how many more there are."""
    text = "; ".join(found[:shown])
    return f"{text} (and {len(found) - shown} more)" if len(found) > shown else text


def check_upgrades(ctx: CheckContext) -> CheckResult:
    """Every upgrade the register ran is recorded, and what it created is there: a
    missing table or column is not taken for an older register (``schema_facts``)."""
    from desktop_app.storage import schema_facts

    assert ctx.conn is not None
    try:
        found = schema_facts.problems(ctx.conn)
    except sqlite3.DatabaseError as error:
        return _result("upgrades", "problem", f"the register's upgrades cannot be read: {error}")
    if found:
        return _result("upgrades", "problem", _more(found))
    return _result("upgrades", "ok", "every upgrade the register ran is recorded and in place")


def check_guards(ctx: CheckContext) -> CheckResult:
    assert ctx.conn is not None
    findings = guards.find(ctx.conn)
    if findings:
        return _result(
            "guards",
            "problem",
            f"protection against changes was removed outside Lika ({findings.describe()}); "
            "Lika puts it back when it opens the register, and records that it did",
        )
    repaired = guards.repairs(ctx.conn)
    if repaired:
        entry, at, what = repaired[-1]
        return _result(
            "guards",
            "problem",
            f"protection against changes had been removed outside Lika ({what}); it was put "
            f"back when the register was opened ({at[:16]}, audit entry {entry})",
        )
    return _result("guards", "ok", "every guard trigger is in place as Lika wrote it")


def check_approvals(ctx: CheckContext) -> CheckResult:
    """Content against approval, status against history, history against the log."""
    from desktop_app.storage import check_reads
    from desktop_app.storage.approval_findings import approval_findings
    from desktop_app.storage.approval_records import record_problems

    conn = ctx.conn
    assert conn is not None
    if "assessments" not in check_reads.table_names(conn):
        return _result("approvals", "ok", "no assessments yet")
    found: list[str] = []
    try:
        found += record_problems(conn)
        conn.row_factory = sqlite3.Row
        found += approval_findings(
            check_reads.histories(conn), lambda ids: check_reads.contents(conn, ids)
        )
    except (sqlite3.DatabaseError, LikaError) as error:
        return _result("approvals", "problem", f"the approvals cannot be read: {error}")
    finally:
        conn.row_factory = None
    if found:
        return _result("approvals", "problem", _more(found))
    return _result(
        "approvals",
        "ok",
        "approved content matches its approvals, and the approval records agree with the audit log",
    )


# Against an older copy


def head_of(path: Path) -> tuple[int, str]:
    """The audit log's newest entry (id, hash) as ``path`` saw it: a backup (its own
    log), a PDF (its keywords) or an exchange file (``audit_head``)."""
    path = Path(path)
    try:
        with path.open("rb") as file:
            start = file.read(16)
    except OSError as error:
        raise InputError(f"Cannot read {path}: {error.strerror}") from None
    found: str | None = None
    if start.startswith(b"SQLite format 3"):
        from desktop_app.storage.database import connect_readonly

        conn = connect_readonly(path)
        try:
            newest = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
            row = newest.fetchone()
        except sqlite3.DatabaseError:
            row = None
        finally:
            conn.close()
        found = f"{row[0]}:{row[1]}" if row else None
    elif start.startswith(b"%PDF"):
        found = _pdf_head(path)
    elif start.lstrip()[:1] == b"{":
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
            found = data.get("audit_head") if isinstance(data, dict) else None
        except (OSError, ValueError):
            found = None
    match = HEAD.fullmatch(found or "")
    if match is None:
        raise InputError(
            f"{path} holds no audit chain head (a backup, a PDF or an exchange file made by "
            "this version of Lika has one)"
        )
    return int(match.group(1)), match.group(2)


def _pdf_head(path: Path) -> str | None:
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            keywords = str(pdf.docinfo.get("/Keywords", ""))
    except (pikepdf.PdfError, OSError):
        return None
    for word in re.split(r"[,\s]+", keywords):
        if word.startswith(PDF_KEYWORD):
            return word.removeprefix(PDF_KEYWORD)
    return None


def check_against(conn: sqlite3.Connection, path: Path, head: tuple[int, str]) -> CheckResult:
    found = conn.execute("SELECT hash FROM audit_log WHERE id = ?", [head[0]]).fetchone()
    return judge_against(found[0] if found else None, path, head)


def judge_against(found: str | None, path: Path, head: tuple[int, str]) -> CheckResult:
    """The ``against`` verdict on the hash the register holds for the entry ``path``
    saw (None: no such entry), for a register file or a server register alike."""
    entry, digest = head
    short = f"{entry}:{digest[:16]}…"
    if found is None:
        return _result(
            "against",
            "problem",
            f"{path.name} saw audit entry {short}, which the register no longer has: its "
            "history was rewritten or cut short since",
        )
    if found != digest:
        return _result(
            "against",
            "problem",
            f"{path.name} saw audit entry {short}, but the register's entry {entry} differs: "
            "its history up to that entry was rewritten since",
        )
    return _result(
        "against", "ok", f"the register's history still holds what {path.name} saw ({short})"
    )


__all__ = [
    "check_against", "check_approvals", "check_guards", "head_of", "judge_against",
]  # fmt: skip
