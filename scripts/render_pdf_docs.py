"""Render the PDF pages shown in the README (docs/pdf/): a demo assessment in Swedish
and one in Norwegian, and a portfolio report of the demo register.

Run: ``.venv/bin/python scripts/render_pdf_docs.py`` (needs poppler's pdftoppm).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.app.demo import load_demo
from desktop_app.app.reporting import portfolio_input, summary_input, write_portfolio
from desktop_app.app.service import AssessmentService, Identity
from desktop_app.checklists.guide import load_content
from desktop_app.domain.portfolio import Period
from desktop_app.reports.assessment_pdf import render_summary
from desktop_app.storage.repository import AssessmentRepository

TODAY = date(2026, 11, 23)
OUT = ROOT / "docs" / "pdf"
# (case number, file stem, pages to render)
SUMMARIES = [("VON 2026/0087", "summary-sv", (1, 2, 5)), ("26/01234", "summary-nb", (1, 2))]


def render_pages(pdf: Path, stem: str, pages: tuple[int, ...]) -> None:
    for page in pages:
        target = OUT / f"{stem}-page{page}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", str(page), "-l", str(page),
             str(pdf), str(target)],
            check=True,
        )  # fmt: skip


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    content = load_content()
    with tempfile.TemporaryDirectory() as folder:
        repo = AssessmentRepository.open(Path(folder) / "demo.db")
        service = AssessmentService(repo, content, Identity("Demo", "demo"))
        demo = load_demo(repo, content, today=TODAY)
        for case, stem, pages in SUMMARIES:
            a = next(x for x in demo if x.decision.case_number == case)
            pdf = OUT / f"{stem}.pdf"
            render_summary(summary_input(service, repo.get(a.id or 0), today=TODAY), pdf)
            render_pages(pdf, stem, pages)
        period = Period(date(2026, 1, 1), date(2027, 12, 31))
        pdf = OUT / "portfolio.pdf"
        write_portfolio(portfolio_input(repo, content, period, today=TODAY), pdf)
        render_pages(pdf, "portfolio", (1, 2, 3))
        repo.close()
    print(f"Wrote {OUT}")


if __name__ == "__main__":
    main()
