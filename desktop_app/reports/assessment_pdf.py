"""The PDF summary a manager reads: conclusion and risks first, details after.

Every piece of user text passes through ``text.markup`` (escaped, cleaned, bidi
ordered) before it reaches a Paragraph, so nothing a caseworker types can be read as
markup. The cover and the back live in ``summary_cover`` and ``summary_back``; the body
between them is the assessment's document (``domain.assessment_document``), shared
with review mode and laid out by ``summary_blocks``.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable

from desktop_app.domain.model import Status
from desktop_app.reports import (
    fallback,
    summary_back,
    summary_cover,
    tagging,
)
from desktop_app.reports.flowables import report_doc
from desktop_app.reports.fonts import register_fonts
from desktop_app.reports.output import Finish, LateFile, pdfa_finish, write_pdf
from desktop_app.reports.page import PageDecor, canvas_maker
from desktop_app.reports.summary_blocks import render
from desktop_app.reports.summary_context import SummaryContext
from desktop_app.reports.summary_input import Approval, ReviewNote, SummaryInput
from desktop_app.reports.text import clean, format_day, plain

HEADER_CHARACTERS = 160

__all__ = ["Approval", "ReviewNote", "SummaryInput", "build_summary", "render_summary"]


# Carries the audit log's head in the PDF's keywords, for ``lika check --against``.
AUDIT_HEAD_KEYWORD = "lika-audit-head:"


def story(data: SummaryInput, c: SummaryContext | None = None) -> list[Flowable]:
    c = c or SummaryContext(data)
    doc = c.doc
    return [
        *summary_cover.cover(c),
        # The measures first: a manager reads what will be done before the details.
        *render(c, doc.measures()),
        *render(c, doc.decision()),
        *render(c, doc.relevant_grounds()),
        *render(c, doc.other_grounds()),
        *render(c, doc.evidence_elsewhere()),
        *render(c, doc.followup()),
        *summary_back.review(c),
        *summary_back.appendix(c),
    ]


def _decor(data: SummaryInput, print_fingerprint: str) -> PageDecor:
    a, lang, vocab = data.assessment, data.language, data.vocabulary
    framework = data.checklists[0]
    # The checklists by name ("Barnets rättigheter 1.0"): ids are for the program.
    modules = "".join(f" + {c.name.get(lang)} {c.version}" for c in data.checklists[1:])
    header = " · ".join(x for x in (a.decision.title, a.decision.case_number) if x)
    if len(header) > HEADER_CHARACTERS:  # a line at the top of each page, not the title
        header = header[: HEADER_CHARACTERS - 1] + "…"
    return PageDecor(
        header=plain(header),
        footer_lines=(
            vocab.text("pdf.generated", lang, date=format_day(data.generated, lang))
            + " · "
            + vocab.text(
                "pdf.checklist", lang, id=framework.name.get(lang), version=a.framework_version
            )
            + modules,
            vocab.text("pdf.fingerprint", lang, fingerprint=print_fingerprint),
        ),
        footer_right=lambda page, pages: vocab.text("pdf.page_of", lang, page=page, pages=pages),
        draft_mark=None if a.status is Status.APPROVED else vocab.text("pdf.draft_mark", lang),
    )


def build_summary(
    data: SummaryInput,
    target: BinaryIO | str | LateFile,
    tags: tagging.Recorder | None = None,
    finish: Finish | None = None,
) -> None:
    """Lay out the summary into ``target`` (a file name or a binary buffer); ``finish``
    completes reportlab's document before it is written (``output.pdfa_finish``)."""
    register_fonts()
    a, lang, vocab = data.assessment, data.language, data.vocabulary
    title = clean(a.decision.title) or vocab.text("document.title", lang)
    doc = report_doc(
        target,
        title=title,
        author=clean(a.decision.author),
        subject=vocab.text("document.title", lang),
        keywords=[
            k
            for k in (clean(a.decision.case_number), *(c.name.get(lang) for c in data.checklists))
            if k
        ]
        + ([f"{AUDIT_HEAD_KEYWORD}{data.chain_head}"] if data.chain_head else []),
        lang=lang.value,
    )
    c = SummaryContext(data)
    fallback.activate(text for _path, text in fallback.strings(_user_data(data)))
    try:
        doc.build(
            story(data, c), canvasmaker=canvas_maker(_decor(data, c.fingerprint), tags, finish)
        )
    finally:
        fallback.deactivate()


def _user_data(data: SummaryInput) -> tuple[object, ...]:
    """What people typed and the summary prints (the checklists are Lika's own text)."""
    return (data.assessment, tuple(data.history), tuple(data.review_notes), data.approval)


def unprintable(data: SummaryInput) -> list[fallback.Unprintable]:
    """The fields with characters no font here can print, found before writing."""
    register_fonts()
    left = fallback.activate(text for _path, text in fallback.strings(_user_data(data)))
    fallback.deactivate()
    a = data.assessment
    parts = {"": a, "history": list(data.history), "review": list(data.review_notes)}
    return [p for prefix, part in parts.items() for p in fallback.unprintable(part, left, prefix)]


def render_summary(data: SummaryInput, out: Path) -> None:
    """Write the summary PDF to ``out`` atomically, as PDF/A-2b."""
    tags = tagging.Recorder()
    title = clean(data.assessment.decision.title) or data.vocabulary.text(
        "document.title", data.language
    )
    finish = pdfa_finish(attachment=data.attachment, tags=tags, title=title)
    write_pdf(Path(out), lambda buffer: build_summary(data, buffer, tags, finish))
