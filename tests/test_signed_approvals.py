"""What a signature on an approval covers, and whose it is taken to be.

The approver's comment (a condition, "approved provided that…") is part of what is
signed (``lika-approval/2``); signatures made before it (``lika-approval/1``) still
verify. A trusted key is listed under a name: an approval signed with it is believed as
that person's only, and the register records whose key it was."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop_app.domain import signing
from desktop_app.domain.signing import public_key_text
from tests.tampering_helpers import export, listed, make_register, run, write
from tests.test_approval_keys import _it_folder
from tests.test_tampering_exchange import _forge_approval, _refused, _sign

CONDITION = "Godkänd under förutsättning att skolskjutsen finns kvar"


@pytest.fixture
def db(tmp_path, content, capsys):
    return make_register(tmp_path / "register.db", content, capsys)


def _approved_with_a_condition(db, capsys, tmp_path) -> dict:
    assert run(db, capsys, "approve", "2", "--as", "Bo", "--comment", CONDITION)[0] == 0
    data = export(db, capsys, 2, tmp_path / "two.json")
    assert data["history"][-1]["comment"] == CONDITION and data["history"][-1]["signature"]
    return data


def test_the_comment_of_a_signed_approval_is_signed(db, tmp_path, capsys) -> None:
    data = _approved_with_a_condition(db, capsys, tmp_path)
    fresh = tmp_path / "fresh.db"
    code, _out, err = run(fresh, capsys, "import", str(tmp_path / "two.json"))
    assert code == 0, err
    assert listed(fresh, capsys)[1]["approval"] == "signed"
    data["history"][-1]["comment"] = "Godkänd"  # the condition dropped
    path = write(tmp_path / "edited.json", data)
    other = tmp_path / "other.db"
    assert run(other, capsys, "list")[0] == 0
    _refused(other, capsys, "import", str(path), message="signature does not hold")


def test_the_message_names_its_format_and_the_comment() -> None:
    common = dict(
        assessment_uid="a", series_uid="s", revision=1, content_sha256="0" * 64,
        from_status="in_review", to_status="approved", actor="Bo", os_user="bo",
        at="2026-11-05T10:00:00+00:00",
    )  # fmt: skip
    old = signing.approval_message(**common)
    new = signing.approval_message(**common, comment=CONDITION)
    assert b'"kind":"lika-approval/1"' in old and b"comment" not in old
    assert b'"kind":"lika-approval/2"' in new and CONDITION.encode() in new


def test_an_approval_signed_the_older_way_still_stands(db, tmp_path, capsys, monkeypatch) -> None:
    director = Ed25519PrivateKey.generate()
    _it_folder(
        tmp_path, monkeypatch, dahl_pub=(public_key_text(director.public_key()), "Direktör Dahl")
    )
    data = _forge_approval(export(db, capsys, 2, tmp_path / "two.json"))
    _sign(data, -1, director)  # lika-approval/1, without the comment
    code, _out, err = run(db, capsys, "import", str(write(tmp_path / "v1.json", data)), "--replace")
    assert code == 0, err
    assert listed(db, capsys)[2]["approval"] == "signed"


def test_a_key_listed_for_someone_else_does_not_make_the_approval_theirs(
    db, tmp_path, capsys, monkeypatch
) -> None:
    clerk = Ed25519PrivateKey.generate()
    _it_folder(tmp_path, monkeypatch, ek_pub=(public_key_text(clerk.public_key()), "Bo Ek"))
    data = _forge_approval(export(db, capsys, 2, tmp_path / "two.json"), "Direktör Dahl")
    _sign(data, -1, clerk)
    path = write(tmp_path / "theirs.json", data)
    code, _out, err = run(db, capsys, "import", str(path), "--replace")
    assert code == 0, err
    assert "Bo Ek" in err and "Direktör Dahl" in err and "unverified" in err
    row = listed(db, capsys)[2]
    assert (row["status"], row["approval"]) == ("in_review", "unverified")


def test_the_name_a_key_is_listed_under_is_recorded(db, tmp_path, capsys, monkeypatch) -> None:
    clerk = Ed25519PrivateKey.generate()
    _it_folder(tmp_path, monkeypatch, ek_pub=(public_key_text(clerk.public_key()), "Bo Ek"))
    data = _forge_approval(export(db, capsys, 2, tmp_path / "two.json"), "bo  EK")
    _sign(data, -1, clerk)
    path = write(tmp_path / "ek.json", data)
    code, out, err = run(db, capsys, "import", str(path), "--replace")
    assert code == 0, err
    assert "signed by the key of Bo Ek" in out
    assert listed(db, capsys)[2]["approval"] == "signed"
    code, out, _ = run(db, capsys, "history", "2")
    assert "signed by the key of Bo Ek" in out, out
