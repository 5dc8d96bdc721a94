"""Hostile input is refused in time linear in its size: exchange files and YAML content."""

from __future__ import annotations

import time

import pytest

from desktop_app.storage import exchange


def _refuse_in(data: bytes, content, seconds: float) -> str:
    start = time.perf_counter()
    with pytest.raises(exchange.ExchangeError) as caught:
        exchange.parse(data, content.checklists.checklists)
    assert time.perf_counter() - start < seconds
    return str(caught.value)


def test_an_unterminated_string_of_escaped_quotes_is_refused_at_once(content) -> None:
    """64 KB took 72 s: every escaped quote started a new scan to the end of the file."""
    data = ('"' + '\\"' * 32000).encode()
    assert "not valid JSON" in _refuse_in(data, content, 0.5)


def test_a_cut_off_file_full_of_quoted_speech_is_refused_at_once(content) -> None:
    speech = 'Hon sa \\"nej\\" och han sa \\"ja\\", ' * 7000  # about 250 KB
    data = (
        '{"format": "lika-assessment", "assessment": {"decision": {"title": "' + speech
    ).encode()
    _refuse_in(data, content, 0.5)


def test_two_megabytes_of_escapes_stay_linear(content) -> None:
    data = ('["' + '\\"' * 1_000_000).encode()
    _refuse_in(data, content, 2.0)


def test_a_lone_backslash_at_the_end_stays_linear(content) -> None:
    data = ('"' + '\\"' * 32000 + "\\").encode()
    _refuse_in(data, content, 0.5)


def test_nesting_inside_strings_is_still_skipped_and_deep_nesting_refused(content) -> None:
    deep = ("[" * 40 + "]" * 40).encode()
    assert "nested more than" in _refuse_in(deep, content, 0.5)
    quoted = ('{"x": "' + "[" * 40 + '"}').encode()
    assert "nested" not in _refuse_in(quoted, content, 0.5)


ALIAS_BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_an_alias_bomb_in_the_checklist_folder_is_reported_and_left_out(tmp_path) -> None:
    from desktop_app.checklists.loader import load_library

    folder = tmp_path / "org"
    folder.mkdir()
    (folder / "bomb.yaml").write_text(ALIAS_BOMB)
    start = time.perf_counter()
    library = load_library([folder])
    assert time.perf_counter() - start < 5
    assert library.frameworks()  # the built-in content is all there
    [error] = [e for e in library.errors if "bomb.yaml" in str(e)]
    assert "line 1" in str(error) and "alias" in str(error)  # where ``&a`` is anchored


def test_a_content_file_over_the_size_limit_is_not_read(tmp_path) -> None:
    from desktop_app.checklists.yamlfile import MAX_CONTENT_BYTES, YamlDocument
    from desktop_app.domain.errors import ContentError

    path = tmp_path / "huge.yaml"
    path.write_text("x: " + "y" * MAX_CONTENT_BYTES)
    with pytest.raises(ContentError, match="larger than"):
        YamlDocument(path)


def test_a_fifo_in_the_checklist_folder_does_not_hang(tmp_path) -> None:
    import os

    from desktop_app.checklists.loader import load_library

    folder = tmp_path / "org"
    folder.mkdir()
    os.mkfifo(folder / "pipe.yaml")
    library = load_library([folder])
    assert any("pipe.yaml" in str(e) and "not a regular file" in str(e) for e in library.errors)


def test_a_command_names_the_bomb_at_once(tmp_path) -> None:
    """The CLI does not run scripts on half the content (commands/base.py): it refuses
    quickly, naming the file (it ran 36 s and died with MemoryError)."""
    import subprocess
    import sys

    from tests.test_processes import ROOT, environment

    folder = tmp_path / "org"
    folder.mkdir()
    (folder / "bomb.yaml").write_text(ALIAS_BOMB)
    ini = tmp_path / "defaults.ini"
    ini.write_text(f"[lika]\nchecklist_folder = {folder}\n")
    env = environment(tmp_path) | {"LIKA_DEFAULTS": str(ini)}
    start = time.perf_counter()
    done = subprocess.run(
        # ``demo`` reads the content (``list`` no longer does, issue 18).
        [sys.executable, "-m", "desktop_app", "demo", "--db", str(tmp_path / "lika.db")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert time.perf_counter() - start < 30
    assert done.returncode == 2
    assert "bomb.yaml, line 1: uses a YAML alias" in done.stderr


def test_a_huge_defaults_file_is_not_read(tmp_path) -> None:
    from desktop_app.defaults import MAX_FILE_BYTES, DefaultsError, parse_file

    path = tmp_path / "defaults.ini"
    path.write_text("[lika]\n" + "; comment\n" * (MAX_FILE_BYTES // 10 + 1))
    with pytest.raises(DefaultsError, match="larger than 64 KB"):
        parse_file(path)
