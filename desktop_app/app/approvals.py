"""Approvals as evidence: signing those made here, judging those that arrive in files.

An approval made in this register by Lika is witnessed; it is also signed with the
approver's own key (``keys.KeyStore``), so that a copy that travels can be checked
elsewhere. An approval that arrives in an exchange file is judged before anything is
stored (``judge_import``):

- signed by a key this register trusts, and the signature holds for this assessment,
  revision and content: it stands (``Trust.SIGNED``);
- not signed, or signed by a key this register does not trust (or one IT revoked): the
  assessment arrives in review, and the file's approval is kept in its history as a
  claim labelled unverified (``Trust.UNVERIFIED``);
- signed, but the signature does not hold (forged, made over other content, for another
  revision or another assessment) or cannot be read: the file is refused, naming the
  place.
"""

from __future__ import annotations

from dataclasses import replace

from desktop_app.domain.audit_summary import OWN_KEY, signed_note
from desktop_app.domain.errors import InputError
from desktop_app.domain.fingerprint import fingerprint, is_legacy, matches_content, shown
from desktop_app.domain.model import Assessment, Status, StatusChange, Trust
from desktop_app.domain.review import same_person
from desktop_app.domain.signing import (
    SignatureCheck,
    SignatureProblem,
    approval_message,
    public_key_text,
    sign,
    verify,
)
from desktop_app.keys import KeyStanding, KeyStore, TrustedKeys, describe_key
from desktop_app.storage.exchange import ExchangeDocument, ExchangeError


def message_for(a: Assessment, change: StatusChange, *, version: int = 2) -> bytes:
    """What the approver's key signs for ``change`` of ``a`` (``version`` 1: as Lika
    signed before the comment was covered)."""
    return approval_message(
        assessment_uid=a.uid,
        series_uid=a.series_uid,
        revision=a.revision,
        content_sha256=change.fingerprint,
        from_status=change.from_status.value if change.from_status else None,
        to_status=change.to_status.value,
        actor=change.actor,
        os_user=change.os_user,
        at=change.at.isoformat(timespec="seconds"),
        comment=change.comment if version >= 2 else None,
        role=change.role,
    )


def holds(a: Assessment, change: StatusChange) -> SignatureCheck:
    """Whether ``change``'s signature holds for ``a``: over the current message, or over
    the older one (a signature made before the comment was covered)."""
    check = verify(change.public_key, change.signature, message_for(a, change))
    if check.problem is SignatureProblem.INVALID:
        older = verify(change.public_key, change.signature, message_for(a, change, version=1))
        if older.ok:
            return older
    return check


def signing_problem(keys: KeyStore | None) -> str:
    """Why approvals made here cannot be signed now ("" when they can): the user is
    told, since the approval then stands here but arrives unverified elsewhere."""
    if keys is None:
        return ""
    try:
        keys.ensure()
    except InputError as error:
        return str(error)
    return ""


def signed(keys: KeyStore | None, a: Assessment, change: StatusChange) -> StatusChange:
    """``change`` (an approval made here) with its approver's signature; unsigned if
    there is no key store or the key cannot be made (the approval is still witnessed
    here, it only cannot be checked elsewhere: ``signing_problem`` says why, for the
    user)."""
    if keys is None or change.to_status is not Status.APPROVED:
        return change
    try:
        key = keys.ensure()
    except InputError:
        return change
    # The time as the exchange file writes it, so the signature checks out there.
    change = replace(change, at=change.at.replace(microsecond=0))
    return replace(
        change,
        signature=sign(key, message_for(a, change)),
        public_key=public_key_text(key.public_key()),
    )


def portable(a: Assessment, change: StatusChange) -> StatusChange:
    """``change`` as an exchange file carries it: its signature only if it holds for
    ``a`` (a copy made with a new uid keeps its approval here, but the signature was
    for the original, and would only get the file refused elsewhere)."""
    if not change.signature:
        return change
    if holds(a, change).ok:
        return change
    return replace(change, signature="", public_key="")


def judge_import(
    document: ExchangeDocument, trusted: TrustedKeys, *, source: str = "the file"
) -> list[str]:
    """Mark each status change of ``document`` with how this register knows it, and move
    an assessment whose approval is not verified back to review. Returns what the user
    should be told; raises ``ExchangeError`` for a signature that does not hold."""
    a = document.assessment
    notes: list[str] = []
    history: list[StatusChange] = []
    document.signed_by = ""
    for index, change in enumerate(document.history):
        if change.to_status is not Status.APPROVED:
            history.append(replace(change, trust=Trust.IMPORTED))
            continue
        where = f"{source}: history[{index}]"
        trust, note = _judge(a, change, trusted, where)
        history.append(replace(change, trust=trust))
        if note:
            notes.append(note)
        if trust is Trust.SIGNED:
            document.signed_by = signed_note(change.actor, _signer(trusted, change.public_key))
    document.history = history
    if history and history[-1].approves:  # perhaps a claim elsewhere, verified here
        a.status = Status.APPROVED
    elif a.status is Status.APPROVED:
        a.status = Status.IN_REVIEW
        notes.append(
            "the assessment arrives in review, not approved; its approval is kept in its "
            "history, labelled unverified"
        )
    return notes


def _judge(
    a: Assessment, change: StatusChange, trusted: TrustedKeys, where: str
) -> tuple[Trust, str]:
    claim = f"the approval by {change.actor} ({change.at:%Y-%m-%d})"
    if not change.signature and not change.public_key:
        return Trust.UNVERIFIED, f"{claim} is unverified: it carries no signature"
    check = holds(a, change)
    if check.problem is SignatureProblem.MALFORMED:
        raise ExchangeError(
            f"{where}: the approval's signature or public key is not in the form Lika "
            "writes (the file was edited)"
        )
    if not check.ok:
        raise ExchangeError(
            f"{where}: the approval's signature does not hold for this assessment: it was "
            "made for another assessment, another revision or other content, or forged"
        )
    if not matches_content(change.fingerprint, a):
        # The signature holds for the fingerprint it names, but that is not this content.
        raise ExchangeError(
            f"{where}: the approval is signed over other content: it names the fingerprint "
            f"{shown(change.fingerprint)}, but the assessment in the file has "
            f"{fingerprint(a)} (the content was changed after the approval)"
        )
    standing, name = trusted.standing(change.public_key)
    key = describe_key(change.public_key)
    if is_legacy(change.fingerprint):  # a signature over 48 bits proves too little
        return Trust.UNVERIFIED, f"{claim} is unverified: it names only a 48-bit fingerprint"
    if standing is KeyStanding.TRUSTED:
        if change.public_key.strip() == trusted.own or same_person(name, change.actor):
            return Trust.SIGNED, ""
        return (
            Trust.UNVERIFIED,
            f"{claim} is unverified: it is signed by {key}, which IT lists for {name}, not "
            f"for {change.actor}",
        )
    if standing is KeyStanding.REVOKED:
        revoked = f"{claim} is unverified: it is signed by {key} ({name}), which IT revoked"
        return Trust.UNVERIFIED, revoked
    return (
        Trust.UNVERIFIED,
        f"{claim} is unverified: it is signed by {key}, which this register does not trust",
    )


def _signer(trusted: TrustedKeys, public_key: str) -> str:
    """Whose key a trusted key is, as the import records it."""
    if public_key.strip() == trusted.own:
        return f"{OWN_KEY} ({describe_key(public_key)})"
    return f"{trusted.standing(public_key)[1]} ({describe_key(public_key)})"
