"""Tagged PDF (PDF/UA-1) for reportlab, which writes none of it itself.

While the document is laid out, every flowable a frame draws is put inside marked
content (``/P <</MCID n>> BDC … EMC``) and recorded as an element of a structure tree:
headings as H1–H3 (by bookmark level, so in order), paragraphs as P, tables as Table/TR
with TH (scope Column, for header rows) and TD per cell, charts as Figure with their
alternative text. Page headers, footers and the DRAFT watermark, and the lines and
shading of tables, are marked as artifacts. After the build, ``apply`` writes the tree
into the PDF with pikepdf: ``/StructTreeRoot`` with its ``/ParentTree``, ``/StructParents``
and ``/Tabs /S`` on each page, ``/MarkInfo <</Marked true>>``, ``/ViewerPreferences
<</DisplayDocTitle true>>``, and ``pdfuaid:part`` 1 in the XMP metadata.

One recorder per document, reached through the canvas (``canvas.tags``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pikepdf
from reportlab.platypus import Flowable, Frame, Paragraph, Spacer, Table

ALT_DEFAULT = "Chart"


@dataclass
class Element:
    """One structure element: its tag, marked content (page index, MCID) and children."""

    tag: str
    parent: Element | None = None
    children: list[Element] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)
    alt: str = ""
    scope: str = ""

    def add(self, tag: str, *, alt: str = "", scope: str = "") -> Element:
        child = Element(tag, self, alt=alt, scope=scope)
        self.children.append(child)
        return child


class Recorder:
    """Hands out MCIDs per page and builds the structure tree as the canvas draws."""

    def __init__(self) -> None:
        self.root = Element("Document")
        self._next: dict[int, int] = {}
        self._table: Element | None = None
        self._row: Element | None = None

    def begin(self, canvas: Any, element: Element) -> None:
        canvas._code.append(self.marked(canvas, element))

    def marked(self, canvas: Any, element: Element) -> str:
        """The operator that opens ``element``'s next marked content on this page, for
        the caller to write where it draws (the canvas, or a text object's code)."""
        page = canvas.getPageNumber() - 1
        mcid = self._next.get(page, 0)
        self._next[page] = mcid + 1
        element.content.append((page, mcid))
        return f"/{element.tag} <</MCID {mcid}>> BDC"

    @staticmethod
    def end(canvas: Any) -> None:
        canvas._code.append("EMC")

    @staticmethod
    def begin_artifact(canvas: Any) -> None:
        canvas._code.append("/Artifact BMC")

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
        backgrounds and rules."""
        canvas = table.canv
        layout = getattr(table, "repeatRows", 0) == 0
        if event == "startTable":
            # A table with a header row is data (Table, TR, TH, TD); one without lays
            # out labels and boxes, and is read as a division of paragraphs.
            self._table = self.root.add("Div" if layout else "Table")
        elif event in ("startBG", "startLines"):
            self.begin_artifact(canvas)
        elif event in ("endBG", "endLines"):
            self.end(canvas)
        elif event == "startRow":
            assert self._table is not None
            self._row = self._table if layout else self._table.add("TR")
        elif event == "startCell":
            assert self._row is not None
            if layout:
                cell = self._row.add("P")
            else:
                header = args[0] < table.repeatRows
                cell = self._row.add("TH" if header else "TD", scope="Column" if header else "")
            self.begin(canvas, cell)
        elif event == "endCell":
            self.end(canvas)


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
        element = recorder.root.add(tag, alt=getattr(flowable, "alt_text", "") or "")
        if tag == "Figure" and not element.alt:
            element.alt = ALT_DEFAULT
        start = len(canv._code)
        recorder.begin(canv, element)
        drawn = super().add(flowable, canv, trySplit)
        if not drawn or len(canv._code) == start + 1:  # nothing was drawn: undo
            del canv._code[start:]
            page, mcid = element.content.pop()
            recorder._next[page] = mcid
            recorder.root.children.remove(element)
            return drawn
        recorder.end(canv)
        return drawn


# ---------------------------------------------------------------------- the PDF side


def apply(pdf: pikepdf.Pdf, recorder: Recorder, title: str) -> None:
    """Write the recorded structure tree and the PDF/UA catalog entries into ``pdf``."""
    pages = list(pdf.pages)
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    parents: dict[int, dict[int, pikepdf.Object]] = {}

    def build(element: Element, parent: pikepdf.Object) -> pikepdf.Object:
        node = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + element.tag), P=parent
            )
        )
        kids: list[Any] = []
        home = element.content[0][0] if element.content else None
        if home is not None:
            node.Pg = pages[home].obj
        for page, mcid in element.content:
            if page == home:
                kids.append(mcid)
            else:  # continued on another page: a marked-content reference names it
                kids.append(
                    pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=pages[page].obj, MCID=mcid)
                )
            parents.setdefault(page, {})[mcid] = node
        for child in element.children:
            kids.append(build(child, node))
        node.K = kids[0] if len(kids) == 1 else pikepdf.Array(kids)
        if element.alt:
            node.Alt = pikepdf.String(element.alt)
        if element.scope:
            node.A = pikepdf.Dictionary(
                O=pikepdf.Name.Table, Scope=pikepdf.Name("/" + element.scope)
            )
        return node

    root.K = build(recorder.root, root)
    nums = pikepdf.Array()
    for index, page in enumerate(pages):
        page.obj.StructParents = index
        page.obj.Tabs = pikepdf.Name.S
        by_mcid = parents.get(index, {})
        nums.append(index)
        nums.append(pdf.make_indirect(pikepdf.Array([by_mcid[m] for m in sorted(by_mcid)])))
    root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=nums))
    root.ParentTreeNextKey = len(pages)
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.register_xml_namespace(PDFUA_NS, "pdfuaid")
        meta["pdfuaid:part"] = "1"
        if title:
            meta["dc:title"] = title
    # PDF/A allows a namespace outside its own list only with a description of it.
    xmp = bytes(pdf.Root.Metadata.read_bytes())
    if b"pdfaExtension:schemas" not in xmp:
        xmp = xmp.replace(b"</rdf:RDF>", PDFUA_EXTENSION.encode() + b"</rdf:RDF>", 1)
        pdf.Root.Metadata.write(xmp)


PDFUA_NS = "http://www.aiim.org/pdfua/ns/id/"
PDFUA_EXTENSION = f"""<rdf:Description rdf:about=""
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>{PDFUA_NS}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
"""
