"""Message boxes show what people typed or named as written: Qt would otherwise guess
that "<b>Budget</b> 2027" is HTML and show it bold (or load the picture of an <img>)."""

from __future__ import annotations

from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QMessageBox

from desktop_app.ui.literal_text import literal
from tests.ui.test_data_actions import warned, window  # noqa: F401 (fixtures)

HOSTILE = '<b>Budget</b> 2027 <img src="file:///etc/passwd"> & <a href="x">här</a>\nrad två'


def shown_as(text: str) -> str:
    """What a QMessageBox displays for ``text`` (Qt decides rich or plain as it does)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Lika", text)
    if box.textFormat() != box.textFormat().AutoText or not _rich(text):
        return text
    return QTextDocumentFragment.fromHtml(text).toPlainText()


def _rich(text: str) -> bool:
    from PySide6.QtGui import Qt

    return Qt.mightBeRichText(text)


def test_markup_is_shown_as_written(qapp) -> None:
    assert shown_as(HOSTILE) != HOSTILE  # as Qt would show it without literal()
    assert shown_as(literal(HOSTILE)) == HOSTILE


def test_plain_text_is_left_alone_and_what_looks_like_a_tag_is_kept(qapp) -> None:
    for text in ("Cannot write /tmp/x.pdf: the disk is full", "a <= b", ""):
        assert literal(text) == text
    assert shown_as(literal("a < b and c > d")) == "a < b and c > d"


def test_an_import_refusal_names_a_hostile_file_as_it_is(window, warned, tmp_path) -> None:  # noqa: F811
    name = tmp_path / "<b>fet <i>kursiv.json"
    name.write_text("{ not json", encoding="utf-8")
    window.data_actions.import_file(name)
    assert warned, "no message was shown"
    assert "<b>fet <i>kursiv.json" in shown_as(warned[-1])
