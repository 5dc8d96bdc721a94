"""Screenshots of the guided assessment (issue 3) for the README, offscreen.

.venv/bin/python scripts/screenshots_guided.py [--out docs/screenshots]

For Swedish and Norwegian Bokmål: the navigation pane with what is left, a ground page
with the guidance pane, the screening page with suggestions, and the memo text. Uses a
demo assessment in that language, shown as an unfinished draft (nothing is saved).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.app.demo import load_demo
from desktop_app.app.service import AssessmentService, Identity
from desktop_app.checklists.guide import load_content
from desktop_app.domain.model import Language, Relevance, Status
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.ui.app import create_application
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.editor_window import MEMO_PAGE, EditorWindow
from desktop_app.ui.settings import Settings
from desktop_app.ui.translations import install_translators


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(f"wrote {path}")


def shoot(language: Language, out: Path, work: Path) -> None:
    app = QApplication.instance()
    install_translators(app, language)
    content = load_content()
    repository = AssessmentRepository.open(work / f"demo-{language.value}.db")
    load_demo(repository, content)
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    service = AssessmentService(repository, content, Identity("Máret Čuđe-Šolli", "maret"))
    context = UiContext(service=service, settings=settings, language=language)
    candidates = [repository.get(s.id) for s in repository.list_summaries()]
    assessment = max(
        (a for a in candidates if a.language is language),
        key=lambda a: (len(a.modules), len(a.decision.description)),
    )
    # Shown as work in progress: a draft with a few things still to do.
    assessment.status = Status.DRAFT
    relevant = [k for k, g in assessment.grounds.items() if g.relevance is Relevance.RELEVANT]
    assessment.grounds[relevant[-1]].direction = None
    assessment.conclusion.summary = ""
    editor = EditorWindow(context, assessment)
    editor.resize(1360, 860)
    editor.show()
    suffix = language.value

    editor.show_page(("step", "grounds"))
    left = editor.navigation.parentWidget().parentWidget()
    save(left, out / f"i3-navigation-{suffix}.png")
    save(editor, out / f"i3-screening-{suffix}.png")

    page = editor.show_page(("ground", relevant[0]))
    question = page.ground.questions[0]
    box = next(
        w
        for w in page.findChildren(QWidget)
        if w.accessibleDescription().startswith(context.local(question.guidance)[:40])
    )
    editor.guidance.show_for(box)
    editor._containers[("ground", relevant[0])].ensureWidgetVisible(box, 0, 200)
    save(editor, out / f"i3-ground-guidance-{suffix}.png")

    editor.show_page(MEMO_PAGE)
    save(editor, out / f"i3-memo-{suffix}.png")
    editor.document.undo_stack.clear()
    editor.hide()
    editor.deleteLater()
    repository.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    app = create_application()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="lika-shots-"))
    for language in (Language.SV, Language.NB):
        shoot(language, args.out, work)
    app.quit()


if __name__ == "__main__":
    main()
