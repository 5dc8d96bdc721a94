"""The register list's words, recorded by the build (issue 18): the same as the content
gives, and never taken from the record once a built-in content file has changed."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.checklists import trusted
from desktop_app.checklists.guide import load_content
from desktop_app.checklists.list_words import (
    WORDS_FORMAT,
    ListWords,
    recorded_words,
    words_of,
)
from desktop_app.domain.codes import Direction, Outcome, Status
from desktop_app.domain.language import Language
from desktop_app.domain.vocabulary import ENUM_PREFIXES
from desktop_app.resources import resource_path


@pytest.fixture(autouse=True)
def forget_records() -> Iterator[None]:
    yield
    trusted.release()


@pytest.fixture
def resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built-in content with a build's record in it, in force: a test may
    change the copy's files as someone could change an installed Lika's."""
    copy = tmp_path / "resources"
    for folder in (*trusted.CONTENT_FOLDERS, "schemas"):
        shutil.copytree(resource_path(folder), copy / folder)
    trusted.write_record(copy / trusted.RECORD_NAME)
    real = trusted.resource_path
    monkeypatch.setattr(
        trusted,
        "resource_path",
        lambda *parts: copy.joinpath(*parts) if parts[0] in {*trusted.CONTENT_FOLDERS,
                                                             "schemas", trusted.RECORD_NAME}
        else real(*parts),
    )  # fmt: skip
    trusted.release()
    return copy


@pytest.mark.parametrize("language", list(Language))
def test_the_recorded_words_are_the_contents_words(resources, language) -> None:
    recorded = recorded_words(language)
    assert recorded is not None
    assert recorded == words_of(load_content(), language)


def test_they_word_everything_the_vocabulary_does(content) -> None:
    for language in Language:
        words = words_of(content, language)
        for key in content.vocabulary.terms:
            assert words.term(key) == content.vocabulary.text(key, language)
        for kind in ENUM_PREFIXES:
            for value in kind:
                assert words.label(value) == content.vocabulary.label(value, language)
        assert words.field(("decision", "title")) == content.vocabulary.field(
            ("decision", "title"), language
        )
    words = words_of(content, Language.SV)
    assert words.decision_type("") == ""
    assert words.decision_type("an-organisations-own-type") == "an-organisations-own-type"
    assert {key for key, _name in words.decision_types()} == set(content.checklists.decision_types)
    assert {key for key, _name in words.frameworks()} == {
        f.id for f in content.checklists.frameworks()
    }
    assert all(words.label(s) for s in [*Status, *Direction, *Outcome])


@pytest.mark.parametrize("change", ["edit", "add", "remove", "same size"])
def test_a_changed_content_file_is_not_worded_from_the_record(resources, change) -> None:
    if change == "edit":
        path = resources / "guide" / "vocabulary.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    elif change == "add":
        shutil.copy(
            resources / "checklists" / "module-barnrett.yaml",
            resources / "checklists" / "module-copy.yaml",
        )
    elif change == "remove":
        (resources / "checklists" / "module-barnrett.yaml").unlink()
    else:  # one word changed for another of the same length
        path = resources / "guide" / "vocabulary.yaml"
        text = path.read_text(encoding="utf-8")
        assert "Utkast" in text
        path.write_text(text.replace("Utkast", "Ukasta", 1), encoding="utf-8")
    assert recorded_words(Language.SV) is None


def test_a_changed_schema_keeps_the_words(resources) -> None:
    """The words come from the content files alone; the content is checked against the
    new schema when it is loaded (test_trusted_content)."""
    schema = resources / "schemas" / "vocabulary.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8") + " ", encoding="utf-8")
    trusted._schemas_digest.cache_clear()
    try:
        assert recorded_words(Language.SV) == words_of(load_content(), Language.SV)
    finally:
        trusted._schemas_digest.cache_clear()


def test_a_damaged_or_older_record_gives_no_words(resources) -> None:
    record_path = resources / trusted.WORDS_NAME
    record = json.loads(record_path.read_text(encoding="utf-8"))
    record["list_words"]["sv"]["terms"] = ["not", "a", "mapping"]
    record_path.write_text(json.dumps(record), encoding="utf-8")
    trusted.release()
    assert recorded_words(Language.SV) is None
    assert recorded_words(Language.EN) is not None  # the other languages are intact
    del record["list_words"]  # a record of another layout
    record_path.write_text(json.dumps(record), encoding="utf-8")
    trusted.release()
    assert recorded_words(Language.EN) is None
    record_path.unlink()  # a record made before the words were recorded
    trusted.release()
    assert recorded_words(Language.EN) is None


def test_words_recorded_in_another_format_are_not_used(resources) -> None:
    """A source checkout's record made once, by a Lika that made its words otherwise."""
    record_path = resources / trusted.WORDS_NAME
    record = json.loads(record_path.read_text(encoding="utf-8"))
    for words in record["list_words"].values():
        words["format"] = WORDS_FORMAT + 1
    record_path.write_text(json.dumps(record), encoding="utf-8")
    trusted.release()
    assert recorded_words(Language.SV) is None


def test_no_record_gives_no_words(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(trusted, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    trusted.release()
    assert recorded_words(Language.SV) is None


def test_words_go_through_json_unchanged(content) -> None:
    words = words_of(content, Language.NB)
    data = json.loads(json.dumps(words.to_data()))
    assert ListWords.from_data(Language.NB, data) == words
