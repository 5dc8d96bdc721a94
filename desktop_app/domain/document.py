"""A document as a tree of plain blocks: headings, paragraphs, lists, tables, label/value
facts and the places comments belong.

The assessment's document (``domain.assessment_document``) is built from these once,
and rendered twice: as PDF flowables (``reports.summary_blocks``) and as review mode's
HTML (``ui.review.review_blocks``). The blocks say what a thing is, not how it looks;
each renderer decides the look. Where paper and screen differ by nature (a link on
screen is a number on paper, comments are shown in place on screen and at the back on
paper), the renderer decides that too, so the builder says each thing once.

Text is plain text as people typed it or the vocabulary words it; a renderer escapes it.
``typed`` marks what people typed: it is in the assessment's language, which a PDF in
another language marks as such (``/Lang``) for a screen reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from desktop_app.domain.model import Direction, Severity
from desktop_app.domain.review import CommentTarget

# Shape and word, not colour alone, tell the impact apart (on paper and on screen).
DIRECTION_SYMBOLS = {
    Direction.POSITIVE: "▲",
    Direction.NEGATIVE: "▼",
    Direction.MIXED: "◆",
    Direction.NEUTRAL: "●",
    Direction.UNKNOWN: "?",
}
# Severity as a three-step scale of filled squares, then the word.
SEVERITY_MARKS = {Severity.LOW: "■□□", Severity.MEDIUM: "■■□", Severity.HIGH: "■■■"}
# A link to an evidence item ("evidence:UID"): the window opens it from a read-only copy.
EVIDENCE_LINK = "evidence"


class Style(StrEnum):
    BODY = "body"
    LABEL = "label"  # the label above a piece of user text; kept with what follows
    NOTE = "note"  # secondary: a source, a remark about the text around it
    WARNING = "warning"  # a finding the reader should not miss (shown with ⚠)


@dataclass(frozen=True)
class Heading:
    """``level`` 1 is a section, 2 a part of one (a ground), 3 a minor heading.
    ``target``: the anchor comments are about (and, on screen, a "Comment…" link);
    ``outline``: the words of the PDF bookmark when they differ from ``text``."""

    text: str
    level: int = 1
    target: CommentTarget | None = None
    outline: str | None = None


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Style = Style.BODY
    typed: bool = False


@dataclass(frozen=True)
class Item:
    """One item of a list: ``prefix`` then ``text`` (a link on screen when ``link`` is
    set: ``#ground:age``, ``evidence:UID``) then ``suffix``; ``detail`` is a second,
    emphasised line (an answer under its question)."""

    text: str
    prefix: str = ""
    suffix: str = ""
    link: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Bullets:
    label: str
    items: tuple[Item, ...]
    typed: bool = False  # the items are what people typed (not Lika's words)


@dataclass(frozen=True)
class Answers:
    """The checklist answers given for a ground, question and answer (``Item.detail``).
    On screen beside the ground; on paper every answer is in the appendix instead."""

    label: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Reference:
    number: int  # its number in the numbered table it is in
    text: str
    target: CommentTarget


@dataclass(frozen=True)
class References:
    """Things told elsewhere in the document (the measures of a ground): on paper by
    their numbers, on screen as links to them."""

    label: str
    items: tuple[Reference, ...]


@dataclass(frozen=True)
class Cell:
    text: str
    bold: bool = False
    muted: bool = False  # a stand-in for missing text ("no justification given")
    typed: bool = False
    warning: str = ""  # a second line that must be seen ("overdue")


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    target: CommentTarget | None = None  # what the row is: its anchor and comments


class TableKind(StrEnum):
    """What a table holds; a renderer picks its column widths and look by it."""

    MEASURES = "measures"
    OTHER_GROUNDS = "other_grounds"
    FIGURES = "figures"  # a statistics table: label and number


@dataclass(frozen=True)
class Table:
    kind: TableKind
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    numbered: bool = False  # on paper each row gets its number (``Reference`` uses it)
    comments_in_rows: bool = False  # on screen: a row's comments in its last cell


@dataclass(frozen=True)
class Facts:
    """Label and value pairs, two to a line (a ground's impact, severity, …)."""

    pairs: tuple[tuple[str, Cell], ...]


@dataclass(frozen=True)
class Comments:
    """Where the comments on ``target`` belong. On screen they are shown here; on paper
    only a ground's (the steps' are printed with the review at the back)."""

    target: CommentTarget


@dataclass(frozen=True)
class Together:
    """Blocks read as one (a statistics table with its source): not split on paper."""

    blocks: tuple[Block, ...] = field(default=())


Block = Heading | Paragraph | Bullets | Answers | References | Table | Facts | Comments | Together


def labelled(label: str, text: str) -> list[Block]:
    """A label and the user's text under it; nothing at all if the text is empty."""
    if not text.strip():
        return []
    return [Paragraph(label, Style.LABEL), Paragraph(text, typed=True)]
