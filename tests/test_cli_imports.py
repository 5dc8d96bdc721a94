"""A light command line: each command imports what it uses, no more (issue 18).

Checked by the modules a fresh process has loaded when the command is done (not by
timings: the machine is shared). ``lika --version`` and ``--help`` used to import the
whole CLI (sqlite-utils with click and pluggy, the checklist loader with YAML) before
argparse answered; ``lika list`` loaded and validated every checklist it never shows.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SQLITE_ONLY
from tests.test_portfolio_report import demo_db  # noqa: F401 (a fixture)

# demo_db runs on both engines elsewhere; here the point is what reading a register
# *file* loads (the read-only door, no sqlite-utils), so those tests run on SQLite only.

ROOT = Path(__file__).resolve().parent.parent

# What neither --version nor --help needs: storage, content, services, reports.
HEAVY = (
    "sqlite_utils",
    "click",
    "pluggy",
    "yaml",
    "jsonschema",
    "reportlab",
    "pikepdf",
    "desktop_app.app.service",
    "desktop_app.storage.database",
    "desktop_app.checklists.loader",
    "desktop_app.app.reporting",
)
CONTENT = ("yaml", "jsonschema", "desktop_app.checklists.loader", "desktop_app.checklists.guide")
# What opening the register for writing loads, and ``lika list`` does without when the
# register can be read as it is (``storage.read_door``): sqlite-utils with click and
# pluggy, the migrations, the repository, the domain model.
WRITING = (
    "sqlite_utils",
    "click",
    "pluggy",
    "desktop_app.storage.database",
    "desktop_app.storage.migrations",
    "desktop_app.storage.repository",
    "desktop_app.storage.rows",
    "desktop_app.storage.audit",
    "desktop_app.domain.model",
    "desktop_app.app.service",
    "desktop_app.app.ports",
)


def run_in_process(
    args: list[str], prelude: str = "", env: dict[str, str] | None = None
) -> tuple[object, set[str]]:
    """``lika ARGS`` in a process of its own, after the Python code ``prelude`` and with
    the environment ``env`` (else this one's): what ``main`` returned (or a string naming
    the ``SystemExit`` it raised, never equal to a code it returns) and the modules then
    loaded."""
    code = (
        "import json, sys\n"
        f"{prelude}"
        "from desktop_app.__main__ import main\n"
        "try:\n"
        f"    code = main({args!r})\n"
        "except SystemExit as stop:\n"
        "    code = f'SystemExit({stop.code!r})'\n"
        "sys.stdout.flush()\n"
        "print('\\nMODULES' + json.dumps([code, sorted(sys.modules)]), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
        env=env,
    )
    line = next(x for x in result.stderr.splitlines() if x.startswith("MODULES"))
    exit_code, loaded = json.loads(line.removeprefix("MODULES"))
    return exit_code, set(loaded)


def modules_after(args: list[str]) -> set[str]:
    """The modules loaded once ``lika ARGS`` has run, in a process of its own."""
    return run_in_process(args)[1]


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["list", "--help"],
    ],
)
def test_version_and_help_import_no_storage_content_or_reports(args):
    loaded = modules_after(args)
    assert sorted(m for m in HEAVY if m in loaded) == []


@SQLITE_ONLY
def test_list_reads_the_register_without_loading_content(demo_db):  # noqa: F811
    loaded = modules_after(["list", "--db", str(demo_db), "--search", "kommunen"])
    assert "desktop_app.storage.register" in loaded  # it did list
    assert sorted(m for m in CONTENT if m in loaded) == []
    assert not any(m.startswith(("reportlab", "pikepdf")) for m in loaded)


@SQLITE_ONLY
@pytest.mark.parametrize("options", [[], ["--search", "kommunen"], ["--format", "csv"]])
def test_list_reads_an_up_to_date_register_without_what_writing_needs(
    demo_db,  # noqa: F811
    options,
):
    loaded = modules_after(["list", "--db", str(demo_db), *options])
    assert "desktop_app.storage.read_door" in loaded  # it did list, through that door
    assert sorted(m for m in WRITING if m in loaded) == []
    commands = {m for m in loaded if m.startswith("desktop_app.commands.")}
    assert commands == {f"desktop_app.commands.{m}" for m in ("assessments", "base", "terminal")}


def test_the_command_table_names_each_module_s_commands():
    """``cli.COMMANDS`` says which module adds a command; a command missing from it is
    still parsed (by the whole parser), one under the wrong module would not be."""
    import argparse
    import importlib
    import pkgutil

    import desktop_app.commands
    from desktop_app.cli import COMMANDS

    found = {}
    for info in pkgutil.iter_modules(desktop_app.commands.__path__):
        module = importlib.import_module(f"desktop_app.commands.{info.name}")
        if hasattr(module, "register"):
            commands = argparse.ArgumentParser().add_subparsers()
            module.register(commands, argparse.ArgumentParser(add_help=False))
            found[info.name] = tuple(commands.choices)
    assert found == COMMANDS


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--db", "x.db", "--search", "skola", "--format", "csv"],
        ["--db", "x.db", "list", "--status", "approved", "--ascending"],
        ["--db=x.db", "list", "--db", "y.db"],
        ["--db", "list", "list"],
        ["export-pdf", "3", "--out", "a.pdf"],
        ["approve", "2", "--as", "Bo"],
        ["check"],
    ],
)
def test_a_command_parses_the_same_with_its_own_module_alone(argv):
    from desktop_app.cli import build_parser, command_named

    assert command_named(argv) is not None
    alone = build_parser(command_named(argv)).parse_args(argv)
    assert vars(alone) == vars(build_parser().parse_args(argv))


def test_version_is_answered_before_the_command_line_loads():
    loaded = modules_after(["--version"])
    assert "desktop_app.cli" not in loaded and "argparse" not in loaded


@SQLITE_ONLY
def test_export_pdf_declares_pdfa_without_the_pdfa_validator(demo_db, tmp_path):  # noqa: F811
    """The PDF/A declaration is a few ms of work; ``pikepdf.pdfa`` (its validator, with
    jsonschema and fontTools' tables) cost about a second of imports per export."""
    out = tmp_path / "one.pdf"
    loaded = modules_after(["export-pdf", "1", "--db", str(demo_db), "--out", str(out)])
    assert "desktop_app.reports.pdfa" in loaded and out.is_file()  # it did export
    assert not any(m.startswith("pikepdf.pdfa") for m in loaded)
