"""The editor's panes at any screen size: the guidance pane can be hidden and shown
(F2; the choice is remembered, and on a narrow window it starts hidden), and the
dividers between the panes move from the keyboard (Ctrl+Alt+Left / Right), since a
splitter handle cannot take focus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop_app.ui.settings import Settings

if TYPE_CHECKING:
    from desktop_app.ui.editor.editor_window import EditorWindow

NARROW = 700  # logical pixels: below this the guidance pane starts hidden
STEP = 0.05  # a keyboard move shifts a divider by this share of the width


class PaneActions(QObject):
    def __init__(self, editor: EditorWindow, settings: Settings) -> None:
        super().__init__(editor)
        self.settings = settings
        self.toggle_guidance = QAction(self.tr("Show &guidance"), editor)
        self.toggle_guidance.setCheckable(True)
        self.toggle_guidance.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.toggle_guidance.toggled.connect(self._guidance_toggled)
        ctrl_alt = Qt.Modifier.CTRL | Qt.Modifier.ALT
        self.widen_left = QAction(self.tr("Move the divider to the right"), editor)
        self.widen_left.setShortcut(QKeySequence(ctrl_alt | Qt.Key.Key_Right))
        self.widen_left.triggered.connect(lambda: self.move_divider(+1))
        self.narrow_left = QAction(self.tr("Move the divider to the left"), editor)
        self.narrow_left.setShortcut(QKeySequence(ctrl_alt | Qt.Key.Key_Left))
        self.narrow_left.triggered.connect(lambda: self.move_divider(-1))
        menu = next(
            (
                found
                for a in editor.menuBar().actions()
                if isinstance(found := a.menu(), QMenu) and editor.commands.cycle in found.actions()
            ),
            None,
        )
        for action in (self.toggle_guidance, self.narrow_left, self.widen_left):
            if menu is not None:
                menu.addAction(action)
            else:
                editor.addAction(action)

    @property
    def editor(self) -> EditorWindow:
        return self.parent()  # type: ignore[return-value]

    def share_width(self) -> None:
        """Divide the window's width between the panes, and show or hide guidance as
        the user last chose (or by the width, the first time)."""
        editor = self.editor
        width = max(editor.width(), 1)
        chosen = self.settings.guidance_visible
        visible = chosen if chosen is not None else width >= NARROW
        sizes = [int(width * 0.24), int(width * 0.52), int(width * 0.24)]
        editor.splitter.setSizes(sizes)
        self.toggle_guidance.blockSignals(True)
        self.toggle_guidance.setChecked(visible)
        self.toggle_guidance.blockSignals(False)
        editor.guidance.setVisible(visible)

    def _guidance_toggled(self, visible: bool) -> None:
        editor = self.editor
        editor.guidance.setVisible(visible)
        self.settings.guidance_visible = visible
        if not visible and editor.guidance.isAncestorOf(editor.focusWidget()):
            editor.focus_page()

    def move_divider(self, direction: int) -> None:
        """Move the divider next to the focused pane: between the steps and the page
        while focus is left of the page, otherwise between the page and guidance."""
        editor = self.editor
        splitter = editor.splitter
        sizes = splitter.sizes()
        focus = editor.focusWidget()
        left = splitter.widget(0)
        index = 0 if focus is not None and left is not None and left.isAncestorOf(focus) else 1
        if index == 1 and not editor.guidance.isVisible():
            index = 0
        shift = int(sum(sizes) * STEP) * direction
        sizes[index] += shift
        sizes[index + 1] -= shift
        if min(sizes[index], sizes[index + 1]) > 40:
            splitter.setSizes(sizes)
