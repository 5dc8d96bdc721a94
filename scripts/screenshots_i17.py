"""Screenshots of decision types and conditional questions (issue 17), offscreen.

.venv/bin/python scripts/screenshots_i17.py [--out docs/screenshots]

The New dialog with a decision type chosen (its modules ticked), and the Sami ground of
a demo assessment in the editor, where the follow-up questions on consultation appear
only after "could the matter be of particular importance to the Sami?".
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
from desktop_app.domain.model import Language, Status
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.ui.app import create_application
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.editor_window import EditorWindow
from desktop_app.ui.new_assessment_dialog import NewAssessmentDialog
from desktop_app.ui.settings import Settings
from desktop_app.ui.translations import install_translators


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    out = parser.parse_args().out
    create_application([])
    app = QApplication.instance()
    install_translators(app, Language.SV)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        content = load_content()
        repository = AssessmentRepository.open(work / "demo.db")
        load_demo(repository, content)
        settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
        service = AssessmentService(repository, content, Identity("Máret Čuđe-Šolli", "maret"))
        context = UiContext(service=service, settings=settings, language=Language.SV)

        dialog = NewAssessmentDialog(context)
        dialog.title.setText("Ny detaljplan för Sjövik")
        dialog.decision_type.setCurrentIndex(dialog.decision_type.findData("physical_planning"))
        dialog.resize(760, 520)
        dialog.show()
        save(dialog, out / "i17-new-dialog-decision-type.png")

        summaries = repository.list_summaries()
        assessment = next(
            a
            for a in (repository.get(s.id) for s in summaries)
            if "sami.importance" in a.answers and a.status is Status.DRAFT
        )
        editor = EditorWindow(context, assessment)
        editor.resize(1360, 900)
        editor.show()
        editor.show_page(("ground", "sami"))
        save(editor, out / "i17-branching-questions.png")
        repository.close()


if __name__ == "__main__":
    main()
