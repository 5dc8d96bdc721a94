"""The summary PDF prints the statistics tables (figures, sum, stated total and, in
words, what does not check) and lists the evidence with each file's SHA-256."""

from __future__ import annotations

import hashlib

from desktop_app.domain.evidence import EvidenceKind, file_evidence, link_evidence
from desktop_app.domain.model import Relevance
from desktop_app.domain.statistics import StatisticsTable
from tests.helpers import complete_assessment
from tests.pdfcheck import pdf_text
from tests.test_pdf import render

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_the_pdf_prints_the_tables_and_the_evidence_with_hashes(content, tmp_path) -> None:
    a = complete_assessment(content)
    a.grounds["age"].relevance = Relevance.RELEVANT
    a.statistics = [
        StatisticsTable(label="Låntagare 2025", women=412, men=388, total=800, source="Biblioteket",
                        year=2025),
        StatisticsTable(target="age", label="Elever i åk 9", girls=31, total=64, source="Skolan",
                        year=2026),
    ]  # fmt: skip
    a.evidence = [
        file_evidence("enkät.pdf", PDF, "age"),
        link_evidence(EvidenceKind.LINK, "https://www.scb.se/statistik", "SCB"),
        link_evidence(EvidenceKind.RECORD, "KS 2026/0412-3", "Samrådsprotokoll"),
    ]
    raw = pdf_text(render(content, a, tmp_path))
    text = " ".join(raw.split())
    for part in ("Låntagare 2025", "412", "388", "800", "Biblioteket", "Elever i åk 9"):
        assert part in text, part
    assert "Siffrorna blir tillsammans 31, men totalen är 64." in text
    assert "Pojkar: inget värde, fast tabellen har det andra könet." in text
    assert "SCB" in text and "KS 2026/0412-3" in text and "enkät.pdf" in text
    assert hashlib.sha256(PDF).hexdigest() in "".join(raw.split())
