"""Evidence use cases: attaching a file, adding a link or reference, opening a file.

The window calls these; the rules (what may be attached, how large) are the domain's
(``domain.evidence``) and the bytes are kept by the repository. An attached file is
opened from a read-only copy in a private temporary folder, never from the register,
so a viewer that saves cannot change the evidence an approval covers.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

from desktop_app.app.ports import AssessmentStore
from desktop_app.domain.errors import InputError
from desktop_app.domain.evidence import (
    MAX_FILE_BYTES,
    AttachmentRefusedError,
    Evidence,
    EvidenceKind,
    RefusalReason,
    check_openable,
    check_reference,
    file_evidence,
    link_evidence,
    sha256,
    total_size,
)
from desktop_app.domain.model import Assessment

# Besides letters and digits of any script, what a file name may keep.
_SAFE = frozenset("._- ()")


class EvidenceService:
    def __init__(self, repository: AssessmentStore, temp_root: Path | None = None) -> None:
        self.repository = repository
        self._temp_root = temp_root
        self._folder: Path | None = None

    def attach_file(self, assessment: Assessment, path: Path, target: str = "") -> Evidence:
        """Check the file at ``path`` and keep its bytes in the register; the item to
        add to ``assessment.evidence`` (the caller adds it, as an undoable edit)."""
        path = Path(path)
        try:
            if not path.is_file():
                raise InputError(f"{path}: no such file")
            if path.stat().st_size > MAX_FILE_BYTES:  # refused before it is read
                raise AttachmentRefusedError(
                    RefusalReason.TOO_LARGE,
                    path.name,
                    f"{path.name}: the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB",
                )
            data = path.read_bytes()
        except OSError as error:
            raise InputError(f"{path}: cannot be read: {error.strerror}") from None
        already = total_size(assessment.evidence)
        item = file_evidence(path.name, data, target, already=already)
        self.repository.store_evidence_file(data)
        return item

    @staticmethod
    def reference(
        kind: EvidenceKind, reference: str, title: str = "", target: str = ""
    ) -> Evidence:
        """A web link or a records-system reference, checked."""
        return link_evidence(kind, reference, title, target)

    @staticmethod
    def web_address(item: Evidence) -> str:
        """The address of a link, to hand to the system: only a web address (http or
        https) is; whatever came into the register another way is checked again here."""
        if item.kind is not EvidenceKind.LINK:
            raise InputError(f"{item.description} is not a web address")
        check_reference(item.kind, item.reference, item.title)
        return item.reference.strip()

    def read(self, item: Evidence) -> bytes:
        if not item.is_file:
            raise InputError(f"{item.description} is not a file")
        return self.repository.evidence_file(item.sha256)

    def open_copy(self, item: Evidence) -> Path:
        """A read-only copy of an attached file, for the system's viewer; the copy is
        checked against the item's hash, and removed when Lika exits. Only a file of a
        kind that can be attached is opened (by the name the copy gets, which picks the
        program that opens it)."""
        name = (
            "".join(c if c.isalnum() or c in _SAFE else "_" for c in item.title).strip(" .")
            or "file"
        )
        check_openable(name)
        data = self.read(item)
        if sha256(data) != item.sha256:  # the register's bytes are checked too
            raise InputError(f"{item.title}: the stored file does not match its hash")
        folder = Path(tempfile.mkdtemp(prefix=item.sha256[:8] + "-", dir=self._session_folder()))
        copy = folder / name
        copy.write_bytes(data)
        copy.chmod(stat.S_IRUSR)
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        return copy

    def _session_folder(self) -> Path:
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="lika-evidence-", dir=self._temp_root))
            atexit.register(remove_copies, self._folder)
        return self._folder


def remove_copies(folder: Path) -> None:
    """Remove the read-only copies (making them writable first, as Windows needs)."""
    if not folder.exists():
        return
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            with contextlib.suppress(OSError):
                (Path(root) / name).chmod(stat.S_IRWXU)
    shutil.rmtree(folder, ignore_errors=True)
