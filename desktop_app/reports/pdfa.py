"""The PDF/A declaration of the PDFs Lika writes, without ``pikepdf.pdfa``.

A reportlab PDF already meets PDF/A's rules for content (every font embedded, no
transparency groups, no JavaScript, see ``reports.fonts``); what it lacks is the
declaration: an output intent with an ICC profile, and XMP metadata that agrees with the
document information and says which part of PDF/A the file follows. That takes a few
milliseconds. ``pikepdf.pdfa`` does the same and more, but importing it costs about a
second (jsonschema, fontTools' table modules, its rule catalogue) on every export and
adds its catalogue to the installer; the test suite still validates every kind of PDF
Lika writes with ``pikepdf.pdfa.check`` (``tests/pdfcheck.py``).

The sRGB profile (``resources/icc/sRGB.icc``, ICC v2, "no copyright, use freely") is the
one pikepdf ships for the same purpose.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pikepdf

from desktop_app.resources import resource_path

SRGB_PROFILE = ("icc", "sRGB.icc")
CONFORMANCE = "B"  # level B: the visual appearance is preserved


@cache
def srgb_profile() -> bytes:
    return resource_path(*SRGB_PROFILE).read_bytes()


def declare(pdf: pikepdf.Pdf, part: int) -> None:
    """Give ``pdf`` an sRGB output intent and XMP metadata declaring PDF/A-``part``
    (2 or 3) level B, copied from its document information so the two agree."""
    _output_intent(pdf)
    info = pdf.docinfo
    if "/Trapped" in info:  # PDF/A wants it in XMP too; "not known" says nothing
        del info["/Trapped"]
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.load_from_docinfo(info, raise_failure=True)
        meta["pdfaid:part"] = str(part)
        meta["pdfaid:conformance"] = CONFORMANCE


def save_options() -> dict[str, Any]:
    """How a declared PDF/A file is saved: the XMP packet as written (qpdf would
    otherwise rewrite its version) and no encryption."""
    return {"fix_metadata_version": False, "encryption": None, "preserve_pdfa": True}


def _output_intent(pdf: pikepdf.Pdf) -> None:
    profile = pdf.make_stream(srgb_profile())
    profile.N = 3  # RGB
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFA1,  # the subtype every part of PDF/A uses
        OutputConditionIdentifier=pikepdf.String("sRGB"),
        RegistryName=pikepdf.String("http://www.color.org"),
        Info=pikepdf.String("sRGB IEC61966-2.1"),
        DestOutputProfile=profile,
    )
    pdf.Root.OutputIntents = pikepdf.Array([intent])
