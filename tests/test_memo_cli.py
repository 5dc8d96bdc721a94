"""``lika summary ID``: the memo text on stdout, errors per the CLI contract."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop_app.__main__ import main
from tests.helpers import complete_assessment, complete_norwegian_assessment
from tests.safety_helpers import execute_behind, location_state
from tests.test_memo import NORWEGIAN, SWEDISH


@pytest.fixture
def memo_db(cli_db, store, content) -> str:
    """A Swedish and a Norwegian assessment, on a register file and on a server register
    in turn (issue 20); the ``--db`` value."""
    store.create(complete_assessment(content))
    store.create(complete_norwegian_assessment(content))
    return cli_db


def one_error_line(capsys) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1, captured.err
    assert "Traceback" not in captured.err
    return captured.err


def test_prints_the_memo_in_the_assessments_language(memo_db, capsys) -> None:
    assert main(["summary", "1", "--db", str(memo_db)]) == 0
    assert capsys.readouterr().out == SWEDISH + "\n"
    assert main(["--db", str(memo_db), "summary", "2"]) == 0
    assert capsys.readouterr().out == NORWEGIAN + "\n"


def test_lang_chooses_another_language(memo_db, capsys) -> None:
    assert main(["summary", "1", "--lang", "en", "--db", str(memo_db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The assessment covers the grounds of discrimination in the ")
    assert "by 1 March 2027" in out
    assert main(["summary", "2", "--lang", "sv", "--db", str(memo_db)]) == 0
    assert "Konsekvenserna följs upp senast den 15 januari 2028." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("summary", "42"), "lika: No assessment with id 42\n"),
        (("summary", "abc"), "'abc' is not an assessment id (a number)"),
        (("summary", "0"), "'0' is not an assessment id (a number)"),
        (("summary",), "the following arguments are required: id"),
        (("summary", "1", "--lang", "de"), "invalid choice: 'de'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    memo_db, register_location, capsys, args, message
) -> None:
    before = location_state(register_location)
    try:
        code = main([*args, "--db", str(memo_db)])
    except SystemExit as exit_info:
        code = exit_info.code
    assert code == 2
    assert message in one_error_line(capsys)
    assert location_state(register_location) == before


def test_a_file_that_is_not_a_database(tmp_path, capsys) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database")
    assert main(["summary", "1", "--db", str(bogus)]) == 2
    assert "is not a Lika database" in one_error_line(capsys)
    assert bogus.read_text() == "not a database"


def test_an_assessment_whose_checklist_is_not_installed(memo_db, register_location, capsys):
    execute_behind(register_location, "UPDATE assessments SET framework_id = 'gone' WHERE id = 1")
    assert main(["summary", "1", "--db", str(memo_db)]) == 2
    assert "uses checklist 'gone', which is not installed" in one_error_line(capsys)


@pytest.mark.slow
def test_real_program(memo_db, tmp_path) -> None:
    """As a script would call it: UTF-8 on stdout, nothing on stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "summary", "2", "--db", str(memo_db)],
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
        env={"PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"},
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.decode("utf-8") == NORWEGIAN + "\n"
