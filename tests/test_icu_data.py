"""The Linux bundle's trimmed ICU data (``packaging/icu_data.py``) still sorts names as
ICU does for the user's language and names time zones: Qt is run against a trimmed copy
of the ``libicudata`` PySide6 ships. Skipped where ICU's tools or PySide6's ICU are missing,
never on CI (``.ci/run`` installs them)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging_modules import load
from tests.postgres_cluster import on_ci

icu_data = load("icu_data")

COLLATE = """
from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QTimeZone
app = QCoreApplication([])
def order(locale, *words):
    return sorted(words, key=QCollator(QLocale(locale)).sortKey)
print(order("sv_SE", "ä", "z", "å", "ö", "a"))
print(order("nb_NO", "å", "ø", "z", "æ"))
print(order("de_DE", "z", "ö", "o", "p"))
zone = QTimeZone(b"Europe/Stockholm")
print(zone.displayName(QTimeZone.StandardTime, QTimeZone.LongName, QLocale("sv_SE")))
print([line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line][0])
"""


def shipped_library() -> Path:
    spec = importlib.util.find_spec("PySide6")  # its folder, without loading Qt here
    assert spec is not None and spec.origin is not None
    found = sorted((Path(spec.origin).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no ICU of its own (not Linux)")
    return found[0]


def unavailable(reason: str) -> None:
    if on_ci():
        pytest.fail(f"{reason} (on CI the ICU trim is always tested)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def library() -> Path:
    """PySide6's ICU data library, where it has one and the tools to trim it are here."""
    if sys.platform != "linux":
        pytest.skip("ICU is bundled on Linux only")
    found = shipped_library()
    try:
        icu_data.check_tools()
    except icu_data.IcuTrimError as missing:
        unavailable(str(missing))
    return found


def test_the_listing_keeps_locales_collation_and_zone_names_and_drops_the_rest():
    items = ["icudt73l/sv.res", "coll/sv.res", "coll/root.res", "nfc.nrm", "cnvalias.icu",
             "zone/sv.res", "curr/sv.res", "lang/nb.res", "unit/en.res", "region/sv.res",
             "translit/el_el_Latn.res", "rbnf/sv.res", "brkitr/thaidict.dict",
             "brkitr/line.brk", "ibm-943_P15A-2003.cnv"]  # fmt: skip
    assert icu_data.dropped(items) == items[6:]


def test_a_trimmed_copy_sorts_and_names_zones_as_icu_does(tmp_path, library):
    trimmed = icu_data.trimmed_library(library, tmp_path / "icu")
    assert trimmed.stat().st_size < library.stat().st_size * 0.6

    # The dynamic loader looks in LD_LIBRARY_PATH before Qt's RUNPATH.
    env = {**os.environ, "LD_LIBRARY_PATH": str(trimmed.parent), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", COLLATE], env=env, capture_output=True,
                            text=True, check=True, timeout=60)  # fmt: skip
    sv, nb, de, zone, loaded = result.stdout.splitlines()
    assert loaded == str(trimmed)
    assert sv == str(["a", "z", "å", "ä", "ö"])  # code points would put ä before å
    assert nb == str(["z", "æ", "ø", "å"])  # code points would put å before æ
    assert de == str(["o", "ö", "p", "z"])  # code points would put ö after z
    assert "collator" not in result.stderr  # Qt's "Could not create collator"
    assert zone == "centraleuropeisk normaltid"  # a long date format names the zone


def test_the_same_library_gives_the_same_bytes(tmp_path, library):
    one = icu_data.trimmed_library(library, tmp_path / "one").read_bytes()
    two = icu_data.trimmed_library(library, tmp_path / "two").read_bytes()
    assert one == two


def test_only_icus_data_library_is_replaced(tmp_path, monkeypatch):
    made = tmp_path / "libicudata.so.73"
    made.write_bytes(b"x")
    monkeypatch.setattr(icu_data, "trimmed_library", lambda source, work: made)
    source = tmp_path / "src.so"
    source.write_bytes(b"y" * 10)
    binaries = [
        ("PySide6/Qt/lib/libicudata.so.73", str(source), "BINARY"),
        ("libicudata.so.73", "PySide6/Qt/lib/libicudata.so.73", "SYMLINK"),
        ("PySide6/Qt/lib/libicuuc.so.73", "/src/libicuuc.so.73", "BINARY"),
    ]
    kept, saved = icu_data.trim_in_toc(binaries, tmp_path / "work")
    assert kept == [
        ("PySide6/Qt/lib/libicudata.so.73", str(made), "BINARY"),
        *binaries[1:],
    ]
    assert saved == 9


def test_a_library_listed_twice_is_trimmed_once_and_none_is_an_error(tmp_path, monkeypatch):
    calls = []

    def trimmed(source, work):
        calls.append(source)
        made = work / "libicudata.so.73"
        made.parent.mkdir(parents=True)
        made.write_bytes(b"x")
        return made

    monkeypatch.setattr(icu_data, "trimmed_library", trimmed)
    source = tmp_path / "libicudata.so.73.2"
    source.write_bytes(b"y" * 10)
    (tmp_path / "libicudata.so.73").symlink_to(source.name)
    binaries = [
        ("PySide6/Qt/lib/libicudata.so.73", str(tmp_path / "libicudata.so.73"), "BINARY"),
        ("other/libicudata.so.73.2", str(source), "BINARY"),
    ]
    kept, saved = icu_data.trim_in_toc(binaries, tmp_path / "work")
    assert calls == [source]
    assert {entry[1] for entry in kept} == {str(tmp_path / "work" / "0" / "libicudata.so.73")}
    assert saved == 9
    with pytest.raises(icu_data.IcuTrimError, match="no libicudata"):
        icu_data.trim_in_toc([("libicuuc.so.73", "/src/libicuuc.so.73", "BINARY")], tmp_path)


def test_the_tools_are_found_in_sbin_without_it_on_the_path(monkeypatch):
    monkeypatch.setenv("PATH", "/usr/local/bin:/usr/bin:/bin")
    fresh = load("icu_data")  # SEARCH_PATH is taken when the module loads
    if not (Path("/usr/sbin/icupkg").exists() or Path("/sbin/icupkg").exists()):
        pytest.skip("no icupkg in /usr/sbin here")
    assert fresh._tool("icupkg") in {"/usr/sbin/icupkg", "/sbin/icupkg"}
