"""The frozen app skips schema checks only for the exact content it was built with."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop_app.checklists import trusted
from desktop_app.checklists.loader import load_checklist
from desktop_app.checklists.yamlfile import YamlDocument
from desktop_app.domain.errors import ContentError
from desktop_app.resources import resource_path


@pytest.fixture
def record(tmp_path, monkeypatch):
    """A build's record, in force for the test."""
    path = tmp_path / trusted.RECORD_NAME
    count = trusted.write_record(path)
    written = json.loads(path.read_text(encoding="utf-8"))
    digests = frozenset(written["validated"])
    monkeypatch.setattr(trusted, "_trusted", lambda: digests)
    monkeypatch.setattr(trusted, "_record", lambda: written)
    return count


def built_in_files() -> list:
    return [*resource_path("checklists").glob("*.yaml"), *resource_path("guide").glob("*.yaml")]


def test_the_build_records_every_built_in_file_that_passed(record):
    files = built_in_files()
    assert record == len(files)  # every checklist, the steps, the vocabulary, the memo


def test_a_recorded_file_is_read_without_yaml_and_gives_exactly_what_the_yaml_gives(
    record, monkeypatch
):
    """What the record keeps of each file is the very data its YAML parses to (types
    included), and a line for an error message is still found."""
    for path in built_in_files():
        recorded = YamlDocument(path)
        assert not recorded._parsed, path  # from the record
        with monkeypatch.context() as without:
            without.setattr(trusted, "parsed", lambda text: (False, None))
            parsed = YamlDocument(path)
        assert parsed._parsed
        assert repr(recorded.data) == repr(parsed.data), path
        first_key = next(iter(parsed.data))
        assert recorded.line_of([first_key]) == parsed.line_of([first_key])
    # Fresh values every time: a loader that changed them could not change the next.
    vocabulary = resource_path("guide", "vocabulary.yaml")
    assert YamlDocument(vocabulary).data is not YamlDocument(vocabulary).data


def test_starting_the_window_parses_no_yaml_when_content_is_recorded(tmp_path):
    """The window's content comes from the record: PyYAML is not even imported."""
    written = tmp_path / trusted.RECORD_NAME
    trusted.write_record(written)
    code = (
        "import json, sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from desktop_app.checklists import trusted\n"
        "from desktop_app.ui.first_list import load_window_content\n"
        "from desktop_app.ui.settings import Settings\n"
        f"record = json.loads(open({str(written)!r}, encoding='utf-8').read())\n"
        "trusted._record = lambda: record\n"
        "trusted._trusted = lambda: frozenset(record['validated'])\n"
        f"ini = {str(tmp_path / 'settings.ini')!r}\n"
        "load_window_content(Settings(QSettings(ini, QSettings.Format.IniFormat)))\n"
        "print('yaml' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_same_text_is_trusted_and_a_changed_one_is_not(record):
    text = resource_path("checklists", "se-diskrimineringslagen.yaml").read_text(encoding="utf-8")
    assert trusted.is_trusted(text)
    assert not trusted.is_trusted(text + "\n# edited after the build\n")


def test_an_edited_built_in_file_is_still_checked(record, tmp_path):
    source = resource_path("checklists", "se-diskrimineringslagen.yaml")
    broken = tmp_path / source.name
    broken.write_text(
        source.read_text(encoding="utf-8").replace("version:", "version_typo:", 1),
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match=str(broken)):
        load_checklist(broken)


def test_without_a_record_everything_is_checked(tmp_path, monkeypatch):
    # A fresh source checkout has none (a developer may have built one: not used here).
    monkeypatch.setattr(trusted, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    trusted._record.cache_clear()
    trusted._trusted.cache_clear()
    try:
        assert trusted._trusted() == frozenset()
        assert not trusted.is_trusted("anything")
        assert trusted.parsed("anything") == (False, None)
    finally:
        trusted._record.cache_clear()
        trusted._trusted.cache_clear()


def test_a_changed_schema_trusts_nothing(record, monkeypatch):
    text = resource_path("guide", "steps.yaml").read_text(encoding="utf-8")
    monkeypatch.setattr(trusted, "_schemas_digest", lambda: b"other schemas")
    assert not trusted.is_trusted(text)


def test_starting_the_window_imports_no_schema_library_when_content_is_trusted():
    """What the record is for: jsonschema stays out of the start-up."""
    code = (
        "import sys, desktop_app.ui.app; "
        "print(any(m.startswith('jsonschema') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"
