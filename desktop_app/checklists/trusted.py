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
"""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cache
from pathlib import Path

from desktop_app.resources import resource_path

RECORD_NAME = "validated-content.json"
_recording: set[str] | None = None


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
def _trusted() -> frozenset[str]:
    try:
        record = json.loads(resource_path(RECORD_NAME).read_text(encoding="utf-8"))
        return frozenset(str(d) for d in record["validated"])
    except (OSError, ValueError, KeyError, TypeError):
        return frozenset()  # no record (a source checkout) or a broken one: check all


def is_trusted(text: str) -> bool:
    """True if this exact text passed its schema check when the app was built (and no
    record is being made now, which must check everything itself)."""
    if _recording is not None:
        return False
    trusted = _trusted()
    return bool(trusted) and digest(text) in trusted


def passed(text: str) -> None:
    """Called after a successful schema check; remembered while a record is made."""
    if _recording is not None:
        _recording.add(digest(text))


def write_record(out: Path) -> int:
    """Load all built-in content with every schema check on; record what passed.

    Raises the first content error, so a broken built-in file stops the build."""
    global _recording
    from desktop_app.checklists.guide import load_content

    _recording = set()
    try:
        content = load_content()
        if content.checklists.errors:
            raise content.checklists.errors[0]
        validated = sorted(_recording)
    finally:
        _recording = None
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"validated": validated}, indent=1) + "\n", encoding="utf-8")
    return len(validated)


if __name__ == "__main__":
    # Through the imported module: the loaders report to that one, not to __main__.
    from desktop_app.checklists import trusted as imported

    count = imported.write_record(Path(sys.argv[1]))
    print(f"{count} content files checked against their schemas and recorded in {sys.argv[1]}")
