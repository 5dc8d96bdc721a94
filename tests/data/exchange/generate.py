"""Writes the hostile exchange files in this folder from one valid export.

Run from the repository root: ``python tests/data/exchange/generate.py``. The files are
committed, so the tests never depend on this script; it documents how each was made.
Files too large to commit (100 MB, a text over the length limit) are made by the tests.
"""

from __future__ import annotations

import copy
import json
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from desktop_app.checklists.guide import load_content  # noqa: E402
from desktop_app.domain.evidence import EvidenceKind, file_evidence, link_evidence  # noqa: E402
from desktop_app.domain.fingerprint import fingerprint  # noqa: E402
from desktop_app.domain.model import Status, StatusChange  # noqa: E402
from desktop_app.domain.serialize import assessment_from_dict  # noqa: E402
from desktop_app.domain.statistics import FigureUnit, StatisticsTable, StatisticsTopic  # noqa: E402
from desktop_app.storage import exchange  # noqa: E402
from tests.helpers import complete_assessment  # noqa: E402

HERE = Path(__file__).parent
# A small attached file (version 2): visitor counts by sex, as a CSV.
VISITORS_CSV = "år;kvinnor;män\n2025;4120;3388\n".encode()

EVERY_SCRIPT = {
    "title": "Samisk: Máret Ŋuolja-Čáhppes, Ánde Đuolbmá, Skolt: ǯ ʒ ǥ ǧ ǩ",
    "case_number": "KS 2026/0412 – ärende № 7",
    "organisation": "Ελληνικά Αλέξανδρος · Русский: Ольга Кузнецова",
    "unit": "العربية: فاطمة الزهراء · עברית: שלום",
    "decision_body": "हिन्दी: नमस्ते · ไทย: สวัสดี · 中文: 你好 · 日本語: こんにちは · 한국어: 안녕",
    "author": "Emoji 👩🏽‍⚕️👨‍👩‍👧 and astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, combining e\u0301 vs é",
    "description": (
        "Right-to-left override \u202e)evil(\u202c, zero width \u200b joiner \u200d, "
        "soft hyphen \u00ad, non-breaking \u00a0space, tab\tand\nnew lines\r\nCRLF.\n"
        "Markup that must stay text: <b>&amp;</b> <script>alert(1)</script> %s {0} ${x}"
    ),
    "affected": "Ge'ez: ሰላም · Armenian: Բարեւ · Georgian: გამარჯობა · Inuktitut: ᐊᐃᓐᖓᐃ",
    "affected_groups": ["Sámiid Searvi", "Ольга", "فاطمة", "李小龙", "🙂"],
}


def base() -> dict[str, Any]:
    content = load_content()
    assessment = complete_assessment(content)
    assessment.uid = assessment.series_uid = "5f1c2a9e-7d3b-4c61-9a8e-2b4d6f8a0c13"
    assessment.measures[0].uid = "0c2e4a6b-8d1f-4e3a-9b5c-7d9e1f3a5b7c"
    assessment.created = datetime(2026, 10, 1, 8, 30, tzinfo=UTC)
    assessment.updated = datetime(2026, 10, 14, 15, 2, 11, tzinfo=UTC)
    assessment.answer("age.evidence").value = "yes"
    assessment.answer("age.evidence").note = "Besöksstatistik 2025"
    assessment.statistics = [
        StatisticsTable(
            uid="9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
            label="Besökare med lånekort",
            women=4120,
            men=3388,
            total=7508,
            source="Biblioteksstatistik",
            year=2025,
        ),
        StatisticsTable(
            uid="1b2c3d4e-5f6a-4b7c-9d8e-1f2a3b4c5d6e",
            target="age",
            topic=StatisticsTopic.REPRESENTATION,
            label="Ledamöter i pensionärsrådet",
            unit=FigureUnit.PERCENT,
            women=57.1,
            men=42.9,
            total=14,
            source="Kommunens förtroendemannaregister",
            year=2026,
        ),
    ]
    visitors = file_evidence("besokare-2025.csv", VISITORS_CSV)
    assessment.evidence = [
        replace(visitors, uid="2c3d4e5f-6a7b-4c8d-8e9f-2a3b4c5d6e7f"),
        replace(
            link_evidence(EvidenceKind.RECORD, "KS 2026/0412-3", "Protokoll från samrådet"),
            uid="3d4e5f6a-7b8c-4d9e-9f0a-3b4c5d6e7f80",
            target="age",
        ),
    ]
    assessment.status = Status.IN_REVIEW
    history = [
        StatusChange(
            Status.DRAFT,
            Status.IN_REVIEW,
            "Máret Ŋuolja-Čáhppes",
            "maret",
            datetime(2026, 10, 14, 15, 2, 11, tzinfo=UTC),
            "Klar för granskning",
            "3f2a-9c1b-77d0",
        )
    ]
    files = {visitors.sha256: VISITORS_CSV}
    return exchange.to_dict(exchange.ExchangeDocument(assessment, history, files=files))


