"""Built-in content is checked against its schemas once, when the app is built.

Checking every built-in YAML file against its JSON Schema took a good part of the
frozen app's start-up, and importing jsonschema as much again. Inside a built bundle
those files do not change, so the build (``build.spec``, or
``python -m desktop_app.checklists.trusted FILE``) loads all content with the schema
checks on and records a digest of every file that passed, together with the schemas;
the app then skips the schema check for a file whose text matches a recorded digest.

A file edited after the build, or an organisation's own checklist, does not match and
is checked as always; so is everything in a source checkout, which has no record. The
other checks (ids, duplicate keys, required steps) run every time either way.

The record also holds each trusted file's data as parsed then, as JSON: reading the
checklists as YAML took about a tenth of a second of every ``lika`` command that needs
content (issue 18), JSON a few milliseconds. The data is used only for a file whose text
has the recorded digest, so an edited file is parsed (and checked) as YAML again; data
JSON cannot give back exactly (keys that are not text, sets) is not recorded.

Beside it (``WORDS_NAME``) the build records the words the register list shows, in
every language (``checklists/list_words.py``), with the size and CRC-32 of each built-in
content file they were taken from (``file_mark``): the window lists the register with
them before the content is loaded, if those files are all still exactly as recorded. A
file of their own: reading the whole record (0.4 MB) for them took about 2 ms of the
way to the first page.
"""

from __future__ import annotations

import json
import sys
import zlib
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from desktop_app.resources import resource_path

RECORD_NAME = "validated-content.json"
WORDS_NAME = "list-words.json"  # beside the record, wherever that is
# Part of every digest and file mark: raise it when ``yamlfile`` turns YAML into data
# differently (or the record's layout changes), so a record made before hands out nothing
# parsed the old way. The record is part of the build, as trusted as the code beside it.
RULES = b"lika-content-record 2"
# While a record is made: digest -> the data as JSON text, or None if JSON cannot hold it.
_recording: dict[str, str | None] | None = None


# The folders of built-in content (``resources/``) whose files the list's words come from.
CONTENT_FOLDERS = ("checklists", "guide")


class Record(NamedTuple):
    """What the build recorded (all empty when there is no record). This module's
    records are named tuples, not frozen dataclasses: the list's words are read on the
    way to the first page, where each frozen dataclass costs about 0.35 ms to make."""

    validated: frozenset[str]  # digests of the files that passed their schema checks
    parsed: dict[str, str]  # digest -> the file's data as JSON text


NO_RECORD = Record(frozenset(), {})


class WordsRecord(NamedTuple):
    """The list's words the build recorded (``WORDS_NAME``; empty when there are none)."""

    list_words: dict[str, Any]  # language code -> ``ListWords.to_data()``
    content_files: dict[str, str]  # "folder/name.yaml" -> ``file_mark`` of its bytes


NO_WORDS = WordsRecord({}, {})


class Parsed(NamedTuple):
    """A trusted file's data as the build parsed it (a fresh copy for each reader)."""

    data: Any


