"""The memo section as a Word file: the use case behind ``lika summary ID --out FILE.docx``
and the window's *Export memo section…*, so both write the same document with the
organisation's template (``memo_template`` in defaults.ini) when IT names one."""

from __future__ import annotations

from pathlib import Path

from desktop_app.app.service import AssessmentService
from desktop_app.defaults import load_defaults
from desktop_app.domain.errors import InputError
from desktop_app.domain.memo_document import MemoDocument, memo_document
from desktop_app.domain.model import Assessment, Language

DOCX_SUFFIX = ".docx"


def memo_for(
    service: AssessmentService, assessment: Assessment, language: Language | None = None
) -> MemoDocument:
    """The memo section of ``assessment`` (in its own language unless one is given)."""
    return memo_document(
        assessment,
        service.checklists_for(assessment),
        service.content.vocabulary,
        language or assessment.language,
    )


def template() -> Path | None:
    """IT's Word template, or None for Word's built-in styles. A template that is named
    but missing is an error, not a silent fallback: the memo would look wrong."""
    defaults = load_defaults()
    path = defaults.memo_template
    if path is not None and not path.is_file():
        raise InputError(
            f"{defaults.where('memo_template')}: the Word template {path} is not there"
        )
    return path


def write_memo(memo: MemoDocument, out: Path) -> None:
    """Write ``memo`` to ``out`` (a .docx file) in the organisation's styles."""
    from desktop_app.reports.memo_docx import write_memo_docx  # python-docx: only when used

    out = Path(out)
    if out.suffix.lower() != DOCX_SUFFIX:
        raise InputError(f"Cannot write {out}: the memo is written as a Word file (.docx)")
    write_memo_docx(memo, out, template())
