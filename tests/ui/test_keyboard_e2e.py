"""The whole review cycle by keyboard only: the caseworker creates, fills in and
submits (the walk of ``test_keyboard_walk``); the reviewer comments and returns it; the
caseworker marks the comment as addressed and submits again; the reviewer approves and
exports the PDF. ``test_the_cycle_at_200_percent`` runs the same test at 200 % text on
a 1280×800 screen in a child process (Qt's scale factor is fixed per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop_app.domain.model import Status
from desktop_app.ui.editor.editor_window import EditorWindow
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.review.review_window import ReviewWindow
from desktop_app.ui.tasks import ImmediateRunner
from tests.ui.keyboard import focused, press, tab_to, type_keys
from tests.ui.test_keyboard_walk import test_a_whole_assessment_by_keyboard_only as walk

ROOT = Path(__file__).resolve().parents[2]
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def active(qtbot, widget) -> None:
    """Wait until ``widget`` is the active window. After a dialog closes, the offscreen
    platform does not hand activation back as a desktop does; ask for it as one would."""
    if QApplication.activeWindow() is not widget and not QApplication.activeModalWidget():
        widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=5000)


def open_from_list(qtbot, window: MainWindow):
    """Ctrl+L to the register list (the row is chosen), Return opens it."""
    with qtbot.waitActive(window):
        window.activateWindow()
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert focused() is window.register_view.table
    before = {*window.editors.values(), *window.reviews.values()}
    press(qtbot, Qt.Key.Key_Return)
    opened = [w for w in (*window.editors.values(), *window.reviews.values()) if w not in before]
    assert len(opened) == 1
    active(qtbot, opened[0])
    return opened[0]


def accept_text_dialog(qtbot, find, text: str) -> None:
    """Fill in and accept the dialog ``find()`` returns once it is open (a mnemonic
    "animates" its button's click, so the dialog opens a moment after the key)."""
    qtbot.waitUntil(lambda: find() is not None and find().isVisible(), timeout=5000)
    dialog = find()
    active(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(focused()))
    if text:
        tab_to(qtbot, dialog.text)
        type_keys(qtbot, text)
    tab_to(qtbot, getattr(dialog, "accept_button", None) or dialog.add_button)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no keyboard grab
def test_the_review_cycle_by_keyboard_only(qtbot, context, tmp_path, monkeypatch) -> None:
    walk(qtbot, context)  # created, filled in and submitted, by keyboard
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    repository = context.service.repository
    (row,) = repository.list_summaries()
    if os.environ.get("QT_SCALE_FACTOR") == "2":  # run by test_the_cycle_at_200_percent
        assert window.screen().availableGeometry().width() == 1280 // 2
        assert window.frameGeometry().width() <= 1280 // 2

    # The reviewer comments on the decision (Ctrl+M) and returns it (Review menu).
    review = open_from_list(qtbot, window)
    assert isinstance(review, ReviewWindow)
    press(qtbot, Qt.Key.Key_M, CTRL)
    accept_text_dialog(qtbot, lambda: review.actions_.comment_dialog, "Vilka åldrar gäller det?")
    active(qtbot, review)
    press(qtbot, Qt.Key.Key_R, ALT)  # the Review menu ...
    menu = QApplication.activePopupWidget()
    assert menu is not None
    qtbot.keyClick(menu, Qt.Key.Key_R)  # ... "Return with comments…"
    accept_text_dialog(qtbot, lambda: review.actions_.text_dialog, "Se kommentaren.")
    assert repository.get(row.id).status is Status.RETURNED
    active(qtbot, review)
    press(qtbot, Qt.Key.Key_W, CTRL)

    # The caseworker marks the comment as addressed (its button's mnemonic), resubmits.
    editor = open_from_list(qtbot, window)
    assert isinstance(editor, EditorWindow)
    assert len(editor.review_comments.cards) == 1
    press(qtbot, Qt.Key.Key_D, ALT)
    accept_text_dialog(qtbot, lambda: editor.review_comments.dialog, "Personer över 70.")
    assert editor.review_comments.cards[0].comment.addressed
    active(qtbot, editor)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    box = editor.commands.confirm_box
    assert box is not None
    active(qtbot, box)
    press(qtbot, Qt.Key.Key_Return)
    assert repository.get(row.id).status is Status.IN_REVIEW
    active(qtbot, editor)
    press(qtbot, Qt.Key.Key_W, CTRL)

    # The reviewer approves (Ctrl+Return) and exports the PDF (Ctrl+P).
    review = open_from_list(qtbot, window)
    assert isinstance(review, ReviewWindow)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    accept_text_dialog(qtbot, lambda: review.actions_.text_dialog, "")
    assert repository.get(row.id).status is Status.APPROVED
    out = tmp_path / "godkänd.pdf"
    # The save dialog is the platform's own; what it answers is given here.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    review.pdf_export.runner = ImmediateRunner()
    review.pdf_export.opener = lambda path: True
    active(qtbot, review)
    press(qtbot, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(out.exists, timeout=20000)
    assert out.read_bytes().startswith(b"%PDF")
    task = review.pdf_export.task
    if task is not None and getattr(task, "result_box", None) is not None:
        task.result_box.close()


def test_the_cycle_at_200_percent(tmp_path) -> None:
    screen = tmp_path / "screen.json"
    probe = {"name": "s", "x": 0, "y": 0, "width": 1280, "height": 800,
             "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    screen.write_text(json.dumps({"windowFrameMargins": False, "screens": [probe]}))
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": "2",
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
    }
    test = "tests/ui/test_keyboard_e2e.py::test_the_review_cycle_by_keyboard_only"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", test, "-q", "-p", "no:cacheprovider", "-x"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:]
