"""ICU's data for the Linux bundle, cut down to what Qt uses there (issue 18's budget).

Qt for Linux links ICU, and ``libicudata`` (about 32 MB, 12.4 MB of the ``.tar.gz``) is
the largest file in the bundle. Qt asks ICU for collation (``QCollator``, which the
file dialog sorts names with), case mapping and, for encodings other than Unicode, its
converters; it formats numbers and dates from its own CLDR tables (and Lika with
Babel), finds word and line breaks with its own Unicode tables, and reads time zones
from the system's tz files. So the bundle drops ICU's trees of currency, unit,
language, region and time-zone display names, rule-based number spelling,
transliteration and the break-iterator dictionaries, and its legacy code-page
converters (every file Lika reads or writes is UTF-8, read by Python). Kept: every
locale and collation, normalisation, properties and the converter alias table.

The data is taken out of the library (the exported ``icudtNN_dat`` symbol), trimmed
with ICU's ``icupkg`` and turned back into a library with ``genccode`` and ``gcc``,
the way ICU builds it: Debian's ``icu-devtools`` and ``gcc``, ``nm`` and ``readelf``
from ``binutils``. The same input gives the same bytes.
``tests/test_icu_data.py`` checks collation in Swedish, Bokmål and German through a
trimmed copy.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

TocEntry = tuple[str, str, str]  # PyInstaller's (name in the bundle, source, type)

# Trees and kinds of item Qt never asks ICU for (see above).
DROPPED_TREES = ("brkitr/", "curr/", "lang/", "rbnf/", "region/", "translit/", "unit/", "zone/")
DROPPED_SUFFIXES = (".cnv",)
LIBRARY = re.compile(r"libicudata\.so\.\d+$")
TOOLS = {"nm": "binutils", "readelf": "binutils", "icupkg": "icu-devtools",
         "genccode": "icu-devtools", "gcc": "gcc"}  # fmt: skip


class IcuTrimError(Exception):
    pass


def dropped(items: Iterable[str]) -> list[str]:
    """The items of an ICU package listing (``icupkg -l``) the bundle leaves out."""
    return [i for i in items if i.startswith(DROPPED_TREES) or i.endswith(DROPPED_SUFFIXES)]


def _run(args: list[str | Path], cwd: Path | None = None) -> str:
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise IcuTrimError(f"{Path(str(args[0])).name} failed: {result.stderr.strip()}")
    return result.stdout


def check_tools() -> None:
    missing = sorted({package for tool, package in TOOLS.items() if not shutil.which(tool)})
    if missing:
        raise IcuTrimError(
            "trimming ICU's data needs " + ", ".join(missing) + " (apt-get install "
            + " ".join(missing) + "), or build with LIKA_TRIM_ICU=0 to keep all of it"
        )  # fmt: skip


def data_symbol(library: Path) -> tuple[str, int, int]:
    """The data's symbol in ``library`` (``icudt73_dat``), its address and size."""
    for line in _run(["nm", "-D", "-S", "--defined-only", library]).splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"icudt\d+_dat", parts[3]):
            return parts[3], int(parts[0], 16), int(parts[1], 16)
    raise IcuTrimError(f"{library}: no icudtNN_dat symbol")


def file_offset(library: Path, address: int) -> int:
    """Where ``address`` lies in the file, from the section that holds it."""
    pattern = re.compile(r"\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)")
    for line in _run(["readelf", "-SW", library]).splitlines():
        found = pattern.search(line)
        if found:
            start, offset, size = (int(g, 16) for g in found.groups())
            if start and start <= address < start + size:
                return offset + address - start
    raise IcuTrimError(f"{library}: no section holds address {address:#x}")


def trimmed_library(library: Path, work: Path) -> Path:
    """A copy of ``library`` (``libicudata.so.NN``) with ``dropped`` items left out,
    made in ``work``; returns its path."""
    check_tools()
    symbol, address, size = data_symbol(library)
    entry = symbol.removesuffix("_dat")  # icupkg names the items after the file
    package = f"{entry}{'l' if sys.byteorder == 'little' else 'b'}.dat"
    shutil.rmtree(work, ignore_errors=True)
    (work / "full").mkdir(parents=True)
    with library.open("rb") as source:
        source.seek(file_offset(library, address))
        (work / "full" / package).write_bytes(source.read(size))
    listing = _run(["icupkg", "-l", work / "full" / package]).split()
    (work / "dropped.txt").write_text("\n".join(dropped(listing)) + "\n", encoding="utf-8")
    _run(["icupkg", "-r", work / "dropped.txt", work / "full" / package, work / package])
    _run(["genccode", "-q", "-e", entry, "-a", "gcc", "-d", work, work / package])
    out = work / library.name
    assembly = work / package.replace(".dat", "_dat.S")
    _run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-Wl,-z,noexecstack",
          "-o", out, assembly])  # fmt: skip
    if data_symbol(out)[0] != symbol:
        raise IcuTrimError(f"{out}: the rebuilt library does not export {symbol}")
    return out


def trim_in_toc(binaries: list[TocEntry], work: Path) -> tuple[list[TocEntry], int]:
    """PyInstaller's binaries with ``libicudata`` taken from a trimmed copy; and the
    bytes saved (0 where the bundle has no ICU, as on Windows and macOS)."""
    kept: list[TocEntry] = []
    saved = 0
    for name, source, kind in binaries:
        if kind == "BINARY" and LIBRARY.search(name) and not Path(source).is_symlink():
            trimmed = trimmed_library(Path(source), work)
            saved += Path(source).stat().st_size - trimmed.stat().st_size
            source = str(trimmed)
        kept.append((name, source, kind))
    return kept, saved
