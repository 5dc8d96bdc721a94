"""Reading the exchange file a Lika PDF carries (PDF/A-3 associated file).

A registrar who has only the archived PDF can bring the assessment back: the summary
embeds the exchange JSON and the full fingerprint of its content. This module only
finds and reads them; ``transfer.read_file`` checks them exactly as a JSON file.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

from desktop_app.storage.exchange import MAX_FILE_BYTES, ExchangeError

DATA_FILE_NAME = "lika-assessment.json"  # as reports.output writes it
FINGERPRINT_KEY = "/LikaFingerprint"
PDF_MAGIC = b"%PDF-"
MAX_PDF_BYTES = 200 * 1024 * 1024


def is_pdf(path: Path) -> bool:
    """Whether ``path`` is a PDF file (by its first bytes, whatever its name). Only a
    regular file is opened: opening a pipe would wait for a writer for ever."""
    try:
        if not Path(path).is_file():
            return False
        with Path(path).open("rb") as file:
            return file.read(len(PDF_MAGIC)) == PDF_MAGIC
    except OSError:
        return False


def read_embedded(path: Path) -> tuple[bytes, str]:
    """The embedded exchange file and the fingerprint recorded with it."""
    import pikepdf  # here, not at the top: the window starts without it

    path = Path(path)
    try:
        if path.stat().st_size > MAX_PDF_BYTES:
            raise ExchangeError(f"{path}: the PDF is larger than 200 MB; it was not read")
        with pikepdf.open(path) as pdf:
            specs = [spec for spec in pdf.Root.get("/AF", []) if _is_ours(spec)]
            if not specs:
                raise ExchangeError(
                    f"{path}: this PDF carries no Lika data (it was not exported by a Lika "
                    "version that embeds the assessment); import the exchange file (.json)"
                )
            spec = specs[0]
            data = _decoded(path, spec.EF.F)
            recorded = str(spec.get(FINGERPRINT_KEY, ""))
    except pikepdf.PdfError as error:
        raise ExchangeError(f"{path}: not a readable PDF ({error})") from None
    except OSError as error:
        raise ExchangeError(f"{path}: cannot be read: {error.strerror}") from None
    return data, recorded


def _decoded(path: Path, stream: Any) -> bytes:
    """The embedded file's bytes, inflated at most up to the exchange file's size limit:
    a stream of a few kilobytes can inflate to gigabytes, and pikepdf would inflate it
    whole. Only what Lika writes is read: the stream as it is, or one ``/FlateDecode``
    without parameters."""
    import pikepdf

    filters = stream.get("/Filter")
    names = list(filters) if isinstance(filters, pikepdf.Array) else [filters] if filters else []
    params = stream.get("/DecodeParms")
    if [str(n) for n in names] not in ([], ["/FlateDecode"]) or (params and len(params)):
        raise ExchangeError(
            f"{path}: its Lika data is compressed in a way Lika does not write "
            f"({', '.join(str(n) for n in names) or 'parameters'}); it was not read"
        )
    raw = bytes(stream.read_raw_bytes())
    if not names:
        data = raw
    else:
        inflater = zlib.decompressobj()
        try:
            data = inflater.decompress(raw, MAX_FILE_BYTES + 1)
        except zlib.error:
            raise ExchangeError(f"{path}: its Lika data is damaged (it does not inflate)") from None
        if len(data) <= MAX_FILE_BYTES and not inflater.eof:
            raise ExchangeError(f"{path}: its Lika data is damaged (it is cut off)")
    if len(data) > MAX_FILE_BYTES:
        raise ExchangeError(
            f"{path}: its Lika data is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, far "
            "more than any assessment; it was not read"
        )
    return data


def _is_ours(spec: Any) -> bool:
    try:
        name = str(spec.get("/UF", spec.get("/F", "")))
        return name == DATA_FILE_NAME and "/EF" in spec
    except (AttributeError, TypeError, ValueError):
        return False
