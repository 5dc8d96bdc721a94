"""The tampering corpus, part 2: someone with an exchange file and Lika's own functions.

An approval that arrives in a file is not taken on its word: with a signature this
register can check against a key it trusts it stands, without one it arrives in review
with the claim kept and labelled unverified, and a signature that does not hold (forged,
over other content, for another revision or assessment) is refused with the register
unchanged byte for byte. Written before the change (issue 13)."""

from __future__ import annotations

import base64
import csv
import io
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop_app.domain import fingerprint as fingerprint_module
from desktop_app.domain import signing
from desktop_app.domain.fingerprint import content_digest, fingerprint
from desktop_app.domain.serialize import assessment_from_dict
from tests.tampering_helpers import (
    check,
    export,
    listed,
    make_register,
    problems,
    register_state,
    run,
    write,
)


@pytest.fixture
def db(tmp_path, content, capsys):
    return make_register(tmp_path / "register.db", content, capsys)


def _forge_approval(data: dict, approver: str = "Direktör Dahl") -> dict:
    """What the issue did: claim an approval and recompute the fingerprint with Lika's
    own function."""
    assessment = assessment_from_dict(data["assessment"])
    data["assessment"]["status"] = "approved"
    data["history"].append(
        {
            "from_status": "in_review",
            "to_status": "approved",
            "actor": approver,
            "os_user": "dahl",
            "at": "2026-11-05T10:00:00+00:00",
            "comment": "",
            "fingerprint": content_digest(assessment),
        }
    )
    return data


def _refused(db, capsys, *args: str, message: str) -> None:
    before = register_state(db)
    code, out, err = run(db, capsys, *args)
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and message in err, err
    assert register_state(db) == before


def _sign(data: dict, index: int, key: Ed25519PrivateKey) -> None:
    """Sign history[index] of ``data`` as Lika signs an approval it makes."""
    a = data["assessment"]
    change = data["history"][index]
    message = signing.approval_message(
        assessment_uid=a["uid"],
        series_uid=a["series_uid"],
        revision=a["revision"],
        content_sha256=change["fingerprint"],
        from_status=change["from_status"],
        to_status=change["to_status"],
        actor=change["actor"],
        os_user=change["os_user"],
        at=change["at"],
    )
    change["signature"] = signing.sign(key, message)
    change["public_key"] = signing.public_key_text(key.public_key())


# The forged approval of the issue


def test_a_forged_approval_arrives_in_review_labelled_unverified(db, tmp_path, capsys) -> None:
    data = _forge_approval(export(db, capsys, 2, tmp_path / "two.json"))
    code, out, err = run(db, capsys, "import", str(write(tmp_path / "f.json", data)), "--replace")
    assert code == 0, err
    assert "unverified" in out + err
    row = listed(db, capsys)[2]
    assert row["status"] == "in_review" and row["approval"] == "unverified"
    assert row["reviewer"] == "Direktör Dahl" and row["reviewer_unverified"] is True
    assert listed(db, capsys)[1]["reviewer_unverified"] is False
    code, out, _ = run(db, capsys, "list", "--format", "csv")
    by_id = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert [by_id[i]["reviewer_unverified"] for i in ("1", "2")] == ["False", "True"]
    printed = json.loads(run(db, capsys, "fingerprint", "2", "--format", "json")[1])
    assert printed["approved_fingerprint"] is None
    code, out, _ = run(db, capsys, "verify", "2", "--fingerprint", printed["fingerprint"])
    assert code == 1 and "unverified" in out and "Direktör Dahl" in out
    assert not out.startswith("Matches")
    # The claim is kept in the history as a claim.
    code, out, _ = run(db, capsys, "history", "2")
    assert "unverified" in out
    assert check(db, capsys)[0] == 0


def test_list_json_never_says_approved_for_an_unverified_approval(db, tmp_path, capsys) -> None:
    data = _forge_approval(export(db, capsys, 2, tmp_path / "two.json"))
    data["assessment"]["uid"] = data["assessment"]["series_uid"] = "f" * 32
    assert run(db, capsys, "import", str(write(tmp_path / "f.json", data)))[0] == 0
    rows = listed(db, capsys)
    assert [r["status"] for r in rows.values()].count("approved") == 1  # assessment 1 only
    assert rows[1]["approval"] == "witnessed"


def test_the_series_of_another_decision_cannot_be_taken_over(db, tmp_path, capsys) -> None:
    one = export(db, capsys, 1, tmp_path / "one.json")
    data = _forge_approval(export(db, capsys, 2, tmp_path / "two.json"))
    data["assessment"]["series_uid"] = one["assessment"]["series_uid"]
    data["assessment"]["revision"] = 2
    data["history"][-1]["fingerprint"] = content_digest(assessment_from_dict(data["assessment"]))
    path = write(tmp_path / "hijack.json", data)
    _refused(db, capsys, "import", str(path), "--replace", message="another decision")
    data["assessment"]["uid"] = "e" * 32
    path = write(tmp_path / "hijack2.json", data)
    _refused(db, capsys, "import", str(path), message="another decision")
    _code, out, _ = run(db, capsys, "revisions", "1", "--format", "json")
    assert [r["id"] for r in json.loads(out)] == [1]


