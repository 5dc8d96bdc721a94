"""Screenshots of the data-safety dialogs for the README, offscreen, from a demo register.

.venv/bin/python scripts/screenshots_data.py [--lang sv|nb|en] [--out docs/screenshots]

Writes data-conflict.png (two writers), data-backups.png (the backups dialog) and
data-damaged.png (start-up on a damaged register, with a backup offered).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.app.demo import load_demo
from desktop_app.app.service import AssessmentService, Identity
from desktop_app.checklists.guide import load_content
from desktop_app.domain import merge
from desktop_app.domain.model import Language
from desktop_app.storage import backup, checks
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.ui.app import create_application
from desktop_app.ui.backups_dialog import BackupsDialog
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.conflict_dialog import ConflictDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import Settings
from desktop_app.ui.startup import MessageBoxDialogs, advice
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
    args = parser.parse_args()
    app = create_application()
    install_translators(app, Language(args.lang))
    work = Path(tempfile.mkdtemp())
    content = load_content()
    db_path = work / "lika.db"
    repository = AssessmentRepository.open(db_path)
    load_demo(repository, content)
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    service = AssessmentService(repository, content, Identity("Máret Čuđe-Šolli", "maret"))
    context = UiContext(service=service, settings=settings, language=Language(args.lang))
    args.out.mkdir(parents=True, exist_ok=True)

    window = MainWindow(context)
    window.data_actions.runner = ImmediateRunner()
    window.show()

    # Two writers: this window and another PC changed the same draft.
    draft = max(
        (s for s in repository.list_summaries() if s.status.value == "draft"),
        key=lambda s: len(repository.get(s.id).grounds),
    )
    editor = window.open_assessment(draft.id)
    assert editor is not None
    base = repository.get(draft.id)
    other = repository.get(draft.id)
    other.decision.title = other.decision.title + " (reviderad)"
    other.decision.decision_date = (other.decision.decision_date or datetime.now().date()) + (
        timedelta(days=14)
    )
    repository.save(other)
    mine = editor.document.assessment
    mine.decision.description += " Nattöppet på lördagar ingår i förslaget."
    first_ground = next(iter(mine.grounds))
    mine.grounds[first_ground].justification += " Kompletterat efter samrådet med Sámiid Searvi."
    dialog = ConflictDialog(
        context,
        editor.document.checklists,
        mine,
        other,
        merge.changes(other, mine),
        {c.path for c in merge.changes(base, mine)},
        {c.path for c in merge.changes(base, other)},
        editor,
    )
    dialog.show()
    suffix = "" if args.lang == "sv" else f"-{args.lang}"
    save(dialog, args.out / f"data-conflict{suffix}.png")
    dialog.close()
    editor.document.take_theirs(other)
    editor.close()

    # The backups dialog, with a few backups of different kinds.
    for days, reason in [
        (3, backup.Reason.MIGRATION),
        (2, backup.Reason.START),
        (1, backup.Reason.DAILY),
    ]:
        changed = repository.get(draft.id)
        changed.decision.unit += "."
        repository.save(changed)
        backup.make_backup(db_path, reason, now=datetime.now() - timedelta(days=days))
    backup.make_backup(db_path, backup.Reason.MANUAL)
    backups = BackupsDialog(window.data_actions, window)
    backups.show()
    save(backups, args.out / f"data-backups{suffix}.png")
    backups.close()

    # Start-up on a damaged register: the dialog offers the newest good backup.
    damaged = work / "damaged" / "lika.db"
    damaged.parent.mkdir()
    copy = AssessmentRepository.open(damaged)
    load_demo(copy, content)
    copy.close()
    backup.make_backup(damaged, backup.Reason.START)
    data = bytearray(damaged.read_bytes())
    for page in range(3, 12):
        data[(page - 1) * 4096 : (page - 1) * 4096 + 16] = b"\xff" * 16
    damaged.write_bytes(bytes(data))
    diagnosis = checks.diagnose(damaged)
    assert diagnosis is not None

    def grab_box() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
        save(box, args.out / f"data-damaged{suffix}.png")
        box.reject()

    QTimer.singleShot(200, grab_box)
    MessageBoxDialogs(damaged).problem(
        diagnosis, advice(diagnosis.problem), backup.newest_good_backup(damaged)
    )
    window.close()
    repository.close()
    app.quit()


if __name__ == "__main__":
    main()
