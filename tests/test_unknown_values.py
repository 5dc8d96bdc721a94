"""Values Lika does not know, written into the register outside Lika (a status, a
language, an outcome, a ground's direction): `lika check` names them, and reading such a
row says which assessment and what is wrong instead of failing with an internal error."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop_app.__main__ import main
from desktop_app.domain.errors import UnreadableDataError
from desktop_app.domain.followup import DueWindow, MeasureQuery
from desktop_app.domain.register import RegisterQuery
from desktop_app.storage.followup import measures_page
from desktop_app.storage.register import Register
from desktop_app.storage.repository import AssessmentRepository
from tests.safety_helpers import filled_register, register_state


def lika(*args: str) -> int:
    try:
        return main(list(args))
    except SystemExit as exit_info:
        return int(exit_info.code or 0)


def spoil(path: Path, statement: str) -> None:
    """Write ``statement`` as a script going around Lika would (drafts: no lock trigger)."""
    with sqlite3.connect(path) as conn:
        conn.execute(statement)
    conn.close()


@pytest.fixture
def register(tmp_path, content) -> Path:
    return filled_register(tmp_path / "lika.db", content, count=6)


SPOILED = [
    ("UPDATE assessments SET status = 'bogus' WHERE id = 5", "unknown status 'bogus'"),
    ("UPDATE assessments SET language = 'fi' WHERE id = 5", "unknown language 'fi'"),
    ("UPDATE assessments SET outcome = 'maybe' WHERE id = 5", "unknown outcome 'maybe'"),
    (
        "UPDATE ground_assessments SET direction = 'sideways' "
        "WHERE assessment_id = 5 AND ground_key = 'age'",
        "unknown ground direction 'sideways'",
    ),
    (
        "UPDATE measures SET status = 'lost' WHERE assessment_id = 5",
        "unknown measure status 'lost'",
    ),
]


@pytest.mark.parametrize(("statement", "message"), SPOILED)
def test_lika_check_names_a_value_lika_does_not_know(register, capsys, statement, message):
    spoil(register, statement)
    before = register_state(register)
    assert lika("check", "--db", str(register)) == 1
    out = capsys.readouterr().out
    assert f"problem  values      1 value Lika does not know: assessment 5 has an {message}" in out
    assert "Something is wrong." in out
    assert register_state(register) == before  # a check only reads


def test_lika_check_counts_every_unknown_value(register, capsys) -> None:
    spoil(register, "UPDATE assessments SET status = 'bogus' WHERE id IN (2, 5)")
    spoil(register, "UPDATE assessments SET language = 'fi' WHERE id = 3")
    assert lika("check", "--db", str(register)) == 1
    out = capsys.readouterr().out
    assert "3 values Lika does not know: assessment 2 has an unknown status 'bogus'" in out
    assert "(and 2 more)" in out


def test_a_known_register_has_only_known_values(register, capsys) -> None:
    lika("check", "--db", str(register))
    assert "ok       values" in capsys.readouterr().out


@pytest.mark.parametrize(("statement", "message"), SPOILED)
def test_reading_the_assessment_names_it_and_what_is_wrong(register, statement, message):
    spoil(register, statement)
    repo = AssessmentRepository.open(register)
    with pytest.raises(UnreadableDataError) as raised:
        repo.get(5)
    assert str(raised.value) == f"Assessment 5 has an {message}; run lika check"
    repo.get(4)  # the others read as before
    repo.close()


def test_deleting_it_is_refused_with_the_same_message(register) -> None:
    """Whether it may be deleted depends on its status, which is not known."""
    spoil(register, SPOILED[0][0])
    repo = AssessmentRepository.open(register)
    with pytest.raises(UnreadableDataError, match="Assessment 5 has an unknown status 'bogus'"):
        repo.delete(5)
    assert repo.count() == 6
    repo.close()


@pytest.mark.parametrize(("statement", "message"), SPOILED[:3])
def test_the_register_list_names_the_row(register, statement, message) -> None:
    spoil(register, statement)
    with Register.open_reader(register) as reader, pytest.raises(UnreadableDataError) as raised:
        reader.page(RegisterQuery())
    assert str(raised.value) == f"Assessment 5 has an {message}; run lika check"
    repo = AssessmentRepository.open(register)
    with pytest.raises(UnreadableDataError, match=f"Assessment 5 has an {message}"):
        repo.list_summaries()
    repo.close()


def test_the_follow_up_list_names_the_row(register) -> None:
    spoil(register, SPOILED[0][0])
    query = MeasureQuery(DueWindow.ALL_OPEN, today=date(2027, 1, 1))
    with Register.open_reader(register) as reader, pytest.raises(UnreadableDataError) as raised:
        measures_page(reader, query)
    assert str(raised.value) == "Assessment 5 has an unknown status 'bogus'; run lika check"


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("submit", "5"),
        ("approve", "5"),
        ("export", "5", "--out", "-"),
        ("fingerprint", "5"),
    ],
)
def test_commands_say_it_in_one_line_with_exit_1(register, capsys, command) -> None:
    """A damaged register, not the user's mistake: exit 1, and nothing is changed."""
    spoil(register, SPOILED[0][0])
    before = register_state(register)
    assert lika(*command, "--db", str(register)) == 1
    captured = capsys.readouterr()
    assert captured.err == "lika: Assessment 5 has an unknown status 'bogus'; run lika check\n"
    assert captured.out == ""
    assert register_state(register) == before
