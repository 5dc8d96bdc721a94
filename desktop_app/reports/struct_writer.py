"""Writing a structure tree (``struct_tree.Tree``) into the PDF one element at a time.

reportlab numbers an object when it is registered (``PDFDocument.Reference``: four
dictionary entries and a name each) and collects the whole file as a list of strings
before it is written. For the hundreds of thousands of elements of a portfolio that was
most of its memory. So the document is written here instead of by
``PDFDocument.format``, in the same order and form: first every object reportlab
registered, then the structure elements, numbered after them and formatted from the
arrays one at a time, then the parent tree, the ID tree and last the
``/StructTreeRoot`` (registered with reportlab, so the catalog can name it, but written
once the elements' numbers are known: a cross-reference table lists objects by number,
not by their place in the file). Each object goes to the file as it is made.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.pdfbase.pdfdoc import (
    NoEncryption,
    PDFIndirectObject,
    PDFObject,
    PDFString,
    PDFTrailer,
    pdfdocEnc,
)

from desktop_app.reports.struct_tree import NONE, Tree


class TreeRoot(PDFObject):
    """The ``/StructTreeRoot``: a number from reportlab, written by ``save``."""

    __RefOnly__ = 1

    def format(self, document: Any) -> bytes:
        raise RuntimeError("the structure tree root is written by struct_writer.save")


def save(doc: Any, tree: Tree, root: TreeRoot, file: BinaryIO | str, canvas: Any) -> None:
    """Write ``doc`` with ``tree`` to ``file`` (what ``PDFDocument.SaveToFile`` does)."""
    if not isinstance(doc.encrypt, NoEncryption) or getattr(doc, "_digiSigs", None):
        raise RuntimeError("a tagged PDF is written unencrypted and unsigned")
    if isinstance(file, str):
        with Path(file).open("wb") as opened:
            save(doc, tree, root, opened, canvas)
        return
    for font in doc.delayedFonts:  # as PDFDocument.GetPDFData
        font.addObjects(doc)
    doc.info.invariant = doc.invariant
    doc.info.digest(doc.signature)
    catalog, info = doc.Reference(doc.Catalog), doc.Reference(doc.info)
    doc.Outlines.prepare(doc, canvas)
    if doc.Outlines.ready < 0:
        doc.Catalog.Outlines = None
    out = _Out(file)
    out.write(
        pdfdocEnc(f"%PDF-{doc._pdfVersion[0]}.{doc._pdfVersion[1]}")
        + b"\n%\223\214\213\236 ReportLab Generated PDF document (opensource)\n"
    )
    offsets = array("q", [0])  # by object number
    root_number = 0
    number = 1
    while number in doc.numberToId:  # objects registered while formatting come too
        name = doc.numberToId[number]
        obj = doc.idToObject[name]
        offsets.append(out.offset)
        if obj is root:
            root_number = number
        else:
            out.write(PDFIndirectObject(name, obj).format(doc))
        number += 1
    if not root_number:
        raise RuntimeError("the structure tree root was not registered")
    pages = [doc.idToObjectNumberAndVersion[p.__InternalName__][0] for p in doc.Pages.pages]
    for first, written in _tree_objects(doc, tree, root_number, number, pages):
        if first is None:  # the root, at its reserved number
            offsets[root_number] = out.offset
        else:
            offsets.append(out.offset)
        out.write(written)
    count = len(offsets)
    xref = out.offset
    out.write(b"xref\n0 %d\n0000000000 65535 f " % count)
    for start in range(1, count, 4096):
        out.write(b"".join(b"\n%010d 00000 n " % o for o in offsets[start : start + 4096]))
    out.write(b"\n")
    trailer = PDFTrailer(startxref=xref, Size=count, Root=catalog, Info=info, ID=doc.ID())
    out.write(trailer.format(doc))


class _Out:
    def __init__(self, file: BinaryIO) -> None:
        self.file, self.offset = file, 0

    def write(self, data: bytes) -> None:
        self.file.write(data)
        self.offset += len(data)


def _tree_objects(
    doc: Any, tree: Tree, root_number: int, first: int, pages: list[int]
) -> Iterator[tuple[int | None, bytes]]:
    """(number, object) for the elements, the parent tree, the ID tree, then (None,
    the root)."""
    n = len(tree)
    removed = tree.removed
    numbers = array("i", [0]) * n  # element → object number
    next_number = first
    for i in range(n):
        if i not in removed:
            numbers[i] = next_number
            next_number += 1
    # Children in order, by counting: start[p]..start[p + 1] in ``kids``.
    parent = tree.parent
    start = array("i", [0]) * (n + 1)
    for i in range(1, n):
        if i not in removed:
            start[parent[i] + 1] += 1
    for p in range(n):
        start[p + 1] += start[p]
    kids = array("i", [0]) * start[n]
    fill = array("i", start)
    for i in range(1, n):
        if i not in removed:
            p = parent[i]
            kids[fill[p]] = i
            fill[p] += 1
    del fill

    def text(value: str) -> bytes:
        written: bytes = PDFString(value).format(doc)
        return written

    root_ref = b"%d 0 R" % root_number
    tags = [b"/" + name.encode("ascii") for name in tree.names]
    ids: dict[str, int] = {}
    for i in range(n):
        if i in removed:
            continue
        own_page = tree.page[i]
        refs = []
        if own_page != NONE:
            refs.append(b"%d" % tree.mcid[i])
            for page, mcid in tree.more.get(i, ()):
                if page == own_page:
                    refs.append(b"%d" % mcid)
                else:  # continued on another page: a marked-content reference names it
                    refs.append(b"<< /Type /MCR /Pg %d 0 R /MCID %d >>" % (pages[page], mcid))
        refs += [b"%d 0 R" % numbers[k] for k in kids[start[i] : start[i + 1]]]
        up = parent[i]
        parts = [
            b"%d 0 obj\n<< /Type /StructElem /S %s /P %s"
            % (numbers[i], tags[tree.tag[i]], root_ref if up == NONE else b"%d 0 R" % numbers[up])
        ]
        if own_page != NONE:
            parts.append(b"/Pg %d 0 R" % pages[own_page])
        parts.append(b"/K " + (refs[0] if len(refs) == 1 else b"[ " + b" ".join(refs) + b" ]"))
        extra = tree.attributes.get(i)
        if extra:
            parts += _attributes(extra, text)
            if extra.get("id"):
                ids[extra["id"]] = numbers[i]
        yield numbers[i], b"\n".join(parts) + b" >>\nendobj\n"
    number = next_number
    nums = []
    for index in range(len(pages)):
        mcids = tree.by_page[index] if index < len(tree.by_page) else array("i")
        listed = b" ".join(b"%d 0 R" % numbers[e] for e in mcids)
        yield number, b"%d 0 obj\n[ %s ]\nendobj\n" % (number, listed)
        nums.append(b"%d %d 0 R" % (index, number))
        number += 1
    parent_tree = number
    yield number, b"%d 0 obj\n<< /Nums [ %s ] >>\nendobj\n" % (number, b" ".join(nums))
    number += 1
    id_tree = b""
    if ids:  # the name tree the Headers of table cells are looked up in
        names = b" ".join(text(key) + b" %d 0 R" % ids[key] for key in sorted(ids))
        yield number, b"%d 0 obj\n<< /Names [ %s ] >>\nendobj\n" % (number, names)
        id_tree = b" /IDTree %d 0 R" % number
        number += 1
    kid = b"%d 0 R" % numbers[0]
    yield (
        None,
        (
            b"%d 0 obj\n<< /Type /StructTreeRoot /K %s /ParentTree %d 0 R /ParentTreeNextKey %d%s"
            b" >>\nendobj\n" % (root_number, kid, parent_tree, len(pages), id_tree)
        ),
    )


def _attributes(extra: dict[str, Any], text: Callable[[str], bytes]) -> list[bytes]:
    parts = []
    if extra.get("alt"):
        parts.append(b"/Alt " + text(extra["alt"]))
    if extra.get("lang"):
        parts.append(b"/Lang " + text(extra["lang"]))
    if extra.get("id"):
        parts.append(b"/ID " + text(extra["id"]))
    scope, headers = extra.get("scope"), extra.get("headers")
    if scope or headers:
        attributes = b"<< /O /Table"
        if scope:
            attributes += b" /Scope /" + scope.encode("ascii")
        if headers:
            attributes += b" /Headers [ " + b" ".join(text(h) for h in headers) + b" ]"
        parts.append(b"/A " + attributes + b" >>")
    return parts
