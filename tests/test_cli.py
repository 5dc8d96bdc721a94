"""The command line contract: commands, --db, --format json, exit codes, one-line errors."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from desktop_app import __version__
from desktop_app.__main__ import main
from desktop_app.storage.repository import AssessmentRepository
from tests.helpers import OTHER_SCRIPT_NAMES, SAMI_NAME, complete_assessment
from tests.pdfcheck import fonts_of, pdf_text
from tests.safety_helpers import location_state


def run(*args: str) -> int:
    return main(list(args))


@pytest.fixture
def filled_db(cli_db, store, content) -> str:
    """Two assessments, on a register file and on a server register in turn (issue 20);
    the ``--db`` value."""
    for title in ("Skolskjuts i glesbygd", "Nya avgifter i hemtjänsten"):
        a = complete_assessment(content)
        a.decision.title = title
        store.create(a)
    return cli_db


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("--version")
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"lika {__version__}"


def test_list_json_has_the_public_fields(filled_db, capsys) -> None:
    assert run("list", "--db", str(filled_db), "--format", "json") == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["title"] for r in records] == ["Nya avgifter i hemtjänsten", "Skolskjuts i glesbygd"]
    for record in records:
        assert {"id", "title", "case_number", "status", "updated"} <= set(record)
        assert isinstance(record["id"], int)


def test_db_may_come_before_or_after_the_command(filled_db, capsys) -> None:
    assert run("--db", str(filled_db), "list", "--format", "json") == 0
    before = json.loads(capsys.readouterr().out)
    assert run("list", "--format", "json", "--db", str(filled_db)) == 0
    assert json.loads(capsys.readouterr().out) == before
    assert len(before) == 2


def test_list_table_csv_and_filters(filled_db, capsys) -> None:
    assert run("list", "--db", str(filled_db)) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["ID", "STATUS", "UPDATED", "CASE", "TITLE"]
    assert len(table) == 3
    assert run("list", "--db", str(filled_db), "--format", "csv", "--search", "hemtjänst") == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("id,title,case_number,status,updated")
    assert len(rows) == 2 and "Nya avgifter i hemtjänsten" in rows[1]
    assert run("list", "--db", str(filled_db), "--status", "approved") == 0
    assert capsys.readouterr().out.strip() == "No assessments."


def test_export_pdf(filled_db, tmp_path, capsys) -> None:
    out = tmp_path / "summary.pdf"
    assert run("export-pdf", "1", "--db", str(filled_db), "--out", str(out), "--lang", "en") == 0
    assert f"Wrote {out}" in capsys.readouterr().out
    text = pdf_text(out)
    assert "Conclusion" in text
    assert SAMI_NAME in text and OTHER_SCRIPT_NAMES[1] in text
    assert all(fonts_of(out).values())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("export-pdf", "999", "--out", "x.pdf"), "No assessment with id 999"),
        (("export-pdf", "abc", "--out", "x.pdf"), "'abc' is not an assessment id"),
        (("export-pdf", "1"), "the following arguments are required: --out"),
        (("list", "--status", "finished"), "invalid choice: 'finished'"),
        (("list", "--format", "xml"), "invalid choice: 'xml'"),
        (("frobnicate",), "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    filled_db, register_location, tmp_path, capsys, monkeypatch, args, message
) -> None:
    monkeypatch.chdir(tmp_path)
    before = location_state(register_location)
    try:
        code = run(*args, "--db", str(filled_db))
    except SystemExit as exit_info:
        code = exit_info.code
    assert code == 2
    assert message in one_error_line(capsys)
    assert location_state(register_location) == before
    assert not (tmp_path / "x.pdf").exists()


def test_unwritable_pdf_path(filled_db, tmp_path, capsys) -> None:
    assert (
        run(
            "export-pdf",
            "1",
            "--db",
            str(filled_db),
            "--out",
            str(tmp_path / "no" / "such" / "dir" / "x.pdf"),
        )
        == 2
    )
    assert "does not exist" in one_error_line(capsys)


def test_database_that_is_not_sqlite(tmp_path, capsys) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_text("hello")
    assert run("list", "--db", str(bogus)) == 2
    assert "is not a Lika database" in one_error_line(capsys)
    assert bogus.read_text() == "hello"


def test_newer_database(tmp_path, capsys) -> None:
    path = tmp_path / "new.db"
    AssessmentRepository.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('lika', '9999_future', 'x')"
        )
    conn.close()
    assert run("list", "--db", str(path)) == 2
    assert "newer version of Lika" in one_error_line(capsys)


def test_broken_checklist_content_is_exit_2(filled_db, capsys, monkeypatch, tmp_path) -> None:
    from desktop_app.checklists import guide

    broken = tmp_path / "vocabulary.yaml"
    broken.write_text("format: lika-vocabulary\nterms: [\n")
    original = guide.load_vocabulary
    monkeypatch.setattr(guide, "load_vocabulary", lambda path=None: original(broken))
    out = tmp_path / "report.csv"
    assert run("report", "--db", str(filled_db), "--from", "2020-01-01", "--to", "2030-12-31",
               "--out", str(out)) == 2  # fmt: skip
    assert str(broken) in one_error_line(capsys)
    # The list shows no content, so it neither loads nor minds it (issue 18).
    assert run("list", "--db", str(filled_db)) == 0


def test_internal_error_is_one_line_exit_1(filled_db, engine, capsys, monkeypatch) -> None:
    from desktop_app.storage.postgres.reader import ServerReader
    from desktop_app.storage.register import Register

    def explode(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(Register if engine == "sqlite" else ServerReader, "rows", explode)
    assert run("list", "--db", str(filled_db)) == 1
    assert "internal error: RuntimeError: boom" in one_error_line(capsys)


@pytest.mark.slow
def test_real_program_end_to_end(tmp_path) -> None:
    """The installed entry point, as a script at a municipality would call it."""
    db, out = tmp_path / "e2e.db", tmp_path / "e2e.pdf"

    def lika(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop_app", *args],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )

    assert lika("--version").stdout.strip() == f"lika {__version__}"
    demo = lika("demo", "--db", str(db))
    assert demo.returncode == 0, demo.stderr
    listed = lika("list", "--db", str(db), "--format", "json")
    records = json.loads(listed.stdout)
    assert len(records) >= 6
    assert {r["status"] for r in records} == {"draft", "in_review", "returned", "approved"}
    exported = lika("export-pdf", str(records[0]["id"]), "--db", str(db), "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert out.read_bytes().startswith(b"%PDF")
    again = lika("demo", "--db", str(db))
    assert again.returncode == 0 and "already holds" in again.stderr
    missing = lika("export-pdf", "4242", "--db", str(db), "--out", str(out))
    assert (missing.returncode, missing.stderr) == (2, "lika: No assessment with id 4242\n")


def test_broken_built_in_checklist_is_exit_2(
    filled_db, register_location, capsys, monkeypatch, tmp_path
) -> None:
    from desktop_app.checklists import loader

    broken = tmp_path / "checklists"
    broken.mkdir()
    (broken / "se-dl.yaml").write_text("format: lika-checklist\nid: se-dl\n", encoding="utf-8")
    monkeypatch.setattr(loader, "BUILTIN_DIR", broken)
    before = location_state(register_location)
    out = tmp_path / "report.csv"
    assert run("report", "--db", str(filled_db), "--from", "2020-01-01", "--to", "2030-12-31",
               "--out", str(out)) == 2  # fmt: skip
    assert "se-dl.yaml" in one_error_line(capsys)
    assert location_state(register_location) == before
