"""The portfolio report: PDF and CSV from the same figures as the register overview,
and ``lika report`` on the command line."""

from __future__ import annotations

import csv
import io
from datetime import date

import pikepdf
import pytest
from pypdf import PdfReader

from desktop_app.__main__ import main
from desktop_app.app.demo import load_demo
from desktop_app.app.reporting import portfolio_input, write_portfolio
from desktop_app.domain.model import Direction, Language, MeasureStatus, Relevance, Status
from desktop_app.domain.portfolio import Period
from desktop_app.progress import Cancelled
from desktop_app.reports.portfolio_csv import csv_rows
from tests.helpers import complete_assessment
from tests.pdfcheck import pdf_text, pdfa_problems, pdffonts

TODAY = date(2026, 11, 23)
YEAR = Period(date(2026, 1, 1), date(2027, 12, 31))


# The report reads the register through the port (``portfolio_entries``): every test
# here runs on a register file and on a server register (issue 20).


@pytest.fixture
def register(store_service, content):
    service = store_service
    repo = service.repository
    late = complete_assessment(content)
    late.decision.case_number = "KS 2026/0001"
    late.measures[0].deadline = date(2026, 11, 1)  # overdue on TODAY
    late.measures[0].owner = "Kommunikatör فاطمة الحسيني"
    repo.create(late)
    soon = complete_assessment(content)
    soon.decision.case_number = "SN 2026/0002"
    soon.decision.title = '=HYPERLINK("http://x") och Čáhppes'
    soon.decision.unit = "Socialförvaltningen"
    soon.measures[0].deadline = date(2026, 12, 10)  # due soon
    soon.grounds["sex"].relevance = Relevance.RELEVANT
    soon.grounds["sex"].direction = Direction.POSITIVE
    repo.create(soon)
    done = complete_assessment(content)
    done.decision.case_number = "KS 2026/0003"
    done.measures[0].status = MeasureStatus.DONE
    repo.create(done)
    service.change_status(done, Status.IN_REVIEW)
    return repo


def test_pdf_shows_counts_chart_due_measures_and_one_line_each(register, content, tmp_path):
    data = portfolio_input(register, content, YEAR, today=TODAY)
    out = tmp_path / "portfolio.pdf"
    write_portfolio(data, out)
    text = pdf_text(out)
    first = PdfReader(out).pages[0].extract_text()
    assert "Portföljrapport" in first.replace("PORTFÖLJRAPPORT", "Portföljrapport")
    assert "1 januari 2026 – 31 december 2027" in first
    assert "Alla förvaltningar och enheter" in first
    assert "Under granskning" in first and "Diskrimineringslagen" in first
    assert "Relevanta grunder och påverkan" in text
    assert "▼ Negativ" in text  # the chart legend and table name impacts by symbol and word
    flat = " ".join(text.split())
    for part in ("Försenade åtgärder", "22 dagar sen", "KS 2026/0001", "Åtgärder som ska vara"):
        assert part in flat, part
    assert "Alla bedömningar i perioden" in flat
    for case in ("KS 2026/0001", "SN 2026/0002", "KS 2026/0003"):
        assert flat.count(case) >= 1
    assert all(embedded for _, embedded in pdffonts(out)), pdffonts(out)
    with pikepdf.open(out) as pdf:
        assert pdf.open_metadata()["pdfaid:part"] == "2"
        assert pdfa_problems(pdf) == []


def test_unit_and_period_select(register, content, tmp_path):
    data = portfolio_input(register, content, YEAR, unit="Socialförvaltningen", today=TODAY)
    assert [e.case_number for e in data.figures.entries] == ["SN 2026/0002"]
    empty = portfolio_input(
        register, content, Period(date(2020, 1, 1), date(2020, 12, 31)), today=TODAY
    )
    out = tmp_path / "empty.pdf"
    write_portfolio(empty, out)
    assert "Inga bedömningar i perioden." in pdf_text(out)


