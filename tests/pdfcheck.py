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
