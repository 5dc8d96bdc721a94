"""The organisation's defaults file that IT ships (docs/it-deployment.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.defaults import (
    DefaultsError,
    OrganisationDefaults,
    candidate_files,
    load_defaults,
    parse_file,
    system_file,
)
from desktop_app.domain.errors import InputError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_complete_file(tmp_path):
    path = write(
        tmp_path / "defaults.ini",
        "# Lika for Exempelby\n"
        "[lika]\n"
        "organisation = Exempelby kommun – Socialförvaltningen\n"
        "framework = no-ldl\n"
        f"database_folder = {tmp_path / 'register'}\n"
        "checklist_folder = egna-checklistor\n",
    )
    defaults = parse_file(path)
    assert defaults.organisation == "Exempelby kommun – Socialförvaltningen"
    assert defaults.framework == "no-ldl"
    assert defaults.database_folder == tmp_path / "register"
    # A relative folder is taken from where the file is, so IT can ship both together.
    assert defaults.checklist_folder == tmp_path / "egna-checklistor"
    assert defaults.where("framework") == f"{path}, line 4"


def test_an_empty_value_leaves_the_built_in_default(tmp_path):
    defaults = parse_file(write(tmp_path / "d.ini", "[lika]\norganisation =\nframework=se-dl\n"))
    assert defaults.organisation == ""
    assert defaults.framework == "se-dl"
    assert "organisation" not in defaults.origins


def test_notepad_byte_order_mark_and_windows_line_ends(tmp_path):
    path = tmp_path / "d.ini"
    path.write_bytes("\ufeff[lika]\r\norganisation = Ålesund kommune\r\n".encode())
    assert parse_file(path).organisation == "Ålesund kommune"


def test_environment_variables_and_home_are_expanded(tmp_path, monkeypatch):
    monkeypatch.setenv("LIKA_TEST_SHARE", str(tmp_path / "share"))
    path = write(tmp_path / "d.ini", "[lika]\ndatabase_folder = $LIKA_TEST_SHARE/lika\n")
    assert parse_file(path).database_folder == tmp_path / "share" / "lika"
    path = write(tmp_path / "d.ini", "[lika]\nchecklist_folder = ~/lika\n")
    assert parse_file(path).checklist_folder == Path.home() / "lika"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("organisation = X\n", "line 1: the settings must come under a [lika] line"),
        ("[lika]\norganization = X\n", "line 2: unknown setting 'organization' (did you mean"),
        ("[lika]\ncolour = blue\n", "unknown setting 'colour' (known: organisation, framework"),
        ("[lika]\n\n[other]\nx = 1\n", "line 3: unknown section [other]"),
        ("[lika]\nframework = Se DL\n", "line 2: framework 'Se DL' is not a framework id"),
        ("[lika]\norganisation = a\norganisation = b\n", "line 3: 'organisation' is set twice"),
        ("[lika]\nthis line has no equals sign\n", "line 2: not a 'name = value' line"),
        ("[lika]\ndatabase_folder = $LIKA_UNSET_VARIABLE_X/db\n", "variable that is not set"),
        ("[lika]\norganisation = " + "x" * 201 + "\n", "longer than 200 characters"),
        ("just text\n", "line 1: the settings must come under a [lika] line"),
    ],
)
def test_a_broken_file_is_named_with_its_line(tmp_path, text, message):
    path = write(tmp_path / "defaults.ini", text)
    with pytest.raises(DefaultsError) as raised:
        parse_file(path)
    assert str(raised.value).startswith(str(path))
    assert message in str(raised.value)
    assert isinstance(raised.value, InputError)  # exit code 2 on the CLI


def test_a_folder_that_is_a_file_is_refused(tmp_path):
    write(tmp_path / "not-a-folder", "x")
    path = write(tmp_path / "d.ini", "[lika]\nchecklist_folder = not-a-folder\n")
    with pytest.raises(DefaultsError, match="is a file, not a folder"):
        parse_file(path)


def test_a_file_that_is_not_utf8_says_so(tmp_path):
    path = tmp_path / "d.ini"
    path.write_bytes("[lika]\norganisation = Malmö stad\n".encode("cp1252"))
    with pytest.raises(DefaultsError, match="not UTF-8 text"):
        parse_file(path)


def test_comments_only_is_an_empty_file(tmp_path):
    path = write(tmp_path / "d.ini", "# nothing set yet\n; nor here\n")
    assert parse_file(path) == OrganisationDefaults()


def test_the_more_specific_file_wins_key_by_key(tmp_path):
    beside_exe = write(tmp_path / "app" / "defaults.ini", "[lika]\norganisation = Enheten\n")
    system = write(
        tmp_path / "etc" / "defaults.ini", "[lika]\norganisation = Kommunen\nframework = no-ldl\n"
    )
    defaults = load_defaults([beside_exe, system, tmp_path / "missing.ini"])
    assert defaults.organisation == "Enheten"
    assert defaults.framework == "no-ldl"
    assert defaults.files == sorted([beside_exe, system])


def test_the_environment_variable_names_the_only_file(tmp_path, monkeypatch):
    path = write(tmp_path / "mine.ini", "[lika]\norganisation = Provkommun\n")
    monkeypatch.setenv("LIKA_DEFAULTS", str(path))
    assert candidate_files() == [path]
    assert load_defaults().organisation == "Provkommun"
    monkeypatch.setenv("LIKA_DEFAULTS", str(tmp_path / "missing.ini"))
    with pytest.raises(DefaultsError, match=r"LIKA_DEFAULTS names .* which is not a file"):
        load_defaults()
    monkeypatch.setenv("LIKA_DEFAULTS", "")
    assert candidate_files() == []
    assert load_defaults() == OrganisationDefaults()


def test_without_the_variable_the_system_file_is_looked_for(monkeypatch):
    monkeypatch.delenv("LIKA_DEFAULTS")
    assert candidate_files()[-1] == system_file()
    if sys.platform.startswith("linux"):
        assert system_file() == Path("/etc/lika/defaults.ini")


def test_beside_the_executable_in_a_frozen_build(tmp_path, monkeypatch):
    monkeypatch.delenv("LIKA_DEFAULTS")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "lika"))
    assert candidate_files() == [tmp_path.resolve() / "defaults.ini", system_file()]


def test_an_unknown_default_framework_names_the_installed_ones(tmp_path):
    defaults = parse_file(write(tmp_path / "d.ini", "[lika]\n\nframework = dk-lov\n"))
    defaults.check_framework(["dk-lov"])
    with pytest.raises(DefaultsError, match=r"line 3: framework 'dk-lov' is not installed \(inst"):
        defaults.check_framework(["se-dl", "no-ldl"])


def test_the_cli_uses_the_database_folder_and_reports_a_broken_file(tmp_path):
    """Through the real program: `lika demo` without --db lands in IT's folder."""
    folder = tmp_path / "share" / "register"
    path = write(tmp_path / "defaults.ini", f"[lika]\ndatabase_folder = {folder}\n")
    env = {**_clean_env(), "LIKA_DEFAULTS": str(path)}
    result = _lika(["demo"], env)
    assert result.returncode == 0, result.stderr
    assert (folder / "lika.db").is_file()

    write(path, "[lika]\ndatabase_folder = x\ncolor = red\n")
    result = _lika(["list"], env)
    assert result.returncode == 2
    assert result.stderr == f"lika: {path}, line 3: unknown setting 'color' (known: " + (
        "organisation, framework, database_folder, database_url, checklist_folder, "
        "memo_template, trusted_keys_folder)\n"
    )


