"""The exchange file: one assessment, its review history and its evaluations as JSON.

Format name ``lika-assessment``, version 2, described by
``resources/schemas/exchange.schema.json`` and ``docs/exchange-format.md``. The
assessment part is ``domain.serialize.assessment_to_dict``, so the file says exactly
what the register holds, and export then import gives back the same assessment.

Reading is defensive, because a file can come from anywhere: its size is capped before
it is read, nesting is measured before it is parsed, duplicate keys, NaN, NUL
characters and lone surrogates are refused, and every message names the file and the
place in it. Nothing here touches the database.

Version 2 added statistics, evidence and the attached files' bytes (base64, in
``files``); a version 1 file is brought up to version 2 (``exchange_versions``) before
it is checked, so it imports as before.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app import __version__
from desktop_app.atomic_file import write_bytes
from desktop_app.domain.checklist import Checklist
from desktop_app.domain.errors import InputError
from desktop_app.domain.evaluation import Evaluation, ImpactAsExpected, MeasureResult
from desktop_app.domain.evidence import MAX_TOTAL_BYTES
from desktop_app.domain.fingerprint import fingerprint, matches_content, shown
from desktop_app.domain.model import Assessment, MeasureStatus, Status, StatusChange
from desktop_app.domain.serialize import assessment_from_dict, assessment_to_dict
from desktop_app.resources import resource_path
from desktop_app.schema_subset import Check, UnsupportedSchemaError, compile_schema
from desktop_app.storage.exchange_evidence import check_evidence
from desktop_app.storage.exchange_rules import (
    check_against_checklists,
    check_evaluations,
    check_ranges,
)
from desktop_app.storage.exchange_versions import OLDEST_READABLE, upgrade

if TYPE_CHECKING:
    import jsonschema

FORMAT_NAME = "lika-assessment"
FORMAT_VERSION = 2
# The text of an assessment stays far below 20 MB; its attached files (at most
# ``MAX_TOTAL_BYTES``) grow by a third in base64.
MAX_FILE_BYTES = 64 * 1024 * 1024
assert MAX_FILE_BYTES > 20 * 1024 * 1024 + MAX_TOTAL_BYTES * 4 // 3 + 4
MAX_DEPTH = 32
SCHEMA = "exchange.schema.json"


class ExchangeError(InputError):
    """An exchange file that cannot be imported; the message names the file and place."""


@dataclass
class ExchangeDocument:
    """An assessment as it travels between registers, with its review history and the
    evaluations made after the decision (their ``assessment_id`` is 0 until stored),
    and the bytes of its attached files by SHA-256."""

    assessment: Assessment
    history: list[StatusChange] = field(default_factory=list)
    evaluations: list[Evaluation] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    # What the user should be told about the import (an unverified approval).
    notes: list[str] = field(default_factory=list)
    # For an approval signed by a trusted key: whose key it is (``signed_note``), kept
    # in the import's audit entry; "" otherwise.
    signed_by: str = ""
    # The exporting register's newest audit entry (``ID:HASH``), for ``lika check
    # --against``; "" when unknown.
    audit_head: str = ""
    # The name of the file it was read from (named in the import's audit entry).
    source: str = ""


# Writing


def _change_to_dict(change: StatusChange) -> dict[str, Any]:
    return {
        "from_status": change.from_status.value if change.from_status else None,
        "to_status": change.to_status.value,
        "actor": change.actor,
        "os_user": change.os_user,
        "at": change.at.isoformat(timespec="seconds"),
        "comment": change.comment,
        "fingerprint": change.fingerprint,
        **(
            {"signature": change.signature, "public_key": change.public_key}
            if change.signature
            else {}
        ),
        **({"role": change.role} if change.role else {}),
    }


def _evaluation_to_dict(evaluation: Evaluation) -> dict[str, Any]:
    def day(value: date | None) -> str | None:
        return value.isoformat() if value is not None else None

    recorded = evaluation.recorded_at
    return {
        "followup_date": day(evaluation.followup_date),
        "evaluated_on": evaluation.evaluated_on.isoformat(),
        "evaluator": evaluation.evaluator,
        "os_user": evaluation.os_user,
        "recorded_at": recorded.isoformat(timespec="seconds") if recorded else None,
        "what_happened": evaluation.what_happened,
        "impact": evaluation.impact.value,
        "impact_note": evaluation.impact_note,
        "next_followup": day(evaluation.next_followup),
        "measures": [
            {
                "measure_uid": m.measure_uid,
                "description": m.description,
                "status": m.status.value,
                "note": m.note,
            }
            for m in evaluation.measures
        ],
    }


def to_dict(document: ExchangeDocument) -> dict[str, Any]:
    """The JSON-ready file content; checked against the schema, so Lika never writes a
    file that it (or another Lika) would refuse to read."""
    data = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generator": f"Lika {__version__}",
        **({"audit_head": document.audit_head} if document.audit_head else {}),
        "assessment": assessment_to_dict(document.assessment),
        "history": [_change_to_dict(c) for c in document.history],
        "evaluations": [_evaluation_to_dict(e) for e in document.evaluations],
        "files": _files_to_list(document),
    }
    _check_written(data)
    return data


def _check_written(data: dict[str, Any]) -> None:
    """Refuse to write what the reading side (``_validate``, jsonschema) would refuse.

    The yes/no answer comes from ``schema_subset``, which checks the same schema with
    the same meaning without importing jsonschema (a third of ``lika export-pdf``'s
    time, issue 18); only a refusal asks jsonschema, for the message it gives a reader.
    Should the two ever disagree, jsonschema, the reader's own check, decides."""
    quick = _quick_check()
    if quick is None or not quick(data):
        _validate(data, "This assessment cannot be exported")


