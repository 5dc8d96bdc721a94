"""A whole working session, watched for any use of the network.

    python -m tests.drivers.full_session WORKDIR
    python -m tests.drivers.full_session --canary    (tries to connect; must be seen)

An audit hook (installed before anything else is imported) records every socket
event Python raises: creating a socket, connecting, binding, name lookups. Then the
session runs the command line (demo, list, export, import, check, backup, export-pdf)
and the window (start, open an assessment, type, export, import, back up, close).
The last line printed is a JSON list of the socket events seen; it must be empty.
"""

from __future__ import annotations

import sys

SEEN: list[str] = []


def _watch(event: str, args: tuple[object, ...]) -> None:
    if event.startswith("socket."):
        SEEN.append(f"{event} {args!r}"[:200])


sys.addaudithook(_watch)

import contextlib
import io
import json
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
EXCHANGE_FILE = Path(__file__).resolve().parents[1] / "data" / "exchange" / "valid.json"


def cli(*args: str) -> None:
    from desktop_app.__main__ import main

    with contextlib.redirect_stdout(io.StringIO()):
        code = main(list(args))
    if code != 0:
        raise SystemExit(f"lika {' '.join(args)} failed with {code}")


def session(work: Path) -> None:
    db = work / "lika.db"
    cli("demo", "--db", str(db))
    cli("list", "--db", str(db), "--format", "json")
    cli("export", "1", "--db", str(db), "--out", str(work / "one.json"))
    cli("import", str(work / "one.json"), "--as-new", "--db", str(db))
    cli("check", "--db", str(db))
    cli("backup", "--db", str(db), "--out", str(work / "copy.db"))
    cli("export-pdf", "1", "--db", str(db), "--out", str(work / "one.pdf"))

    from PySide6.QtWidgets import QApplication

    from desktop_app.storage.backup import Reason
    from desktop_app.ui.app import create_application, start_window
    from desktop_app.ui.settings import Settings
    from desktop_app.ui.tasks import ImmediateRunner

    app = create_application()
    window = start_window(db, Settings())
    assert not isinstance(window, int)
    window.data_actions.runner = ImmediateRunner()
    draft = next(s for s in window.context.service.repository.list_summaries()
                 if s.status.value == "draft")  # fmt: skip
    editor = window.open_assessment(draft.id)
    assert editor is not None
    editor.document.set_value(("decision", "title"), "Ändrad utan nätverk")
    editor.document.save_now()
    editor.show_page(("step", "conclusion"))
    window.data_actions.export_to(draft.id, work / "two.json")
    window.data_actions.import_file(EXCHANGE_FILE)
    window.data_actions.backup_now(Reason.MANUAL)
    editor.pdf_export.export(work / "two.pdf")
    QApplication.processEvents()
    window.close()
    app.quit()


def canary() -> None:
    """What the watcher reports when a program does use the network (a test of the test)."""
    import socket

    with contextlib.suppress(OSError), socket.create_connection(("192.0.2.1", 9), timeout=0.01):
        pass


if __name__ == "__main__":
    if sys.argv[1] == "--canary":
        canary()
    else:
        session(Path(sys.argv[1]))
    print(json.dumps(SEEN), flush=True)
