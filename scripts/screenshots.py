"""Take the README's screenshots from a fresh demo register, offscreen.

.venv/bin/python scripts/screenshots.py [--lang sv|nb|en] [--out docs/screenshots]
    [--only main|register|review|revisions]

The revision comparison and the audit history come from ``screenshots_revisions``.
The register's screenshots (i8-*) use the curated demo plus 3,000 generated
assessments, so that search, filters, follow-up and overview have something to show.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from screenshots_revisions import revision_screenshots

from desktop_app.app.demo import load_demo
from desktop_app.app.generator import generate
from desktop_app.app.service import AssessmentService, Identity
from desktop_app.checklists.guide import load_content
from desktop_app.domain.model import Direction, Language, Relevance, Status
from desktop_app.domain.review import CommentTarget
from desktop_app.storage.bulk import bulk_insert
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.ui.app import create_application
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.editor_window import EditorWindow
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.review.review_window import ReviewWindow
from desktop_app.ui.settings import Settings
from desktop_app.ui.tasks import ImmediateRunner
from desktop_app.ui.translations import install_translators


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="sv", choices=[lang.value for lang in Language])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--only", choices=("main", "register", "review", "revisions"))
    args = parser.parse_args()
    app = create_application()
    install_translators(app, Language(args.lang))  # the window speaks the chosen language
    work = Path(tempfile.mkdtemp())
    content = load_content()
    repository = AssessmentRepository.open(work / "demo.db")
    load_demo(repository, content)
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    service = AssessmentService(repository, content, Identity("Máret Čuđe-Šolli", "maret"))
    context = UiContext(service=service, settings=settings, language=Language(args.lang))
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "sv" else f"-{args.lang}"

    if args.only in ("register", "review", "revisions"):
        shots = {
            "register": register_screenshots,
            "review": review_screenshots,
            "revisions": revision_screenshots,
        }[args.only]
        shots(context, args.out, suffix)
        repository.close()
        app.quit()
        return

    window = MainWindow(context, runner=ImmediateRunner())
    window.resize(1200, 560)
    window.show()
    window.register_view.table.selectRow(0)
    save(window, args.out / f"main-window{suffix}.png")

    summaries = repository.list_summaries()
    # In review and approved ones open in review mode (below); the editor needs a draft.
    # The draft furthest along, so the page shows answers rather than empty fields.
    drafts = [s for s in summaries if s.language.value == args.lang and s.status.value == "draft"]
    target = max(
        drafts or [s for s in summaries if s.language.value == args.lang],
        key=lambda s: len(repository.get(s.id).answers),
    )
    editor = window.open_assessment(target.id)
    assert isinstance(editor, EditorWindow)
    editor.resize(1200, 900)
    framework = editor.document.checklists[0]
    grounds = editor.document.assessment.grounds
    relevant = [
        g.key for g in framework.grounds
        if g.key in grounds and grounds[g.key].relevance.value == "relevant"
    ]  # fmt: skip
    editor.show_page(("ground", relevant[0] if relevant else framework.grounds[0].key))
    save(editor, args.out / f"editor-ground{suffix}.png")
    editor.close()
    window.close()
    if args.only is None:
        review_screenshots(context, args.out, suffix)
        revision_screenshots(context, args.out, suffix)
        register_screenshots(context, args.out, suffix)
    repository.close()
    app.quit()


def register_screenshots(context: UiContext, out: Path, suffix: str) -> None:
    """The register with a search and filters, the follow-up tab with the evaluation
    dialog, and the overview."""
    repository = context.service.repository
    bulk_insert(repository.db, generate(context.content, 3000), 3000)
    window = MainWindow(context, runner=ImmediateRunner())
    window.resize(1900, 460)
    window.show()
    filters = window.register_view.filters
    filters.search.setText("biblioteken")
    filters._search_now()
    filters.ground.setCurrentIndex(filters.ground.findData("age"))
    filters.impact.setCurrentIndex(filters.impact.findData(Direction.NEGATIVE.value))
    window.register_view.table.selectRow(0)
    save(window, out / f"i8-register{suffix}.png")
    window.resize(1400, 720)
    window.tabs.setCurrentWidget(window.followup_page)
    save(window, out / f"i8-followup{suffix}.png")
    follow = window.followup_view
    rows = [follow.decisions.row_at(i) for i in range(follow.decisions.rowCount())]
    dialog = window.evaluate_assessment(next(r for r in rows if r.open_measures > 1).id)
    assert dialog is not None
    dialog.what_happened.setPlainText(
        "Meröppet infördes i mars. Besöken från byarna ökade igen under hösten, men de "
        "äldsta låntagarna använder fortfarande mest den bemannade tiden."
    )
    save(dialog, out / f"i8-evaluation{suffix}.png")
    dialog.reject()
    window.tabs.setCurrentWidget(window.overview_page)
    window.resize(1400, 900)
    save(window, out / f"i8-overview{suffix}.png")
    window.close()


# A reviewer's comments on the demo assessment in review, in its language.
REVIEW_COMMENTS = {
    "sv": (
        "Underlaget räcker inte för den här grunden: finns det siffror uppdelade per grupp, "
        "och vad säger de som berörs själva?",
        "Vem ansvarar för åtgärden, och är den finansierad för hela perioden?",
    ),
    "nb": (
        "Grunnlaget er for tynt for dette diskrimineringsgrunnlaget: finnes det tall fordelt "
        "på grupper, og hva sier de som berøres selv?",
        "Hvem har ansvaret for tiltaket, og er det finansiert for hele perioden?",
    ),
    "en": (
        "The evidence for this ground is thin: are there figures by group, and what do "
        "the people affected say themselves?",
        "Who is responsible for this measure, and is it funded for the whole period?",
    ),
}


def review_screenshots(context: UiContext, out: Path, suffix: str) -> None:
    """Review mode with a reviewer's comments, then (returned) the editor showing the
    comments in place on the ground's page."""
    service, repository = context.service, context.service.repository
    summaries = repository.list_summaries()
    target = next(
        (s for s in summaries if s.language is context.language and s.status is Status.IN_REVIEW),
        next(s for s in summaries if s.status is Status.IN_REVIEW),
    )
    a = repository.get(target.id)
    ground = next(k for k, g in a.grounds.items() if g.relevance is Relevance.RELEVANT)
    on_ground, on_measure = REVIEW_COMMENTS[a.language.value]
    service.identity = Identity("Henrik Sjödin", "henrik")
    service.review.add_comment(a, CommentTarget.ground(ground), on_ground)
    if a.measures:
        service.review.add_comment(a, CommentTarget.measure(a.measures[0].uid), on_measure)
    window = MainWindow(context, runner=ImmediateRunner())
    review = window.open_assessment(a.id)
    assert isinstance(review, ReviewWindow)
    review.resize(1400, 950)
    review.show()
    QApplication.processEvents()
    review.show_target(CommentTarget.ground(ground))
    save(review, out / f"review-mode{suffix}.png")

    service.review.return_for_changes(a, "")
    review.close()
    service.identity = Identity(a.decision.author or "Máret Čuđe-Šolli", "maret")
    editor = window.open_assessment(a.id)
    assert isinstance(editor, EditorWindow)
    editor.resize(1400, 950)
    editor.show_page(("ground", ground))
    save(editor, out / f"review-comments-editor{suffix}.png")
    editor.close()
    window.close()


if __name__ == "__main__":
    main()
