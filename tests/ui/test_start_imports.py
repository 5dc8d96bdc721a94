"""What the window's start loads (issue 18): the first page waits only for what the
list needs, and a complete start does not load what only the user's actions use.

Checked by the modules the program has loaded at the smoke hook's markers (not by
timings: the machine is shared). Every module loaded is resident memory for the whole
session, and the peak of the start is what issue 18's memory target measures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.safety_helpers import filled_register

ROOT = Path(__file__).resolve().parents[2]

# The memo's composition (the content only needs its sentences' placeholders,
# ``domain.memo_templates``), the CSV writer (the "Export view as CSV" action) and the
# portfolio figures (the date filter's period is made when a filter is applied).
NOT_BEFORE_LISTED = (
    "desktop_app.domain.memo",
    "desktop_app.app.register_export",
    "csv",
    "desktop_app.domain.portfolio",
)
# Exchange files, PDFs carrying one, and the approvals they bring: the import and export
# actions load them.
NOT_AT_START = (
    "desktop_app.domain.memo",
    "desktop_app.app.register_export",
    "desktop_app.app.transfer",
    "desktop_app.app.approvals",
    "desktop_app.storage.exchange",
    "desktop_app.storage.pdf_exchange",
)

# The content and the domain model behind it: with the build's record the list takes its
# words from there (``checklists/list_words.py``), and the content is loaded afterwards.
# Nor ``uuid`` with ``platform`` (about 1.6 ms; new ids are made when something is
# created), which only the schema checks of content without a record load.
NOT_BEFORE_LISTED_WITH_RECORD = (
    "uuid",
    "_hashlib",  # OpenSSL: the content files are compared by size and CRC-32
    "desktop_app.checklists.guide",
    "desktop_app.checklists.loader",
    "desktop_app.domain.model",
    "desktop_app.domain.checklist",
    "desktop_app.domain.vocabulary",
)

# What only writing needs: sqlite-utils (with click and pluggy), the service and the
# repository, and OpenSSL, which ``hashlib`` loads (the audit log's and fingerprints'
# hashes are made when something is written or printed).
NOT_BEFORE_WRITING = (
    "sqlite_utils",
    "click",
    "pluggy",
    "hashlib",
    "_hashlib",
    "desktop_app.app.service",
    "desktop_app.storage.repository",
    "desktop_app.storage.migrations",
)

SCRIPT = """
import json, pathlib, sys
from desktop_app.checklists import trusted
real = trusted.resource_path
record = pathlib.Path(sys.argv.pop(1))
trusted.resource_path = lambda *p: record if p == (trusted.RECORD_NAME,) else real(*p)
from desktop_app.ui import opening_page, smoke_hook
opening_page.DRAW_WAIT_MS = 60_000  # the markers come from the paints, however slow the machine
said = smoke_hook._say
def say(line):
    said(line)
    if line in (smoke_hook.MARKER, smoke_hook.READY_MARKER, smoke_hook.STARTED_MARKER):
        from PySide6 import QtCore, QtWidgets  # and the classes PySide6 has set up
        types = ['qt-type:' + k for k, v in vars(QtWidgets).items() if isinstance(v, type)]
        types += ['qt-type:' + k for k, v in vars(QtCore).items() if isinstance(v, type)]
        print('modules:', json.dumps(sorted([*sys.modules, *types])), flush=True)
smoke_hook._say = say
from desktop_app.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, content) -> dict[str, set[str]]:
    """The modules loaded when the register was listed and when the start was complete,
    in the program as the user starts it from a source checkout without a record."""
    tmp_path = tmp_path_factory.mktemp("start")
    return modules_at_markers(tmp_path, content, tmp_path / "no-record.json")


@pytest.fixture(scope="module")
def loaded_with_record(tmp_path_factory, content) -> dict[str, set[str]]:
    """The same with the build's record of the content (as in the installed app)."""
    from desktop_app.checklists import trusted

    tmp_path = tmp_path_factory.mktemp("start-record")
    record = tmp_path / trusted.RECORD_NAME
    trusted.write_record(record)
    return modules_at_markers(tmp_path, content, record)


def modules_at_markers(tmp_path: Path, content, record: Path) -> dict[str, set[str]]:
    path = filled_register(tmp_path / "lika.db", content, count=3)
    sys.path.insert(0, str(ROOT / "packaging"))
    from smoke_test import isolated_environment

    env = isolated_environment(tmp_path / "home")
    env.update(LIKA_SMOKE_TEST_QUIT_AFTER_SHOW="1", QT_QPA_PLATFORM="offscreen",
               LIKA_DEFAULTS="", PYTHONPATH=str(ROOT))  # fmt: skip
    env.pop("PYSIDE6_OPTION_LAZY", None)  # 0 would set up every class at import
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(record), "--db", str(path)], env=env,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    found: dict[str, set[str]] = {}
    markers: list[str] = []
    for line in result.stdout.splitlines():
        if line.startswith("LIKA_SMOKE_TEST: "):
            markers.append(line)
        elif line.startswith("modules: "):
            found[markers[-1]] = set(json.loads(line.removeprefix("modules: ")))
    assert markers == [  # each once, in this order (with the record from one paint)
        "LIKA_SMOKE_TEST: main window shown",
        "LIKA_SMOKE_TEST: register listed",
        "LIKA_SMOKE_TEST: start complete",
    ]
    return found


