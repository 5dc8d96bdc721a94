"""Small HTML pieces for the review view (a QTextBrowser document).

Every piece of user text goes through ``text()`` (``html.escape``, newlines kept as
line breaks), so nothing a caseworker types can become markup or a link; only the
builder's own tags and the ``comment:`` and ``#`` links it writes reach the browser.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

COMMENT_SCHEME = "comment"
STYLE_SHEET = """
h1 { font-size: x-large; margin-top: 4px; margin-bottom: 2px; }
h2 { font-size: large; margin-top: 18px; margin-bottom: 4px; }
h3 { font-size: medium; margin-top: 12px; margin-bottom: 2px; }
td, th { padding: 4px; vertical-align: top; }
th { text-align: left; }
.muted { font-style: italic; }
.label { font-weight: bold; margin-top: 6px; }
.kicker { font-weight: bold; letter-spacing: 1px; }
"""


def text(value: str) -> str:
    """User text as HTML: escaped, line breaks kept."""
    return html.escape(value.strip(), quote=True).replace("\n", "<br/>")


def para(value: str, css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f"<p{cls}>{text(value)}</p>"


def labelled(label: str, value: str) -> str:
    """A label and the user's text under it; nothing if the text is empty."""
    if not value.strip():
        return ""
    return f'<p class="label">{text(label)}</p><p>{text(value)}</p>'


def anchor(name: str) -> str:
    return f'<a name="{html.escape(name, quote=True)}"></a>'


def link(href: str, label: str) -> str:
    return f'<a href="{html.escape(href, quote=True)}">{text(label)}</a>'


def heading(level: int, title: str, *, name: str = "", extra: str = "") -> str:
    """A heading with an optional anchor before it and extra markup (a link) after it."""
    after = f"&nbsp;&nbsp;<small>{extra}</small>" if extra else ""
    return f"{anchor(name) if name else ''}<h{level}>{text(title)}{after}</h{level}>"


def table(
    rows: Iterable[Sequence[str]],
    header: Sequence[str] = (),
    *,
    widths: Sequence[int] = (),
    border: int = 1,
) -> str:
    """A table; cells are markup already (escape user text with ``text()`` first)."""

    def cells(tag: str, values: Sequence[str]) -> str:
        out = []
        for index, value in enumerate(values):
            width = f' width="{widths[index]}%"' if index < len(widths) else ""
            out.append(f"<{tag}{width}>{value}</{tag}>")
        return "".join(out)

    head = f"<tr>{cells('th', header)}</tr>" if header else ""
    body = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return (
        f'<table width="100%" border="{border}" cellspacing="0" cellpadding="4" '
        f'style="border-collapse: collapse; border-color: #8a8a8a;">{head}{body}</table>'
    )


def box(inner: str) -> str:
    """A framed block (the conclusion, the sign-off, a comment)."""
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="8" '
        f'style="border-collapse: collapse; border-color: #8a8a8a;"><tr><td>{inner}'
        "</td></tr></table>"
    )
