"""The fingerprint of what an assessment says: evidence a printout can be checked by.

The register keeps the full SHA-256 (64 hex digits) of a canonical serialisation of
the content (sorted keys, NFC-normalised text, no register data), so it does not depend
on the database, the storage order or how the text was typed. What is printed on the PDF
and accepted by ``lika verify --fingerprint`` is its first 140 bits in Crockford's
base32, in groups of four (``7K3M-Q9XZ-…``): readable aloud, typeable from paper (no I,
L, O or U; a typed O counts as 0, I and L as 1), and a collision costs about 2^70 work.

Approvals made before this form recorded 12 hex digits (48 bits; a collision costs about
2^24 work, minutes on one core). They stay readable as the older, weaker form
(``is_legacy``), but such a value is never accepted as proof.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from enum import StrEnum
from typing import Any

from desktop_app.domain.model import Assessment
from desktop_app.domain.serialize import content_to_dict

PRINTED_BITS = 140
GROUP = 4
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32
_TYPED = str.maketrans({"O": "0", "I": "1", "L": "1"})
_LEGACY = re.compile(r"^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$")
_DIGEST = re.compile(r"^[0-9a-f]{64}$")
PRINTED_LENGTH = PRINTED_BITS // 5


def _normalise(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, dict):
        return {_normalise(k): _normalise(v) for k, v in value.items()}
    return value


def _dumps(content: Any) -> str:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def canonical_json(assessment: Assessment) -> str:
    """The content as JSON, every key and text NFC-normalised.

    Most content is NFC already, and then the JSON of it as it is *is* the canonical
    form: when the whole text is NFC, so is each key and text in it (JSON writes them
    as they are, escaping only quotes, backslashes and control characters, none of
    which composes with anything). Only otherwise is every text normalised one by one
    (normalising the whole text instead would differ: the ``n`` of an escaped newline
    composes with a combining tilde after it)."""
    content = content_to_dict(assessment)
    text = _dumps(content)
    if unicodedata.is_normalized("NFC", text):
        return text
    return _dumps(_normalise(content))


def content_digest(assessment: Assessment) -> str:
    """The full SHA-256 of the content (64 hex digits): what an approval records."""
    return hashlib.sha256(canonical_json(assessment).encode("utf-8")).hexdigest()


def printed_of_digest(digest: str) -> str:
    """The printed form of a full digest: 28 base32 characters in groups of four."""
    number = int(digest, 16) >> (256 - PRINTED_BITS)
    chars = "".join(_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(PRINTED_LENGTH)))
    return "-".join(chars[i : i + GROUP] for i in range(0, PRINTED_LENGTH, GROUP))


def fingerprint(assessment: Assessment) -> str:
    """The printed fingerprint of ``assessment``, e.g. ``7K3M-Q9XZ-0B4T-…`` (7 groups)."""
    return printed_of_digest(content_digest(assessment))


def legacy_fingerprint_of(digest: str) -> str:
    """The 48-bit form approvals recorded before: the first 12 hex digits, grouped."""
    return "-".join(digest[i : i + 4] for i in range(0, 12, 4))


def legacy_fingerprint(assessment: Assessment) -> str:
    return legacy_fingerprint_of(content_digest(assessment))


def is_legacy(recorded: str) -> bool:
    """Whether an approval recorded the older 48-bit form (``3f2a-9c1b-77d0``)."""
    return bool(_LEGACY.match(recorded))


def shown(recorded: str) -> str:
    """What an approval recorded, as a person reads it: the printed form of a full
    digest, an old 48-bit value as it was."""
    return printed_of_digest(recorded) if _DIGEST.match(recorded) else recorded


def matches_content(recorded: str, assessment: Assessment) -> bool:
    """Whether ``assessment``'s content is what an approval recorded (in either form)."""
    if _DIGEST.match(recorded):
        return recorded == content_digest(assessment)
    if is_legacy(recorded):
        return recorded == legacy_fingerprint(assessment)
    return False


class Given(StrEnum):
    """What a fingerprint typed from paper is."""

    PRINTED = "printed"  # the 140-bit printed form
    FULL = "full"  # all 64 hex digits
    LEGACY = "legacy"  # the older 48-bit form: readable, never proof


def read_given(text: str) -> tuple[Given, str] | None:
    """A fingerprint as typed (any case, spaces and dashes as they come) in its
    canonical form, or None if it is none of the three forms."""
    compact = "".join(ch for ch in text if ch not in " -\t").upper()
    if len(compact) == 64 and re.fullmatch(r"[0-9A-F]{64}", compact):
        return Given.FULL, compact.lower()
    if len(compact) == 12 and re.fullmatch(r"[0-9A-F]{12}", compact):
        return Given.LEGACY, legacy_fingerprint_of(compact.lower())
    typed = compact.translate(_TYPED)
    if len(typed) == PRINTED_LENGTH and all(ch in _ALPHABET for ch in typed):
        return Given.PRINTED, "-".join(typed[i : i + GROUP] for i in range(0, len(typed), GROUP))
    return None
