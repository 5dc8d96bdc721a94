"""The PDF summary: content, languages, fonts, and text that must show literally."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.domain.errors import InputError
from desktop_app.domain.fingerprint import fingerprint
from desktop_app.domain.model import Language, Status
from desktop_app.reports.assessment_pdf import SummaryInput, render_summary
from tests.helpers import OTHER_SCRIPT_NAMES, SAMI_NAME, complete_assessment
from tests.pdfcheck import fonts_of, pdf_text


def render(content, assessment, tmp_path, language=Language.SV, history=()):
    out = tmp_path / "summary.pdf"
    render_summary(
        SummaryInput(
            assessment=assessment,
            checklists=[content.checklists.get(assessment.framework_id)],
            vocabulary=content.vocabulary,
            history=list(history),
            generated=date(2026, 11, 23),
            language=language,
        ),
        out,
    )
    return out


def test_summary_has_the_sections_in_order(content, tmp_path) -> None:
    a = complete_assessment(content)
    text = pdf_text(render(content, a, tmp_path))
    order = [
        a.decision.title,
        "KS 2026/0412",
        "Slutsats",
        "Beslutet kan fattas med åtgärderna",
        "Påverkan per diskrimineringsgrund",
        "Relevanta diskrimineringsgrunder",
        "inte vara relevanta",
        "Åtgärder",
        "Uppföljning",
        "Granskning och godkännande",
    ]
    position = 0
    for part in order:  # each one after the one before
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing after position {position}"
        position = found + len(part)
    assert "UTKAST" in text
    assert f"Fingeravtryck {fingerprint(a)}" in text
    assert "Sida 1 av" in text


def test_names_in_sami_and_other_scripts_come_back_exactly(content, tmp_path) -> None:
    text = pdf_text(render(content, complete_assessment(content), tmp_path))
    assert SAMI_NAME in text
    for name in OTHER_SCRIPT_NAMES:
        assert name in text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (Language.SV, ["Slutsats", "Åtgärder", "Sida 1 av"]),
        (Language.NB, ["Konklusjon", "Tiltak", "Side 1 av", "UTKAST"]),
        (Language.EN, ["Conclusion", "Measures", "Page 1 of", "DRAFT"]),
    ],
)
def test_labels_follow_the_language(content, tmp_path, language, words) -> None:
    text = pdf_text(render(content, complete_assessment(content), tmp_path, language))
    for word in words:
        assert word in text


def test_every_font_is_embedded(content, tmp_path) -> None:
    fonts = fonts_of(render(content, complete_assessment(content), tmp_path))
    assert fonts
    assert all(fonts.values()), fonts
    assert not [name for name in fonts if "Helvetica" in name]


def test_metadata(content, tmp_path) -> None:
    a = complete_assessment(content)
    reader = PdfReader(render(content, a, tmp_path, Language.NB))
    assert reader.metadata.title == a.decision.title
    assert reader.metadata.author == SAMI_NAME
    assert reader.trailer["/Root"]["/Lang"] == "nb"
    assert [item.title for item in reader.outline][:2] == [
        a.decision.title,
        "Virkning per diskrimineringsgrunnlag",
    ]


HOSTILE = [
    "<b>fet</b> & <i>kursiv</i> </para>",
    '<img src="/etc/passwd"/>',
    '<a href="file:///etc/passwd">länk</a>',
    "<font size=200>stor</font>",
    "&amp; &lt; &#9731;",
    "null\x00byte and \x07bell",
    "höger\u202eåt vänster",
    "🙂 emoji",
    "x" * 5000,
]


def test_hostile_text_is_shown_literally(content, tmp_path) -> None:
    a = complete_assessment(content)
    a.decision.description = "\n".join(HOSTILE)
    a.conclusion.summary = HOSTILE[0]
    a.measures[0].description = HOSTILE[2]
    a.grounds["age"].groups = HOSTILE[1]
    text = pdf_text(render(content, a, tmp_path))
    compact = text.replace("\n", "").replace("\u200b", "")
    for literal in (
        "<b>fet</b> & <i>kursiv</i> </para>",
        '<img src="/etc/passwd"/>',
        '<a href="file:///etc/passwd">länk</a>',
        "&amp; &lt; &#9731;",
        "nullbyte and bell",
        "x" * 1000,
    ):
        assert literal in compact, literal
    # The 5,000-letter word wraps (and may cross a page break) but loses nothing.
    assert compact.count("x") >= 5000


def test_unwritable_folder_gives_a_clear_message(content, tmp_path, monkeypatch) -> None:
    import desktop_app.reports.assessment_pdf as module

    def refuse(**_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(module.tempfile, "mkstemp", refuse)
    with pytest.raises(InputError, match=r"Cannot write .*x\.pdf: Permission denied"):
        render_summary_to(content, tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_full_disk_leaves_no_half_written_file(content, tmp_path, monkeypatch) -> None:
    import desktop_app.reports.assessment_pdf as module

    def fill_disk(self, *_args, **_kwargs):
        with Path(self.filename).open("wb") as half:
            half.write(b"%PDF-1.4 half")
        raise OSError(28, "No space left on device")

    (tmp_path / "x.pdf").write_bytes(b"the previous version")
    monkeypatch.setattr(module._SummaryDoc, "build", fill_disk)
    with pytest.raises(InputError, match="No space left on device"):
        render_summary_to(content, tmp_path / "x.pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]
    assert (tmp_path / "x.pdf").read_bytes() == b"the previous version"


def test_missing_folder_is_refused(content, tmp_path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        render_summary_to(content, tmp_path / "nowhere" / "x.pdf")


def test_approved_summary_has_no_draft_mark(content, tmp_path) -> None:
    a = complete_assessment(content)
    a.status = Status.APPROVED
    assert "UTKAST" not in pdf_text(render(content, a, tmp_path))


def render_summary_to(content, out):
    a = complete_assessment(content)
    render_summary(
        SummaryInput(
            a,
            [content.checklists.get("se-dl")],
            content.vocabulary,
            [],
            date(2026, 11, 23),
            Language.SV,
        ),
        out,
    )
