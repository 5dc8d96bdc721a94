"""The evidence of an exchange file, checked as if it were attached or added here.

A file can come from anywhere, so what it says about its evidence is not taken on its
word: every file item is checked by its own name against the bytes it names (two items
may name the same file, and each name is what the system would open it by), its media
type is the one its content has, and every link is a web address. Nothing here touches
the database.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import replace
from typing import Any

from desktop_app.domain.errors import InputError
from desktop_app.domain.evidence import check_file, check_reference, sha256
from desktop_app.domain.model import Assessment


def check_evidence(
    raw_files: list[dict[str, Any]], assessment: Assessment, fail: Any
) -> dict[str, bytes]:
    """The attached files' bytes by SHA-256; ``assessment.evidence`` with each file's
    media type taken from its content. Raises ``fail(message)`` for a file or item that
    could not be attached or added here."""
    files = _decoded(raw_files, {e.sha256 for e in assessment.evidence if e.is_file}, fail)
    checked = []
    total = 0
    counted: set[str] = set()
    for index, item in enumerate(assessment.evidence):
        where = f"assessment.evidence[{index}]"
        if not item.is_file:
            try:
                check_reference(item.kind, item.reference, item.title)
            except InputError as error:
                raise fail(f"{where}: {error}") from None
            checked.append(item)
            continue
        data = files.get(item.sha256)
        if data is None:
            raise fail(f"{where}.sha256: the file {item.sha256 or '(none)'} is not in the file")
        if item.size != len(data):
            raise fail(f"{where}.size: the file has {len(data)} bytes")
        already = total - (len(data) if item.sha256 in counted else 0)
        try:
            media_type = check_file(item.title, data, already=already)
        except InputError as error:
            raise fail(f"{where}: {error}") from None
        if item.sha256 not in counted:
            counted.add(item.sha256)
            total += len(data)
        checked.append(replace(item, media_type=media_type))
    assessment.evidence = checked
    return files


def _decoded(raw_files: list[dict[str, Any]], attached: set[str], fail: Any) -> dict[str, bytes]:
    """Each file decodes, has the hash and size it claims, appears once and is attached
    by some item."""
    files: dict[str, bytes] = {}
    for index, entry in enumerate(raw_files):
        where = f"files[{index}]"
        try:
            data = base64.b64decode(entry["data"], validate=True)
        except (binascii.Error, ValueError):
            raise fail(f"{where}.data: is not base64") from None
        digest = entry["sha256"]
        if sha256(data) != digest:
            raise fail(f"{where}: the content does not have the SHA-256 {digest}")
        if len(data) != entry["size"]:
            raise fail(f"{where}.size: the content has {len(data)} bytes, not {entry['size']}")
        if digest in files:
            raise fail(f"{where}: the file {digest} appears twice")
        if digest not in attached:
            raise fail(f"{where}: no evidence in the assessment attaches this file")
        files[digest] = data
    return files
