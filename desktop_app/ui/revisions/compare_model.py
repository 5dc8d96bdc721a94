"""The comparison of two revisions as a table: what, the value in each, and whether
it changed.

Rows come from ``domain.diff.compare`` (every field of both, in step order). A changed
row is marked three ways, so colour is never the only sign: a "≠" in the first column
(read out as "Changed"), a bold font, and a highlighted background.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.domain.diff import DiffRow
from desktop_app.ui.field_names import FieldNames
from desktop_app.ui.list_table_model import Index, ListTableModel

MARK, WHAT, LEFT, RIGHT = range(4)
CHANGED_MARK = "≠"
# Rows of this section (status, revision number) always differ between two revisions;
# they are shown but not counted as changed content.
NOT_COUNTED = "status"


def counted_changes(rows: Sequence[DiffRow]) -> int:
    """How many fields of the content changed: a measure added or removed counts once
    (not once per field of it), and the status and revision number do not count."""
    whole = {row.path[1] for row in rows if len(row.path) == 2 and row.path[0] == "measure"}
    return sum(
        1
        for row in rows
        if row.changed
        and row.section != NOT_COUNTED
        and not (row.path[0] == "measure" and len(row.path) == 3 and row.path[1] in whole)
    )


def changed_background() -> QBrush:
    """A light tint of the selection colour over the window's base colour, so it
    works with dark and high-contrast palettes too."""
    palette = QApplication.palette()
    base, accent = (
        palette.color(QPalette.ColorRole.Base),
        palette.color(QPalette.ColorRole.Highlight),
    )
    share = 0.2
    return QBrush(
        QColor(
            round(base.red() * (1 - share) + accent.red() * share),
            round(base.green() * (1 - share) + accent.green() * share),
            round(base.blue() * (1 - share) + accent.blue() * share),
        )
    )


class CompareModel(ListTableModel[DiffRow]):
    def __init__(
        self,
        names: FieldNames,
        left_title: str,
        right_title: str,
        rows: Sequence[DiffRow] = (),
        *,
        only_changes: bool = True,
    ) -> None:
        super().__init__()
        self.names = names
        self.headers = (CHANGED_MARK, self.tr("What"), left_title, right_title)
        self.header_tips = (self.tr("Changed"), self.tr("What"), left_title, right_title)
        self._all: list[DiffRow] = list(rows)
        self._only_changes = only_changes
        self._rows = self._visible()
        self._bold = QFont()
        self._bold.setBold(True)

    # What is shown

    @property
    def only_changes(self) -> bool:
        return self._only_changes

    def set_only_changes(self, on: bool) -> None:
        if on != self._only_changes:
            self._only_changes = on
            self._set_rows(self._visible())

    def _visible(self) -> list[DiffRow]:
        """The changed rows; or every field filled in in either revision (a field
        empty in both says nothing about either). A measure in one revision only is
        shown by its description once, not again as its description field."""
        whole = {r.path[1] for r in self._all if len(r.path) == 2 and r.path[0] == "measure"}
        rows = [r for r in self._all if r.path[1:] not in {(uid, "description") for uid in whole}]
        if self._only_changes:
            return [r for r in rows if r.changed]
        return [r for r in rows if r.left or r.right]

    def changed_count(self) -> int:
        return counted_changes(self._all)

    # Qt

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, full=False)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == MARK:
                return self.tr("Changed") if row.changed else self.tr("Unchanged")
            return self._text(row, column, full=True)
        if role == Qt.ItemDataRole.FontRole and row.changed:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and row.changed:
            return changed_background()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == MARK:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: DiffRow, column: int, *, full: bool) -> str:
        if column == MARK:
            return CHANGED_MARK if row.changed else ""
        if column == WHAT:
            return self.names.describe(row.path)
        value = self.names.value(row.path, row.left if column == LEFT else row.right)
        # One line in the table; the whole text in the tooltip and for screen readers.
        return value if full else " ".join(value.split())
