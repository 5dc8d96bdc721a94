"""Every control has an accessible name, states are never colour alone, and every
page's Alt+letters are unique in every language."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QWidget,
)

from desktop_app.domain.model import Language
from desktop_app.ui.editor.widgets import mnemonic_letter
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.new_assessment_dialog import NewAssessmentDialog
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.translations import install_translators, remove_translators
from tests.ui.editor_helpers import open_editor

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextBrowser,
)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface else ""


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        parent = widget.parentWidget()
        if (
            isinstance(widget, QHeaderView)
            or isinstance(parent, QAbstractSpinBox | QComboBox)
            or (parent is not None and isinstance(parent.parentWidget(), QAbstractItemView))
        ):
            continue  # a table's header; the inner line edit of a date or combo box
        if widget.objectName().startswith("qt_"):
            continue  # Qt's own parts (scroll bar buttons, calendar navigation)
        if not accessible_name(widget).strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def all_pages(editor) -> list:
    return [editor.page(key) for key in editor.navigation.page_keys()]


def test_every_control_in_the_editor_has_an_accessible_name(qtbot, context) -> None:
    assessment = context.service.new_assessment(
        modules=["children", "minorities", "gender_equality"]
    )
    editor = open_editor(qtbot, context, assessment)
    editor.show_page(("step", "measures")).add_measure()
    for page in all_pages(editor):
        editor.show_page(next(k for k, p in editor._pages.items() if p is page))
        assert unnamed_controls(page) == [], type(page).__name__
    assert unnamed_controls(editor) == []


def test_dialogs_and_main_window_controls_have_accessible_names(qtbot, context) -> None:
    for widget in (MainWindow(context), SettingsDialog(context), NewAssessmentDialog(context)):
        qtbot.addWidget(widget)
        widget.show()
        assert unnamed_controls(widget) == [], type(widget).__name__


def test_navigation_states_are_words_and_marks_not_colour(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    for key in editor.navigation.page_keys():
        if key[0] not in ("step", "ground"):
            continue
        item = editor.navigation.item(key)
        description = item.data(0, Qt.ItemDataRole.AccessibleDescriptionRole)
        assert description, key
        assert item.text(0)[0] in "✓!–", item.text(0)
    item = editor.navigation.item(("ground", "age"))
    assert item.text(0).endswith("(1 left)")
    assert item.data(0, Qt.ItemDataRole.AccessibleDescriptionRole) == "Saknar uppgifter: 1 left"


@pytest.mark.parametrize("language", list(Language))
def test_alt_letters_are_unique_on_every_page(qtbot, context, language) -> None:
    app = QApplication.instance()
    previous = QLocale()
    install_translators(app, language)
    try:
        context.language = language
        assessment = context.service.new_assessment(modules=["children"])
        editor = open_editor(qtbot, context, assessment)
        window_letters = [
            mnemonic_letter(action.text()) for action in editor.menuBar().actions()
        ] + [
            mnemonic_letter(editor.gaps.heading.text()),
            mnemonic_letter(editor.guidance.title.text()),
        ]
        assert all(window_letters), window_letters
        for key in list(editor.navigation.page_keys()):
            page = editor.page(key)
            letters = list(window_letters)
            for label in page.findChildren(QLabel):
                if label.buddy() is not None and mnemonic_letter(label.text()):
                    letters.append(mnemonic_letter(label.text()))
            for button in page.findChildren(QAbstractButton):
                if mnemonic_letter(button.text()):
                    letters.append(mnemonic_letter(button.text()))
            repeated = [letter for letter, n in Counter(letters).items() if n > 1]
            assert repeated == [], (key, repeated)
        editor.close()
    finally:
        remove_translators(app)
        QLocale.setDefault(previous)


def test_tab_runs_left_to_right_through_the_panes(qtbot, context) -> None:
    from PySide6.QtCore import Qt as QtKeys

    from tests.ui.keyboard import focused, press

    editor = open_editor(qtbot, context, active=True)
    editor.show_page(("step", "measures"))
    page = editor.show_page(("step", "decision"))
    editor.navigation.setFocus()
    press(qtbot, QtKeys.Key.Key_Tab)
    assert focused() is editor.gaps.list
    press(qtbot, QtKeys.Key.Key_Tab)
    assert focused() is page.fields["title"]
    press(qtbot, QtKeys.Key.Key_Backtab)
    press(qtbot, QtKeys.Key.Key_Backtab)
    press(qtbot, QtKeys.Key.Key_Backtab)
    assert focused() is editor.guidance.browser  # and round again
    press(qtbot, QtKeys.Key.Key_Backtab)
    assert focused() is page.evidence.record  # the page's last enabled control


@pytest.mark.parametrize("language", list(Language))
def test_alt_letters_are_unique_on_every_tab_of_the_main_window(qtbot, context, language) -> None:
    """The menu bar and the tab bar are always there; each tab adds its own buttons
    and labels. Two of them on one Alt+letter means the key reaches only one."""
    app = QApplication.instance()
    previous = QLocale()
    install_translators(app, language)
    try:
        context.language = language
        window = MainWindow(context)
        qtbot.addWidget(window)
        tab_bar = window.tabs.tabBar()
        always = [mnemonic_letter(action.text()) for action in window.menuBar().actions()] + [
            mnemonic_letter(tab_bar.tabText(i)) for i in range(tab_bar.count())
        ]
        assert all(always), always
        for index in range(window.tabs.count()):
            letters = list(always)
            window.tabs.setCurrentIndex(index)  # a tab's page is built when first shown
            page = window.tabs.widget(index)
            for label in page.findChildren(QLabel):
                if label.buddy() is not None and mnemonic_letter(label.text()):
                    letters.append(mnemonic_letter(label.text()))
            for button in page.findChildren(QAbstractButton):
                if mnemonic_letter(button.text()):
                    letters.append(mnemonic_letter(button.text()))
            repeated = [letter for letter, n in Counter(letters).items() if n > 1]
            assert repeated == [], (tab_bar.tabText(index), repeated)
        window.close()
    finally:
        remove_translators(app)
        QLocale.setDefault(previous)