def approved() -> dict[str, Any]:
    """The same assessment approved, decided, and evaluated a year later."""
    data = copy.deepcopy(base_data)
    data["assessment"]["status"] = "approved"
    data["history"].append(
        {
            "from_status": "in_review",
            "to_status": "approved",
            "actor": "Ольга Кузнецова",
            "os_user": "olga",
            "at": "2026-10-20T09:15:00+00:00",
            "comment": "Godkänd.",
            "fingerprint": fingerprint(assessment_from_dict(data["assessment"])),
        }
    )
    measure = data["assessment"]["measures"][0]
    data["evaluations"] = [
        {
            "followup_date": "2027-09-01",
            "evaluated_on": "2027-09-03",
            "evaluator": "Máret Ŋuolja-Čáhppes",
            "os_user": "maret",
            "recorded_at": "2027-09-03T10:00:00+00:00",
            "what_happened": "Meröppet infördes i mars; besöken bland äldre är tillbaka.",
            "impact": "yes",
            "impact_note": "",
            "next_followup": None,
            "measures": [
                {
                    "measure_uid": measure["uid"],
                    "description": measure["description"],
                    "status": "done",
                    "note": "Onsdagar 17–20.",
                }
            ],
        }
    ]
    return data


def write(name: str, data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    (HERE / name).write_text(text, encoding="utf-8")


def variant(name: str, change: Any) -> None:
    data = copy.deepcopy(base_data)
    change(data)
    write(name, data)


base_data = base()


def main() -> None:
    write("valid.json", base_data)
    valid_text = (HERE / "valid.json").read_text(encoding="utf-8")
    (HERE / "bom.json").write_bytes(b"\xef\xbb\xbf" + valid_text.encode("utf-8"))
    variant("every-script.json", lambda d: d["assessment"]["decision"].update(EVERY_SCRIPT))

    (HERE / "truncated.json").write_text(valid_text[: len(valid_text) // 2], encoding="utf-8")
    (HERE / "empty.json").write_bytes(b"")
    (HERE / "not-an-object.json").write_text("[1, 2, 3]\n", encoding="utf-8")
    variant("wrong-format.json", lambda d: d.update(format="lika-checklist"))
    variant("newer-version.json", lambda d: d.update(version=3))
    variant("version-as-text.json", lambda d: d.update(version="1"))
    variant(
        "unknown-ground.json",
        lambda d: d["assessment"]["grounds"][0].update(ground_key="astrology"),
    )
    variant(
        "unknown-checklist.json",
        lambda d: d["assessment"]["framework"].update(id="us-ada"),
    )
    variant("unknown-module.json", lambda d: d["assessment"]["modules"].update(horoscope="1.0"))
    variant(
        "unknown-question.json",
        lambda d: d["assessment"]["answers"][0].update(question_id="astrology.stars"),
    )
    variant("bad-answer.json", lambda d: d["assessment"]["answers"][0].update(value="maybe"))
    variant("missing-field.json", lambda d: d["assessment"]["decision"].pop("title"))
    variant("unknown-field.json", lambda d: d["assessment"]["decision"].update(password="x"))
    variant("wrong-type.json", lambda d: d["assessment"].update(revision="one"))
    variant("wrong-enum.json", lambda d: d["assessment"]["grounds"][0].update(relevance="perhaps"))
    variant(
        "date-out-of-range.json",
        lambda d: d["assessment"]["decision"].update(decision_date="0999-12-31"),
    )
    variant(
        "date-impossible.json",
        lambda d: d["assessment"]["measures"][0].update(deadline="2027-02-30"),
    )
    variant(
        "timestamp-out-of-range.json",
        lambda d: d["assessment"].update(updated="9999-12-31T23:59:59+00:00"),
    )
    variant("status-without-history.json", lambda d: d.update(history=[]))
    write("approved-with-evaluation.json", approved())
    changed = approved()
    changed["assessment"]["conclusion"]["summary"] = "Ändrad efter godkännandet."
    write("approved-then-changed.json", changed)
    for change in changed["history"]:  # hiding the change by blanking the fingerprints
        change["fingerprint"] = ""
    write("approved-without-fingerprint.json", changed)
    variant(
        "evaluation-before-approval.json", lambda d: d.update(evaluations=approved()["evaluations"])
    )
    variant(
        "duplicate-measure.json",
        lambda d: d["assessment"]["measures"].append(d["assessment"]["measures"][0]),
    )

    duplicated = valid_text.replace(
        '"title": "Ändrade', '"title": "Första titeln",\n      "title": "Ändrade', 1
    )
    assert duplicated != valid_text
    (HERE / "duplicate-keys.json").write_text(duplicated, encoding="utf-8")
    generator = f'"generator": {json.dumps(base_data["generator"])}'
    nested = valid_text.replace(generator, '"generator": ' + "[" * 100_000 + "]" * 100_000, 1)
    assert nested != valid_text
    (HERE / "deeply-nested.json").write_text(nested, encoding="utf-8")
    (HERE / "nul-byte.json").write_bytes(valid_text.encode("utf-8").replace(b"KS 2026", b"KS\x00"))
    (HERE / "nul-escape.json").write_text(
        valid_text.replace("KS 2026/0412", "KS\\u0000 2026/0412"), encoding="utf-8"
    )
    (HERE / "lone-surrogate.json").write_text(
        valid_text.replace("KS 2026/0412", "KS \\ud800 2026/0412"), encoding="utf-8"
    )
    (HERE / "latin-1.json").write_bytes(valid_text.encode("latin-1", errors="replace"))
    (HERE / "utf-16.json").write_bytes(valid_text.encode("utf-16"))
    (HERE / "nan.json").write_text(
        valid_text.replace('"revision": 1', '"revision": NaN'), encoding="utf-8"
    )
    (HERE / "huge-number.json").write_text(
        valid_text.replace('"revision": 1', '"revision": 1' + "0" * 5000), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
