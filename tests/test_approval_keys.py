"""Approver keys (created private, listed by IT, revoked) and the upgrade of a register
whose approvals were recorded before they were covered by the audit log (issue 13)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop_app.domain.signing import public_key_text
from desktop_app.keys import KeyStanding, KeyStore, TrustedKeys
from tests.tampering_helpers import check, export, listed, make_register, problems, run, write
from tests.test_tampering_exchange import _forge_approval, _sign


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_the_own_key_is_created_readable_by_the_user_only(tmp_path) -> None:
    store = KeyStore(tmp_path / "keys")
    assert store.private_key() is None
    key = store.ensure()
    assert stat.S_IMODE(store.private_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
    assert public_key_text(store.ensure().public_key()) == public_key_text(key.public_key())


def _it_folder(tmp_path: Path, monkeypatch, **keys: tuple[str, str]) -> None:
    """A defaults.ini naming a trusted_keys_folder with ``file name -> (key, name)``."""
    folder = tmp_path / "trusted"
    folder.mkdir()
    for file_name, (key, name) in keys.items():
        (folder / file_name.replace("_", ".")).write_text(f"{key} {name}\n", encoding="utf-8")
    ini = tmp_path / "defaults.ini"
    ini.write_text(f"[lika]\ntrusted_keys_folder = {folder}\n", encoding="utf-8")
    monkeypatch.setenv("LIKA_DEFAULTS", str(ini))


@pytest.fixture
def db(tmp_path, content, capsys):
    return make_register(tmp_path / "register.db", content, capsys)


def test_a_key_listed_by_it_is_trusted_and_a_revoked_one_is_not(
    db, tmp_path, capsys, monkeypatch
) -> None:
    director = Ed25519PrivateKey.generate()
    former = Ed25519PrivateKey.generate()
    _it_folder(
        tmp_path,
        monkeypatch,
        dahl_pub=(public_key_text(director.public_key()), "Direktör Dahl"),
        old_revoked=(public_key_text(former.public_key()), "Förre direktören"),
    )
    trusted = TrustedKeys.load()
    assert trusted.standing(public_key_text(director.public_key())) == (
        KeyStanding.TRUSTED,
        "Direktör Dahl",
    )
    data = _forge_approval(export(db, capsys, 2, tmp_path / "two.json"))
    _sign(data, -1, director)
    code, _out, err = run(db, capsys, "import", str(write(tmp_path / "ok.json", data)), "--replace")
    assert code == 0, err
    assert listed(db, capsys)[2]["status"] == "approved"
    assert listed(db, capsys)[2]["approval"] == "signed"
    assert check(db, capsys)[0] == 0

    data = _forge_approval(export(db, capsys, 3, tmp_path / "three.json"))
    _sign(data, -1, former)
    path = write(tmp_path / "revoked.json", data)
    code, _out, err = run(db, capsys, "import", str(path), "--replace")
    assert code == 0 and "revoked" in err, err
    assert listed(db, capsys)[3]["approval"] == "unverified"


def test_lika_key_prints_a_line_for_it_and_lists_the_trusted(db, capsys) -> None:
    code, out, _ = run(db, capsys, "key")
    line = out.strip()
    assert code == 0 and len(line.split()[0]) == 44
    code, out, _ = run(db, capsys, "key", "--trusted", "--format", "json")
    assert [k["name"] for k in json.loads(out)] == ["your own key"]


def test_an_older_register_is_sealed_when_it_is_upgraded(tmp_path, capsys) -> None:
    path = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "data" / "register-0.1.0.db", path)
    code, found = check(path, capsys)  # before the upgrade, read as it is
    assert code == 0, problems(found)
    code, _out, _ = run(path, capsys, "list", "--format", "json")
    assert code == 0
    code, found = check(path, capsys)
    assert code == 0, problems(found)
    conn = sqlite3.connect(path)
    unsealed = conn.execute("SELECT count(*) FROM status_changes WHERE audit_id IS NULL")
    assert unsealed.fetchone()[0] == 0
    conn.close()


def test_a_crash_while_the_key_is_written_leaves_no_empty_key(tmp_path, monkeypatch) -> None:
    """Killed while writing the new key (simulated where either way of writing it
    writes): no empty key file is left to make every later approval unsigned."""
    import pathlib

    store = KeyStore(tmp_path / "keys")

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(os, "fdopen", killed)
        patch.setattr(pathlib.Path, "write_bytes", killed)
        with pytest.raises(KeyboardInterrupt):
            store.ensure()
    assert not store.private_path.exists()
    assert not list(store.folder.glob(".lika-*"))
    key = store.ensure()
    assert store.private_key() is not None
    assert public_key_text(store.private_key().public_key()) == public_key_text(key.public_key())


def test_an_approval_that_cannot_be_signed_says_so(db, tmp_path, capsys, monkeypatch) -> None:
    keys = tmp_path / "broken-keys"
    keys.mkdir(mode=0o700)
    (keys / "approver-ed25519.pem").write_bytes(b"")  # left by a crash before this fix
    monkeypatch.setenv("LIKA_KEY_DIR", str(keys))
    code, _out, err = run(db, capsys, "approve", "2", "--as", "Bo")
    assert code == 0
    assert "could not be signed" in err and "approver-ed25519.pem" in err, err
    assert listed(db, capsys)[2]["status"] == "approved"
