"""The layers stay layered: the core never imports Qt, the domain imports no I/O, the
review windows go through the service.

Modules are found by folder, so a new module is checked without being listed here.
Each rule imports its modules in a fresh interpreter in which the forbidden packages
cannot be imported: a module that (directly or through another) reaches one of them at
import time is named in the failure.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import desktop_app

PACKAGE = Path(desktop_app.__file__).parent
UI = PACKAGE / "ui"


def modules_in(folder: Path) -> list[str]:
    """Every module in ``folder`` and below, by dotted name."""
    names = []
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


# Core modules that may use QtCore (never widgets): none since locations.py uses
# platformdirs; kept so that an exception would be named here.
QTCORE_ONLY: tuple[str, ...] = ()


def core_modules() -> list[str]:
    """Everything but the GUI: the command line must run without Qt."""
    return [m for m in modules_in(PACKAGE) if not m.startswith("desktop_app.ui")]


_BLOCKED_IMPORTS = """
import importlib, json, sys

forbidden, modules = json.loads(sys.argv[1]), json.loads(sys.argv[2])
attempts = []

class Block:
    def find_spec(self, name, path=None, target=None):
        if any(name == f or name.startswith(f + ".") for f in forbidden):
            attempts.append(name)
            raise ImportError(f"{name} is forbidden here")
        return None

sys.meta_path.insert(0, Block())
found = {}
for module in modules:
    attempts.clear()
    try:
        importlib.import_module(module)
    except ImportError:
        pass
    if attempts:
        found[module] = sorted(set(attempts))
print(json.dumps(found))
"""


def blocked_imports(modules: list[str], forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    """{module: the forbidden packages its import reached}, for those that reach any."""
    result = subprocess.run(
        [sys.executable, "-c", _BLOCKED_IMPORTS, json.dumps(forbidden), json.dumps(modules)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


QT = ("PySide6", "shiboken6")
IO = ("sqlite_utils", "sqlite3", "reportlab", "yaml")
OUTER = (
    "desktop_app.storage",
    "desktop_app.reports",
    "desktop_app.ui",
    "desktop_app.commands",
    "desktop_app.cli",
    "desktop_app.app",
    "desktop_app.checklists",
)


def test_modules_are_found_by_folder() -> None:
    core = core_modules()
    for module in (
        "desktop_app.domain.review",
        "desktop_app.domain.audit",
        "desktop_app.domain.diff",
        "desktop_app.domain.identity",
        "desktop_app.app.review",
        "desktop_app.storage.audit",
        "desktop_app.storage.review",
        "desktop_app.storage.review_schema",
        "desktop_app.storage.imports",
        "desktop_app.commands.review",
        "desktop_app.commands.audit",
    ):
        assert module in core
    assert "desktop_app.ui.review.review_window" in modules_in(UI / "review")
    assert not [m for m in core if m.startswith("desktop_app.ui")]


def test_the_check_finds_a_forbidden_import() -> None:
    """Without this, a check that blocked nothing would pass every rule."""
    found = blocked_imports(["desktop_app.ui.revisions.history_model"], QT)
    assert "PySide6" in found["desktop_app.ui.revisions.history_model"]


def test_core_modules_do_not_import_qt() -> None:
    core = [m for m in core_modules() if m not in QTCORE_ONLY]
    assert blocked_imports(core, QT) == {}
    gui = ("PySide6.QtGui", "PySide6.QtWidgets")
    assert blocked_imports(list(QTCORE_ONLY), gui) == {}


def test_domain_imports_no_io_and_no_outer_layer() -> None:
    assert blocked_imports(modules_in(PACKAGE / "domain"), QT + IO + OUTER) == {}


def test_reports_import_no_storage_and_no_gui() -> None:
    forbidden = (*QT, "sqlite_utils", "sqlite3", "desktop_app.storage", "desktop_app.ui")
    assert blocked_imports(modules_in(PACKAGE / "reports"), forbidden) == {}


def test_storage_imports_no_outer_layer() -> None:
    forbidden = (
        *QT,
        "reportlab",
        "desktop_app.reports",
        "desktop_app.ui",
        "desktop_app.commands",
        "desktop_app.cli",
        "desktop_app.app",
    )
    assert blocked_imports(modules_in(PACKAGE / "storage"), forbidden) == {}


def imported_names(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("folder", ["review", "revisions"])
def test_review_windows_reach_storage_only_through_the_service(folder: str) -> None:
    """The review and revision windows call the service (``service.review``); what
    the register stores, and how, is not their business."""
    reaching = {
        path.name: sorted(n for n in imported_names(path) if n.startswith("desktop_app.storage"))
        for path in sorted((UI / folder).glob("*.py"))
    }
    assert {name: found for name, found in reaching.items() if found} == {}


# The window and the command line: every module of them calls the application layer
# (``desktop_app.app``) and never the storage engine behind it.
OUTER_FILES = sorted(
    [
        *UI.rglob("*.py"),
        *(PACKAGE / "commands").rglob("*.py"),
        PACKAGE / "cli.py",
        PACKAGE / "__main__.py",
    ]
)
STORAGE_AND_DRIVERS = ("desktop_app.storage", "sqlite3", "sqlite_utils")


def storage_reached(path: Path) -> list[str]:
    """What ``path`` imports of storage or a database driver, and where it reaches an
    application service's storage (``….repository``) itself."""
    found = sorted(
        name
        for name in imported_names(path)
        if any(name == f or name.startswith(f + ".") for f in STORAGE_AND_DRIVERS)
    )
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found += [
        f"line {node.lineno}: .repository"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "repository"
    ]
    return found


