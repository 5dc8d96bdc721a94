"""Statistics tables and evidence in the review view, where the PDF has them: beside
the decision and each relevant ground, and for other grounds in a section of their own.

Files and web links are links (``evidence:UID``); the window opens a file with the
system's viewer from a read-only copy, so a reviewer reads the evidence without
leaving Lika's control of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.domain.evidence import EvidenceKind
from desktop_app.domain.model import Relevance
from desktop_app.domain.statistics import SEX_ROWS, FigureUnit
from desktop_app.domain.statistics_text import number, size_text, table_findings
from desktop_app.ui.review.html_parts import heading, link, table, text

if TYPE_CHECKING:
    from desktop_app.ui.review.review_html import ReviewHtml

EVIDENCE_SCHEME = "evidence"


def for_target(b: ReviewHtml, target: str) -> str:
    """The statistics and evidence on the decision (``target`` empty) or one ground."""
    a, lang = b.data.assessment, b.context.language
    parts: list[str] = []
    tables = [t for t in a.statistics if t.target == target]
    if tables:
        parts.append(f'<p class="label">{text(b.t("statistics.heading"))}</p>')
    for t in tables:
        suffix = " %" if t.unit is FigureUnit.PERCENT else ""
        title = " · ".join(x for x in (t.label, b.label(t.topic), b.label(t.unit)) if x)
        rows = [
            [text(b.t(f"statistics.row.{row}")), text(number(value, lang) + suffix)]
            for row in SEX_ROWS
            if (value := t.figure(row)) is not None
        ]
        if t.given:
            rows.append(
                [f"<b>{text(b.t('statistics.row.sum'))}</b>",
                 f"<b>{text(number(t.sum, lang) + suffix)}</b>"]
            )  # fmt: skip
        if t.total is not None:
            key = "statistics.row.total" if t.unit is FigureUnit.COUNT else "statistics.row.base"
            rows.append([text(b.t(key)), text(number(t.total, lang))])
        parts.append(table(rows, [text(title), text(b.t("statistics.figure"))], widths=(70, 30)))
        source = " · ".join(x for x in (t.source, str(t.year or "")) if x)
        if source:
            parts.append(f'<p class="muted">{text(b.t("statistics.source"))}: {text(source)}</p>')
        for finding in table_findings(b.context.content.vocabulary, t, lang):
            parts.append(f"<p>⚠ {text(finding)}</p>")
    items = [e for e in a.evidence if e.target == target]
    if items:
        parts.append(f'<p class="label">{text(b.t("evidence.heading"))}</p>')
        lines = []
        for e in items:
            kind = b.label(e.kind)
            if e.kind is EvidenceKind.RECORD:
                label = f"{e.title}: " if e.title else ""
                lines.append(f"<li>{text(f'{kind}: {label}{e.reference}')}</li>")
                continue
            shown = e.title or e.reference
            href = f"{EVIDENCE_SCHEME}:{e.uid}"
            if e.is_file:
                details = f" ({e.media_type}, {size_text(e.size, lang)}) SHA-256 {e.sha256}"
            else:
                details = f" – {e.reference}" if e.title else ""
            lines.append(f"<li>{text(kind)}: {link(href, shown)}{text(details)}</li>")
        parts.append(f"<ul>{''.join(lines)}</ul>")
    return "".join(parts)


def other_grounds(b: ReviewHtml) -> list[str]:
    """Statistics and evidence on grounds that are not shown in depth."""
    a = b.data.assessment
    names = {g.key: g.label(b.context.language) for g in b.data.grounds}
    targets = [
        key
        for key in dict.fromkeys([t.target for t in a.statistics] + [e.target for e in a.evidence])
        if key and b.data.relevance(key) is not Relevance.RELEVANT
    ]
    if not targets:
        return []
    flow = [heading(2, b.t("evidence.on_ground"))]
    for key in targets:
        flow += [heading(3, names.get(key, key)), for_target(b, key)]
    return flow
