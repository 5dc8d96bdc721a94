"""What the screenshot scripts share: their options and a window context on a fresh demo
register in a temporary folder (the user's own register and settings are never touched)."""

from __future__ import annotations

import argparse
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop_app.app.demo import load_demo
from desktop_app.app.service import AssessmentService, Identity
from desktop_app.checklists.guide import load_content
from desktop_app.domain.model import Language
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.ui.app import create_application
from desktop_app.ui.context import UiContext
from desktop_app.ui.settings import Settings
from desktop_app.ui.translations import install_translators


@dataclass
class DemoSession:
    app: QApplication
    context: UiContext
    repository: AssessmentRepository
    language: Language
    out: Path  # the folder the screenshots go to (made)
    work: Path  # the temporary folder with the register


def screenshot_options() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="sv", choices=[lang.value for lang in Language])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    return parser.parse_args()


def demo_session(identity: Identity) -> DemoSession:
    """The options, the application in the chosen language, and ``identity`` working on
    the demo register."""
    args = screenshot_options()
    language = Language(args.lang)
    app = create_application()
    install_translators(app, language)
    work = Path(tempfile.mkdtemp())
    content = load_content()
    repository = AssessmentRepository.open(work / "demo.db")
    load_demo(repository, content)
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    service = AssessmentService(repository, content, identity)
    context = UiContext(service=service, settings=settings, language=language)
    args.out.mkdir(parents=True, exist_ok=True)
    return DemoSession(app, context, repository, language, args.out, work)