def _files_to_list(document: ExchangeDocument) -> list[dict[str, Any]]:
    """The bytes of every attached file, once each, in the order first attached."""
    digests = dict.fromkeys(e.sha256 for e in document.assessment.evidence if e.is_file)
    missing = [d for d in digests if d not in document.files]
    if missing:
        raise InputError(f"This assessment cannot be exported: the file {missing[0]} is missing")
    return [
        {
            "sha256": digest,
            "size": len(document.files[digest]),
            "data": base64.b64encode(document.files[digest]).decode("ascii"),
        }
        for digest in digests
    ]


def dumps(document: ExchangeDocument) -> str:
    return json.dumps(to_dict(document), ensure_ascii=False, indent=2) + "\n"


def write_file(document: ExchangeDocument, path: Path) -> None:
    """Write the file whole or not at all (a partial file never replaces a good one),
    readable by its owner only: it holds the whole assessment and its attached files."""
    write_bytes(Path(path), dumps(document).encode("utf-8"), suffix=".json", mode=0o600)


# Reading


def _position(data: bytes | str, offset: int) -> str:
    before = data[:offset]
    newline = b"\n" if isinstance(before, bytes) else "\n"
    line = before.count(newline) + 1  # type: ignore[arg-type]
    column = offset - (before.rfind(newline) + 1)  # type: ignore[arg-type]
    return f"line {line}, column {column + 1}"


