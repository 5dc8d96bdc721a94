"""The Help menu: the offline user guide, the keyboard shortcuts of the window it is
opened from, and About (version, licence, the register's path, third-party licences
including Qt's LGPL notice and the fonts' licence). The texts are data under
``resources/help/`` (``desktop_app.help_content``)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.domain.errors import ContentError
from desktop_app.domain.language import Language
from desktop_app.ui.screen_fit import fit_to_screen
from desktop_app.ui.shortcuts import set_shortcut


class HelpDialog(QDialog):
    """A read-only text (Markdown or HTML) with a Close button."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 640)


def guide_dialog(language: Language, parent: QWidget | None = None) -> HelpDialog:
    from desktop_app.help_content import guide_markdown

    dialog = HelpDialog(QCoreApplication.translate("HelpMenu", "User guide"), parent)
    try:
        dialog.browser.setMarkdown(guide_markdown(language))
    except ContentError as error:
        dialog.browser.setPlainText(str(error))
    return dialog


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every action of ``window`` that has a shortcut, and the keys
    of the date fields, sorted by what they do."""
    rows = {}
    for action in window.findChildren(QAction):
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if not keys or not action.text():
            continue
        what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        what = what.rstrip("…").strip()
        shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        rows[what] = shown
    rows[QCoreApplication.translate("HelpMenu", "Open the calendar in a date field")] = (
        "Alt+Down, F4"
    )
    rows[QCoreApplication.translate("HelpMenu", "Empty a date field")] = "Ctrl+Delete"
    return sorted(rows.items(), key=lambda row: row[0].casefold())


def shortcuts_dialog(window: QWidget, parent: QWidget | None = None) -> HelpDialog:
    dialog = HelpDialog(QCoreApplication.translate("HelpMenu", "Keyboard shortcuts"), parent)
    rows = "".join(
        f"<tr><td>{html.escape(what)}</td><td><b>{html.escape(keys)}</b></td></tr>"
        for what, keys in shortcut_rows(window)
    )
    action = QCoreApplication.translate("HelpMenu", "Action")
    keys = QCoreApplication.translate("HelpMenu", "Keys")
    dialog.browser.setHtml(
        f"<table cellpadding='4'><tr><th align='left'>{html.escape(action)}</th>"
        f"<th align='left'>{html.escape(keys)}</th></tr>{rows}</table>"
    )
    return dialog


def about_html(register: Path | str | None) -> str:
    from desktop_app.help_content import third_party

    purpose = QCoreApplication.translate(
        "HelpMenu", "Equality impact assessments of draft decisions."
    )
    others = QCoreApplication.translate("HelpMenu", "Third-party software and fonts")
    parts = [
        f"<h2>Lika {html.escape(__version__)}</h2>",
        f"<p>{html.escape(purpose)}</p>",
        "<p>"
        + html.escape(
            QCoreApplication.translate(
                "HelpMenu", "Licence: GNU General Public License, version 3 or later."
            )
        )
        + "</p>",
    ]
    if register is not None:
        label = html.escape(QCoreApplication.translate("HelpMenu", "Register:"))
        parts.append(f"<p>{label} <code>{html.escape(str(register))}</code></p>")
    parts.append(f"<h3>{html.escape(others)}</h3>")
    try:
        components = third_party()
    except ContentError as error:
        parts.append(f"<p>{html.escape(str(error))}</p>")
        components = []
    for component in components:
        parts.append(
            f"<p><b>{html.escape(component.name)}</b>: {html.escape(component.licence)}"
            f"<br/>{html.escape(component.url)}</p>"
        )
        if component.notice:
            parts.append(
                f"<pre style='white-space: pre-wrap'>{html.escape(component.notice)}</pre>"
            )
    return "".join(parts)


def about_dialog(register: Path | str | None, parent: QWidget | None = None) -> HelpDialog:
    dialog = HelpDialog(QCoreApplication.translate("HelpMenu", "About Lika"), parent)
    dialog.browser.setHtml(about_html(register))
    about_qt = dialog.buttons.addButton(
        QCoreApplication.translate("HelpMenu", "About &Qt"), QDialogButtonBox.ButtonRole.HelpRole
    )
    about_qt.clicked.connect(lambda: QMessageBox.aboutQt(dialog))
    return dialog


def install_help_menu(
    window: QMainWindow, language: Language, register: Path | str | None
) -> QMenu:
    """Add the Help menu (guide F1, shortcuts, About) to ``window``'s menu bar."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("HelpMenu", "&Help"))
    opened: list[QDialog] = []  # keeps the open dialog alive (and reachable by tests)

    def show(make) -> None:  # noqa: ANN001 - a dialog factory
        from PySide6.QtCore import Qt  # here: its enums are about 1 MB (``ui/shortcuts``)

        dialog = make()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: opened.remove(dialog) if dialog in opened else None)
        opened.append(dialog)
        dialog.open()

    guide = QAction(QCoreApplication.translate("HelpMenu", "&User guide"), window)
    set_shortcut(guide, QKeySequence.StandardKey.HelpContents)
    guide.triggered.connect(lambda: show(lambda: guide_dialog(language, window)))
    keys = QAction(QCoreApplication.translate("HelpMenu", "&Keyboard shortcuts"), window)
    keys.triggered.connect(lambda: show(lambda: shortcuts_dialog(window, window)))
    about = QAction(QCoreApplication.translate("HelpMenu", "&About Lika"), window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: show(lambda: about_dialog(register, window)))
    for action in (guide, keys, about):
        menu.addAction(action)
    window.help_dialogs = opened  # type: ignore[attr-defined]
    return menu
