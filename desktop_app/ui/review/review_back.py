"""The end of the review document: the review and sign-off block (approval,
fingerprint, self-approval, status history)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.domain.fingerprint import matches_content
from desktop_app.domain.model import Trust
from desktop_app.domain.review import decisive_change
from desktop_app.ui.review.html_parts import box, heading, para, table, text

if TYPE_CHECKING:
    from desktop_app.ui.review.review_html import ReviewHtml


def reviewer(b: ReviewHtml) -> str:
    """Who approved, else who made the last review decision (return), else ""."""
    if b.data.approval is not None:
        return b.data.approval.signed_by
    last = decisive_change(b.data.history)
    return last.by if last else ""


def signoff(b: ReviewHtml) -> list[str]:
    data = b.data
    approval = data.approval
    current = data.fingerprint
    inner = ""
    if approval is None:
        inner += f"<h3>{text(b.t('pdf.not_approved'))}</h3>"
        last = decisive_change(data.history)
        if last is not None:
            inner += para(
                b.t(
                    "pdf.last_review",
                    status=b.label(last.to_status),
                    name=last.by,
                    date=b.context.short_date(last.at),
                )
            )
    else:
        approved = b.t(
            "pdf.approved_by", name=approval.signed_by, date=b.context.short_date(approval.at)
        )
        inner += f"<h3>✔ {text(approved)}</h3>"
        if approval.self_approved:
            inner += (
                f"<p><b>⚠ {text(b.words.self_approved)}</b> {text(b.words.self_approved_why)}</p>"
            )
        if approval.fingerprint:
            same = matches_content(approval.fingerprint, data.assessment)
            verdict = b.t("pdf.fingerprint_matches" if same else "pdf.fingerprint_differs")
            line = b.t("pdf.approved_fingerprint", fingerprint=approval.printed)
            if approval.legacy:
                line += " " + b.t("pdf.fingerprint_older")
            shown = text(verdict) if same else f"<b>{text(verdict)}</b>"
            inner += f"<p>{text(line)} – {shown}</p>"
            if approval.trust is Trust.SIGNED:
                inner += para(b.t("pdf.approval_signed"))
        else:  # an approval from a register that did not record it
            inner += f"<p><b>{text(b.t('pdf.approval_without_fingerprint'))}</b></p>"
        if approval.comment.strip():
            inner += para(f"{b.words.approval_comment} {approval.comment}")
    if data.claim is not None:
        claim = b.t(
            "pdf.unverified_claim",
            name=data.claim.signed_by,
            date=b.context.short_date(data.claim.at),
        )
        inner += f'<p class="unverified"><b>⚠ {text(claim)}</b></p>'
    inner += f"<p><b>{text(b.words.fingerprint.replace('%1', current))}</b></p>"
    inner += para(b.t("pdf.fingerprint_explained", fingerprint=current), "muted")
    flow = [heading(2, b.t("pdf.signoff"), name="signoff"), box(inner)]
    open_count = sum(1 for c in data.comments if not c.addressed)
    if data.comments:
        summary = b.words.comment_count(len(data.comments), open_count)
        flow.append(heading(3, b.t("pdf.review_comments")))
        flow.append(para(summary))
    if data.history:
        rows = [
            [
                text(b.context.short_date(change.at)),
                f"<b>{text(b.label(change.to_status))}</b>"
                + (f" ({text(b.t('pdf.unverified'))})" if change.unverified_claim else ""),
                text(change.by),
                text(change.comment or "–"),
            ]
            for change in data.history
        ]
        header = [text(b.t(k)) for k in ("pdf.when", "pdf.status", "pdf.who", "field.answer.note")]
        flow += [heading(3, b.t("pdf.history")), table(rows, header, widths=(20, 18, 22, 40))]
    if data.questions is not None and data.questions.unanswered:
        flow.insert(1, para(f"⚠ {b.words.unanswered(data.questions)}"))
    if data.statistics_problems:
        flow.insert(1, para(f"⚠ {b.words.statistics(data.statistics_problems)}"))
    if data.gaps:
        missing = b.words.missing(data.gaps)
        flow.insert(1, para(f"⚠ {missing}"))
    return flow
