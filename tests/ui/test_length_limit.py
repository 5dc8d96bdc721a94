"""The editor keeps each text within its limit (domain.limits) and counts near it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPlainTextEdit

from desktop_app.domain.limits import CELL_MAX, LINE_MAX
from tests.ui.editor_helpers import open_editor


@pytest.fixture(autouse=True)
def _closing_never_blocks(monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)


def counter(widget) -> QLabel:
    return widget.findChild(QLabel, "lengthCounter")


def test_a_title_stops_at_its_limit_and_counts(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    title = editor.go_to_field(("decision", "title"))
    assert isinstance(title, QLineEdit)
    assert counter(title) is None  # made when first needed
    title.insert("T" * (LINE_MAX + 500))  # a paste
    assert len(title.text()) == LINE_MAX
    assert len(editor.document.assessment.decision.title) == LINE_MAX
    assert counter(title).isVisible()
    digits = "".join(ch if ch.isdigit() else " " for ch in counter(title).text()).split()
    assert digits == ["1000", "1000"]


def test_a_cell_text_is_cut_where_the_paste_went_over(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    box = editor.go_to_field(("ground", "age", "justification"))
    assert isinstance(box, QPlainTextEdit)
    box.setPlainText("a" * (CELL_MAX - 10))
    cursor = box.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    box.setTextCursor(cursor)
    box.insertPlainText("b" * 50)
    assert box.toPlainText() == "a" * (CELL_MAX - 10) + "b" * 10
    assert counter(box).isVisible()


def test_a_description_far_from_its_limit_shows_no_counter(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    box = editor.go_to_field(("decision", "description"))
    assert isinstance(box, QPlainTextEdit)
    box.insertPlainText("x" * 20_000)
    assert len(box.toPlainText()) == 20_000
    assert counter(box) is None


def test_each_affected_group_stops_at_its_limit_and_counts(qtbot, context) -> None:
    """The affected groups are one per line, each at most LINE_MAX characters (as the
    exchange schema has them): a line is cut where it went over, and counted near it."""
    editor = open_editor(qtbot, context)
    box = editor.go_to_field(("decision", "affected_groups"))
    assert isinstance(box, QPlainTextEdit)
    box.setPlainText("Barn\nÄldre")
    cursor = box.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    box.setTextCursor(cursor)
    assert counter(box) is None or not counter(box).isVisible()
    box.insertPlainText(" " + "g" * (LINE_MAX + 200))  # a paste onto the last line
    assert box.toPlainText() == "Barn\n" + ("Äldre " + "g" * LINE_MAX)[:LINE_MAX]
    assert counter(box).isVisible()
    digits = "".join(ch if ch.isdigit() else " " for ch in counter(box).text()).split()
    assert digits == ["1000", "1000"]
    # A paste of several lines: each is cut, none joins another.
    box.setPlainText("")
    box.insertPlainText("a\n" + "b" * (LINE_MAX + 5) + "\nc")
    assert box.toPlainText() == "a\n" + "b" * LINE_MAX + "\nc"
    assert editor.document.assessment.decision.affected_groups == ["a", "b" * LINE_MAX, "c"]
