"""ICU's data for the Linux bundle, cut down to what Qt uses there (issue 18's budget).

Qt for Linux links ICU, and ``libicudata`` (about 32 MB, 12.4 MB of the ``.tar.gz``) is
the largest file in the bundle. Qt asks ICU for collation (``QCollator``, which the
file dialog sorts names with), case mapping, time-zone display names (a long date
format, ``QTimeZone.displayName``) and, for encodings other than Unicode, its
converters; it formats numbers and dates from its own CLDR tables (and Lika with
Babel) and finds word and line breaks with its own Unicode tables. So the bundle drops
ICU's trees of currency, unit, language and region display names, rule-based number
spelling, transliteration and its break iterators (rules and dictionaries), and its
legacy code-page converters (every file Lika reads or writes is UTF-8, read by Python;
Qt's own UTF-8, UTF-16 and Latin-1 need none). Kept: every locale, collation and
time-zone name, normalisation, properties and the converter alias table.

The data is taken out of the library (the exported ``icudtNN_dat`` symbol), trimmed
with ICU's ``icupkg`` and turned back into a library with ``genccode`` and ``gcc``,
the way ICU builds it: Debian's ``icu-devtools`` and ``gcc``, ``nm`` and ``readelf``
from ``binutils``. The same input gives the same bytes.
``tests/test_icu_data.py`` checks collation in Swedish, Bokmål and German and a
Swedish time-zone name through a trimmed copy.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

TocEntry = tuple[str, str, str]  # PyInstaller's (name in the bundle, source, type)

# Trees and kinds of item Qt never asks ICU for (see above).
DROPPED_TREES = ("brkitr/", "curr/", "lang/", "rbnf/", "region/", "translit/", "unit/")
DROPPED_SUFFIXES = (".cnv",)
LIBRARY = re.compile(r"libicudata\.so\.\d+(\.\d+)*$")
TOOLS = {"nm": "binutils", "readelf": "binutils", "icupkg": "icu-devtools",
         "genccode": "icu-devtools", "gcc": "gcc"}  # fmt: skip
# Debian installs icupkg and genccode in /usr/sbin, which a user's PATH may lack.
SEARCH_PATH = os.pathsep.join([os.environ.get("PATH", os.defpath), "/usr/sbin", "/sbin"])


class IcuTrimError(Exception):
    pass


def dropped(items: Iterable[str]) -> list[str]:
    """The items of an ICU package listing (``icupkg -l``) the bundle leaves out."""
    return [i for i in items if i.startswith(DROPPED_TREES) or i.endswith(DROPPED_SUFFIXES)]


def _tool(name: str) -> str | None:
    return shutil.which(name, path=SEARCH_PATH)


def _run(args: list[str | Path]) -> str:
    command = [_tool(str(args[0])) or str(args[0]), *(str(a) for a in args[1:])]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise IcuTrimError(f"{Path(str(args[0])).name} failed: {result.stderr.strip()}")
    return result.stdout


def check_tools() -> None:
    missing = sorted({package for tool, package in TOOLS.items() if not _tool(tool)})
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


def soname(library: Path) -> str:
    """The name the other ICU libraries link ``library`` by (``libicudata.so.73``)."""
    found = re.search(r"\(SONAME\)\s+Library soname: \[(.+?)\]", _run(["readelf", "-dW", library]))
    if not found:
        raise IcuTrimError(f"{library}: no SONAME")
    return found.group(1)


def trimmed_library(library: Path, work: Path) -> Path:
    """A copy of ``library`` (``libicudata.so.NN``) with ``dropped`` items left out,
    made in ``work``; returns its path (named by the library's SONAME)."""
    check_tools()
    name = soname(library)
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
    out = work / name
    assembly = work / package.replace(".dat", "_dat.S")
    _run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{name}", "-Wl,-z,noexecstack",
          "-o", out, assembly])  # fmt: skip
    if data_symbol(out)[0] != symbol:
        raise IcuTrimError(f"{out}: the rebuilt library does not export {symbol}")
    return out


def trim_in_toc(binaries: list[TocEntry], work: Path) -> tuple[list[TocEntry], int]:
    """PyInstaller's binaries with each ``libicudata`` taken from a trimmed copy (one per
    source file, each in its own folder under ``work``); and the bytes saved. Raises if
    there is none: the caller asked for a trim, and a bundle laid out differently
    would otherwise quietly keep all of ICU's data."""
    trimmed: dict[Path, Path] = {}
    kept: list[TocEntry] = []
    for name, source, kind in binaries:
        if kind == "BINARY" and LIBRARY.search(name):
            real = Path(source).resolve()
            if real not in trimmed:
                trimmed[real] = trimmed_library(real, work / str(len(trimmed)))
            source = str(trimmed[real])
        kept.append((name, source, kind))
    if not trimmed:
        raise IcuTrimError("no libicudata among the binaries to trim (LIKA_TRIM_ICU=0?)")
    saved = sum(real.stat().st_size - out.stat().st_size for real, out in trimmed.items())
    return kept, saved
