"""Whatever a caseworker types, the PDF shows it literally, reads no local file and is
written; a target that cannot be written gives one clear message and no half file."""

from __future__ import annotations

import functools
import tempfile
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app import atomic_file
from desktop_app.domain.errors import InputError
from desktop_app.domain.model import Language
from desktop_app.reports.assessment_pdf import SummaryInput, render_summary
from desktop_app.reports.text import markup
from tests.helpers import complete_assessment
from tests.pdfcheck import pdf_text, pdfa_problems

HOSTILE = [
    "<b>fet</b> & <i>kursiv</i> </para>",
    '<img src="/etc/passwd"/>',
    '<a href="file:///etc/passwd">länk</a>',
    "<font size=200>stor</font>",
    '<span style="x"><br/><para>',
    "&amp; &lt; &#9731; &nbsp;",
    "null\x00byte and \x07bell",
    "höger\u202eåt vänster\u202c och \u2066isolerat\u2069",
    "🙂 emoji 👩🏽‍⚕️",
    "x" * 5000,
]


def summary(content, a, language=Language.SV) -> SummaryInput:
    return SummaryInput(
        a, [content.checklists.get("se-dl")], content.vocabulary, [], date(2026, 11, 23), language
    )


@pytest.fixture
def no_local_files(monkeypatch):
    """Fail the test if reportlab tries to load an image from anywhere."""
    import reportlab.lib.utils

    def refuse(*_args, **_kwargs):
        raise AssertionError("reportlab tried to read an image")

    monkeypatch.setattr(reportlab.lib.utils.ImageReader, "__init__", refuse)


def test_hostile_text_is_shown_literally(content, tmp_path, no_local_files) -> None:
    a = complete_assessment(content)
    everything = "\n".join(HOSTILE)
    a.decision.title = HOSTILE[0]
    a.decision.description = everything
    a.decision.author = HOSTILE[3]
    a.decision.affected_groups = HOSTILE[:4]
    a.conclusion.summary = HOSTILE[1]
    a.measures[0].description = HOSTILE[2]
    a.measures[0].owner = "x" * 5000
    a.grounds["age"].groups = HOSTILE[4]
    a.grounds["sex"].justification = everything
    out = tmp_path / "hostile.pdf"
    render_summary(summary(content, a), out)

    compact = pdf_text(out).replace("\n", "").replace("\u200b", "")
    for literal in (
        "<b>fet</b> & <i>kursiv</i> </para>",
        '<img src="/etc/passwd"/>',
        '<a href="file:///etc/passwd">länk</a>',
        "<font size=200>stor</font>",
        '<span style="x"><br/><para>',
        "&amp; &lt; &#9731; &nbsp;",
        "nullbyte and bell",
        "högeråt vänster och isolerat",
        "x" * 1000,
    ):
        assert literal in compact, literal
    assert compact.count("x" * 5000) >= 1 or compact.count("x") >= 10000
    # Emoji are outside the embedded font: a visible replacement mark, not a blank.
    assert "\ufffd emoji" in compact
    with pikepdf.open(out) as pdf:  # still PDF/A; no link, no image came from the text
        assert pdf.open_metadata()["pdfaid:part"] == "2"
        assert pdfa_problems(pdf) == []
        for page in pdf.pages:
            assert "/Annots" not in page.obj
            assert not list(page.get_images())


def test_markup_escapes_and_cleans() -> None:
    assert markup("<b>&</b>\nnext") == "&lt;b&gt;&amp;&lt;/b&gt;<br/>next"
    assert markup("a\x00b\u202ec\x1bd") == "abcd"
    assert markup("y" * 100) == "y" * 100  # nothing invisible that a copy would carry


def test_a_very_long_word_wraps_inside_its_column_and_copies_whole() -> None:
    from reportlab.platypus import Paragraph

    from desktop_app.reports.fonts import register_fonts
    from desktop_app.reports.styles import make_styles

    register_fonts()
    digest = "fe9a7d44f4318fec2635607dcacc6755fafe3b997406abe640db9cec5f28ab08"
    word = Paragraph(markup(digest * 4), make_styles().body)
    width, _height = word.wrap(120, 10_000)
    assert width <= 120 and len(word.blPara.lines) > 1
    lines = word.blPara.lines  # (space left, words) for a paragraph in one font
    assert all(left >= 0 for left, _words in lines)  # no line wider than 120
    assert "".join(w for _left, words in lines for w in words) == digest * 4


def test_a_megabyte_in_one_field(content, tmp_path) -> None:
    a = complete_assessment(content)
    a.decision.description = ("Lång text utan slut, rad efter rad. " * 30000)[:1_000_000]
    a.grounds["age"].evidence = "y" * 200_000  # one enormous word
    out = tmp_path / "big.pdf"
    render_summary(summary(content, a), out)
    text = pdf_text(out)
    assert text.count("rad efter rad") > 25000
    assert "y" * 1000 in text.replace("\n", "").replace("\u200b", "")


@functools.cache
def shared_content():
    from desktop_app.checklists.guide import load_content

    return load_content()


@settings(max_examples=15, deadline=None)
@given(st.text(max_size=300))
def test_any_text_builds_as_pdf_a(text) -> None:
    """Random Unicode (surrogates aside) in every kind of field never breaks the layout,
    and the file stays valid PDF/A-2b (no glyph the font lacks is referenced)."""
    content = shared_content()  # not a fixture: hypothesis would print all of it
    a = complete_assessment(content)
    a.decision.title = a.decision.author = a.measures[0].owner = text
    a.decision.description = a.grounds["age"].justification = text * 3
    a.decision.affected_groups = [text]
    # With the system's CJK font where there is one: a random CJK character is printed
    # with it (and later documents still get their own characters, see
    # tests/test_pdf_glyphs.py).
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "random.pdf"
        render_summary(summary(content, a), out)
        with pikepdf.open(out) as pdf:
            assert pdfa_problems(pdf) == []


def test_unwritable_folder_gives_a_clear_message(content, tmp_path, monkeypatch) -> None:
    real_open = atomic_file.os.open

    def refuse(path, flags, *args):  # a new file cannot be made in the folder
        if flags & atomic_file.os.O_CREAT:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(atomic_file.os, "open", refuse)
    with pytest.raises(InputError, match=r"Cannot write .*x\.pdf: you have no permission"):
        render_summary(summary(content, complete_assessment(content)), tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_full_disk_leaves_no_half_written_file(content, tmp_path, monkeypatch) -> None:
    def fill_disk(_fd: int) -> None:  # the written bytes do not fit on the disk
        raise OSError(28, "No space left on device")

    (tmp_path / "x.pdf").write_bytes(b"the previous version")
    monkeypatch.setattr(atomic_file.os, "fsync", fill_disk)
    with pytest.raises(InputError, match="the disk is full"):
        render_summary(summary(content, complete_assessment(content)), tmp_path / "x.pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]
    assert (tmp_path / "x.pdf").read_bytes() == b"the previous version"


def test_missing_folder_and_folder_target_are_refused(content, tmp_path) -> None:
    data = summary(content, complete_assessment(content))
    with pytest.raises(InputError, match="does not exist"):
        render_summary(data, tmp_path / "nowhere" / "x.pdf")
    with pytest.raises(InputError, match="is a folder"):
        render_summary(data, tmp_path)
