"""Exchange files open in Lika from the desktop, and software centres can list it."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_app import __version__

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_the_mime_type_recognises_an_exchange_file_by_its_format() -> None:
    root = ET.parse(LINUX / "lika-mime.xml").getroot()
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == "application/x-lika-assessment+json"
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"
    values = [m.get("value") for m in mime.iter(f"{MIME_NS}match")]
    sample = (ROOT / "tests" / "data" / "exchange").glob("*.json")
    heads = [p.read_bytes()[:256].decode("utf-8", "replace") for p in sample]
    lika = [h for h in heads if '"lika-assessment"' in h]
    assert lika and all(any(v in h for v in values) for h in lika)


def test_metainfo_is_valid_and_names_this_version() -> None:
    path = LINUX / "lika.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.findtext("launchable") == "lika.desktop"
    assert root.findtext("provides/mediatype") == "application/x-lika-assessment+json"
    assert __version__ in [r.get("version") for r in root.iter("release")]
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli (appstream) is not installed")
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_packages_install_mime_type_and_metainfo() -> None:
    build = (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    installer = (LINUX / "install-user.sh").read_text(encoding="utf-8")
    for text in (build, installer):
        assert "mime/packages/lika.xml" in text
        assert "metainfo" in text and "se.lika.Lika.metainfo.xml" in text
    assert "update-mime-database" in installer


def test_the_windows_installer_registers_and_removes_the_file_class() -> None:
    nsi = (ROOT / "packaging" / "windows" / "lika.nsi.in").read_text(encoding="utf-8")
    assert '!define FILE_CLASS "Lika.Assessment"' in nsi
    assert '"$INSTDIR\\${APP_EXE}" "%1"' in nsi  # the file goes to `lika.exe FILE`
    assert r'WriteRegStr SHCTX "Software\Classes\.json\OpenWithProgids" "${FILE_CLASS}"' in nsi
    assert r'DeleteRegKey SHCTX "Software\Classes\${FILE_CLASS}"' in nsi
