"""Evidence ("underlag") a reviewer can open: attached files, web links and references
to a document in the records system.

A file's bytes live in the register, apart from the assessment (the storage layer keeps
them by SHA-256); the assessment holds what identifies them: name, type, size and
hash. So the fingerprint, and with it an approval, covers the file's content.

What may be attached is decided here, by the file's content and its name together:
PDF, Office and OpenDocument files, images and CSV, up to ``MAX_FILE_BYTES`` each and
``MAX_TOTAL_BYTES`` per assessment. A program is refused whatever it is called, and so
is a file whose content is not what its name says.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from desktop_app.domain.errors import InputError
from desktop_app.domain.uids import new_uid

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_TOTAL_BYTES = 25 * 1024 * 1024
MAX_NAME = 255


class EvidenceKind(StrEnum):
    FILE = "file"
    LINK = "link"  # a web address
    RECORD = "record"  # a case or document number in the records system


class RefusalReason(StrEnum):
    """Why a file cannot be attached; the texts (sv, nb, en) are in the vocabulary."""

    EMPTY = "empty"
    TOO_LARGE = "too_large"
    TOTAL_TOO_LARGE = "total_too_large"
    EXECUTABLE = "executable"
    TYPE_NOT_ALLOWED = "type_not_allowed"
    CONTENT_MISMATCH = "content_mismatch"
    MACROS = "macros"
    BAD_LINK = "bad_link"
    EMPTY_REFERENCE = "empty_reference"
    NOT_OPENABLE = "not_openable"  # in a register already, but not a file Lika opens


class AttachmentRefusedError(InputError):
    """A file or link that cannot be added; ``reason`` says why, for a translated text."""

    def __init__(self, reason: RefusalReason, name: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.name = name


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence on the decision (``target`` empty) or on one ground.

    For a file, ``title`` is its file name, and ``media_type``, ``size`` and
    ``sha256`` describe its content; for a link or record, ``reference`` is the URL or
    the case number and ``title`` an optional label."""

    uid: str = field(default_factory=new_uid)
    target: str = ""
    kind: EvidenceKind = EvidenceKind.FILE
    title: str = ""
    reference: str = ""
    media_type: str = ""
    size: int = 0
    sha256: str = ""
    note: str = ""

    @property
    def description(self) -> str:
        """How the audit log and the comparison name it (a file with the start of its
        hash, so a different file of the same name shows as a change)."""
        if self.is_file:
            return f"{self.title} (SHA-256 {self.sha256[:12]})"
        return f"{self.title}: {self.reference}" if self.title else self.reference

    @property
    def is_file(self) -> bool:
        return self.kind is EvidenceKind.FILE


# What may be attached: extension -> (media type, content family).
_ALLOWED: dict[str, tuple[str, str]] = {
    "pdf": ("application/pdf", "pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "ooxml"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ooxml"),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "ooxml"),
    "doc": ("application/msword", "ole"),
    "xls": ("application/vnd.ms-excel", "ole"),
    "ppt": ("application/vnd.ms-powerpoint", "ole"),
    "odt": ("application/vnd.oasis.opendocument.text", "odf"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "odf"),
    "odp": ("application/vnd.oasis.opendocument.presentation", "odf"),
    "png": ("image/png", "png"),
    "jpg": ("image/jpeg", "jpeg"),
    "jpeg": ("image/jpeg", "jpeg"),
    "gif": ("image/gif", "gif"),
    "tif": ("image/tiff", "tiff"),
    "tiff": ("image/tiff", "tiff"),
    "webp": ("image/webp", "webp"),
    "csv": ("text/csv", "text"),
}
ALLOWED_EXTENSIONS: tuple[str, ...] = tuple(_ALLOWED)

# Names that run code when opened, whatever is inside.
_EXECUTABLE_EXTENSIONS = frozenset(
    {
        *("exe", "dll", "com", "bat", "cmd", "msi", "msp", "scr", "pif", "cpl", "ps1"),
        *("psm1", "vbs", "vbe", "js", "jse", "wsf", "wsh", "hta", "jar", "sh", "bash"),
        *("run", "bin", "elf", "app", "apk", "deb", "rpm", "dmg", "pkg", "lnk", "reg"),
        *("inf", "scf", "url", "docm", "xlsm", "pptm", "dotm", "xltm", "potm", "ppsm"),
        *("sldm", "py", "pyw", "pl", "rb", "php"),
    }
)

# Content that is a program: PE (Windows), ELF, Mach-O, scripts with a #! line,
# Java classes.
_EXECUTABLE_MAGIC = (
    b"MZ",
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"#!",
)


def extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _zip_names(data: bytes) -> list[str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return None


def _family_matches(family: str, data: bytes) -> bool:
    head = data[:16]
    if family == "pdf":
        return b"%PDF-" in data[:1024]
    if family == "ole":
        return head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    if family in ("ooxml", "odf"):
        if not head.startswith(b"PK\x03\x04"):
            return False
        names = _zip_names(data)
        if names is None:
            return False
        if family == "ooxml":
            return "[Content_Types].xml" in names
        return "mimetype" in names and data[30:38] == b"mimetype"
    if family == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if family == "jpeg":
        return head.startswith(b"\xff\xd8\xff")
    if family == "gif":
        return head.startswith((b"GIF87a", b"GIF89a"))
    if family == "tiff":
        return head.startswith((b"II*\x00", b"MM\x00*"))
    if family == "webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    if family == "text":
        if b"\x00" in data:
            return False
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                data.decode("cp1252")
            except UnicodeDecodeError:
                return False
        return True
    return False


def _refuse(reason: RefusalReason, name: str, message: str) -> AttachmentRefusedError:
    return AttachmentRefusedError(reason, name, f"{name}: {message}")


def check_file(name: str, data: bytes, *, already: int = 0) -> str:
    """The media type of a file that may be attached, or ``AttachmentRefusedError``.

    ``already`` is the size of the files the assessment has: together they stay
    within ``MAX_TOTAL_BYTES``."""
    size = len(data)
    if size == 0:
        raise _refuse(RefusalReason.EMPTY, name, "the file is empty")
    if size > MAX_FILE_BYTES:
        raise _refuse(
            RefusalReason.TOO_LARGE,
            name,
            f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB",
        )
    if already + size > MAX_TOTAL_BYTES:
        raise _refuse(
            RefusalReason.TOTAL_TOO_LARGE,
            name,
            f"together the files would be larger than {MAX_TOTAL_BYTES // (1024 * 1024)} MB",
        )
    ext = extension(name)
    if ext in _EXECUTABLE_EXTENSIONS or data.startswith(_EXECUTABLE_MAGIC):
        raise _refuse(RefusalReason.EXECUTABLE, name, "programs and macro files are not accepted")
    allowed = _ALLOWED.get(ext)
    if allowed is None:
        raise _refuse(
            RefusalReason.TYPE_NOT_ALLOWED,
            name,
            f"only {', '.join(ALLOWED_EXTENSIONS)} files can be attached",
        )
    media_type, family = allowed
    if not _family_matches(family, data):
        raise _refuse(
            RefusalReason.CONTENT_MISMATCH,
            name,
            f"the content is not a .{ext} file",
        )
    if family in ("ooxml", "odf"):
        names = _zip_names(data) or []
        if any(n.lower().endswith("vbaproject.bin") or n.startswith("Basic/") for n in names):
            raise _refuse(RefusalReason.MACROS, name, "the document contains macros")
    return media_type


def sha256(data: bytes) -> str:
    import hashlib  # here: it loads OpenSSL, which the model's other users never need

    return hashlib.sha256(data).hexdigest()


def file_evidence(name: str, data: bytes, target: str = "", *, already: int = 0) -> Evidence:
    """A checked file as evidence on ``target``; its bytes are stored by the caller."""
    name = name.strip().replace("/", "_").replace("\\", "_")[:MAX_NAME] or "file"
    media_type = check_file(name, data, already=already)
    return Evidence(
        target=target,
        kind=EvidenceKind.FILE,
        title=name,
        media_type=media_type,
        size=len(data),
        sha256=sha256(data),
    )


def link_evidence(
    kind: EvidenceKind, reference: str, title: str = "", target: str = ""
) -> Evidence:
    """A web link (http or https only) or a records-system reference."""
    reference = reference.strip()
    check_reference(kind, reference, title)
    return Evidence(target=target, kind=kind, title=title.strip(), reference=reference)


def check_reference(kind: EvidenceKind, reference: str, title: str = "") -> None:
    """A link is a web address (http or https, with a host), a records-system reference
    is not empty; else ``AttachmentRefusedError``. Whatever the system would do with
    another scheme (``file:``, ``smb:``, ``javascript:``) is never asked of it."""
    reference = reference.strip()
    if not reference:
        raise _refuse(RefusalReason.EMPTY_REFERENCE, title, "the reference is empty")
    if kind is EvidenceKind.LINK:
        try:
            parts = urlsplit(reference)
            web = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
        except ValueError:  # a malformed address (an unclosed IPv6 bracket)
            web = False
        if not web:
            raise _refuse(
                RefusalReason.BAD_LINK, reference, "a link must be a web address (http or https)"
            )
    elif kind is not EvidenceKind.RECORD:
        raise ValueError(kind)


def check_openable(name: str) -> None:
    """A file name the system may be asked to open: one of the kinds that can be
    attached; else ``AttachmentRefusedError``. (A file that came into the register by
    another way than ``check_file`` is not handed to whatever program its name picks.)"""
    if extension(name) not in _ALLOWED:
        raise _refuse(
            RefusalReason.NOT_OPENABLE,
            name,
            f"cannot be opened: only {', '.join(ALLOWED_EXTENSIONS)} files are opened",
        )


def total_size(items: list[Evidence]) -> int:
    """Bytes of the distinct files among ``items`` (a file attached twice counts once)."""
    return sum({e.sha256: e.size for e in items if e.is_file}.values())


# Plain data (exchange file, fingerprint, demo)


def evidence_to_dict(item: Evidence) -> dict[str, Any]:
    return {
        f.name: (v.value if isinstance(v := getattr(item, f.name), StrEnum) else v)
        for f in fields(item)
    }


def evidence_from_dict(data: Any, where: str) -> Evidence:
    if not isinstance(data, dict):
        raise InputError(f"{where} must be an object")
    names = {f.name for f in fields(Evidence)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise InputError(f"{where}: unknown field {unknown[0]!r}")
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name == "size":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise InputError(f"{where}.size: should be a whole number")
        elif not isinstance(value, str):
            raise InputError(f"{where}.{name}: should be text")
        values[name] = value
    try:
        values["kind"] = EvidenceKind(values.get("kind", "file"))
    except ValueError:
        raise InputError(f"{where}.kind: {values['kind']!r} is not a kind of evidence") from None
    return Evidence(**values)