def test_the_first_page_does_not_wait_for_the_memo_or_the_csv_writer(loaded) -> None:
    listed = loaded["LIKA_SMOKE_TEST: register listed"]
    assert "desktop_app.checklists.guide" in listed  # the content was loaded, its words shown
    assert "desktop_app.domain.memo_templates" in listed
    assert [m for m in NOT_BEFORE_LISTED if m in listed] == []


def test_a_complete_start_leaves_exchange_files_and_approvals_to_the_actions(loaded) -> None:
    started = loaded["LIKA_SMOKE_TEST: start complete"]
    assert "desktop_app.checklists.guide" in started  # loaded for the list's words
    assert [m for m in NOT_AT_START if m in started] == []


def test_a_start_that_lists_the_register_leaves_the_writing_to_the_first_action(
    loaded, loaded_with_record
) -> None:
    """Checked and listed, the register is opened for writing by the first action that
    writes (``ui/opening.listed_context``): a start loads neither sqlite-utils nor the
    service, nor OpenSSL (``hashlib``), nor, with the build's record, the content."""
    for found in (loaded, loaded_with_record):
        started = found["LIKA_SMOKE_TEST: start complete"]
        assert "desktop_app.ui.data_actions" in started  # the start is complete
        assert [m for m in NOT_BEFORE_WRITING if m in started] == []
    started = loaded_with_record["LIKA_SMOKE_TEST: start complete"]
    assert [m for m in NOT_BEFORE_LISTED_WITH_RECORD if m in started] == []


def test_the_first_page_does_not_make_pyside_set_up_every_widget_class(
    loaded_with_record,
) -> None:
    """The first call of a method that returns a plain ``QWidget`` (``viewport()``) makes
    PySide6 set up every widget class with its enums to find the object's own class:
    about 7 ms before the first page, in a start of about 150. ``QWizard``, which Lika
    never uses, stands for them."""
    listed = loaded_with_record["LIKA_SMOKE_TEST: register listed"]
    assert "qt-type:QTableView" in listed
    assert "qt-type:QWizard" not in listed
    assert "qt-type:QMessageBox" not in listed  # set up when a message is shown (1 ms)


@pytest.mark.parametrize("record", [False, True])
def test_the_start_does_not_wait_for_the_qt_namespace_or_the_style(
    record, loaded, loaded_with_record
) -> None:
    """PySide6 builds the 93 enum classes of its ``Qt`` namespace on its first use,
    about 11 ms, and those of ``QStyle`` in about 4: the list, its header, filters,
    date fields and shortcuts are made without them (``ui/register/table_model``,
    ``ui/date_field``, ``ui/flow_layout``, ``ui/shortcuts``); nor does the rest of the
    start need ``Qt`` (the actions, the first-run question): about 1 MB of its peak
    memory (issue 18), set up when something first uses it."""
    found = loaded_with_record if record else loaded
    listed = found["LIKA_SMOKE_TEST: register listed"]
    assert "qt-type:QTableView" in listed and "qt-type:QObject" in listed
    assert [t for t in ("qt-type:Qt", "qt-type:QStyle", "qt-type:QCalendarWidget")
            if t in listed] == []  # fmt: skip
    assert "qt-type:Qt" not in found["LIKA_SMOKE_TEST: start complete"]


def test_the_first_paint_does_not_set_up_the_style_or_the_message_box(loaded) -> None:
    """Listing the application's children (to find the translators) set up QStyle with
    its large enums, about 3 ms before the window was shown; QMessageBox is set up when
    a message is shown. The bare window does neither."""
    shown = loaded["LIKA_SMOKE_TEST: main window shown"]
    assert "qt-type:QMainWindow" in shown
    assert [t for t in ("qt-type:QStyle", "qt-type:QMessageBox") if t in shown] == []


def test_with_the_record_the_first_page_does_not_wait_for_the_content(
    loaded_with_record,
) -> None:
    listed = loaded_with_record["LIKA_SMOKE_TEST: register listed"]
    assert "desktop_app.checklists.list_words" in listed
    assert [m for m in (*NOT_BEFORE_LISTED, *NOT_BEFORE_LISTED_WITH_RECORD) if m in listed] == []
    started = loaded_with_record["LIKA_SMOKE_TEST: start complete"]
    assert [m for m in NOT_AT_START if m in started] == []