def read_file(path: Path, checklists: Mapping[str, Checklist]) -> ExchangeDocument:
    """Read and check an exchange file, or raise ``ExchangeError`` saying what and where."""
    return parse(read_bytes(path), checklists, source=str(path))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing anything but a regular file of at most the size limit."""
    path = Path(path)
    try:
        if not path.is_file():
            raise ExchangeError(_not_a_file(path))
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ExchangeError(_too_large(path))
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)  # a file growing meanwhile stays bounded
    except OSError as error:
        raise ExchangeError(f"{path}: cannot be read: {error.strerror}") from None
    if len(data) > MAX_FILE_BYTES:
        raise ExchangeError(_too_large(path))
    return data


def _not_a_file(path: Path) -> str:
    """Why ``path`` is not read: missing, a folder, or a pipe or device (whose reading
    could block or never end)."""
    if path.is_dir():
        return f"{path}: is a folder, not an exchange file"
    if path.exists():
        return (
            f"{path}: is not a regular file (a pipe, a device or similar); "
            "only a saved exchange file is read"
        )
    return f"{path}: no such file"


def _too_large(path: Path) -> str:
    return (
        f"{path}: the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, "
        "which is far more than any assessment; it was not read"
    )


def parse(
    data: bytes, checklists: Mapping[str, Checklist], *, source: str = "the file"
) -> ExchangeDocument:
    """Check ``data`` layer by layer: bytes, text, JSON, schema, meaning."""

    def fail(message: str) -> ExchangeError:
        return ExchangeError(f"{source}: {message}")

    if len(data) > MAX_FILE_BYTES:
        raise fail(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("the file is UTF-16 text; save it as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise fail(f"contains a NUL byte at {_position(data, nul)}; it is not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise fail(f"is not UTF-8 text (bad byte at {_position(data, error.start)})") from None
    _check_nesting(text, fail)
    try:
        raw = json.loads(text, object_pairs_hook=_KeyCheckingDict.build, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise fail(
            f"is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except ValueError as error:
        if "digits" in str(error):  # Python refuses to parse integers this long
            raise fail("is not valid JSON for Lika: a number has thousands of digits") from None
        raise fail(f"is not valid JSON: {str(error)[:200]}") from None
    _check_duplicates(raw, "", fail)
    _check_header(raw, fail)
    raw = upgrade(raw, FORMAT_VERSION)
    _check_strings(raw, "", fail)
    _validate(raw, source)
    return _build(raw, checklists, fail)


def _constant(name: str) -> None:
    raise ValueError(f"{name} is not a number that JSON allows")


# A JSON string (so brackets inside text are skipped) or a bracket. A string that is
# never closed runs to the end of the text (an escape may be cut off there): every match
# succeeds where it starts, so the scan is linear; a pattern that had to find the closing
# quote failed at every escaped quote and scanned to the end again from the next one.
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)|[\[\]{}]', re.DOTALL)
_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")


def _check_nesting(text: str, fail: Any) -> None:
    """Refuse deep nesting before ``json.loads`` can recurse into it."""
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise fail(
                    f"is nested more than {MAX_DEPTH} levels deep at "
                    f"{_position(text, match.start())}; an assessment never is"
                )
        elif token in "]}":
            depth -= 1


class _KeyCheckingDict(dict[str, Any]):
    """A JSON object that remembers the first key it saw twice."""

    duplicate: str | None = None

    @classmethod
    def build(cls, pairs: list[tuple[str, Any]]) -> _KeyCheckingDict:
        result = cls()
        for key, value in pairs:
            if key in result and result.duplicate is None:
                result.duplicate = key
            result[key] = value
        return result


def _child(where: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


def _items(value: Any) -> list[tuple[str | int, Any]]:
    if isinstance(value, dict):
        return list(value.items())
    if isinstance(value, list):
        return list(enumerate(value))
    return []


def _check_duplicates(value: Any, where: str, fail: Any) -> None:
    if isinstance(value, _KeyCheckingDict) and value.duplicate is not None:
        place = f"in {where}" if where else "at the top level"
        raise fail(f"the key {value.duplicate!r} appears twice {place}")
    for key, child in _items(value):
        _check_duplicates(child, _child(where, key), fail)


def _check_header(raw: Any, fail: Any) -> None:
    if not isinstance(raw, dict):
        raise fail("is not a Lika assessment file (it is not a JSON object)")
    name = raw.get("format")
    if name != FORMAT_NAME:
        shown = repr(name)[:80] if name is not None else "missing"
        raise fail(f"is not a Lika assessment file (format is {shown}, not {FORMAT_NAME!r})")
    version = raw.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise fail(
            f"was written by a newer Lika (format version {version}; this Lika reads "
            f"version {FORMAT_VERSION}); please update Lika"
        )
    if (
        not isinstance(version, int)
        or isinstance(version, bool)
        or not OLDEST_READABLE <= version <= FORMAT_VERSION
    ):
        raise fail(f"has an unknown format version {repr(version)[:40]}")


def _bad_character(text: str) -> str | None:
    found = _BAD_CHARACTER.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return "a NUL character"
    return f"a lone surrogate (U+{ord(found.group()):04X})"


def _check_strings(value: Any, where: str, fail: Any) -> None:
    """NUL and lone surrogates are valid JSON escapes but not text anyone typed, and
    the database could not store a surrogate."""
    if isinstance(value, str):
        bad = _bad_character(value)
        if bad:
            raise fail(f"{where or 'the document'}: the text contains {bad}")
        return
    for key, child in _items(value):
        if isinstance(key, str):
            bad = _bad_character(key)
            if bad:
                raise fail(f"{where or 'the document'}: a key contains {bad}")
        _check_strings(child, _child(where, key), fail)


def _schema_message(error: jsonschema.ValidationError) -> str:
    where = ""
    for part in error.absolute_path:
        where = _child(where, part)
    where = where or "the document"
    kind = error.validator
    if kind == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else "a field"
        return f"{where}: the field {missing!r} is missing"
    if kind == "additionalProperties":
        schema = error.schema if isinstance(error.schema, Mapping) else {}
        allowed = set(schema.get("properties", {}))
        instance = error.instance if isinstance(error.instance, Mapping) else {}
        extra = sorted(k for k in instance if k not in allowed)
        shown = repr(extra[0])[:80] if extra else "a field"
        return f"{where}: unknown field {shown}"
    if kind == "maxLength":
        return f"{where}: the text is longer than {error.validator_value} characters"
    if kind == "maxItems":
        return f"{where}: more than {error.validator_value} entries"
    if kind == "type":
        return f"{where}: should be {_type_name(error.validator_value)}, not {_shown(error)}"
    if kind in ("enum", "const"):
        return f"{where}: {_shown(error)} is not one of the allowed values"
    if kind == "pattern":
        return f"{where}: {_shown(error)} is not in the expected form"
    return f"{where}: {str(error.message)[:200]}"


def _shown(error: jsonschema.ValidationError) -> str:
    text = json.dumps(error.instance, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_name(value: Any) -> str:
    names = {
        "string": "text",
        "object": "an object",
        "array": "a list",
        "integer": "a whole number",
        "null": "null",
    }
    if isinstance(value, list):
        return " or ".join(str(names.get(v, v)) for v in value)
    return names.get(value, str(value))


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """``node`` with every local ``#/$defs/...`` reference replaced by its definition."""
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    result = {k: _inline(v, defs) for k, v in node.items() if k not in ("$ref", "$defs")}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        result = {**_inline(defs[ref.removeprefix("#/$defs/")], defs), **result}
    return result


