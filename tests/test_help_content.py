"""The user guide and third-party licences are data, complete in every language."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import ContentError
from desktop_app.domain.language import Language
from desktop_app.help_content import guide_markdown, third_party


@pytest.mark.parametrize("language", list(Language))
def test_the_guide_covers_what_a_caseworker_asks(language: Language) -> None:
    text = guide_markdown(language)
    assert text.count("\n## ") >= 5  # steps, dates, review, where data lives, moving
    assert ("lika.db" in text and "lika FIL" in text) or "lika FILE.json" in text
    assert "2027-03-15" in text


def test_third_party_names_qt_lgpl_and_the_font_licence() -> None:
    components = {c.name: c for c in third_party()}
    qt = components["Qt (through PySide6)"]
    assert "LGPL" in qt.licence and "Lesser General Public License" in qt.notice
    fonts = components["DejaVu fonts"]
    assert "Bitstream" in fonts.notice  # the licence text itself, from resources/fonts


def test_a_broken_list_is_named(tmp_path) -> None:
    (tmp_path / "third-party.yaml").write_text(
        "format: lika-third-party\nformat_version: 1\ncomponents:\n  - name: X\n"
    )
    with pytest.raises(ContentError, match="line 4"):
        third_party(tmp_path)
