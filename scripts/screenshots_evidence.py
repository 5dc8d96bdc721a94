"""Screenshots of the statistics tables and evidence (issue 17), offscreen, from the demo.

.venv/bin/python scripts/screenshots_evidence.py [--lang sv|nb|en] [--out docs/screenshots]
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo_session import demo_session
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from desktop_app.app.service import Identity
from desktop_app.ui.editor.editor_window import EditorWindow
from desktop_app.ui.review.review_window import ReviewWindow


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
    session = demo_session(Identity("Máret Čuđe-Šolli", "maret"))
    context, out, lang = session.context, session.out, session.language.value
    school = session.repository.get(1)  # the school merger: approved, with tables and files
    editor = EditorWindow(context, school)
    editor.resize(1300, 900)
    editor.show()
    page = editor.show_page(("step", "decision"))
    scroll_to(page, page.statistics)
    save(editor, out / f"i17-statistics-{lang}.png")
    scroll_to(page, page.evidence)
    save(editor, out / f"i17-evidence-{lang}.png")
    editor.close()
    review = ReviewWindow(context, school)
    review.resize(1300, 900)
    review.show()
    QApplication.processEvents()
    review.browser.scrollToAnchor("step:decision")
    save(review, out / f"i17-review-evidence-{lang}.png")
    review.close()


if __name__ == "__main__":
    main()
