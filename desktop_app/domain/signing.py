"""Signed approvals: what an approver's Ed25519 key signs, and checking it.

An approval that travels in an exchange file is only believed when it carries a
signature that verifies against a key the receiving register trusts. The signature is
over a canonical JSON message binding everything the approval says: which assessment
(uid), which decision and revision (series uid, revision number), which content (its
full SHA-256), the status change, who, when, and the approver's comment (a condition
is part of the approval). A signature copied onto another assessment, another revision,
changed content or an edited comment therefore does not verify. The cryptography is
``cryptography``'s Ed25519, not a scheme of our own.

Versions of the message: ``lika-approval/2`` (with the comment) is what Lika signs;
``lika-approval/1`` (without it) is what it signed before, and still verifies.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop_app.domain.model import Trust

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

# ``cryptography`` is imported by the functions that use it: the service loads this
# module, and most commands (``lika export-pdf``) never sign or check a signature; its
# import was about 20 ms of theirs (issue 18).

MESSAGE_KIND = "lika-approval/2"
MESSAGE_KIND_V1 = "lika-approval/1"  # signed before the comment was covered
KEY_ID_LENGTH = 16


def approval_message(
    *,
    assessment_uid: str,
    series_uid: str,
    revision: int,
    content_sha256: str,
    from_status: str | None,
    to_status: str,
    actor: str,
    os_user: str,
    at: str,
    comment: str | None = None,
    role: str = "",
) -> bytes:
    """The bytes an approver's key signs (``at`` as in the exchange file, to the second):
    ``lika-approval/2`` with ``comment``; without it (None), the older ``/1``. The
    approver's role title is bound too when there is one; an approval without one signs
    the message it always did, so approvals signed before roles still verify."""
    fields: dict[str, object] = {
        "kind": MESSAGE_KIND if comment is not None else MESSAGE_KIND_V1,
        "assessment_uid": assessment_uid,
        "series_uid": series_uid,
        "revision": revision,
        "content_sha256": content_sha256,
        "from_status": from_status,
        "to_status": to_status,
        "actor": actor,
        "os_user": os_user,
        "at": at,
        **({"role": role} if role else {}),
    }
    if comment is not None:
        fields["comment"] = comment
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def sign(key: Ed25519PrivateKey, message: bytes) -> str:
    """The signature, base64."""
    return base64.b64encode(key.sign(message)).decode("ascii")


def public_key_text(key: Ed25519PublicKey) -> str:
    """The raw 32-byte public key, base64: how keys travel and are listed."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return base64.b64encode(key.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode("ascii")


def key_id(public_text: str) -> str:
    """A short name of a public key for people: 16 hex digits of its SHA-256."""
    return hashlib.sha256(public_text.strip().encode("ascii", "replace")).hexdigest()[
        :KEY_ID_LENGTH
    ]


class SignatureProblem(StrEnum):
    MALFORMED = "malformed"  # not base64, wrong length: the file was edited
    INVALID = "invalid"  # does not verify for this message


@dataclass(frozen=True)
class SignatureCheck:
    ok: bool
    problem: SignatureProblem | None = None


def load_public_key(public_text: str) -> Ed25519PublicKey | None:
    """The public key of its base64 text, or None if it is not one."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        raw = base64.b64decode(public_text.strip(), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError):
        return None


def verify(public_text: str, signature: str, message: bytes) -> SignatureCheck:
    """Whether ``signature`` is ``public_text``'s signature over ``message``."""
    from cryptography.exceptions import InvalidSignature

    key = load_public_key(public_text)
    try:
        raw = base64.b64decode(signature.strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if key is None or len(raw) != 64:
        return SignatureCheck(False, SignatureProblem.MALFORMED)
    try:
        key.verify(raw, message)
    except InvalidSignature:
        return SignatureCheck(False, SignatureProblem.INVALID)
    return SignatureCheck(True)


__all__ = ["Trust", "approval_message", "key_id", "public_key_text", "sign", "verify"]