# The collision swap


def test_a_48_bit_fingerprint_is_no_longer_accepted_as_proof(db, capsys) -> None:
    printed = json.loads(run(db, capsys, "fingerprint", "1", "--format", "json")[1])
    assert len(printed["fingerprint"].replace("-", "")) * 5 >= 128
    old_form = fingerprint_module.legacy_fingerprint_of(printed["content_sha256"])
    code, out, _ = run(db, capsys, "verify", "1", "--fingerprint", old_form)
    assert code == 1 and "48-bit" in out and not out.startswith("Matches"), out
    code, out, _ = run(db, capsys, "verify", "1", "--fingerprint", printed["fingerprint"])
    assert code == 0 and out.startswith("Matches"), out


def test_a_colliding_swap_through_an_exchange_file_is_not_approved(
    db, tmp_path, capsys, monkeypatch
) -> None:
    """Simulated with a fingerprint that collides always: an old-style approval in a
    file, whose content was swapped, does not arrive approved."""
    data = export(db, capsys, 1, tmp_path / "one.json")
    approval = data["history"][-1]
    approval.pop("signature", None)
    approval.pop("public_key", None)
    monkeypatch.setattr(fingerprint_module, "legacy_fingerprint", lambda _a: "aaaa-bbbb-cccc")
    approval["fingerprint"] = "aaaa-bbbb-cccc"
    data["assessment"]["conclusion"]["summary"] = (
        "utan\u00a0åtgärder: inga grupper påverkas negativt"
    )
    data["assessment"]["uid"] = data["assessment"]["series_uid"] = "d" * 32
    code, _out, err = run(db, capsys, "import", str(write(tmp_path / "swap.json", data)))
    assert code == 0, err
    new_id = max(listed(db, capsys))
    assert listed(db, capsys)[new_id]["status"] == "in_review"
    assert listed(db, capsys)[new_id]["approval"] == "unverified"


def test_an_old_48_bit_approval_stays_readable_as_the_weaker_form(db, capsys, monkeypatch) -> None:
    """An approval recorded the way Lika did before (12 hex digits)."""
    from desktop_app.domain import workflow

    monkeypatch.setattr(workflow, "content_digest", fingerprint_module.legacy_fingerprint)
    assert run(db, capsys, "approve", "2", "--as", "Bo")[0] == 0
    monkeypatch.undo()
    code, out, _ = run(db, capsys, "fingerprint", "2", "--format", "json")
    old = json.loads(out)["approved_fingerprint"]
    assert fingerprint_module.is_legacy(old)
    code, out, _ = run(db, capsys, "verify", "2", "--fingerprint", old)
    assert code == 1 and "older" in out and "48-bit" in out, out
    assert not out.startswith("Matches")
    printed = json.loads(run(db, capsys, "fingerprint", "2", "--format", "json")[1])["fingerprint"]
    code, out, _ = run(db, capsys, "verify", "2", "--fingerprint", printed)
    assert code == 1 and "older" in out, out
    assert check(db, capsys)[0] == 0


# Signatures


def test_a_signed_approval_by_a_trusted_key_stands(db, tmp_path, capsys) -> None:
    data = export(db, capsys, 1, tmp_path / "one.json")
    assert data["history"][-1]["signature"] and data["history"][-1]["public_key"]
    fresh = tmp_path / "fresh.db"
    code, _out, err = run(fresh, capsys, "import", str(tmp_path / "one.json"))
    assert code == 0, err
    assert listed(fresh, capsys)[1]["status"] == "approved"
    assert listed(fresh, capsys)[1]["approval"] == "signed"


def test_a_forged_signature_is_refused(db, tmp_path, capsys) -> None:
    data = _forge_approval(export(db, capsys, 2, tmp_path / "two.json"))
    data["history"][-1]["signature"] = base64.b64encode(bytes(64)).decode()
    data["history"][-1]["public_key"] = export(db, capsys, 1, tmp_path / "one.json")["history"][-1][
        "public_key"
    ]
    path = write(tmp_path / "forged.json", data)
    _refused(db, capsys, "import", str(path), "--replace", message="signature does not hold")


def test_a_signature_by_an_untrusted_key_is_unverified(db, tmp_path, capsys) -> None:
    data = _forge_approval(export(db, capsys, 2, tmp_path / "two.json"))
    _sign(data, -1, Ed25519PrivateKey.generate())
    path = write(tmp_path / "untrusted.json", data)
    code, out, err = run(db, capsys, "import", str(path), "--replace")
    assert code == 0, err
    assert "not trust" in out + err
    assert listed(db, capsys)[2]["status"] == "in_review"
    assert listed(db, capsys)[2]["approval"] == "unverified"


