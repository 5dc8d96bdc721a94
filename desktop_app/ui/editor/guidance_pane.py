"""Guidance beside the field: a pane that explains whatever has focus.

Pages attach guidance to widgets with ``widgets.set_guidance`` (a question's guidance
and examples, a ground's explanation, a step's advice). The pane follows keyboard
focus in its own window, so the help is always next to the field being filled in,
never in a separate window to find and close.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.ui.editor.widgets import GUIDANCE
from desktop_app.ui.typography import make_heading


class GuidancePane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("G&uidance"))
        make_heading(self.title)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("Guidance"))
        self.browser.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title.setBuddy(self.browser)
        layout.addWidget(self.title)
        layout.addWidget(self.browser, 1)
        self._shown: str | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def html(self) -> str:
        return self._shown or ""

    def show_for(self, widget: QWidget | None) -> None:
        """Show the guidance of ``widget`` or of the nearest parent that has some."""
        while widget is not None:
            guidance = widget.property(GUIDANCE)
            if isinstance(guidance, str) and guidance:
                if guidance != self._shown:
                    self._shown = guidance
                    self.browser.setHtml(guidance)
                return
            widget = widget.parentWidget()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window() is not self.window() or self.isAncestorOf(new):
            return
        self.show_for(new)
