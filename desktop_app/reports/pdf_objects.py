"""What Lika adds to reportlab's PDF objects before the file is written (issue 18).

The structure tree, the PDF/A declaration and the embedded exchange file are written
into reportlab's own document just before it is saved, instead of reading the finished
PDF back with pikepdf and saving it again (pikepdf's import and qpdf's round trip were
about a tenth of every ``lika export-pdf``). Three things reportlab does not offer are
done here:

- entries of the catalog and of page dictionaries reportlab has no attribute for
  (``/OutputIntents``, ``/AF``, ``/StructParents``, ``/Tabs``): reportlab writes the
  entries named in an object's ``__NoDefault__`` list, so that list is extended for the
  one object (``set_entry``);
- streams written exactly as given (``RawStream``): the XMP packet must carry no
  ``/Filter`` at all, which reportlab's streams always write once the document
  compresses;
- the end of line before ``endstream`` that PDF/A wants (ISO 19005-2, 6.1.7.1) and
  reportlab leaves out: ``install`` makes every stream of the process end that way, with
  ``/Length`` unchanged (the line end is not part of the data). qpdf added it when it
  rewrote the file.
"""

from __future__ import annotations

import threading
import zlib
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFObject

ENDSTREAM = b"endstream\n"

_installed = False
_lock = threading.Lock()  # the window writes PDFs on worker threads


def install() -> None:
    """Make reportlab end every stream's data with a line end before ``endstream``
    (once per process, whichever thread asks first)."""
    global _installed
    with _lock:
        if _installed:
            return
        original = pdfdoc.PDFStream.format

        def format_stream(self: pdfdoc.PDFStream, document: Any) -> bytes:
            written: bytes = original(self, document)
            if not written.endswith(ENDSTREAM):  # reportlab changed how it writes a stream
                raise RuntimeError("reportlab no longer ends a stream with 'endstream'")
            return written[: -len(ENDSTREAM)] + b"\n" + ENDSTREAM

        pdfdoc.PDFStream.format = format_stream
        _installed = True


class RawStream(PDFObject):
    """A stream written as given: its dictionary, its data (Flate-compressed here if
    ``compress``), and the line ends PDF/A wants around it."""

    __RefOnly__ = 1  # a stream is always an indirect object

    def __init__(self, entries: dict[str, Any], data: bytes, *, compress: bool) -> None:
        self.entries = dict(entries)
        if compress:
            data = zlib.compress(data)
            self.entries["Filter"] = PDFName("FlateDecode")
        self.data = data

    def format(self, document: Any) -> bytes:
        entries = PDFDictionary({**self.entries, "Length": len(self.data)})
        head: bytes = pdfdoc.format(entries, document)
        return head + b"\nstream\n" + self.data + b"\n" + ENDSTREAM


def set_entry(target: Any, key: str, value: Any) -> None:
    """Give a reportlab catalog or page dictionary the entry ``key`` (written by
    reportlab like its own entries)."""
    names: list[str] = target.__NoDefault__
    if key not in names:
        target.__NoDefault__ = [*names, key]  # this object's list only
    setattr(target, key, value)
