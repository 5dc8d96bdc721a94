"""The PDF/A declaration of the PDFs Lika writes, without ``pikepdf.pdfa``.

A reportlab PDF already meets PDF/A's rules for content (every font embedded, no
transparency groups, no JavaScript, see ``reports.fonts``); what it lacks is the
declaration: an output intent with an ICC profile, and XMP metadata that agrees with the
document information and says which part of PDF/A the file follows. ``declare`` adds
them to reportlab's document just before it is written (``reports.pdf_objects``), with
the line ends PDF/A wants before ``endstream``. ``pikepdf.pdfa`` does the same and more,
but importing it costs about a second (jsonschema, fontTools' table modules, its rule
catalogue) on every export, and reading the finished PDF back with pikepdf to add them
cost pikepdf's import and qpdf's round trip (about 30 ms of every ``lika export-pdf``,
issue 18); the test suite still validates every kind of PDF Lika writes with
``pikepdf.pdfa.check`` (``tests/pdfcheck.py``).

The sRGB profile (``resources/icc/sRGB.icc``, ICC v2, "no copyright, use freely") is the
one pikepdf ships for the same purpose.

The XMP packet is written here from the document information, not through pikepdf's
metadata editor: that one parses and writes XML with lxml, for a packet whose every field
is known here. The packet carries what pikepdf's ``load_from_docinfo`` put in it, the same
way, so the two stay in agreement as PDF/A requires; a tagged PDF also says it follows
PDF/UA-1, with the extension schema PDF/A wants for that namespace.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDate, PDFDictionary, PDFInfo, PDFName, PDFString

from desktop_app.reports.pdf_objects import RawStream, install, set_entry
from desktop_app.reports.safe_text import escape
from desktop_app.resources import resource_path

SRGB_PROFILE = ("icc", "sRGB.icc")
CONFORMANCE = "B"  # level B: the visual appearance is preserved


@cache
def srgb_profile() -> bytes:
    return resource_path(*SRGB_PROFILE).read_bytes()


def declare(doc: Any, part: int, *, universal_access: bool = False) -> None:
    """Give reportlab's document ``doc`` an sRGB output intent and XMP metadata
    declaring PDF/A-``part`` (2 or 3) level B, and PDF/UA-1 if ``universal_access`` (a
    tagged PDF), copied from its document information so the two agree."""
    install()
    for page in doc.Pages.pages:  # reportlab writes an empty /Trans; PDF/A forbids it
        page.Trans = None
    _output_intent(doc)
    fields: dict[str, str] = {}
    for key, text in _information(doc).items():
        text = _xml_text(text)
        if key in _DATES and _iso_date(text) is None:  # not a date XMP can say: in neither
            continue
        fields[key] = text
    doc.info = _Information(doc.info, fields)
    xmp = xmp_packet(fields, part, universal_access=universal_access)
    metadata = RawStream(
        {"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}, xmp, compress=False
    )
    set_entry(doc.Catalog, "Metadata", metadata)


def _information(doc: Any) -> dict[str, str]:
    """The document information reportlab would write, as text (without ``/Trapped``:
    PDF/A wants it in XMP too, and "False" is reportlab's default, not knowledge)."""
    info = doc.info
    written = PDFDate(ts=doc._timeStamp, dateFormatter=info._dateFormatter).format(doc)
    date = written.decode("latin-1")[1:-1]  # "(D:…)": digits, signs and quotes only
    return {
        "/Author": str(info.author),
        "/CreationDate": date,
        "/Creator": str(info.creator),
        "/Keywords": str(info.keywords),
        "/ModDate": date,
        "/Producer": str(info.producer),
        "/Subject": str(info.subject),
        "/Title": str(info.title),
    }


class _Information(PDFInfo):
    """The document information as declared in the XMP packet, written as is."""

    def __init__(self, original: Any, fields: dict[str, str]) -> None:
        super().__init__()
        self.__dict__.update(original.__dict__)  # what reportlab digests for the /ID
        self.fields = fields

    def format(self, document: Any) -> bytes:
        entries = {key[1:]: PDFString(text) for key, text in self.fields.items()}
        written: bytes = PDFDictionary(entries).format(document)
        return written


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


def _output_intent(doc: Any) -> None:
    profile = RawStream({"N": 3}, srgb_profile(), compress=True)  # RGB
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFA1"),  # the subtype every part of PDF/A uses
            "OutputConditionIdentifier": PDFString("sRGB"),
            "RegistryName": PDFString("http://www.color.org"),
            "Info": PDFString("sRGB IEC61966-2.1"),
            "DestOutputProfile": profile,
        }
    )
    set_entry(doc.Catalog, "OutputIntents", PDFArray([intent]))
