"""Reading back the PDFs Lika writes, for tests."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def poppler_text(path: Path) -> str:
    """Text as poppler's pdftotext reads it (what most Linux tools and indexers see),
    normalised so Arabic presentation forms and no-break spaces compare equal."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    text = unicodedata.normalize("NFKC", raw).replace("\u00a0", " ")
    return "".join(c for c in text if c not in "\u202a\u202b\u202c\u200e\u200f")


def pdffonts(path: Path) -> list[tuple[str, bool]]:
    """Every font poppler finds, and whether it is embedded."""
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return [(line.split()[0], line.split()[-5] == "yes") for line in lines if line.strip()]


def fonts_of(path: Path) -> dict[str, bool]:
    """Every font the PDF uses, and whether its program is embedded."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found


# What pikepdf's PDF/A checker reports although the file is right:
# - PDF/A-3 allows the embedded exchange file and /AF, which its 2b rules refuse (and it
#   has no 3b rules);
# - PDF/A allows the pdfuaid namespace with an extension schema describing it, which the
#   checker does not read (veraPDF does).
_EXTENSION_SCHEMA = ("pdfaExtension", "pdfaSchema", "pdfaProperty", "pdfuaid")


def pdfa_problems(pdf) -> list:
    """pikepdf's PDF/A findings, minus the ones listed above."""
    import pikepdf

    findings = pikepdf.pdfa.check(pdf, "2b").findings
    return [
        f
        for f in findings
        if not ("mbedded" in f.rule or "ssociated" in f.rule)
        and not (f.rule == "ISO_19005_2:6.6.4-2" and "'3'" in f.message)
        and not (f.rule.startswith("ISO_19005_2:6.6.2.3") and any(
            name in f.message for name in _EXTENSION_SCHEMA
        ))
    ]  # fmt: skip
