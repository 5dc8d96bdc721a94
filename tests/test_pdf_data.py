"""A PDF that carries its data (issue 16): the exchange file embedded as a PDF/A-3
associated file; `lika import FILE.pdf` and `lika verify FILE.pdf`."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest

from desktop_app.__main__ import main
from desktop_app.app.demo import load_demo
from desktop_app.domain.fingerprint import canonical_json
from desktop_app.storage.repository import AssessmentRepository
from tests.pdfcheck import pdfa_problems


@pytest.fixture
def demo(tmp_path, content) -> tuple[Path, list]:
    path = tmp_path / "demo.db"
    repository = AssessmentRepository.open(path)
    assessments = load_demo(repository, content)
    repository.close()
    return path, assessments


def export(db: Path, assessment_id: int, out: Path, capsys) -> Path:
    assert main(["export-pdf", str(assessment_id), "--db", str(db), "--out", str(out)]) == 0
    capsys.readouterr()
    return out


def test_every_demo_assessment_round_trips_through_its_pdf(demo, tmp_path, capsys) -> None:
    db, assessments = demo
    for a in assessments:
        pdf = export(db, a.id, tmp_path / f"{a.id}.pdf", capsys)
        assert main(["import", str(pdf), "--as-new", "--db", str(db)]) == 0
        line = capsys.readouterr().out
        assert line.startswith("Imported assessment ")
        new_id = int(line.split()[2].rstrip(":"))
        repository = AssessmentRepository.open(db)
        try:
            copy = repository.get(new_id)
            original = repository.get(a.id)
            assert canonical_json(copy) == canonical_json(original)
            assert len(repository.status_history(new_id)) == len(repository.status_history(a.id))
        finally:
            repository.close()


def test_importing_the_pdf_is_importing_the_json(demo, tmp_path, capsys) -> None:
    db, assessments = demo
    a = assessments[0]
    pdf = export(db, a.id, tmp_path / "a.pdf", capsys)
    assert main(["export", str(a.id), "--db", str(db), "--out", str(tmp_path / "a.json")]) == 0
    capsys.readouterr()
    # Into the register it came from: the same refusal, word for word but the file name.
    results = []
    for name in ("a.json", "a.pdf"):
        code = main(["import", str(tmp_path / name), "--db", str(db)])
        results.append((code, capsys.readouterr().err.replace(name, "FILE")))
    assert results[0] == results[1]
    assert results[0][0] == 2 and "already in the register" in results[0][1]
    # Into a fresh register: the same assessment.
    stored = []
    for name in ("a.json", "a.pdf"):
        fresh = tmp_path / f"fresh-{name}.db"
        assert main(["import", str(tmp_path / name), "--db", str(fresh)]) == 0
        repository = AssessmentRepository.open(fresh)
        stored.append(canonical_json(repository.get(1)))
        repository.close()
    assert stored[0] == stored[1]
    assert pdf.is_file()


def test_an_altered_embedded_file_is_refused(demo, tmp_path, capsys) -> None:
    db, assessments = demo
    draft = next(a for a in assessments if a.status.value == "draft")  # no approval to break
    pdf = export(db, draft.id, tmp_path / "a.pdf", capsys)
    with pikepdf.open(pdf, allow_overwriting_input=True) as document:
        stream = document.Root.AF[0].EF.F
        data = json.loads(stream.read_bytes())
        data["assessment"]["decision"]["title"] = "Något helt annat"
        stream.write(json.dumps(data).encode())
        document.save(pdf)
    assert main(["import", str(pdf), "--as-new", "--db", str(tmp_path / "x.db")]) == 2
    err = capsys.readouterr().err
    assert "was changed after it was exported" in err
    assert not (tmp_path / "x.db").exists() or "Något helt annat" not in err


def test_a_pdf_without_data_says_so(tmp_path, capsys) -> None:
    pdf = tmp_path / "other.pdf"
    with pikepdf.new() as document:
        document.add_blank_page()
        document.save(pdf)
    assert main(["import", str(pdf), "--db", str(tmp_path / "x.db")]) == 2
    assert "carries no Lika data" in capsys.readouterr().err


def test_the_pdf_is_pdf_a_3b_with_the_json_as_associated_data(demo, tmp_path, capsys) -> None:
    db, assessments = demo
    pdf = export(db, assessments[0].id, tmp_path / "a.pdf", capsys)
    with pikepdf.open(pdf) as document:
        meta = document.open_metadata()
        assert meta["pdfaid:part"] == "3"
        assert meta["pdfaid:conformance"] == "B"
        spec = document.Root.AF[0]
        assert spec.AFRelationship == pikepdf.Name.Data
        assert str(spec.UF) == "lika-assessment.json"
        assert spec.EF.F.Subtype == pikepdf.Name("/application/json")
        assert "/ModDate" in spec.EF.F.Params
        assert len(str(spec.LikaFingerprint)) == 64
        assert pdfa_problems(document) == []  # pikepdf has no 3b checker: 2b, minus /AF


def test_verify_a_pdf_against_the_register(demo, tmp_path, capsys) -> None:
    db, assessments = demo
    approved = next(a for a in assessments if a.status.value == "approved")
    draft = next(a for a in assessments if a.status.value == "draft")
    pdf = export(db, approved.id, tmp_path / "ok.pdf", capsys)
    assert main(["verify", str(pdf), "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("Matches: ")
    pdf = export(db, draft.id, tmp_path / "draft.pdf", capsys)
    assert main(["verify", str(pdf), "--db", str(db)]) == 1
    assert "is not approved" in capsys.readouterr().out
    assert main(["verify", str(pdf), "--db", str(tmp_path / "other.db")]) == 1
    assert "not in this register" in capsys.readouterr().out
    assert main(["verify", "1", "--db", str(db)]) == 2
    assert "--fingerprint" in capsys.readouterr().err
