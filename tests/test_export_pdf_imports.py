"""``lika export-pdf`` imports what writing the PDF needs, no more (issue 18).

Checked by the modules a fresh process has loaded once the PDF is written, with a trust
record in force as a built Lika has one (not by timings: the machine is shared).
"""

from __future__ import annotations

from desktop_app.checklists import trusted
from tests.conftest import SQLITE_ONLY
from tests.test_cli_imports import run_in_process
from tests.test_portfolio_report import demo_db  # noqa: F401 (a fixture)

# What it once loaded and does not need: the schema library (the exchange data is checked
# by ``schema_subset``), YAML (the content comes parsed from the record), lxml (the XMP
# is written by ``reports.pdfa``), cryptography (nothing is signed), PDF/A's validator
# and pikepdf itself (the structure tree, the PDF/A declaration and the exchange file go
# into reportlab's document before it is written: ``reports.pdf_objects``). Babel
# stays: dates and lists in three languages are its job, not ours. Nor does it need
# ``xml.sax.saxutils`` to escape text: it loads urllib's request module with http, email,
# ssl and socket (``safe_text.escape`` is the same escaping). The portfolio's records and
# figures (``domain.portfolio``, ``storage.portfolio``) are the report's, not a
# summary's. A register that opening would leave as it is is read through the read-only
# door, without sqlite-utils (with click and pluggy) or the migrations
# (``storage.read_door``).
NOT_NEEDED = (
    "jsonschema",
    "referencing",
    "yaml",
    "lxml",
    "cryptography",
    "pikepdf",
    "xml.sax",
    "urllib.request",
    "http",
    "email",
    "ssl",
    "desktop_app.domain.portfolio",
    "desktop_app.storage.portfolio",
    "sqlite_utils",
    "click",
    "pluggy",
    "desktop_app.storage.migrations",
    "desktop_app.storage.database",
)


@SQLITE_ONLY  # what reading a register *file* loads (demo_db runs on both engines elsewhere)
def test_export_pdf_loads_no_schema_library_yaml_lxml_cryptography_or_sqlite_utils(
    demo_db,  # noqa: F811
    tmp_path,
):
    record = tmp_path / trusted.RECORD_NAME
    trusted.write_record(record)
    out = tmp_path / "one.pdf"
    prelude = (
        "import pathlib\n"
        "from desktop_app.checklists import trusted\n"
        "real = trusted.resource_path\n"
        f"record = pathlib.Path({str(record)!r})\n"
        "trusted.resource_path = lambda *p: record if p == (trusted.RECORD_NAME,) else real(*p)\n"
    )
    exit_code, loaded = run_in_process(
        ["export-pdf", "2", "--db", str(demo_db), "--out", str(out)],
        prelude,
        env={"LIKA_DEFAULTS": "", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert exit_code == 0 and out.is_file()  # it did export
    assert "desktop_app.checklists.guide" in loaded and "reportlab" in loaded
    assert sorted({m.split(".")[0] for m in loaded if m.startswith(NOT_NEEDED)}) == []
