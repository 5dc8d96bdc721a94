"""The register list: one row per assessment, every column sortable (in SQL).

PySide6's ``Qt`` namespace is not used on the way to the list's first page: its first
use makes PySide6 build all of its 93 enum classes, about 11 ms of a start of about 150
(issue 18). So the roles are Qt's numbers (``ItemDataRole`` values, part of Qt's ABI),
the column titles are shown by a model of Qt's own (``header_labels``: a header asking a
Python model passes it a ``Qt.Orientation``), and sorting is asked for with
``sort_by`` from the header's signal (``register_view``) rather than by Qt through
``sort``, whose order argument is a ``Qt.SortOrder``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QStandardItem, QStandardItemModel

from desktop_app.app.ports import RegisterReader
from desktop_app.domain.codes import Direction
from desktop_app.domain.register import RegisterQuery, RegisterRow, SortKey
from desktop_app.ui.context import ListContext
from desktop_app.ui.register.paged_model import Index, PagedTableModel, ReaderFactory, Runner

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, Qt

COLUMNS: tuple[SortKey, ...] = tuple(SortKey)
_NUMERIC = {SortKey.REVISION, SortKey.OPEN_MEASURES}
# Qt.ItemDataRole and Qt.AlignmentFlag by number (see the module's docstring).
DISPLAY_ROLE, TOOLTIP_ROLE, TEXT_ALIGNMENT_ROLE, ACCESSIBLE_TEXT_ROLE = 0, 3, 7, 11
_TEXT_ROLES = (DISPLAY_ROLE, TOOLTIP_ROLE, ACCESSIBLE_TEXT_ROLE)
RIGHT_ALIGNED = 0x0002 | 0x0080  # AlignRight | AlignVCenter


class RegisterTableModel(PagedTableModel[RegisterQuery, RegisterRow]):
    def __init__(
        self,
        context: ListContext,
        readers: ReaderFactory,
        runner: Runner,
        query: RegisterQuery | None = None,
    ) -> None:
        super().__init__(readers, runner, query or RegisterQuery())
        self.context = context
        self.names = context.words
        self._headers = {key: self._header(key) for key in COLUMNS}
        self._display: dict[SortKey, Callable[[RegisterRow], str]] = {
            SortKey.TITLE: lambda r: r.title,
            SortKey.CASE_NUMBER: lambda r: r.case_number,
            SortKey.UNIT: lambda r: r.unit,
            SortKey.DECISION_BODY: lambda r: r.decision_body,
            SortKey.STATUS: lambda r: context.label(r.status),
            SortKey.REVISION: lambda r: str(r.revision),
            SortKey.AUTHOR: lambda r: r.author,
            SortKey.REVIEWER: self._reviewer,
            SortKey.UPDATED: lambda r: context.short_date(r.updated.astimezone().date()),
            SortKey.OUTCOME: lambda r: context.label(r.outcome) if r.outcome else "",
            SortKey.ADVERSE_GROUNDS: self._adverse,
            SortKey.OPEN_MEASURES: self._open_measures,
            SortKey.NEXT_FOLLOWUP: self._followup,
            SortKey.DECISION_TYPE: lambda r: self.names.decision_type(r.decision_type),
        }

    def _header(self, key: SortKey) -> str:
        c = self.context
        if key in (SortKey.TITLE, SortKey.CASE_NUMBER, SortKey.UNIT, SortKey.DECISION_BODY,
                   SortKey.AUTHOR):  # fmt: skip
            return c.field(("decision", key.value))
        if key in (SortKey.STATUS, SortKey.REVISION):
            return c.term(f"pdf.{key.value}")
        if key is SortKey.OUTCOME:
            return c.field(("conclusion", "outcome"))
        return c.term(f"register.{key.value}")

    def _reviewer(self, row: RegisterRow) -> str:
        """Who approved or returned it; a name only an exchange file claims is marked
        unverified, as the review window and the PDF mark it."""
        if row.reviewer_unverified:
            return f"{row.reviewer} ({self.context.term('pdf.unverified')})"
        return row.reviewer

    def _adverse(self, row: RegisterRow) -> str:
        mixed = self.context.term("register.mixed")
        return ", ".join(
            self.names.ground(g.key) + (f" ({mixed})" if g.direction is Direction.MIXED else "")
            for g in row.adverse_grounds
        )

    def _open_measures(self, row: RegisterRow) -> str:
        if row.has_overdue_measures(self.query.today):
            return f"{row.open_measures} ({self.context.term('register.overdue_measures')})"
        return str(row.open_measures)

    def _followup(self, row: RegisterRow) -> str:
        text = self.context.short_date(row.next_followup)
        if row.evaluation_due(self.query.today):
            text += f" ({self.context.term('register.evaluation_due')})"
        return text

    # Reading

    def read_page(
        self, reader: RegisterReader, query: RegisterQuery, after: Any
    ) -> tuple[list[RegisterRow], Any]:
        page = reader.page(query, after)
        return page.rows, page.next_after

    def read_count(self, reader: RegisterReader, query: RegisterQuery) -> int:
        return reader.count(query)

    def header(self, column: int) -> str:
        """The title of ``column``."""
        return self._headers[COLUMNS[column]]

    def header_labels(self, parent: QObject | None = None) -> QStandardItemModel:
        """The column titles (and the same as tooltips) in a model of Qt's own, for the
        list's horizontal header (see the module's docstring)."""
        labels = QStandardItemModel(0, len(COLUMNS), parent)
        for column in range(len(COLUMNS)):
            item = QStandardItem(self.header(column))
            item.setToolTip(self.header(column))
            labels.setHorizontalHeaderItem(column, item)
        return labels

    def sort_by(self, column: int, descending: bool) -> None:
        """Sorting happens in SQL: a new first page in the new order."""
        key = COLUMNS[column]
        if (key, descending) != (self.query.sort, self.query.descending):
            self.set_query(self.query.sorted_by(key, descending))

    def summary(self, row: int) -> RegisterRow:
        return self.row_at(row)

    def row_of(self, assessment_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == assessment_id), None)

    # Qt

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        """The column titles for those who ask the list's model (a screen reader); the
        header itself shows ``header_labels``."""
        from PySide6.QtCore import Qt

        if orientation is Qt.Orientation.Horizontal and role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            return self.header(section)
        return None

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        # The role first: painting a cell asks for seven, five of which are answered
        # without asking the index anything (each question is a call into Qt).
        if role in _TEXT_ROLES:
            if not index.isValid():
                return None
            return self._display[COLUMNS[index.column()]](self._rows[index.row()])
        if role == TEXT_ALIGNMENT_ROLE and index.isValid() and COLUMNS[index.column()] in _NUMERIC:
            return RIGHT_ALIGNED
        return None