@cache
def _schemas_digest() -> bytes:
    import hashlib  # here: loading OpenSSL is not needed to list the register

    digest = hashlib.sha256()
    for path in sorted(resource_path("schemas").glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def digest(text: str) -> str:
    """Of a file's text under the schemas in force: a changed schema trusts nothing."""
    import hashlib

    return hashlib.sha256(RULES + _schemas_digest() + text.encode("utf-8")).hexdigest()


def file_mark(data: bytes) -> str:
    """A content file's size and CRC-32, which tell whether it is still the file the
    list's words were taken from. Not SHA-256 as ``digest``: that would load OpenSSL
    (about 4 ms) on the way to the register's first page, and this is no protection
    against anyone (whoever can change these files can change the record beside them),
    only a way to notice a file that was edited, added or taken away since the build."""
    return f"{len(data)}:{zlib.crc32(data, zlib.crc32(RULES)):08x}"


def _content_files() -> dict[str, str]:
    """The built-in content files the list's words come from, with their marks."""
    return {
        f"{folder}/{path.name}": file_mark(path.read_bytes())
        for folder in CONTENT_FOLDERS
        for path in sorted(resource_path(folder).glob("*.yaml"))
    }


@cache
def _record() -> Record:
    """What the build recorded, read once (until ``release``)."""
    try:
        record = json.loads(resource_path(RECORD_NAME).read_text(encoding="utf-8"))
        validated = frozenset(str(d) for d in record["validated"])
        found = record.get("parsed", {})
        parsed = {str(d): t for d, t in found.items() if d in validated and isinstance(t, str)}
        return Record(validated, parsed)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return NO_RECORD  # no record (a source checkout) or a broken one: check all


@cache
def _words_record() -> WordsRecord:
    """The list's words as the build recorded them, read once (until ``release``)."""
    try:
        path = resource_path(RECORD_NAME).with_name(WORDS_NAME)
        record = json.loads(path.read_text(encoding="utf-8"))
        words, files = record["list_words"], record["content_files"]
        if isinstance(words, dict) and isinstance(files, dict):
            return WordsRecord(words, files)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return NO_WORDS  # none recorded (a source checkout), or a broken record


def recorded_list_words(language: str) -> Any | None:
    """The list's words in ``language`` as recorded, if every built-in content file is
    still exactly as it was then (none edited, added or taken away); else None."""
    if _recording is not None:
        return None
    record = _words_record()
    words = record.list_words.get(language)
    if words is None or not record.content_files:
        return None
    try:
        unchanged = _content_files() == record.content_files
    except OSError:
        return None
    return words if unchanged else None


def release() -> None:
    """Let go of the record once the content is loaded (``guide.load_content``): its
    parsed data, as JSON text, is about 1 MB in memory that a window would otherwise
    keep for the whole session (issue 18); a later load reads the file again (a few
    milliseconds)."""
    _record.cache_clear()
    _words_record.cache_clear()


def _trusted() -> frozenset[str]:
    return _record().validated


def is_trusted(text: str) -> bool:
    """True if this exact text passed its schema check when the app was built (and no
    record is being made now, which must check everything itself)."""
    if _recording is not None:
        return False
    trusted = _trusted()
    return bool(trusted) and digest(text) in trusted


def parsed(text: str) -> Parsed | None:
    """The data of this exact text as the build parsed it, if it was trusted and
    recorded then (never while a record is being made)."""
    if _recording is not None:
        return None
    record = _record()
    if not record.validated:
        return None
    found = record.parsed.get(digest(text))
    if found is None:
        return None
    try:
        return Parsed(json.loads(found))
    except ValueError:  # a damaged record: the file is parsed as YAML instead
        return None


def passed(text: str, data: Any) -> None:
    """Called after a successful schema check with the data checked; remembered while a
    record is made."""
    if _recording is not None:
        _recording[digest(text)] = _as_json(data)


def _as_json(data: Any) -> str | None:
    """``data`` as JSON text, if reading that text gives exactly ``data`` back."""
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return None
    return text if _same(json.loads(text), data) else None


def _same(one: Any, two: Any) -> bool:
    """Equal, and of the same types throughout (``True`` is not 1, 1 is not 1.0)."""
    if type(one) is not type(two):
        return False
    if isinstance(one, dict):
        return one.keys() == two.keys() and all(_same(one[k], two[k]) for k in one)
    if isinstance(one, list):
        return len(one) == len(two) and all(_same(a, b) for a, b in zip(one, two, strict=True))
    return bool(one == two)


def write_record(out: Path) -> int:
    """Load all built-in content with every schema check on; record what passed.

    Raises the first content error, so a broken built-in file stops the build."""
    global _recording
    from desktop_app.checklists.guide import load_content
    from desktop_app.checklists.list_words import words_of
    from desktop_app.domain.language import Language

    _recording = {}
    try:
        content = load_content()
        if content.checklists.errors:
            raise content.checklists.errors[0]
        recorded = dict(sorted(_recording.items()))
    finally:
        _recording = None
    record = {
        "validated": list(recorded),
        "parsed": {d: text for d, text in recorded.items() if text is not None},
    }
    words = {
        "list_words": {lang.value: words_of(content, lang).to_data() for lang in Language},
        "content_files": _content_files(),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    for path, data in ((out, record), (out.with_name(WORDS_NAME), words)):
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(recorded)


if __name__ == "__main__":
    # Through the imported module: the loaders report to that one, not to __main__.
    from desktop_app.checklists import trusted as imported

    count = imported.write_record(Path(sys.argv[1]))
    words = Path(sys.argv[1]).with_name(WORDS_NAME)
    print(f"{count} content files checked against their schemas and recorded in {sys.argv[1]}")
    print(f"the register list's words recorded in {words}")
