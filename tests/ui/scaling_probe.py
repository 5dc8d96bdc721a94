"""Opens every window and page of Lika on the screen it is started on and prints, as
JSON, what does not fit: windows larger than the screen's available area, pages that
scroll sideways, and sibling widgets that overlap. Run by test_scaling.py in a child
process with QT_SCALE_FACTOR=2 on an offscreen 1280×800 screen (640×400 logical).

    python -m tests.ui.scaling_probe DB LANG [SHOTS_DIR]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLayout,
    QScrollArea,
    QWidget,
)


def layout_widgets(layout: QLayout) -> Iterator[QWidget]:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None:
            yield item.widget()
        elif item.layout() is not None:
            yield from layout_widgets(item.layout())


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def name(widget: QWidget) -> str:
    text = widget.accessibleName() or widget.objectName()
    if not text and hasattr(widget, "text"):
        try:
            text = widget.text()
        except TypeError:
            text = ""
    return f"{type(widget).__name__}({text[:40]!r})"


def problems_in(window: QWidget, where: str) -> list[str]:
    found: list[str] = []
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if frame.width() > area.width() or frame.height() > area.height():
        found.append(
            f"{where}: window {frame.width()}×{frame.height()} on a screen of "
            f"{area.width()}×{area.height()}"
        )
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QScrollArea) and widget.widgetResizable():
            bar = widget.horizontalScrollBar()
            if bar.maximum() > 0:
                page = name(widget.widget())
                found.append(f"{where}: {page} scrolls sideways by {bar.maximum()}")
        layout = widget.layout()
        if layout is None or isinstance(widget, QAbstractScrollArea):
            continue
        shown = [w for w in layout_widgets(layout) if w.isVisible() and w.parentWidget() is widget]
        for i, first in enumerate(shown):
            for second in shown[i + 1 :]:
                overlap = first.geometry().intersected(second.geometry())
                if overlap.width() > 1 and overlap.height() > 1:
                    found.append(f"{where}: {name(first)} overlaps {name(second)}")
    return found


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def main() -> int:
    db, language = Path(sys.argv[1]), sys.argv[2]
    shots = Path(sys.argv[3]) if len(sys.argv) > 3 else None
    from desktop_app.domain.model import Language, Status
    from desktop_app.storage.repository import AssessmentRepository
    from desktop_app.ui.app import create_application
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.opening import load_window_content, window_context
    from desktop_app.ui.settings import Settings
    from desktop_app.ui.translations import install_translators

    app = create_application(["probe"])
    install_translators(app, Language(language))
    store = QSettings(str(db.with_suffix(".ini")), QSettings.Format.IniFormat)
    settings = Settings(store)
    settings.identity_asked = True
    content = load_window_content(settings)
    context = window_context(AssessmentRepository.open(db), content, settings)
    context.language = Language(language)
    found: list[str] = []

    def shot(widget: QWidget, label: str) -> None:
        if shots is not None:
            widget.grab().save(str(shots / f"{label}-{language}.png"))

    window = MainWindow(context)
    window.show()
    settle(app)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(app)
        found += problems_in(window, f"main window, tab {index}")
        if index == 0:
            shot(window, "register-200")
    rows = context.service.repository.list_summaries()
    draft = next(r for r in rows if r.status is Status.DRAFT)
    reviewed = next(r for r in rows if r.status in (Status.IN_REVIEW, Status.APPROVED))
    editor = window.open_assessment(draft.id)
    settle(app)
    for key in list(editor.navigation._items):
        editor.show_page(key)
        settle(app)
        found += problems_in(editor, f"editor, {key[0]} {key[1]}")
        if key == ("ground", "age"):
            shot(editor, "editor-ground-200")
        if key == ("step", "measures"):
            shot(editor, "measures-200")
    returned = next((r for r in rows if r.status is Status.RETURNED), None)
    if returned is not None:  # with the review's comments above the page
        editor = window.open_assessment(returned.id)
        settle(app)
        for key in (("step", "decision"), ("step", "measures")):
            editor.show_page(key)
            settle(app)
            found += problems_in(editor, f"returned editor, {key[0]} {key[1]}")
    review = window.open_assessment(reviewed.id)
    settle(app)
    found += problems_in(review, "review window")
    shot(review, "review-200")
    approved = next(r for r in rows if r.status is Status.APPROVED)
    for make, label in dialogs(window, context, context.service.repository.get(approved.id)):
        dialog = make()
        dialog.show()
        settle(app)
        found += problems_in(dialog, label)
        dialog.close()
    print(json.dumps(found, ensure_ascii=False, indent=1))
    return 0


def dialogs(window, context, approved):
    from desktop_app.ui.backups_dialog import BackupsDialog
    from desktop_app.ui.first_run import FirstRunDialog
    from desktop_app.ui.help_menu import about_dialog, guide_dialog, shortcuts_dialog
    from desktop_app.ui.new_assessment_dialog import NewAssessmentDialog
    from desktop_app.ui.register.evaluation_dialog import EvaluationDialog
    from desktop_app.ui.report_dialog import ReportDialog
    from desktop_app.ui.revisions.history_dialog import HistoryDialog
    from desktop_app.ui.revisions.revisions_dialog import RevisionsDialog
    from desktop_app.ui.settings_dialog import SettingsDialog

    path = context.service.repository.path
    return [
        (lambda: SettingsDialog(context, window), "settings dialog"),
        (lambda: FirstRunDialog(context, window), "first-run dialog"),
        (lambda: ReportDialog(context, window), "report dialog"),
        (lambda: NewAssessmentDialog(context, window), "new assessment dialog"),
        (lambda: guide_dialog(context.language, window), "user guide"),
        (lambda: shortcuts_dialog(window, window), "shortcuts"),
        (lambda: about_dialog(path, window), "about"),
        (lambda: BackupsDialog(window.data_actions, window), "backups"),
        (lambda: EvaluationDialog(context, window.followups, approved, window), "evaluation"),
        (lambda: HistoryDialog(context, approved, [], None, window), "history"),
        (lambda: RevisionsDialog(context, approved, [], window), "revisions"),
    ]


if __name__ == "__main__":
    sys.exit(main())