def _clean_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("LIKA_")}


def _lika(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_the_defaults_module_needs_no_qt():
    """The CLI and the window read the file the same way, without Qt."""
    code = (
        "import sys, desktop_app.defaults; print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


def test_lika_defaults_shows_each_value_and_where_it_comes_from(tmp_path, monkeypatch, capsys):
    from desktop_app.__main__ import main

    path = write(tmp_path / "defaults.ini", "[lika]\n# ours\norganisation = Bodø kommune\n")
    monkeypatch.setenv("LIKA_DEFAULTS", str(path))
    assert main(["defaults", "--db", str(tmp_path / "r.db")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == f"  {path} (read)"
    assert f"organisation      Bodø kommune  [{path}, line 3]" in lines
    assert "framework         se-dl  [Lika's own default]" in lines
    assert f"database          {tmp_path / 'r.db'}" in lines

    write(path, "[lika]\nframework = ?\n")
    assert main(["defaults"]) == 2
    assert capsys.readouterr().err == (
        f"lika: {path}, line 2: framework '?' is not a framework id such as se-dl or no-ldl\n"
    )


def test_database_url_names_a_server_register(tmp_path) -> None:
    """IT's ``database_url`` is a libpq URL; anything else is refused with its line,
    never taken as a file name (issue 20)."""
    from desktop_app.locations import default_register
    from desktop_app.register_location import ServerUrl

    good = write(tmp_path / "d.ini", "[lika]\ndatabase_url = postgresql://db.example.org/lika\n")
    defaults = parse_file(good)
    assert defaults.database_url == "postgresql://db.example.org/lika"
    assert default_register(defaults) == ServerUrl("postgresql://db.example.org/lika")
    assert isinstance(default_register(defaults), ServerUrl)
    bad = write(tmp_path / "e.ini", "[lika]\ndatabase_url = db.example.org/lika\n")
    with pytest.raises(DefaultsError, match="line 2: database_url must be a PostgreSQL"):
        parse_file(bad)
    assert default_register(parse_file(write(tmp_path / "f.ini", "[lika]\n"))).name == "lika.db"
