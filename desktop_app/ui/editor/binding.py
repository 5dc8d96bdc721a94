"""Two-way binding between editor widgets and field paths of the open assessment.

A widget edit goes to ``AssessmentDocument.edit`` (one undoable step; keystrokes in
one field merge); a change of the value from elsewhere (undo, another view) comes back
through ``valueChanged`` and updates the widget. A path may be a function, for forms
that show whichever measure is selected. The binder also knows which widget shows a
path, so the editor can jump from a gap in the "what is left" list to its field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.domain.edits import FieldPath
from desktop_app.domain.limits import TEXT_MAX, max_items, max_length
from desktop_app.domain.model import Language
from desktop_app.ui.date_field import DateField, from_qdate, to_qdate
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.length_limit import LengthLimit

PathSource = FieldPath | Callable[[], FieldPath | None]


def make_date_edit(language: Language, parent: QWidget | None = None) -> DateField:
    """A typed date field (``ui.date_field``); put its ``row`` into the form."""
    return DateField(language, parent)


class _UndoKeys(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the editor's undo stack from inside text fields,
    which would otherwise keep the keys for their own, separate undo."""

    KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)

    def __init__(self, document: AssessmentDocument, parent: QObject) -> None:
        super().__init__(parent)
        self.document = document

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if any(event.matches(key) for key in self.KEYS) or _is_redo(event):
                event.ignore()
                return True
        elif event.type() == QEvent.Type.FocusOut:
            self.document.seal_typing()
        return False


