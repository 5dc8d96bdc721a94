"""What the editor shows when someone else saved the same assessment meanwhile.

The dialog lists every field that differs between the register and this window, says
who changed it, and offers two ways on: keep my changes on top of the other version,
or take the other version. Until the user chooses nothing is written and nothing is
lost, and "Copy my changes" puts the user's own text on the clipboard either way.
"""

from __future__ import annotations

from datetime import date
from enum import Enum, StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.checklist import Checklist
from desktop_app.domain.merge import FieldChange
from desktop_app.domain.model import Assessment, Measure
from desktop_app.ui.context import UiContext
from desktop_app.ui.screen_fit import fit_to_screen


class Choice(Enum):
    KEEP_MINE = "keep_mine"
    TAKE_THEIRS = "take_theirs"


def field_label(
    context: UiContext, checklists: list[Checklist], assessment: Assessment, path: tuple[str, ...]
) -> str:
    """A field's name as the user knows it from the editor."""
    grounds = {g.key: g for c in checklists for g in c.grounds}
    questions = {q.id: q for c in checklists for q in c.questions()}
    kind = path[0]
    if path == ("assessment", "modules"):
        return QCoreApplication.translate("ConflictDialog", "Checklist modules")
    if kind == "ground":
        ground = grounds.get(path[1])
        name = ground.label(context.language) if ground else path[1]
        return f"{name}: {context.field(path)}"
    if kind == "answer":
        question = questions.get(path[1])
        text = context.local(question.text) if question else path[1]
        return text if path[2] == "value" else f"{text} ({context.field(path)})"
    if kind == "measure":
        measure = next((m for m in assessment.measures if m.uid == path[1]), None)
        name = _first_line(measure.description) if measure else ""
        what = context.field(("measure", "description"))
        if len(path) == 2:
            return f"{what}: {name}" if name else what
        return f"{what} “{name}”: {context.field(path)}" if name else context.field(path)
    return context.field(path)


def _first_line(text: str, limit: int = 40) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def show_value(context: UiContext, value: Any) -> str:
    """A value as plain text; every character the user typed is kept."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, StrEnum):
        try:
            return context.label(value)
        except KeyError:
            return value.value
    if isinstance(value, date):
        return context.short_date(value)
    if isinstance(value, Measure):
        return value.description or "–"
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items()) or "–"
    if isinstance(value, list):
        return ", ".join(show_value(context, v) for v in value)
    return str(value)


class ConflictDialog(QDialog):
    def __init__(
        self,
        context: UiContext,
        checklists: list[Checklist],
        mine: Assessment,
        theirs: Assessment,
        differences: list[FieldChange],
        my_paths: set[tuple[str, ...]],
        their_paths: set[tuple[str, ...]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.choice: Choice | None = None
        self.setWindowTitle(self.tr("Changed elsewhere"))
        self._mine_text = self._my_text(checklists, mine, differences, my_paths)

        intro = QLabel(
            self.tr(
                "Someone else saved this assessment (in another window or on another "
                "computer) after you opened it, so your latest changes are not saved yet. "
                "Nothing has been lost. These fields differ:"
            )
        )
        intro.setWordWrap(True)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self.tr("In the register now"),
                self.tr("Yours, not saved"),
                self.tr("Changed by"),
            ]
        )
        for change in differences:
            if change.path in my_paths and change.path in their_paths:
                who = self.tr("both")
            elif change.path in my_paths:
                who = self.tr("you")
            else:
                who = self.tr("someone else")
            cells = [
                field_label(context, checklists, mine, change.path)
                if change.new is not None
                else field_label(context, checklists, theirs, change.path),
                show_value(context, change.old),
                show_value(context, change.new),
                who,
            ]
            row = [QStandardItem(text) for text in cells]
            for item in row:
                item.setEditable(False)
                item.setToolTip(item.text())
            self.model.appendRow(row)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Fields that differ"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.ResizeToContents
        )

        # The whole text of the chosen field, both versions, to read and copy from.
        self.theirs_text = self._text_view(self.tr("In the register now (whole text)"))
        self.mine_text = self._text_view(self.tr("Yours, not saved (whole text)"))
        details = QHBoxLayout()
        for caption, view in (
            (self.tr("In the register now:"), self.theirs_text),
            (self.tr("Yours, not saved:"), self.mine_text),
        ):
            column = QVBoxLayout()
            label = QLabel(caption)
            label.setBuddy(view)
            column.addWidget(label)
            column.addWidget(view)
            details.addLayout(column)
        self._full = [(show_value(context, c.old), show_value(context, c.new)) for c in differences]
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_row(current.row())
        )
        if differences:
            self.table.selectRow(0)

        explain = QLabel(
            self.tr(
                "“Keep my changes” saves your changes on top of the other version; where "
                "you both changed a field, yours is kept. “Use the other version” discards "
                "your unsaved changes; copy them first if you want to keep the text."
            )
        )
        explain.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.keep_button = QPushButton(self.tr("&Keep my changes"))
        self.take_button = QPushButton(self.tr("&Use the other version"))
        self.copy_button = QPushButton(self.tr("&Copy my changes"))
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.keep_button.setDefault(True)
        self.keep_button.clicked.connect(lambda: self._choose(Choice.KEEP_MINE))
        self.take_button.clicked.connect(lambda: self._choose(Choice.TAKE_THEIRS))
        self.copy_button.clicked.connect(self.copy_mine)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(details, 1)
        layout.addWidget(explain)
        layout.addWidget(buttons)
        unit = self.fontMetrics().averageCharWidth()
        fit_to_screen(self, 110 * unit, 40 * self.fontMetrics().lineSpacing())

    @staticmethod
    def _text_view(name: str) -> QPlainTextEdit:
        view = QPlainTextEdit()
        view.setReadOnly(True)
        view.setAccessibleName(name)
        return view

    def _show_row(self, row: int) -> None:
        theirs, mine = self._full[row] if 0 <= row < len(self._full) else ("", "")
        self.theirs_text.setPlainText(theirs)
        self.mine_text.setPlainText(mine)

    def _my_text(
        self,
        checklists: list[Checklist],
        mine: Assessment,
        differences: list[FieldChange],
        my_paths: set[tuple[str, ...]],
    ) -> str:
        parts = [
            f"{field_label(self.context, checklists, mine, c.path)}:\n"
            f"{show_value(self.context, c.new)}"
            for c in differences
            if c.path in my_paths and c.new is not None
        ]
        return "\n\n".join(parts)

    def copy_mine(self) -> None:
        QGuiApplication.clipboard().setText(self._mine_text)
        self.copy_button.setText(self.tr("Copied"))

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:
        """Escape does not choose: the window stays unsaved until the user decides."""
        self.choice = None
        super().reject()
