"""The frozen app skips schema checks only for the exact content it was built with."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop_app.checklists import trusted
from desktop_app.checklists.loader import load_checklist
from desktop_app.domain.errors import ContentError
from desktop_app.resources import resource_path


@pytest.fixture
def record(tmp_path, monkeypatch):
    """A build's record, in force for the test."""
    path = tmp_path / trusted.RECORD_NAME
    count = trusted.write_record(path)
    digests = frozenset(json.loads(path.read_text(encoding="utf-8"))["validated"])
    monkeypatch.setattr(trusted, "_trusted", lambda: digests)
    return count


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
    trusted._trusted.cache_clear()
    try:
        assert trusted._trusted() == frozenset()
        assert not trusted.is_trusted("anything")
    finally:
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
