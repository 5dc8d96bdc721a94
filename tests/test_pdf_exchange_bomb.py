"""A PDF dropped on Lika or given to `lika import` / `lika verify` may carry a
compressed stream that inflates to gigabytes: its embedded exchange file is inflated
only up to the exchange file's size limit, and only from the one filter Lika writes."""

from __future__ import annotations

import tracemalloc
import zlib
from pathlib import Path

import pikepdf
import pytest

from desktop_app.storage import pdf_exchange
from desktop_app.storage.exchange import MAX_FILE_BYTES, ExchangeError


def _pdf_carrying(path: Path, raw: bytes, filters: list[str] | None) -> Path:
    """A PDF whose associated ``lika-assessment.json`` stream holds ``raw`` as stored
    (already encoded with ``filters``)."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    stream = pikepdf.Stream(pdf, b"")
    if filters:
        names = [pikepdf.Name(f) for f in filters]
        stream.write(raw, filter=names[0] if len(names) == 1 else pikepdf.Array(names))
    else:
        stream.write(raw)
    spec = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Filespec,
            F=pikepdf.String(pdf_exchange.DATA_FILE_NAME),
            UF=pikepdf.String(pdf_exchange.DATA_FILE_NAME),
            EF=pikepdf.Dictionary(F=stream),
        )
    )
    pdf.Root.AF = pikepdf.Array([spec])
    pdf.save(path, compress_streams=False)
    return path


def _deflated_spaces(size: int) -> bytes:
    packer = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    parts = [packer.compress(chunk) for _ in range(size // len(chunk))]
    return b"".join(parts) + packer.flush()


def test_a_compressed_bomb_is_refused_without_inflating_it(tmp_path) -> None:
    bomb = _deflated_spaces(4 * MAX_FILE_BYTES)  # 256 MB (a real one: gigabytes)
    assert len(bomb) < 1024 * 1024
    path = _pdf_carrying(tmp_path / "bomb.pdf", bomb, ["/FlateDecode"])
    tracemalloc.start()
    try:
        with pytest.raises(ExchangeError, match="larger than"):
            pdf_exchange.read_embedded(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * MAX_FILE_BYTES  # at most the limit inflated (and a copy of it)


@pytest.mark.parametrize(
    "filters", [["/LZWDecode"], ["/FlateDecode", "/FlateDecode"], ["/ASCIIHexDecode"]]
)
def test_only_the_filter_lika_writes_is_read(tmp_path, filters) -> None:
    path = _pdf_carrying(tmp_path / "other.pdf", b"00", filters)
    with pytest.raises(ExchangeError, match="compressed in a way Lika does not write"):
        pdf_exchange.read_embedded(path)


def test_a_plain_or_deflated_data_file_is_read(tmp_path) -> None:
    data = b'{"format": "lika-assessment"}'
    plain = _pdf_carrying(tmp_path / "plain.pdf", data, None)
    assert pdf_exchange.read_embedded(plain)[0] == data
    deflated = _pdf_carrying(tmp_path / "deflated.pdf", zlib.compress(data), ["/FlateDecode"])
    assert pdf_exchange.read_embedded(deflated)[0] == data


def test_a_cut_off_stream_is_refused(tmp_path) -> None:
    cut = zlib.compress(b"x" * 10_000)[:20]
    path = _pdf_carrying(tmp_path / "cut.pdf", cut, ["/FlateDecode"])
    with pytest.raises(ExchangeError, match="damaged"):
        pdf_exchange.read_embedded(path)