def test_a_signature_over_other_content_is_refused(db, tmp_path, capsys) -> None:
    data = export(db, capsys, 1, tmp_path / "one.json")
    data["assessment"]["conclusion"]["summary"] = "Något helt annat"
    data["history"][-1]["fingerprint"] = content_digest(assessment_from_dict(data["assessment"]))
    data["assessment"]["uid"] = data["assessment"]["series_uid"] = "c" * 32
    path = write(tmp_path / "other.json", data)
    _refused(db, capsys, "import", str(path), message="signature does not hold")


def test_a_replayed_approval_of_an_older_revision_is_refused(db, tmp_path, capsys) -> None:
    one = export(db, capsys, 1, tmp_path / "one.json")
    assert run(db, capsys, "new-revision", "1", "--as", "Ája")[0] == 0  # assessment 4
    assert run(db, capsys, "submit", "4", "--as", "Ája")[0] == 0
    data = export(db, capsys, 4, tmp_path / "four.json")
    data["assessment"]["status"] = "approved"
    data["history"].append(one["history"][-1])  # the same content: an unchanged copy
    path = write(tmp_path / "replay.json", data)
    _refused(db, capsys, "import", str(path), "--replace", message="signature does not hold")


def test_an_approval_of_another_assessment_is_refused(db, tmp_path, capsys) -> None:
    one = export(db, capsys, 1, tmp_path / "one.json")
    data = export(db, capsys, 2, tmp_path / "two.json")
    data["assessment"]["status"] = "approved"
    approval = dict(one["history"][-1])
    data["history"].append(approval)
    # The content fingerprint made to fit, so only the signature can tell.
    approval["fingerprint"] = content_digest(assessment_from_dict(data["assessment"]))
    path = write(tmp_path / "other.json", data)
    _refused(db, capsys, "import", str(path), "--replace", message="signature does not hold")


def test_a_refused_import_names_the_place(db, tmp_path, capsys) -> None:
    data = _forge_approval(export(db, capsys, 2, tmp_path / "two.json"))
    data["history"][-1]["signature"] = "not base64!"
    data["history"][-1]["public_key"] = "AAAA"
    path = write(tmp_path / "bad.json", data)
    _refused(db, capsys, "import", str(path), "--replace", message="history[")


def test_the_printed_fingerprint_is_grouped_base32_of_128_bits_or_more(content) -> None:
    from tests.helpers import complete_assessment

    a = complete_assessment(content)
    printed = fingerprint(a)
    groups = printed.split("-")
    assert len({len(g) for g in groups}) == 1 and len(groups[0]) <= 5
    assert len("".join(groups)) * 5 >= 128
    assert len(content_digest(a)) == 64
    assert check is not None and problems is not None


def test_the_pdf_says_an_imported_approval_is_unverified(db, tmp_path, capsys) -> None:
    from tests.pdfcheck import pdf_text

    data = _forge_approval(export(db, capsys, 2, tmp_path / "two.json"))
    assert run(db, capsys, "import", str(write(tmp_path / "f.json", data)), "--replace")[0] == 0
    pdf = tmp_path / "two.pdf"
    assert run(db, capsys, "export-pdf", "2", "--out", str(pdf))[0] == 0
    text = " ".join(pdf_text(pdf).split())
    assert "EJ VERIFIERAT" in text and "Direktör Dahl" in text
    assert "Godkänd av" not in text


# An approval over other content, whatever the file's status says


def test_a_signed_approval_over_other_content_marked_in_review_is_refused(
    db, tmp_path, capsys
) -> None:
    data = export(db, capsys, 1, tmp_path / "one.json")
    assert data["history"][-1]["signature"]
    data["assessment"]["conclusion"]["summary"] = "Inga grupper påverkas negativt"
    data["assessment"]["status"] = "in_review"  # as an unverified claim would arrive
    path = write(tmp_path / "other.json", data)
    fresh = tmp_path / "fresh.db"
    assert run(fresh, capsys, "list")[0] == 0
    _refused(fresh, capsys, "import", str(path), message="history[")
    assert listed(fresh, capsys) == {}


def test_an_unsigned_claim_over_other_content_is_refused(db, tmp_path, capsys) -> None:
    data = _forge_approval(export(db, capsys, 2, tmp_path / "two.json"))
    data["assessment"]["status"] = "in_review"
    data["assessment"]["conclusion"]["summary"] = "Något annat än det som godkändes"
    path = write(tmp_path / "claim.json", data)
    _refused(db, capsys, "import", str(path), "--replace", message="changed after the approval")


def test_judging_refuses_a_signature_over_other_content(db, tmp_path, capsys, content) -> None:
    """The judge compares the signed fingerprint with the content itself, also for a
    document that did not come through the exchange file's own checks."""
    from desktop_app.app.approvals import judge_import
    from desktop_app.keys import TrustedKeys
    from desktop_app.storage import exchange

    export(db, capsys, 1, tmp_path / "one.json")
    document = exchange.read_file(tmp_path / "one.json", content.checklists.checklists)
    document.assessment.conclusion.summary = "Inga grupper påverkas negativt"
    with pytest.raises(exchange.ExchangeError, match="signed over other content"):
        judge_import(document, TrustedKeys.load())