def _is_redo(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_Z and mods == (
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )


class Binder(QObject):
    """Keeps a page's widgets and the document in step; dies with its page."""

    def __init__(self, document: AssessmentDocument, parent: QObject) -> None:
        super().__init__(parent)
        self.document = document
        self._views: list[tuple[PathSource, Callable[[Any], None]]] = []
        self._widgets: list[tuple[PathSource, Callable[[], QWidget]]] = []
        self._undo_keys = _UndoKeys(document, self)
        document.valueChanged.connect(self._on_value_changed)

    def _resolve(self, source: PathSource) -> FieldPath | None:
        return source() if callable(source) else source

    def _add(self, source: PathSource, show: Callable[[Any], None]) -> None:
        self._views.append((source, show))
        path = self._resolve(source)
        if path is not None:
            show(self.document.value(path))

    def _edit(self, source: PathSource, value: Any, typing: bool = False) -> None:
        path = self._resolve(source)
        if path is not None:
            self.document.edit(path, value, typing=typing)

    def _remember(self, source: PathSource, widget: QWidget | Callable[[], QWidget]) -> None:
        self._widgets.append((source, widget if callable(widget) else lambda: widget))

    def _typing(self, widget: QWidget) -> None:
        widget.installEventFilter(self._undo_keys)

    def widget_for(self, path: FieldPath) -> QWidget | None:
        """The widget that shows ``path`` on this page, to focus it."""
        for source, widget in self._widgets:
            if self._resolve(source) == path:
                return widget()
        return None

    def _on_value_changed(self, changed: tuple[str, ...]) -> None:
        for source, show in self._views:
            if self._resolve(source) == changed:
                show(self.document.value(changed))

    def refresh(self) -> None:
        """Show the current values again (after a path function changed its answer)."""
        for source, show in self._views:
            path = self._resolve(source)
            if path is not None:
                show(self.document.value(path))

    def _limit(
        self, widget: QLineEdit | QPlainTextEdit, source: PathSource, *, per_line: bool = False
    ) -> None:
        """The field's longest text (domain.limits), counted near the limit; for a
        list edited one item per line, each line's."""

        def limit() -> int:
            path = self._resolve(source)
            return max_length(path) if path is not None else TEXT_MAX

        def items() -> int | None:
            path = self._resolve(source)
            return max_items(path) if path is not None else None

        LengthLimit(widget, limit, per_line=per_line, items=items)

    # One method per kind of widget.

    def line(self, widget: QLineEdit, source: PathSource) -> None:
        def show(value: str) -> None:
            if widget.text() != value:
                widget.setText(value)
                if not widget.hasFocus():
                    widget.setCursorPosition(0)  # show the start of a long text

        widget.textEdited.connect(lambda text: self._edit(source, text, typing=True))
        widget.editingFinished.connect(self.document.seal_typing)
        self._limit(widget, source)
        self._typing(widget)
        self._remember(source, widget)
        self._add(source, show)

    def text(self, widget: QPlainTextEdit, source: PathSource) -> None:
        def show(value: str) -> None:
            if widget.toPlainText() != value:
                with QSignalBlocker(widget):
                    widget.setPlainText(value)

        widget.setUndoRedoEnabled(False)
        self._limit(widget, source)
        widget.textChanged.connect(lambda: self._edit(source, widget.toPlainText(), typing=True))
        self._typing(widget)
        self._remember(source, widget)
        self._add(source, show)

    def lines(self, widget: QPlainTextEdit, source: PathSource) -> None:
        """A list of strings edited as one line per item."""

        def show(value: list[str]) -> None:
            if _lines(widget.toPlainText()) != value:
                with QSignalBlocker(widget):
                    widget.setPlainText("\n".join(value))

        widget.setUndoRedoEnabled(False)
        self._limit(widget, source, per_line=True)
        widget.textChanged.connect(
            lambda: self._edit(source, _lines(widget.toPlainText()), typing=True)
        )
        self._typing(widget)
        self._remember(source, widget)
        self._add(source, show)

    def combo(self, widget: QComboBox, source: PathSource) -> None:
        """A combo box whose item data are the stored values (enum values, text or None)."""

        def show(value: StrEnum | str | None) -> None:
            index = widget.findData(value.value if isinstance(value, StrEnum) else value)
            with QSignalBlocker(widget):
                widget.setCurrentIndex(max(index, 0))

        widget.activated.connect(lambda _: self._edit(source, widget.currentData()))
        self._remember(source, widget)
        self._add(source, show)

    def date(self, widget: DateField, source: PathSource) -> None:
        """A date field; it also shows the date warnings (``date_sense``) for its path."""

        def warning() -> str:
            path = self._resolve(source)
            vocabulary = self.document.service.content.vocabulary
            return " ".join(
                vocabulary.text(f"gap.{gap.code}", widget.language)
                for gap in self.document.warnings
                if gap.path == path
            )

        widget.warning_source = warning

        def show(value: date | None) -> None:
            if from_qdate(widget.date()) != value:
                with QSignalBlocker(widget):
                    widget.setDate(to_qdate(value))
            widget.update_warning()

        # A bound method of the widget: Qt drops the connection when the page goes.
        self.document.gapsChanged.connect(widget.update_warning)
        widget.update_warning()

        widget.dateChanged.connect(lambda d: self._edit(source, from_qdate(d)))
        self._remember(source, widget)
        self._add(source, show)

    def radios(self, group: QButtonGroup, values: Sequence[str], source: PathSource) -> None:
        """Buttons of ``group`` (ids 0..n-1) stand for ``values`` in order."""

        def show(value: StrEnum | str | None) -> None:
            key = value.value if isinstance(value, StrEnum) else value
            with QSignalBlocker(group):
                if key in values:
                    group.button(values.index(key)).setChecked(True)
                else:
                    _uncheck_all(group)

        group.idClicked.connect(lambda i: self._edit(source, values[i]))
        self._remember(source, lambda: group.checkedButton() or group.button(0))
        self._add(source, show)

    def checks(self, boxes: dict[str, QCheckBox], source: PathSource) -> None:
        """Check boxes that together edit a list of values, kept in the boxes' order."""

        def show(value: Sequence[StrEnum | str]) -> None:
            chosen = {v.value if isinstance(v, StrEnum) else v for v in value}
            for key, box in boxes.items():
                with QSignalBlocker(box):
                    box.setChecked(key in chosen)

        def edit() -> None:
            self._edit(source, [key for key, box in boxes.items() if box.isChecked()])

        for box in boxes.values():
            box.toggled.connect(lambda _checked: edit())
        if boxes:
            first = next(iter(boxes.values()))
            self._remember(
                source, lambda: next((b for b in boxes.values() if b.isChecked()), first)
            )
        self._add(source, show)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _uncheck_all(group: QButtonGroup) -> None:
    exclusive = group.exclusive()
    group.setExclusive(False)
    button: QAbstractButton
    for button in group.buttons():
        button.setChecked(False)
    group.setExclusive(exclusive)