def test_outer_files_are_found() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in OUTER_FILES}
    assert {"cli.py", "commands/data.py", "ui/startup.py", "ui/register/overview_view.py"} <= names


def test_the_storage_check_finds_storage_use(tmp_path: Path) -> None:
    """Without this, a check that found nothing would pass every module."""
    module = tmp_path / "window.py"
    module.write_text(
        "import sqlite3\n"
        "from desktop_app.storage.repository import AssessmentRepository\n"
        "def f(service):\n"
        "    from sqlite_utils import Database\n"
        "    return service.repository.get(1)\n",
        encoding="utf-8",
    )
    found = storage_reached(module)
    assert "sqlite3" in found
    assert "sqlite_utils" in found
    assert "desktop_app.storage.repository" in found
    assert "line 5: .repository" in found


def test_ui_and_cli_reach_storage_only_through_the_application_layer() -> None:
    """The window and the CLI use ``desktop_app.app`` (services, ``registers``,
    ``backups``, ``errors``); storage could be swapped behind its ports."""
    reaching = {path.relative_to(PACKAGE).as_posix(): storage_reached(path) for path in OUTER_FILES}
    assert {name: found for name, found in reaching.items() if found} == {}


def test_the_application_layer_imports_no_gui_and_no_cli() -> None:
    forbidden = (*QT, "desktop_app.ui", "desktop_app.commands", "desktop_app.cli")
    assert blocked_imports(modules_in(PACKAGE / "app"), forbidden) == {}


def test_the_default_data_folder_is_found_without_qt(tmp_path: Path) -> None:
    """The CLI finds the default register without importing Qt, in the folder Qt's
    AppLocalDataLocation names (on Linux ``$XDG_DATA_HOME/Lika``)."""
    script = (
        "import sys; from desktop_app.locations import default_database_path; "
        "print(default_database_path()); "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    env = {"PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(tmp_path), "LIKA_DEFAULTS": ""}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    path, qt = result.stdout.split()
    assert Path(path) == tmp_path / "Lika" / "lika.db"
    assert qt == "False"


def private_reaches(path: Path) -> list[str]:
    """Where ``path`` uses another object's private member (``x._name``, x not self)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
        ):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def test_the_private_check_finds_a_reach(tmp_path: Path) -> None:
    module = tmp_path / "service.py"
    module.write_text("def f(self):\n    return self._service._clock()\n", encoding="utf-8")
    assert private_reaches(module) == ["line 2: self._service._clock"]


def test_application_services_use_only_each_others_public_members() -> None:
    """The assessment and review services (and every other use case) talk through
    public methods and ``review.Workbench``; neither imports the other's privates."""
    reaching = {path.name: private_reaches(path) for path in sorted((PACKAGE / "app").glob("*.py"))}
    assert {name: found for name, found in reaching.items() if found} == {}
    assert "desktop_app.app.service" not in imported_names(PACKAGE / "app" / "review.py")
