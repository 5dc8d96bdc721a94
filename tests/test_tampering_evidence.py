"""The tampering corpus, part 3: evidence that arrives in an exchange file.

An attached file or a link that comes in a file is checked as if it were attached or
added here: every file item by its own name and the bytes it names (two items may share
one file), its media type taken from its content, every link a web address. Opening one
checks again, as a second line of defence for what is already in a register."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from desktop_app.app.evidence_service import EvidenceService
from desktop_app.domain.errors import InputError
from desktop_app.domain.evidence import Evidence, EvidenceKind, file_evidence
from desktop_app.storage import exchange

CORPUS = Path(__file__).parent / "data" / "exchange"
CSV = b"ar;kvinnor;man\n2025;4120;3388\n"


def _valid() -> dict:
    return json.loads((CORPUS / "valid.json").read_text(encoding="utf-8"))


def _parse(data: dict, content) -> exchange.ExchangeDocument:
    text = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return exchange.parse(text, content.checklists.checklists)


def _one_file_two_items(title: str, media_type: str = "text/csv") -> dict:
    """The corpus file with its CSV attached twice: once as ``besokare-2025.csv``, once
    under ``title``."""
    data = _valid()
    first = data["assessment"]["evidence"][0]
    second = {**first, "uid": "4e5f6a7b-8c9d-4e0f-8a1b-4c5d6e7f8091", "title": title}
    second["media_type"] = media_type
    data["assessment"]["evidence"].insert(1, second)
    return data


@pytest.mark.parametrize("order", ["program second", "program first"])
def test_every_file_item_is_checked_by_its_own_name(content, order) -> None:
    data = _one_file_two_items("Bilaga.hta")
    items = data["assessment"]["evidence"]
    if order == "program first":
        items[0], items[1] = items[1], items[0]
    with pytest.raises(exchange.ExchangeError, match=r"evidence\[\d\]: Bilaga\.hta: programs"):
        _parse(data, content)


def test_a_name_that_does_not_fit_the_content_is_refused(content) -> None:
    data = _one_file_two_items("Bilaga.pdf", media_type="application/pdf")
    with pytest.raises(exchange.ExchangeError, match=r"Bilaga\.pdf: the content is not a \.pdf"):
        _parse(data, content)


def test_the_media_type_is_the_contents_not_the_files_word(content) -> None:
    data = _valid()
    data["assessment"]["evidence"][0]["media_type"] = "application/x-msdownload"
    document = _parse(data, content)
    assert document.assessment.evidence[0].media_type == "text/csv"


@pytest.mark.parametrize(
    "reference",
    [
        "file:///C:/Windows/System32/calc.exe",
        "javascript:alert(1)",
        "smb://server/share/x.exe",
        "https:///no-host",
        " ",
    ],
)
def test_a_link_that_is_not_a_web_address_is_refused(content, reference) -> None:
    data = _valid()
    link = data["assessment"]["evidence"][1]
    link.update(kind="link", reference=reference)
    with pytest.raises(exchange.ExchangeError, match=r"assessment\.evidence\[1\]: "):
        _parse(data, content)


def test_a_web_link_and_a_record_still_arrive(content) -> None:
    data = _valid()
    data["assessment"]["evidence"][1].update(kind="link", reference="https://www.scb.se/x")
    assert _parse(data, content).assessment.evidence[1].reference == "https://www.scb.se/x"


def test_an_exchange_file_with_such_evidence_leaves_the_register_unchanged(
    tmp_path, capsys
) -> None:
    from tests.safety_helpers import register_state
    from tests.tampering_helpers import run

    db = tmp_path / "register.db"
    assert run(db, capsys, "list")[0] == 0
    before = register_state(db)
    path = tmp_path / "hta.json"
    path.write_text(json.dumps(_one_file_two_items("Bilaga.hta")), encoding="utf-8")
    code, _out, err = run(db, capsys, "import", str(path))
    assert code == 2 and "Bilaga.hta" in err, err
    assert register_state(db) == before


# The second line of defence: what is already in a register is checked when opened.


def test_opening_a_file_whose_name_is_a_program_is_refused(repository, tmp_path) -> None:
    service = EvidenceService(repository, temp_root=tmp_path)
    item = file_evidence("data.csv", CSV)
    repository.store_evidence_file(CSV)
    assert service.open_copy(item).read_bytes() == CSV
    for title in ("Bilaga.hta", "Bilaga.csv.exe", "Bilaga", "Bilaga.csv.lnk "):
        smuggled = Evidence(**{**item.__dict__, "title": title})
        with pytest.raises(InputError, match="cannot be opened"):
            service.open_copy(smuggled)
    assert hashlib.sha256(CSV).hexdigest() == item.sha256


@pytest.mark.parametrize(
    ("reference", "opens"),
    [
        ("https://www.scb.se/", True),
        ("http://intranet.kommun.se/a?b=c", True),
        ("file:///C:/Windows/System32/calc.exe", False),
        ("javascript:alert(1)", False),
        ("mailto:a@b.se", False),
    ],
)
def test_only_web_addresses_are_handed_to_the_system(repository, reference, opens) -> None:
    item = Evidence(kind=EvidenceKind.LINK, reference=reference)
    if opens:
        assert EvidenceService.web_address(item) == reference
    else:
        with pytest.raises(InputError, match="web address"):
            EvidenceService.web_address(item)


def test_bytes_in_the_corpus_are_what_the_tests_think(content) -> None:
    document = _parse(_valid(), content)
    (digest,) = document.files
    assert base64.b64encode(document.files[digest]) and len(document.files[digest]) == 32
