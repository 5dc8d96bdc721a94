"""Screenshots of the statistics tables and evidence (issue 17), offscreen, from the demo.

.venv/bin/python scripts/screenshots_evidence.py [--lang sv|nb|en] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from desktop_app.app.demo import load_demo
from desktop_app.app.service import AssessmentService, Identity
from desktop_app.checklists.guide import load_content
from desktop_app.domain.model import Language
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.ui.app import create_application
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.editor_window import EditorWindow
from desktop_app.ui.review.review_window import ReviewWindow
from desktop_app.ui.settings import Settings
from desktop_app.ui.translations import install_translators


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(f"wrote {path}")


def scroll_to(page: QWidget, child: QWidget) -> None:
    parent = page.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        QApplication.processEvents()
        parent.ensureWidgetVisible(child, 0, 0)
        parent.verticalScrollBar().setValue(child.mapTo(page, child.rect().topLeft()).y())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="sv", choices=[lang.value for lang in Language])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    app = create_application()
    install_translators(app, Language(args.lang))
    work = Path(tempfile.mkdtemp())
    content = load_content()
    repository = AssessmentRepository.open(work / "demo.db")
    load_demo(repository, content)
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    service = AssessmentService(repository, content, Identity("Máret Čuđe-Šolli", "maret"))
    context = UiContext(service, settings, Language(args.lang))
    args.out.mkdir(parents=True, exist_ok=True)
    school = repository.get(1)  # the school merger: approved, with tables and files
    editor = EditorWindow(context, school)
    editor.resize(1300, 900)
    editor.show()
    page = editor.show_page(("step", "decision"))
    scroll_to(page, page.statistics)
    save(editor, args.out / f"i17-statistics-{args.lang}.png")
    scroll_to(page, page.evidence)
    save(editor, args.out / f"i17-evidence-{args.lang}.png")
    editor.close()
    review = ReviewWindow(context, school)
    review.resize(1300, 900)
    review.show()
    QApplication.processEvents()
    review.browser.scrollToAnchor("step:decision")
    save(review, args.out / f"i17-review-evidence-{args.lang}.png")
    review.close()
    del app


if __name__ == "__main__":
    main()
