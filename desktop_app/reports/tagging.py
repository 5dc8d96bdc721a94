"""Tagged PDF (PDF/UA-1) for reportlab, which writes none of it itself.

While the document is laid out, every flowable a frame draws is put inside marked
content (``/P <</MCID n>> BDC … EMC``) and recorded as an element of a structure tree:
headings as H1–H3 (by bookmark level, so in order), paragraphs as P, lists as L/LI with
Lbl and LBody (``reports.lists``), tables as Table/TR with TH (scope Column for header
rows, scope Row for the labels of label/value tables) and TD per cell, charts as Figure
with their alternative text, and ``/Lang`` on user text in another language than the
document's. Page headers, footers and the DRAFT watermark, and the lines and
shading of tables, are marked as artifacts. The tree is held in flat arrays
(``reports.struct_tree``: a portfolio has an element per listing cell). Once every page
is laid out, ``apply`` gives reportlab's document what the tree needs
(``reports.pdf_objects``) and the tree itself is written with the file, one element at a
time (``reports.struct_writer``): ``/StructTreeRoot`` with its ``/ParentTree``,
``/StructParents`` and ``/Tabs /S`` on each page, ``/MarkInfo <</Marked true>>``,
``/ViewerPreferences <</DisplayDocTitle true>>``, and the title in the document
information; ``pdfa.declare`` then says ``pdfuaid:part`` 1 in the XMP metadata of a PDF
with a structure tree.

One recorder per document, reached through the canvas (``canvas.tags``).
"""

from __future__ import annotations

import functools
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName
from reportlab.platypus import Flowable, Frame, Paragraph, Spacer, Table

from desktop_app.reports import struct_writer
from desktop_app.reports.pdf_objects import set_entry
from desktop_app.reports.struct_tree import Element, Tree

__all__ = ["Element", "Recorder", "TaggingFrame", "apply", "lang_of"]

ALT_DEFAULT = "Chart"


def lang_of(content: object) -> str:
    """The language a paragraph (or a cell's first paragraph) says its text is in: the
    ``lang`` its style carries (``styles.make_styles``), empty for the document's."""
    if isinstance(content, list | tuple):
        content = content[0] if content else None
    return str(getattr(getattr(content, "style", None), "lang", "") or "")


def _is_empty(content: object) -> bool:
    return content is None or content == "" or content == []


class Recorder:
    """Hands out MCIDs per page and builds the structure tree as the canvas draws."""

    def __init__(self) -> None:
        self.tree = Tree()
        self.root = Element(self.tree, 0)
        self._table: Element | None = None
        self._row: Element | None = None
        # A table split over pages is one table: its pieces share an ``origin`` and
        # follow each other.
        self._last_table: tuple[object, Element] | None = None
        self._continued = False
        self._ids = 0
        self._header: str = ""  # the ID of the row's last header cell (pairs)
        self._list: tuple[object, Element] | None = None  # the open list and its L

    def begin(self, canvas: Any, element: Element) -> None:
        canvas._code.append(self.marked(canvas, element))

    def marked(self, canvas: Any, element: Element) -> str:
        """The operator that opens ``element``'s next marked content on this page, for
        the caller to write where it draws (the canvas, or a text object's code)."""
        mcid = self.tree.mark(element.index, canvas.getPageNumber() - 1)
        return f"/{element.tag} <</MCID {mcid}>> BDC"

    def marked_child(self, canvas: Any, parent: Element, tag: str) -> str:
        """A new ``tag`` element under ``parent`` and the operator that opens its marked
        content: ``marked`` for the cells of a listing (hundreds of thousands in a
        portfolio), without a handle on the new element."""
        tree = self.tree
        mcid = tree.mark(tree.add(parent.index, tag), canvas.getPageNumber() - 1)
        return f"/{tag} <</MCID {mcid}>> BDC"

    def take_back(self, element: Element) -> None:
        """``element`` drew nothing after all: its last MCID is handed out again, and
        an element left without content is no longer in the tree."""
        self.tree.take_back(element.index)

    @staticmethod
    def end(canvas: Any) -> None:
        canvas._code.append("EMC")

    @staticmethod
    def begin_artifact(canvas: Any) -> None:
        canvas._code.append("/Artifact BMC")

    # ------------------------------------------------------------------ lists
    def list_item(self, key: object, lang: str = "") -> tuple[Element, Element]:
        """A new item (LI with Lbl and LBody) of the list ``key``: the list goes on if it
        is the last thing in the tree, else a new L begins."""
        if self._list is None or self._list[0] is not key or not self._is_last(self._list[1]):
            self._list = (key, self.root.add("L"))
        item = self._list[1].add("LI")
        return item.add("Lbl"), item.add("LBody", lang=lang)

    def parent_of(self, flowable: Flowable) -> Element:
        """Where a flowable goes: into its list item's body if it belongs to one (an
        answer under its numbered question), else the document."""
        item = getattr(flowable, "list_item", None)
        body = getattr(item, "body", None)
        if body is not None and self._list is not None and self._is_last(self._list[1]):
            return body  # type: ignore[no-any-return]
        return self.root

    def _is_last(self, element: Element) -> bool:
        children = self.tree.root_children
        return bool(children) and children[-1] == element.index

    # ------------------------------------------------------------------ flowables
    def tag_of(self, flowable: Flowable) -> str | None:
        if getattr(flowable, "tags_itself", False):  # e.g. a streamed table's page
            return None
        level = getattr(flowable, "bookmark_level", None)
        if level is not None:
            return f"H{min(level + 1, 6)}"
        if isinstance(flowable, Paragraph):
            return "P"
        if isinstance(flowable, Spacer | Table) or not hasattr(flowable, "draw"):
            return None
        return "Figure"

    def table_callback(self, table: Table, event: str, *args: Any) -> None:
        """reportlab's Table render callback: TR per row, TH/TD per cell, artifacts for
        backgrounds and rules.

        A table with a header row is data: Table, TR, TH (scope Column), TD. One with
        ``tag_role`` "pairs" (label, value, label, value) is a table whose labels are
        row headers: TH (scope Row) and each value a TD naming its label in Headers.
        One without either lays out boxes and is read as a division of paragraphs. The
        pieces of a table split over pages are one table; the header row a piece
        repeats is an artifact."""
        canvas = table.canv
        role = getattr(table, "tag_role", "") or ("data" if table.repeatRows else "layout")
        if event == "startTable":
            origin = getattr(table, "tag_origin", None) or table
            last = self._last_table
            self._continued = last is not None and last[0] is origin and self._is_last(last[1])
            if last is not None and self._continued:
                self._table = last[1]
            else:
                self._table = self.root.add("Div" if role == "layout" else "Table")
                self._last_table = (origin, self._table)
        elif event in ("startBG", "startLines"):
            self.begin_artifact(canvas)
        elif event in ("endBG", "endLines"):
            self.end(canvas)
        elif event == "startRow":
            assert self._table is not None
            repeated = self._continued and args[0] < table.repeatRows
            if repeated:
                self._row = None
            else:
                self._row = self._table if role == "layout" else self._table.add("TR")
        elif event == "startCell":
            if self._row is None:  # a header row repeated on the next page
                self.begin_artifact(canvas)
                return
            self.begin(canvas, self._cell(table, role, args[0], args[1], args[2]))
        elif event == "endCell":
            self.end(canvas)

    def _cell(self, table: Table, role: str, row: int, column: int, content: Any) -> Element:
        assert self._row is not None
        lang = lang_of(content)
        if role == "layout":
            return self._row.add("P", lang=lang)
        if role == "pairs":
            if column % 2 == 0 and not _is_empty(content):
                self._ids += 1
                self._header = f"rh{self._ids}"
                cell = self._row.add("TH", scope="Row", lang=lang)
                cell.id = self._header
                return cell
            cell = self._row.add("TD", lang=lang)
            if column % 2 == 1 and self._header:
                cell.headers = (self._header,)
            self._header = ""
            return cell
        header = row < table.repeatRows
        return self._row.add("TH" if header else "TD", scope="Column" if header else "", lang=lang)


