"""Screenshot of the portfolio report dialog for the README (docs/screenshots/i5-*).

.venv/bin/python scripts/screenshot_report_dialog.py
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
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
from desktop_app.ui.report_dialog import ReportDialog
from desktop_app.ui.settings import Settings


def main() -> None:
    create_application()
    work = Path(tempfile.mkdtemp())
    content = load_content()
    repository = AssessmentRepository.open(work / "demo.db")
    load_demo(repository, content)
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    service = AssessmentService(repository, content, Identity("Demo", "demo"))
    context = UiContext(service=service, settings=settings, language=Language.SV)
    dialog = ReportDialog(context, today=date(2026, 11, 23))
    dialog.open_when_done.setChecked(True)
    dialog.show()
    QApplication.processEvents()
    out = Path("docs/screenshots/i5-report-dialog.png")
    dialog.grab().save(str(out))
    print(f"wrote {out}")
    repository.close()


if __name__ == "__main__":
    main()
