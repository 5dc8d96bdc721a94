"""The editor keeps each text within its limit (domain.limits) and counts near it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPlainTextEdit

from desktop_app.domain.limits import CELL_MAX, GROUPS_MAX, LINE_MAX
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


def test_affected_groups_stop_at_the_number_an_export_accepts(qtbot, context) -> None:
    """More groups than the exchange schema's GROUPS_MAX could be typed or pasted, and
    the assessment then could not be exported: the lines past the limit are cut where
    they were pasted, and the box counts the groups near the limit."""
    editor = open_editor(qtbot, context)
    box = editor.go_to_field(("decision", "affected_groups"))
    assert isinstance(box, QPlainTextEdit)
    box.setPlainText("")
    box.insertPlainText("\n".join(f"grupp {n}" for n in range(GROUPS_MAX - 2)))
    assert counter(box).isVisible()  # near the limit, the groups are counted
    digits = "".join(ch if ch.isdigit() else " " for ch in counter(box).text()).split()
    assert digits[-2:] == [str(GROUPS_MAX - 2), str(GROUPS_MAX)]
    cursor = box.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    box.setTextCursor(cursor)
    box.insertPlainText("ny 1\nny 2\nny 3\nny 4\n")  # a paste at the top: 4 more lines
    groups = editor.document.assessment.decision.affected_groups
    assert len(groups) == GROUPS_MAX
    assert groups[:2] == ["ny 1", "ny 2"]  # what fitted of the paste is kept ...
    assert groups[2] == "grupp 0"  # ... and nothing typed before is lost
    assert groups[-1] == f"grupp {GROUPS_MAX - 3}"
    # A text set whole (the cursor at its start) loses its last lines, not its first.
    box.setPlainText("\n".join(f"g{n}" for n in range(GROUPS_MAX + 3)))
    groups = editor.document.assessment.decision.affected_groups
    assert groups[0] == "g0" and groups[-1] == f"g{GROUPS_MAX - 1}" and len(groups) == GROUPS_MAX
    # Blank lines are not groups and do not count.
    box.setPlainText("a\n\n\nb")
    assert editor.document.assessment.decision.affected_groups == ["a", "b"]
    # A paste at the end: what goes past the limit is the end of the paste.
    box.setPlainText("\n".join(f"grupp {n}" for n in range(GROUPS_MAX - 1)))
    cursor = box.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    box.setTextCursor(cursor)
    box.insertPlainText("\nx\ny")
    groups = editor.document.assessment.decision.affected_groups
    assert len(groups) == GROUPS_MAX
    assert groups[-2:] == [f"grupp {GROUPS_MAX - 2}", "x"]
    assert box.toPlainText().endswith(f"grupp {GROUPS_MAX - 2}\nx")
