"""The navigation pane: the four steps, the grounds under step 2, and extra pages.

Each step and ground shows its state with a mark, a word and an icon together (done,
missing with how many things are left, not relevant), so nothing depends on colour,
and screen readers hear the state as the item's description.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
)

from desktop_app.domain.checklist import Checklist, Step
from desktop_app.domain.completeness import Gap, ItemState, ground_state, step_gaps, step_state
from desktop_app.domain.model import Assessment
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.wrapping_delegate import WrappingDelegate

PageKey = tuple[str, str]
COMMENT_MARK = "✉"  # beside pages with open review comments (and a count, and words)

STATE_MARKS = {ItemState.DONE: "✓", ItemState.MISSING: "!", ItemState.NOT_RELEVANT: "–"}
_ICONS = {
    ItemState.DONE: QStyle.StandardPixmap.SP_DialogApplyButton,
    ItemState.MISSING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    ItemState.NOT_RELEVANT: QStyle.StandardPixmap.SP_DialogNoButton,
}


class NavigationTree(QTreeWidget):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("Steps and grounds"))
        self.setIconSize(self.iconSize())
        # Whole names and states on as many lines as the pane's width needs, never cut
        # to "Könsid…" nor hidden to the right of the pane.
        self.header().setStretchLastSection(True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setItemDelegate(WrappingDelegate(self))
        self._items: dict[PageKey, QTreeWidgetItem] = {}
        self._labels: dict[PageKey, str] = {}
        self._comments: dict[PageKey, int] = {}  # open review comments per page

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # the rows' heights follow the new width

    def build(
        self,
        steps: Sequence[Step],
        checklists: Sequence[Checklist],
        extra: Sequence[tuple[str, PageKey, str]] = (),
    ) -> None:
        """Fill the tree; ``extra`` pages are (after step, key, label) items."""
        self.clear()
        self._items.clear()
        self._labels.clear()
        for step in steps:
            item = self._item(("step", step.key), self.context.local(step.title))
            self.addTopLevelItem(item)
            if step.key == "grounds":
                for checklist in checklists:
                    for ground in checklist.grounds:
                        label = ground.label(self.context.language)
                        item.addChild(self._item(("ground", ground.key), label))
                item.setExpanded(True)
            for after, key, label in extra:
                if after == step.key:
                    self.addTopLevelItem(self._item(key, label))

    def _item(self, key: PageKey, label: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([label])
        item.setData(0, Qt.ItemDataRole.UserRole, key)
        self._items[key] = item
        self._labels[key] = label
        return item

    def item(self, key: PageKey) -> QTreeWidgetItem:
        return self._items[key]

    def has(self, key: PageKey) -> bool:
        return key in self._items

    def page_keys(self) -> Iterator[PageKey]:
        """Page keys in the order the tree shows them (for next and previous page)."""
        iterator = QTreeWidgetItemIterator(self)
        while (item := iterator.value()) is not None:
            yield item.data(0, Qt.ItemDataRole.UserRole)
            iterator += 1

    def current_key(self) -> PageKey | None:
        item = self.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def set_comment_counts(self, counts: dict[PageKey, int]) -> None:
        """Pages with open review comments get a mark; shown at the next update_states."""
        self._comments = dict(counts)

    def update_states(self, assessment: Assessment, gaps: Sequence[Gap]) -> None:
        for key, item in self._items.items():
            kind, name = key
            if kind == "ground":
                state = ground_state(assessment, name, gaps)
                left = sum(1 for gap in gaps if gap.ground_key == name)
            elif kind == "step":
                state = step_state(name, gaps)
                left = len(step_gaps(name, gaps))
            else:
                continue
            self._show_state(item, self._labels[key], state, left, self._comments.get(key, 0))

    def _show_state(
        self, item: QTreeWidgetItem, label: str, state: ItemState, left: int, comments: int = 0
    ) -> None:
        # No-break spaces keep a mark with what it marks when the line wraps.
        word = self.context.term(f"state.{state.value}")
        if state is ItemState.MISSING:
            detail = self.tr("%n left", "", left)
            description = f"{word}: {detail}"
            text = f"{STATE_MARKS[state]}\u00a0{label} ({detail})"
        elif state is ItemState.NOT_RELEVANT:
            description = word
            detail = self.tr("not relevant")
            text = f"{STATE_MARKS[state]}\u00a0{label} ({detail})"
        else:
            description = word
            text = f"{STATE_MARKS[state]}\u00a0{label}"
        if comments:
            text += f"  {COMMENT_MARK} {comments}"
            description += ", " + self.tr("%n open review comment(s)", "", comments)
        if item.text(0) != text:
            item.setText(0, text)
            item.setIcon(0, self.style().standardIcon(_ICONS[state]))
        item.setToolTip(0, f"{label}: {description}")
        item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, description)
