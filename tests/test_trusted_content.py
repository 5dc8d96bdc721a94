"""The frozen app skips schema checks only for the exact content it was built with."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.checklists import trusted, yamlfile
from desktop_app.checklists.guide import load_content
from desktop_app.checklists.loader import load_checklist
from desktop_app.checklists.yamlfile import YamlDocument
from desktop_app.domain.errors import ContentError
from desktop_app.resources import resource_path


@pytest.fixture(autouse=True)
def forget_records() -> Iterator[None]:
    """No test leaves a record it put in force cached for the tests after it."""
    yield
    trusted.release()


def in_force(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Make the record at ``path`` the one the app reads (the rest of resources/ stays)."""
    monkeypatch.setattr(
        trusted,
        "resource_path",
        lambda *parts: path if parts == (trusted.RECORD_NAME,) else resource_path(*parts),
    )
    trusted.release()


@pytest.fixture
def record(tmp_path, monkeypatch):
    """A build's record, in force for the test."""
    path = tmp_path / trusted.RECORD_NAME
    count = trusted.write_record(path)
    in_force(monkeypatch, path)
    yield count
    trusted.release()


def test_the_build_records_every_built_in_file_that_passed(record):
    files = [*resource_path("checklists").glob("*.yaml"), *resource_path("guide").glob("*.yaml")]
    assert record == len(files)  # every checklist, the steps, the vocabulary, the memo


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
    trusted.release()
    try:
        assert trusted._trusted() == frozenset()
        assert not trusted.is_trusted("anything")
        assert trusted.parsed("anything") is None
    finally:
        trusted.release()


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


def test_trusted_content_comes_from_the_record_exactly_as_from_yaml(record, monkeypatch, tmp_path):
    """No built-in file is parsed as YAML when the record holds it (issue 18: the
    checklists as YAML took a tenth of a second of every command), and the content is
    the same as parsed from YAML."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlfile, "_strict_loader", lambda: pytest.fail("YAML parsed"))
        from_record = load_content()
    in_force(monkeypatch, tmp_path / "no-record.json")
    from_yaml = load_content()
    assert from_record.steps == from_yaml.steps
    assert from_record.vocabulary == from_yaml.vocabulary
    assert from_record.checklists.checklists == from_yaml.checklists.checklists
    assert from_record.checklists.decision_types == from_yaml.checklists.decision_types
    assert from_record.checklists.checklists  # not two empty libraries


def test_an_edited_file_is_parsed_from_its_text_not_taken_from_the_record(record, tmp_path):
    source = resource_path("guide", "steps.yaml")
    edited = tmp_path / "steps.yaml"
    text = source.read_text(encoding="utf-8")
    assert trusted.parsed(text) is not None
    edited.write_text(text.replace("steps:", "steps:  # edited", 1), encoding="utf-8")
    assert trusted.parsed(edited.read_text(encoding="utf-8")) is None
    assert YamlDocument(edited).data == YamlDocument(source).data


def test_a_file_from_the_record_still_names_the_line_of_a_problem(record, monkeypatch, tmp_path):
    path = resource_path("guide", "steps.yaml")
    from_record = YamlDocument(path)
    assert trusted.parsed(path.read_text(encoding="utf-8")) is not None
    message = str(from_record.error(["steps", 2, "title"], "a problem"))
    in_force(monkeypatch, tmp_path / "no-record.json")
    assert str(YamlDocument(path).error(["steps", 2, "title"], "a problem")) == message
    assert ", line " in message


def test_data_json_cannot_give_back_exactly_is_not_recorded():
    assert trusted._as_json({"a": [1, 1.0, True, None, "ø", {"b": []}]}) is not None
    assert trusted._as_json({1: "a"}) is None  # a key that is not text
    assert trusted._as_json({"a": {1, 2}}) is None  # a set
    assert trusted._as_json({"a": float("nan")}) is None
    assert trusted._as_json({"a": (1, 2)}) is None  # a tuple would come back a list


def test_a_record_from_other_rules_hands_out_nothing(record, monkeypatch):
    text = resource_path("guide", "steps.yaml").read_text(encoding="utf-8")
    monkeypatch.setattr(trusted, "RULES", b"other rules")
    assert trusted.parsed(text) is None and not trusted.is_trusted(text)


def test_damaged_parsed_data_in_the_record_means_the_yaml_is_parsed(tmp_path, monkeypatch):
    path = tmp_path / trusted.RECORD_NAME
    trusted.write_record(path)
    record = json.loads(path.read_text(encoding="utf-8"))
    record["parsed"] = {d: text[:-5] for d, text in record["parsed"].items()}
    path.write_text(json.dumps(record), encoding="utf-8")
    in_force(monkeypatch, path)
    source = resource_path("guide", "steps.yaml")
    assert trusted.is_trusted(source.read_text(encoding="utf-8"))
    assert trusted.parsed(source.read_text(encoding="utf-8")) is None
    assert load_content().steps


def test_every_recorded_file_gives_exactly_what_its_yaml_gives(record, monkeypatch):
    """What the record keeps of each file is the very data its YAML parses to (types
    included: 1, 1.0 and True differ), and a line for an error message is still found."""
    built_in = [*resource_path("checklists").glob("*.yaml"), *resource_path("guide").glob("*.yaml")]
    for path in built_in:
        recorded = YamlDocument(path)
        assert not recorded._parsed, path  # from the record
        with monkeypatch.context() as without:
            without.setattr(trusted, "parsed", lambda text: None)
            parsed = YamlDocument(path)
        assert parsed._parsed
        assert repr(recorded.data) == repr(parsed.data), path
        first_key = next(iter(parsed.data))
        assert recorded.line_of([first_key]) == parsed.line_of([first_key])
    # Fresh values every time: a loader that changed them could not change the next.
    vocabulary = resource_path("guide", "vocabulary.yaml")
    assert YamlDocument(vocabulary).data is not YamlDocument(vocabulary).data


def test_the_window_s_content_imports_no_yaml_when_content_is_recorded(tmp_path):
    """The window's content (``ui.first_list``) comes from the record: PyYAML is not
    even imported."""
    written = tmp_path / trusted.RECORD_NAME
    trusted.write_record(written)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from desktop_app.checklists import trusted\n"
        "from desktop_app.resources import resource_path\n"
        "from desktop_app.ui.first_list import load_window_content\n"
        "from desktop_app.ui.settings import Settings\n"
        f"record = Path({str(written)!r})\n"
        "trusted.resource_path = lambda *parts: (\n"
        "    record if parts == (trusted.RECORD_NAME,) else resource_path(*parts))\n"
        f"ini = {str(tmp_path / 'settings.ini')!r}\n"
        "load_window_content(Settings(QSettings(ini, QSettings.Format.IniFormat)))\n"
        "print('yaml' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_record_is_let_go_once_the_content_is_loaded(record, monkeypatch):
    """Its parsed data would otherwise stay in memory for the whole session (issue 18);
    a second load still takes the built-in files from it."""
    monkeypatch.setattr(yamlfile, "_strict_loader", lambda: pytest.fail("YAML parsed"))
    first = load_content()
    assert trusted._record.cache_info().currsize == 0
    assert load_content().checklists.checklists == first.checklists.checklists
    assert trusted._record.cache_info().currsize == 0