@cache
def _validator() -> jsonschema.Draft202012Validator:
    """The exchange schema with its references resolved once: following a reference
    costs jsonschema more than checking the value, and a file has thousands of them.
    (That the inlined schema is itself valid is checked by the tests, not on every
    export: checking it against the meta-schema took longer than writing the PDF.)"""
    import jsonschema  # on first import only: it is slow to load and not needed at start-up

    return jsonschema.Draft202012Validator(inlined_schema())


@cache
def _quick_check() -> Check | None:
    """The yes/no check, or None if the schema came to use a keyword ``schema_subset``
    does not know (then jsonschema checks every file; ``tests/test_schema_subset.py``
    fails until it learns it)."""
    try:
        return compile_schema(inlined_schema())
    except UnsupportedSchemaError:
        return None


def inlined_schema() -> dict[str, Any]:
    """The exchange schema with its local references replaced by what they refer to
    (read as JSON: building a jsonschema validator only to read it costs an import)."""
    schema = json.loads(resource_path("schemas", SCHEMA).read_text(encoding="utf-8"))
    assert isinstance(schema, Mapping)
    return dict(_inline(schema, schema.get("$defs", {})))


def _validate(raw: Any, source: str) -> None:
    errors = list(_validator().iter_errors(raw))
    if errors:
        import jsonschema

        best = jsonschema.exceptions.best_match(errors)
        raise ExchangeError(f"{source}: {_schema_message(best)}")