class TaggingFrame(Frame):
    """A frame that puts each flowable it draws into the structure tree."""

    def add(self, flowable: Flowable, canv: Any, trySplit: int = 0) -> int:  # noqa: N803
        recorder: Recorder | None = getattr(canv, "tags", None)
        drawn: int
        if recorder is None:
            drawn = super().add(flowable, canv, trySplit)
            return drawn
        if isinstance(flowable, Table):
            flowable._renderCB = recorder.table_callback
            drawn = super().add(flowable, canv, trySplit)
            return drawn
        tag = recorder.tag_of(flowable)
        if tag is None:
            drawn = super().add(flowable, canv, trySplit)
            return drawn
        element = recorder.parent_of(flowable).add(
            tag, alt=getattr(flowable, "alt_text", "") or "", lang=lang_of(flowable)
        )
        if tag == "Figure" and not element.alt:
            element.alt = ALT_DEFAULT
        start = len(canv._code)
        recorder.begin(canv, element)
        drawn = super().add(flowable, canv, trySplit)
        if not drawn or len(canv._code) == start + 1:  # nothing was drawn: undo
            del canv._code[start:]
            recorder.take_back(element)
            return drawn
        recorder.end(canv)
        return drawn


# ---------------------------------------------------------------------- the PDF side


def apply(doc: Any, recorder: Recorder, title: str) -> None:
    """Make reportlab's document ``doc`` (every page laid out, nothing written yet) a
    tagged PDF: the catalog's and pages' entries now, the structure tree when the
    document is written (``struct_writer.save``, one element at a time)."""
    root = struct_writer.TreeRoot()
    catalog = doc.Catalog
    set_entry(catalog, "StructTreeRoot", doc.Reference(root))
    for index, page in enumerate(doc.Pages.pages):
        set_entry(page, "StructParents", index)
        set_entry(page, "Tabs", PDFName("S"))
    set_entry(catalog, "MarkInfo", PDFDictionary({"Marked": "true"}))
    set_entry(catalog, "ViewerPreferences", PDFDictionary({"DisplayDocTitle": "true"}))
    if title:  # the XMP packet (``pdfa.declare``) is written from the document information
        doc.info.title = title
    # reportlab's canvas saves through its document's method: this document's only
    doc.SaveToFile = functools.partial(struct_writer.save, doc, recorder.tree, root)
