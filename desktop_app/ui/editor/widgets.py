"""Small building blocks shared by the editor's pages."""

from __future__ import annotations

import html
from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from desktop_app.ui.flow_layout import TightFlowLayout
from desktop_app.ui.typography import make_heading

# Widgets with this property set to True stay usable on a read-only page (they move
# around the assessment rather than change it).
NAVIGATION = "lika_navigation"
# The guidance (HTML) the guidance pane shows while a widget inside this one has focus.
GUIDANCE = "lika_guidance"


def wrapped_label(text: str, *, rich: bool = False, muted: bool = False) -> QLabel:
    """A label that wraps; content text is plain unless ``rich`` is asked for."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def heading(text: str) -> QLabel:
    label = QLabel(text)
    make_heading(label)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def text_box(accessible_name: str, lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(accessible_name)
    box.setTabChangesFocus(True)
    # Height follows the font, so the layout survives large text settings.
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def enum_combo(
    values: Iterable[tuple[StrEnum, str]], accessible_name: str, empty: str | None = None
) -> QComboBox:
    """A combo box whose item data are enum values; an optional first item means None."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    if empty is not None:
        combo.addItem(empty, None)
    for value, label in values:
        combo.addItem(label, value.value)
    return combo


def radio_row(labels: Iterable[str], accessible_name: str) -> tuple[QWidget, QButtonGroup]:
    """A row of radio buttons with ids 0..n-1, none checked.

    The row is one Tab stop that lands on the chosen button (Qt would pick the first),
    so a keyboard or screen-reader user meets the current answer first; arrow keys
    then move the choice as usual. A label's mnemonic leads to the same button.
    """
    row = QWidget()
    row.setAccessibleName(accessible_name)
    layout = TightFlowLayout(row)  # wraps at large text rather than widening the page
    group = QButtonGroup(row)
    for index, label in enumerate(labels):
        button = QRadioButton(label)
        button.setAccessibleName(f"{accessible_name}: {label}")
        group.addButton(button, index)
        layout.addWidget(button)

    def one_tab_stop(_checked: bool = False) -> None:
        # Per button, not per group: the binder blocks the group's signals when it
        # shows a stored value, and this must follow that too.
        chosen = group.checkedButton() or group.button(0)
        for member in group.buttons():
            focus = Qt.FocusPolicy.StrongFocus if member is chosen else Qt.FocusPolicy.ClickFocus
            member.setFocusPolicy(focus)
        row.setFocusProxy(chosen)

    for member in group.buttons():
        member.toggled.connect(one_tab_stop)
    one_tab_stop()
    return row, group


def focus_buddy(label: QLabel) -> None:
    """A label's mnemonic must land on something that takes focus: a row of check
    boxes given as the buddy passes focus on to its first box."""
    buddy = label.buddy()
    if buddy is None or buddy.focusPolicy() != Qt.FocusPolicy.NoFocus or buddy.focusProxy():
        return
    for child in buddy.findChildren(QWidget):
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
            buddy.setFocusProxy(child)
            return


def reflow(page: QWidget) -> None:
    """Let ``page`` grow narrow rather than scroll sideways: form rows put the field
    under its label when both do not fit, labels wrap, and choice lists may be narrower
    than their longest entry (the open list still shows it whole)."""
    for form in page.findChildren(QFormLayout):
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and isinstance(form_label := item.widget(), QLabel):
                form_label.setWordWrap(True)
    for label in page.findChildren(QLabel):
        label.setWordWrap(True)
        focus_buddy(label)
    for combo in page.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)


def scrolling(page: QWidget) -> QScrollArea:
    reflow(page)
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    # Not a Tab stop of its own: focus goes to the fields, and the area scrolls to them.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    _FollowFocus(area)
    return area


class _FollowFocus(QObject):
    """Scrolls ``area`` to whatever gets focus inside it, however it got there: Qt
    does so for Tab, but not for a label's Alt+letter, a shortcut or a jump to a gap."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        area = self.parent()
        if not isinstance(area, QScrollArea) or now is None:
            return
        page = area.widget()
        if page is not None and page.isAncestorOf(now):
            area.ensureWidgetVisible(now)


def set_guidance(widget: QWidget, title: str, *paragraphs: str) -> None:
    """Attach guidance to ``widget`` (shown in the pane beside the page while focus is
    inside it); screen readers get the same text as the accessible description."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)
    widget.setProperty(GUIDANCE, f"<h3>{html.escape(title)}</h3>{body}")
    plain = " ".join(p for p in paragraphs if p)
    if plain:
        widget.setAccessibleDescription(plain)


def make_read_only(root: QWidget) -> None:
    """Show a page as readable text rather than greyed out: text stays crisp and can
    be selected and read with the keyboard; choices cannot be changed."""
    for widget in root.findChildren(QWidget):
        if widget.property(NAVIGATION):
            continue
        if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
            widget.setReadOnly(True)
        elif isinstance(widget, QComboBox | QAbstractButton):
            widget.setEnabled(False)


def mnemonic_letter(text: str) -> str | None:
    """The letter after a single '&' in ``text`` (lower case), if any."""
    index = 0
    while (index := text.find("&", index)) != -1:
        if text[index + 1 : index + 2] == "&":
            index += 2
            continue
        letter = text[index + 1 : index + 2]
        return letter.casefold() if letter.isalnum() else None
    return None


def assign_mnemonics(root: QWidget, reserved: Iterable[str] = ()) -> None:
    """Give every label with a buddy an Alt+letter of its own on this page.

    Field labels come from the vocabulary (shared with the PDF), so they carry no '&';
    letters already used by the window's menus and by buttons are left alone.
    """
    taken = {letter.casefold() for letter in reserved}
    for button in root.findChildren(QAbstractButton):
        letter = mnemonic_letter(button.text())
        if letter:
            taken.add(letter)
    for label in root.findChildren(QLabel):
        text = label.text()
        # Wrapped labels are question texts: too many for letters, and their buddies
        # are reached by Tab; mnemonics are for the short field labels of forms.
        if label.buddy() is None or "&" in text or label.wordWrap():
            continue
        for index, char in enumerate(text):
            if char.isalpha() and char.casefold() not in taken:
                taken.add(char.casefold())
                label.setText(f"{text[:index]}&{text[index:]}")
                break
