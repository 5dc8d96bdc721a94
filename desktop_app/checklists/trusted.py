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

The record also keeps what each file's YAML parsed to, as JSON (where JSON gives back
exactly the same values): parsing the YAML took most of the content's loading, which
the window's first page waits for (issue 18), and JSON reads it about fifty times
faster. It is used only for the same exact text, like the schema check it stands for.
"""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

from desktop_app.resources import resource_path

RECORD_NAME = "validated-content.json"
_recording: dict[str, str] | None = None  # digest -> parsed data as JSON ("" if none)


@cache
def _schemas_digest() -> bytes:
    digest = hashlib.sha256()
    for path in sorted(resource_path("schemas").glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def digest(text: str) -> str:
    """Of a file's text under the schemas in force: a changed schema trusts nothing."""
    return hashlib.sha256(_schemas_digest() + text.encode("utf-8")).hexdigest()


@cache
def _record() -> dict[str, Any]:
    try:
        record = json.loads(resource_path(RECORD_NAME).read_text(encoding="utf-8"))
        return record if isinstance(record, dict) else {}
    except (OSError, ValueError):
        return {}  # no record (a source checkout) or a broken one: check all


@cache
def _trusted() -> frozenset[str]:
    try:
        return frozenset(str(d) for d in _record()["validated"])
    except (KeyError, TypeError):
        return frozenset()


def parsed(text: str) -> tuple[bool, Any]:
    """``(True, data)``: the data this exact text parsed to when the record was made
    (a fresh copy); ``(False, None)`` where it must be parsed (and checked) now."""
    if _recording is not None:
        return False, None
    trusted = _trusted()
    if not trusted:
        return False, None
    key = digest(text)
    data = _record().get("data")
    stored = data.get(key) if isinstance(data, dict) and key in trusted else None
    if not isinstance(stored, str) or not stored:
        return False, None
    try:
        return True, json.loads(stored)
    except ValueError:
        return False, None


def is_trusted(text: str) -> bool:
    """True if this exact text passed its schema check when the app was built (and no
    record is being made now, which must check everything itself)."""
    if _recording is not None:
        return False
    trusted = _trusted()
    return bool(trusted) and digest(text) in trusted


def passed(text: str, data: Any) -> None:
    """Called after a successful schema check; remembered while a record is made,
    with ``data`` (what the text parsed to) where JSON keeps it exactly."""
    if _recording is not None:
        as_json = json.dumps(data, ensure_ascii=False)
        same = repr(json.loads(as_json)) == repr(data)  # types too: 1, 1.0 and True differ
        _recording[digest(text)] = as_json if same else ""


def write_record(out: Path) -> int:
    """Load all built-in content with every schema check on; record what passed.

    Raises the first content error, so a broken built-in file stops the build."""
    global _recording
    from desktop_app.checklists.guide import load_content

    _recording = {}
    try:
        content = load_content()
        if content.checklists.errors:
            raise content.checklists.errors[0]
        recorded = dict(sorted(_recording.items()))
    finally:
        _recording = None
    record = {"validated": list(recorded), "data": {k: v for k, v in recorded.items() if v}}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(recorded)


if __name__ == "__main__":
    # Through the imported module: the loaders report to that one, not to __main__.
    from desktop_app.checklists import trusted as imported

    count = imported.write_record(Path(sys.argv[1]))
    print(f"{count} content files checked against their schemas and recorded in {sys.argv[1]}")
