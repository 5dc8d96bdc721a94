"""The memo section as HTML for the clipboard: a paste into Word or Outlook keeps the
heading, the list of measures and both tables (plain text alone loses the tables)."""

from __future__ import annotations

from html import escape

from desktop_app.domain.memo_document import MemoDocument, MemoTable


def memo_html(memo: MemoDocument) -> str:
    """A small, self-contained HTML fragment with no styling of its own, so the paste
    takes the styles of the document it lands in."""
    parts = [f"<h2>{escape(memo.heading)}</h2>"]
    in_list = False
    for paragraph in memo.paragraphs:
        if paragraph.bullet and not in_list:
            parts.append("<ul>")
        elif not paragraph.bullet and in_list:
            parts.append("</ul>")
        in_list = paragraph.bullet
        tag = "li" if paragraph.bullet else "p"
        parts.append(f"<{tag}>{escape(paragraph.text)}</{tag}>")
    if in_list:
        parts.append("</ul>")
    parts.extend(_table(t) for t in (memo.impacts, memo.measures) if t.rows)
    return "\n".join(parts)


def _table(table: MemoTable) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table.header)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in table.rows
    )
    return f'<table border="1"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
