"""Text from the register printed to a terminal cannot move the cursor, change colours,
set the window title, reverse a line (U+202E) or forge lines of its own (issue 14):
every command's text output shows control characters as escapes, keeping only the
line breaks of multi-line text, indented under their record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.storage.repository import AssessmentRepository
from tests.helpers import complete_assessment
from tests.tampering_helpers import run

# An escape that clears the screen, one that sets the window title, a colour, a carriage
# return that writes over the line, a line of its own, a right-to-left override, markup.
HOSTILE = "Eve\x1b[2J\x1b]0;pwned\x07 \x1b[31mröd\rApproved by Director\u202eokay <b>&amp;</b>"
FORGED_LINE = "\nMatches: forged"
UNSAFE = ("\x1b", "\r", "\u202e", "\x07")


@pytest.fixture
def db(tmp_path, content, capsys) -> Path:
    """1: returned with a comment and a reply, 2: approved then revised as 3; every
    text and name hostile."""
    path = tmp_path / "register.db"
    repo = AssessmentRepository.open(path)
    for _ in range(2):
        a = complete_assessment(content)
        a.decision.title = HOSTILE + FORGED_LINE
        a.decision.author = HOSTILE
        a.conclusion.summary = HOSTILE + FORGED_LINE  # in the memo text
        repo.create(a)
    repo.close()
    for ident in ("1", "2"):
        assert run(path, capsys, "submit", ident, "--as", HOSTILE, "--comment", HOSTILE)[0] == 0
    code, _out, err = run(
        path, capsys, "comment", "1", "--on", "step:decision", HOSTILE + FORGED_LINE, "--as", "Bo"
    )
    assert code == 0, err
    assert run(path, capsys, "return", "1", "--comment", HOSTILE, "--as", "Bo")[0] == 0
    code, _out, err = run(path, capsys, "address", "1", "1", "--reply", HOSTILE + FORGED_LINE)
    assert code == 0, err
    assert run(path, capsys, "approve", "2", "--as", HOSTILE + FORGED_LINE)[0] == 0
    assert run(path, capsys, "new-revision", "2")[0] == 0
    return path


def safe(text: str) -> None:
    found = [c for c in UNSAFE if c in text]
    assert not found, (found, text)
    assert not any(line.startswith("Matches: forged") for line in text.splitlines()), text


@pytest.mark.parametrize(
    "command",
    [
        ["history", "1"],
        ["history", "2"],
        ["comments", "1"],
        ["revisions", "3"],
        ["compare", "2", "3", "--all"],
        ["summary", "1"],
    ],
)
def test_text_output_escapes_what_the_register_holds(db, capsys, command) -> None:
    code, out, err = run(db, capsys, *command)
    assert code == 0, err
    safe(out)
    safe(err)
    assert "\\x1b[2J" in out  # shown, not done


def test_a_multi_line_comment_keeps_its_lines_under_its_record(db, capsys) -> None:
    _code, out, _err = run(db, capsys, "comments", "1")
    lines = out.splitlines()
    assert lines[0].startswith("#1  ")
    assert all(line.startswith("    ") for line in lines[1:]), lines
    assert "    Matches: forged" in lines


def test_verify_names_the_approver_escaped(db, capsys) -> None:
    printed = json.loads(run(db, capsys, "fingerprint", "2", "--format", "json")[1])
    code, out, err = run(db, capsys, "verify", "2", "--fingerprint", printed["fingerprint"])
    assert code == 0, err
    safe(out)
    assert out.count("\n") == 1 and out.startswith("Matches: ")


def test_import_and_errors_escape_the_title(db, capsys, tmp_path) -> None:
    out_file = tmp_path / "one.json"
    assert run(db, capsys, "export", "1", "--out", str(out_file))[0] == 0
    code, out, err = run(db, capsys, "import", str(out_file), "--as-new")
    assert code == 0, err
    safe(out)
    assert out.count("\n") == 1
    # An error naming the title stays one line on stderr.
    code, out, err = run(db, capsys, "import", str(out_file))
    assert code != 0
    safe(err)
    assert err.count("\n") == 1, err


def test_a_fingerprint_changed_in_the_register_is_printed_escaped(db, capsys) -> None:
    """Someone with sqlite3 writes escape sequences where the approved fingerprint was:
    `lika fingerprint` warns that it does not match, and shows it escaped."""
    import sqlite3

    conn = sqlite3.connect(db)
    triggers = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'status_changes'"
    )]  # fmt: skip
    for name in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    with conn:
        conn.execute(
            "UPDATE status_changes SET fingerprint = ? WHERE assessment_id = 2 "
            "AND to_status = 'approved'",
            [HOSTILE],
        )
    conn.close()
    _code, out, err = run(db, capsys, "fingerprint", "2")
    safe(out + err)
