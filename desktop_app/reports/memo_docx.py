"""The memo section as a Word document (.docx), for the tjänsteskrivelse / saksframlegg.

Written with python-docx in the styles of the organisation's own Word template when IT
names one (``memo_template`` in defaults.ini), so a paste into the memo needs no
reformatting; otherwise in Word's built-in styles (Heading 2, Normal, List Bullet,
Table Grid). Only style names are used, never direct formatting, for the same reason.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT

from desktop_app.domain.errors import InputError
from desktop_app.domain.memo_document import MemoDocument, MemoTable
from desktop_app.reports.output import atomic_write
from desktop_app.reports.safe_text import without_unsafe

HEADING = "Heading 2"
SUBHEADING = "Heading 3"
BODY = "Normal"
LIST = "List Bullet"
TABLE = "Table Grid"


def memo_docx(memo: MemoDocument, template: Path | None = None) -> Document:
    """The memo section as a python-docx document, on ``template`` if one is given.

    The template's own body (a letterhead, sample text) is removed: only its styles,
    page setup, headers and footers are kept. Control characters (which python-docx
    refuses, and which can arrive in an exchange file) are left out."""
    memo = _safe(memo)
    if template is not None:
        try:
            document = docx.Document(_as_document(template))
        except Exception as error:  # python-docx raises several kinds for a bad file
            raise InputError(f"Cannot use the Word template {template}: {error}") from None
        body = document.element.body
        for child in list(body):
            if not child.tag.endswith("}sectPr"):
                body.remove(child)
    else:
        document = docx.Document()
    styles = {style.name for style in document.styles}

    def style(name: str, fallback: str = BODY) -> str | None:
        return name if name in styles else (fallback if fallback in styles else None)

    document.core_properties.title = memo.heading
    document.add_paragraph(memo.heading, style=style(HEADING))
    for paragraph in memo.paragraphs:
        kind = style(LIST) if paragraph.bullet else style(BODY)
        document.add_paragraph(paragraph.text, style=kind)
    table_style = style(TABLE, "Normal Table")
    if memo.impacts.rows:
        _table(document, memo.impacts, table_style, (0.26, 0.16, 0.2, 0.38))
    if memo.measures.rows:
        _table(document, memo.measures, table_style, (0.08, 0.39, 0.22, 0.17, 0.14))
    return document


def _safe(memo: MemoDocument) -> MemoDocument:
    """``memo`` with every text it writes cleaned (``safe_text``), in one place."""

    def table(data: MemoTable) -> MemoTable:
        return MemoTable(
            tuple(map(without_unsafe, data.header)),
            tuple(tuple(map(without_unsafe, row)) for row in data.rows),
        )

    return replace(
        memo,
        heading=without_unsafe(memo.heading),
        paragraphs=tuple(replace(p, text=without_unsafe(p.text)) for p in memo.paragraphs),
        impacts=table(memo.impacts),
        measures=table(memo.measures),
    )


def _as_document(template: Path) -> io.BytesIO:
    """The template as a .docx in memory: python-docx opens only documents, and a Word
    template (.dotx) differs from one only in its main part's content type."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"wordprocessingml.template.main+xml", b"wordprocessingml.document.main+xml"
                )
            target.writestr(item, data)
    buffer.seek(0)
    return buffer


def _table(
    document: Document, data: MemoTable, style: str | None, shares: tuple[float, ...]
) -> None:
    """A table over the text width, its columns in ``shares`` of it."""
    table = document.add_table(rows=1, cols=len(data.header), style=style)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    section = document.sections[-1]
    page_width, left, right = section.page_width, section.left_margin, section.right_margin
    assert page_width is not None and left is not None and right is not None, "no page size"
    width = page_width - left - right
    for cell, text in zip(table.rows[0].cells, data.header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    _repeat_header(table)
    for row in data.rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    for column, share in zip(table.columns, shares, strict=True):
        column.width = int(width * share)  # the grid, which LibreOffice follows
        for cell in column.cells:
            cell.width = int(width * share)  # each cell, which Word follows
    document.add_paragraph()  # Word joins two tables that touch


def _repeat_header(table: object) -> None:
    """Mark the first row as a header row: repeated on each page, read as column heads."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = table.rows[0]._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def write_memo_docx(memo: MemoDocument, out: Path, template: Path | None = None) -> None:
    """Write the memo section to ``out`` atomically (complete or not at all)."""
    document = memo_docx(memo, template)
    atomic_write(Path(out), lambda temp: document.save(str(temp)), suffix=".docx")
