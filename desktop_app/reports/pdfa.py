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

The XMP packet is written here from the document information, not through pikepdf's
metadata editor: that one parses and writes XML with lxml (its import and two round trips
were about 15 ms of every ``lika export-pdf``, issue 18), for a packet whose every field
is known here. The packet carries what pikepdf's ``load_from_docinfo`` put in it, the same
way, so the two stay in agreement as PDF/A requires; a tagged PDF also says it follows
PDF/UA-1, with the extension schema PDF/A wants for that namespace.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

import pikepdf

from desktop_app.resources import resource_path

SRGB_PROFILE = ("icc", "sRGB.icc")
CONFORMANCE = "B"  # level B: the visual appearance is preserved


@cache
def srgb_profile() -> bytes:
    return resource_path(*SRGB_PROFILE).read_bytes()


def declare(pdf: pikepdf.Pdf, part: int, *, universal_access: bool = False) -> None:
    """Give ``pdf`` an sRGB output intent and XMP metadata declaring PDF/A-``part``
    (2 or 3) level B, and PDF/UA-1 if ``universal_access`` (a tagged PDF), copied from
    its document information so the two agree."""
    _output_intent(pdf)
    info = pdf.docinfo
    if "/Trapped" in info:  # PDF/A wants it in XMP too; "not known" says nothing
        del info["/Trapped"]
    fields: dict[str, str] = {}
    for key in list(info.keys()):
        text = _xml_text(str(info[key]))
        if key in _DATES:
            if _iso_date(text) is None:  # not a date XMP can say: not kept in either
                del info[key]
                continue
        elif text != str(info[key]):
            info[key] = pikepdf.String(text)
        fields[str(key)] = text
    xmp = xmp_packet(fields, part, universal_access=universal_access)
    pdf.Root.Metadata = pdf.make_stream(xmp, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)


_DATES = {"/CreationDate": "xmp:CreateDate", "/ModDate": "xmp:ModifyDate"}
_TEXTS = {
    "/Keywords": "pdf:Keywords",
    "/Producer": "pdf:Producer",
    "/Creator": "xmp:CreatorTool",
}
_NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}
# What XML 1.0 cannot hold at all: such characters are shown as U+FFFD in both places.
# (Written as the few characters it has: as "all but XML's", it took 8 ms to compile.)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PDF_DATE = re.compile(
    r"(?:D:)?(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:(Z)(?:00'?(?:00'?)?)?|([+-])(\d{2})'?(\d{2})'?)?$"
)


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _iso_date(pdf_date: str) -> str | None:
    """``D:20261206223013+01'00'`` as XMP's ``2026-12-06T22:30:13+01:00`` (None if it is
    not a full date and time, which reportlab always writes)."""
    found = _PDF_DATE.match(pdf_date)
    if found is None:
        return None
    year, month, day, hour, minute, second, utc, sign, tzh, tzm = found.groups()
    zone = "Z" if utc else (f"{sign}{tzh}:{tzm}" if sign else "")
    return f"{year}-{month}-{day}T{hour}:{minute}:{second}{zone}"


def xmp_packet(info: dict[str, str], part: int, *, universal_access: bool = False) -> bytes:
    """The XMP packet for document information ``info`` (``/Title`` etc.)."""
    properties: list[str] = []

    def add(name: str, value: str) -> None:
        prefix = name.split(":")[0]
        properties.append(f'<{name} xmlns:{prefix}="{_NAMESPACES[prefix]}">{value}</{name}>')

    def alt(text: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'

    if "/Author" in info:
        add("dc:creator", f"<rdf:Seq><rdf:li>{escape(info['/Author'])}</rdf:li></rdf:Seq>")
    if "/Subject" in info:
        add("dc:description", alt(info["/Subject"]))
    if "/Title" in info:
        add("dc:title", alt(info["/Title"]))
    for key, name in _TEXTS.items():
        if key in info:
            add(name, escape(info[key]))
    for key, name in _DATES.items():
        if key in info:
            add(name, _iso_date(info[key]) or "")
    add("pdfaid:part", str(part))
    add("pdfaid:conformance", CONFORMANCE)
    if universal_access:
        add("pdfuaid:part", "1")
    description = '<rdf:Description rdf:about="">' + "".join(properties) + "</rdf:Description>"
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f" {description}{PDFUA_EXTENSION if universal_access else ''}"
        "</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


# PDF/A allows a namespace outside its own list only with a description of it.
PDFUA_EXTENSION = f"""<rdf:Description rdf:about=""
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>{_NAMESPACES["pdfuaid"]}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
"""


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
