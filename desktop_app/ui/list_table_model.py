"""A read-only table over a short list held in memory.

The revisions, history and comparison tables each show a few dozen rows that are
read whole and replaced whole, so they share the counting, the headers and the reset
here and keep only their ``data()``. The register cannot work like this: it holds
only the pages scrolled to (``ui/register/paged_model.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel, Generic[T]):
    """Rows of type ``T``, one column per header.

    ``headers`` is shown in the header; ``header_tips`` (the headers unless set) is its
    tooltip and what a screen reader says, for a header that is only a sign.
    Subclasses set both after ``__init__`` (``self.tr`` needs the QObject) and
    replace the rows through ``_set_rows`` so views are told.
    """

    def __init__(self) -> None:
        super().__init__()
        self.headers: tuple[str, ...] = ()
        self.header_tips: tuple[str, ...] | None = None
        self._rows: list[T] = []

    def _set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rows(self) -> list[T]:
        return list(self._rows)

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return (self.header_tips or self.headers)[section]
        return None