def _build(raw: dict[str, Any], checklists: Mapping[str, Checklist], fail: Any) -> ExchangeDocument:
    data = raw["assessment"]
    for where, problem in [
        *check_ranges(data, raw["history"], raw["evaluations"]),
        *_status_problems(raw),
        *check_evaluations(data, raw["evaluations"]),
        *check_against_checklists(data, checklists),
    ]:
        raise fail(f"{where}: {problem}")
    try:
        assessment = assessment_from_dict(data)
    except InputError as error:
        raise fail(f"in the assessment: {error}") from None
    # Before the approval is checked: the content it covers has the media types of the
    # files, not the ones the file claims.
    files = check_evidence(raw["files"], assessment, fail)
    history = [_change(c, f"history[{i}]", fail) for i, c in enumerate(raw["history"])]
    for where, problem in _approval_problems(assessment, history):
        raise fail(f"{where}: {problem}")
    evaluations = [_evaluation(e) for e in raw["evaluations"]]
    return ExchangeDocument(
        assessment, history, evaluations, files, audit_head=raw.get("audit_head", "")
    )


def _approval_problems(
    assessment: Assessment, history: list[StatusChange]
) -> list[tuple[str, str]]:
    """A history that ends in an approval must say what was approved, and it must be this
    content, whatever the file's status says (a file may claim "in review" as an
    unverified approval arrives; a signed approval over other content would otherwise be
    verified later and stand): content changed after the approval is refused. Every Lika
    records the fingerprint with the approval, so an approval without one is a file
    edited by hand, and is refused too (otherwise blanking it would slip any change
    through)."""
    if not history or history[-1].to_status is not Status.APPROVED:
        return []
    index, approval = len(history) - 1, history[-1]
    where = f"history[{index}].fingerprint"
    if not approval.fingerprint:
        return [
            (
                where,
                "the assessment is approved, but its approval records no fingerprint, so "
                "nothing shows that its content is what was approved (Lika always records "
                "one; the file was edited)",
            )
        ]
    if not matches_content(approval.fingerprint, assessment):
        return [
            (
                where,
                f"the assessment was approved with fingerprint {shown(approval.fingerprint)}, "
                f"but its content has {fingerprint(assessment)}: it was changed after the "
                "approval",
            )
        ]
    return []


def _status_problems(raw: dict[str, Any]) -> list[tuple[str, str]]:
    """The status must be where the history leads (or draft, without history)."""
    status = raw["assessment"]["status"]
    history = raw["history"]
    expected = history[-1]["to_status"] if history else Status.DRAFT.value
    # An approval this register could not verify was kept as a claim, in review.
    claim = expected == Status.APPROVED.value and status == Status.IN_REVIEW.value
    if status != expected and not claim:
        return [
            (
                "assessment.status",
                f"{status!r} does not match the review history, which ends in {expected!r}",
            )
        ]
    return []


def _evaluation(data: dict[str, Any]) -> Evaluation:
    """From schema-valid data whose dates ``check_ranges`` has passed."""

    def day(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    return Evaluation(
        assessment_id=0,
        followup_date=day(data["followup_date"]),
        evaluated_on=date.fromisoformat(data["evaluated_on"]),
        evaluator=data["evaluator"],
        os_user=data["os_user"],
        recorded_at=datetime.fromisoformat(data["recorded_at"]),
        what_happened=data["what_happened"],
        impact=ImpactAsExpected(data["impact"]),
        impact_note=data["impact_note"],
        next_followup=day(data["next_followup"]),
        measures=tuple(
            MeasureResult(m["measure_uid"], m["description"], MeasureStatus(m["status"]), m["note"])
            for m in data["measures"]
        ),
    )


def _change(data: dict[str, Any], where: str, fail: Any) -> StatusChange:
    try:
        return StatusChange(
            from_status=Status(data["from_status"]) if data["from_status"] else None,
            to_status=Status(data["to_status"]),
            actor=data["actor"],
            os_user=data["os_user"],
            at=datetime.fromisoformat(data["at"]),
            comment=data["comment"],
            fingerprint=data["fingerprint"],
            signature=data.get("signature", ""),
            public_key=data.get("public_key", ""),
            role=data.get("role", ""),
        )
    except ValueError as error:
        raise fail(f"{where}: {error}") from None


__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "ExchangeDocument",
    "ExchangeError",
    "dumps",
    "parse",
    "read_bytes",
    "read_file",
    "to_dict",
    "write_file",
]
