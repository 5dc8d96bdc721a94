"""A short, stable fingerprint of what an assessment says.

Printed on every PDF page and stored with each approval, it lets a reader check a
printout against the register. It is a hash over a canonical serialisation of the
content (sorted keys, NFC-normalised text, no register data), so it does not depend on
the database, the storage order or how the text was typed.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any

from desktop_app.domain.model import Assessment
from desktop_app.domain.serialize import content_to_dict

FINGERPRINT_LENGTH = 12


def _normalise(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, dict):
        return {_normalise(k): _normalise(v) for k, v in value.items()}
    return value


def canonical_json(assessment: Assessment) -> str:
    content = _normalise(content_to_dict(assessment))
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def fingerprint(assessment: Assessment) -> str:
    """Twelve hex digits in groups of four, e.g. ``3f2a-9c1b-77d0``."""
    digest = hashlib.sha256(canonical_json(assessment).encode("utf-8")).hexdigest()
    short = digest[:FINGERPRINT_LENGTH]
    return "-".join(short[i : i + 4] for i in range(0, FINGERPRINT_LENGTH, 4))


def full_fingerprint(assessment: Assessment) -> str:
    """The whole SHA-256 of the content (64 hex digits): what a PDF that carries its data
    records, so a changed embedded file is found, not only a changed printout."""
    return hashlib.sha256(canonical_json(assessment).encode("utf-8")).hexdigest()