def test_csv_one_row_per_assessment_and_ground(register, content, tmp_path):
    data = portfolio_input(register, content, YEAR, today=TODAY)
    out = tmp_path / "portfolio.csv"
    write_portfolio(data, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, so Excel reads å ø ŋ right
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    grounds = len(content.checklists.get("se-dl").grounds)
    assert len(body) == 3 * grounds
    assert header[:3] == ["id", "Diarienummer", "Ärendets rubrik"]
    record = dict(
        zip(header, next(r for r in body if r[1] == "SN 2026/0002" and r[8] == "sex"), strict=True)
    )
    assert record["Relevans"] == "Relevant"
    assert record["Påverkan"] == "Positiv"
    # A title that looks like a formula is not run by the spreadsheet.
    assert record["Ärendets rubrik"].startswith("'=HYPERLINK")
    late = next(r for r in body if r[1] == "KS 2026/0001")
    assert late[header.index("Varav försenade")] == "1"


def test_csv_in_english_uses_commas(register, content):
    data = portfolio_input(register, content, YEAR, language=Language.EN, today=TODAY)
    assert csv_rows(data)[0][:4] == ["id", "Case number", "Title", "Department or unit"]


def test_cancelled_report_writes_nothing(register, content, tmp_path):
    class Stop:
        def start(self, total, label=""):
            pass

        def advance(self, steps=1):
            pass

        @property
        def cancelled(self):
            return True

    out = tmp_path / "never.pdf"
    with pytest.raises(Cancelled):
        write_portfolio(portfolio_input(register, content, YEAR, today=TODAY), out, Stop())
    assert not [p for p in tmp_path.iterdir() if ".pdf" in p.name]


@pytest.fixture
def demo_db(cli_db, store, content) -> str:
    """The demo register on each engine (on a server, the login plays every part)."""
    load_demo(store, content, today=TODAY)
    return cli_db


def test_cli_report_pdf_and_csv(demo_db, tmp_path, capsys):
    pdf = tmp_path / "r.pdf"
    assert main(["report", "--db", str(demo_db), "--from", "2026-01-01", "--to", "2027-12-31",
                 "--out", str(pdf)]) == 0  # fmt: skip
    assert "11 assessments" in capsys.readouterr().out
    assert "Alla bedömningar i perioden" in pdf_text(pdf)
    out_csv = tmp_path / "r.csv"
    assert main(["report", "--db", str(demo_db), "--from", "2026-01-01", "--to", "2027-12-31",
                 "--unit", "Vård- och omsorgsförvaltningen", "--lang", "nb",
                 "--out", str(out_csv)]) == 0  # fmt: skip
    assert out_csv.read_bytes().startswith(b"\xef\xbb\xbfid;Saksnummer")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-12-01", "--to", "2026-01-01", "--out", "x.pdf"], "before it starts"),
        (["--from", "1 jan", "--to", "2026-01-01", "--out", "x.pdf"], "is not a date"),
        (["--from", "2026-01-01", "--to", "2026-12-31", "--out", "x.docx"], "name it .pdf or .csv"),
        (
            ["--from", "2026-01-01", "--to", "2026-12-31", "--out", "/nowhere/x.pdf"],
            "does not exist",
        ),
    ],
)
def test_cli_report_bad_input_is_one_line_exit_2(demo_db, tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as exited:
        code = main(["report", "--db", str(demo_db), *args])
        raise SystemExit(code)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err, err
    assert not (tmp_path / "x.pdf").exists()


def test_the_report_counts_decisions_with_sex_disaggregated_data(register, content, tmp_path):
    from desktop_app.domain.statistics import StatisticsTable

    late = register.get(1)
    late.statistics.append(StatisticsTable(label="Låntagare", women=12, men=9))
    register.save(late)
    empty = register.get(2)
    empty.statistics.append(StatisticsTable(label="Ännu inga siffror"))  # no figure: not counted
    register.save(empty)
    data = portfolio_input(register, content, YEAR, today=TODAY)
    assert (data.figures.with_statistics, data.figures.total) == (1, 3)
    out = tmp_path / "portfolio.pdf"
    write_portfolio(data, out)
    first = PdfReader(out).pages[0].extract_text()
    assert "1 av 3 beslut hade könsuppdelad statistik" in " ".join(first.split())
    rows = csv_rows(data)
    column = rows[0].index("Könsuppdelad statistik")
    assert {r[0]: r[column] for r in rows[1:]} == {"1": "Ja", "2": "Nej", "3": "Nej"}
