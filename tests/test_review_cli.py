"""The review commands: submit, approve, return, comment, comments, address,
new-revision, revisions, compare, history, fingerprint, verify; exit codes 0/1/2,
--format json, --as NAME, and one-line errors that change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.__main__ import main
from desktop_app.app import registers
from desktop_app.domain.model import Assessment
from desktop_app.register_location import ServerUrl, is_server
from tests.conftest import SQLITE_ONLY
from tests.helpers import complete_assessment
from tests.safety_helpers import execute_behind, location_state

# The commands run on both engines (issue 20). On a register file ``--as NAME`` says who
# acts; on a server register the login does (``--as`` is refused there), and the tests'
# login is one person who is both caseworker and reviewer (``acting`` gives the
# options). The whole review between two people and self-approval by name are tests of
# ``--as`` and stay on the file; on the server the same review between two logins is
# ``test_a_whole_review_between_two_logins``.


def lika(*args: str) -> int:
    try:
        return main(list(args))
    except SystemExit as exit_info:
        return int(exit_info.code or 0)


@pytest.fixture
def db(register_location, store, content):
    """Assessment 1 complete (author Ája), 2 incomplete; the register's location."""
    a = complete_assessment(content)
    a.decision.author = "Ája"
    store.create(a)
    store.create(Assessment("se-dl", "1.0"))
    return register_location


def acting(db, name: str) -> tuple[str, ...]:
    return () if is_server(db) else ("--as", name)


def run(db, capsys, *args: str) -> tuple[int, str, str]:
    code = lika(*args, "--db", str(db))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def refused(db, capsys, *args: str, message: str) -> None:
    """Exit 2, one line on stderr naming the problem, and the register unchanged."""
    before = location_state(db)
    code, _out, err = run(db, capsys, *args)
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err and message in err, err
    assert location_state(db) == before


def measure_uid(db) -> str:
    store = registers.open_store(db)
    uid = store.get(1).measures[0].uid
    store.close()
    return uid


@SQLITE_ONLY
def test_a_whole_review_on_the_command_line(db, capsys) -> None:
    assert run(db, capsys, "submit", "1", "--as", "Ája", "--comment", "Klar")[0] == 0
    code, out, _ = run(db, capsys, "comment", "1", "--on", "ground:age", "Källa?", "--as", "Bo")
    assert (code, out) == (0, "Comment 1 added on ground:age\n")
    uid = measure_uid(db)
    assert run(db, capsys, "comment", "1", "--on", f"measure:{uid}", "Datum?", "--as", "Bo")[0] == 0
    assert run(db, capsys, "return", "1", "--comment", "Se kommentarerna", "--as", "Bo")[0] == 0
    code, out, _ = run(db, capsys, "comments", "1", "--format", "json")
    comments = json.loads(out)
    assert [(c["id"], c["target"], c["author"], c["addressed"]) for c in comments] == [
        (1, "ground:age", "Bo", False),
        (2, f"measure:{uid}", "Bo", False),
    ]
    assert run(db, capsys, "address", "1", "1", "--reply", "SCB", "--as", "Ája")[0] == 0
    assert run(db, capsys, "address", "1", "2", "--as", "Ája")[0] == 0
    code, out, _ = run(db, capsys, "comments", "1")
    assert "[addressed by Ája]" in out and "reply: SCB" in out
    assert run(db, capsys, "submit", "1", "--as", "Ája")[0] == 0
    code, out, _ = run(db, capsys, "approve", "1", "--as", "Bo", "--comment", "Godkänd")
    assert code == 0 and "is approved, fingerprint" in out and "self-approved" not in out

    code, out, _ = run(db, capsys, "history", "1", "--format", "json")
    entries = json.loads(out)
    assert [e["action"] for e in entries] == [
        "create", "status", "comment", "comment", "status", "address", "address",
        "status", "status", "status",
    ]  # fmt: skip
    assert entries[1]["actor"] == "Ája" and entries[2]["actor"] == "Bo"
    assert entries[-1]["summary"].startswith("in_review -> approved (fingerprint ")
    assert all(e["prev_hash"] and e["hash"] for e in entries)
    code, out, _ = run(db, capsys, "history", "1")
    assert "Bo" in out and "in_review -> approved" in out


@pytest.mark.postgres
def test_a_whole_review_between_two_logins(pg_cluster, pg_database, content, capsys) -> None:
    """The file's whole review above, on a server register: a caseworker's login and a
    reviewer's, each on its own URL; the history names the logins."""
    from tests.pg_helpers import Server

    server = Server(pg_cluster, pg_database)
    anna = pg_cluster.url_for(pg_database, server.login["anna"])
    rita = pg_cluster.url_for(pg_database, server.login["rita"])
    store = registers.open_store(ServerUrl(anna))
    store.create(complete_assessment(content))
    store.close()
    assert run(anna, capsys, "submit", "1", "--comment", "Klar")[0] == 0
    code, out, _ = run(rita, capsys, "comment", "1", "--on", "ground:age", "Källa?")
    assert (code, out) == (0, "Comment 1 added on ground:age\n")
    code, _out, err = run(anna, capsys, "comment", "1", "--on", "ground:age", "Själv?")
    assert code == 2 and "may not" in err  # a caseworker does not comment
    assert run(rita, capsys, "return", "1", "--comment", "Se kommentarerna")[0] == 0
    code, out, _ = run(anna, capsys, "comments", "1", "--format", "json")
    assert [(c["id"], c["author"], c["addressed"]) for c in json.loads(out)] == [
        (1, server.login["rita"], False)
    ]
    assert run(anna, capsys, "address", "1", "1", "--reply", "SCB")[0] == 0
    code, out, _ = run(rita, capsys, "comments", "1")
    assert f"[addressed by {server.login['anna']}]" in out and "reply: SCB" in out
    assert run(anna, capsys, "submit", "1")[0] == 0
    code, out, err = run(anna, capsys, "approve", "1")
    assert code == 2 and "Only a reviewer approves" in err
    code, out, _ = run(rita, capsys, "approve", "1", "--comment", "Godkänd")
    assert code == 0 and "is approved, fingerprint" in out and "self-approved" not in out
    code, out, _ = run(anna, capsys, "history", "1", "--format", "json")
    entries = json.loads(out)
    assert [e["action"] for e in entries] == [
        "create",
        "status",
        "comment",
        "status",
        "address",
        "status",
        "status",
        "status",
    ]  # fmt: skip (returned -> draft -> in_review on the submission, as in the file)
    assert entries[1]["actor"] == server.login["anna"]
    assert entries[2]["actor"] == server.login["rita"]
    assert entries[-1]["actor"] == server.login["rita"]
    assert entries[-1]["summary"].startswith("in_review -> approved (fingerprint ")
    assert all(e["prev_hash"] and e["hash"] for e in entries)
    assert lika("check", "--db", anna) == 0


@SQLITE_ONLY
def test_self_approval_is_said(db, capsys) -> None:
    run(db, capsys, "submit", "1", "--as", "Ája")
    code, out, _ = run(db, capsys, "approve", "1", "--as", " ája ")
    assert code == 0 and "self-approved" in out
    code, out, _ = run(db, capsys, "fingerprint", "1", "--format", "json")
    assert json.loads(out)["self_approved"] is True


def test_fingerprint_and_verify(db, capsys) -> None:
    code, out, _ = run(db, capsys, "fingerprint", "1")
    printed = out.strip()
    assert code == 0 and len(printed) == 34  # 7 groups of 4 base32 characters
    code, out, _ = run(db, capsys, "verify", "1", "--fingerprint", printed)
    assert code == 1 and "is not approved" in out  # a draft has no approved fingerprint
    run(db, capsys, "submit", "1")
    run(db, capsys, "approve", "1")
    code, out, _ = run(db, capsys, "verify", "1", "--fingerprint", printed.upper())
    assert code == 0 and out.startswith(f"Matches: {printed}")
    code, out, _ = run(db, capsys, "verify", "1", "--fingerprint", "0000-" * 6 + "0000")
    assert code == 1 and out.startswith("Does not match")
    code, out, _ = run(db, capsys, "verify", "1", "--fingerprint", "0000-0000-0000")
    assert code == 1 and "48-bit" in out  # the older form is never proof
    refused(db, capsys, "verify", "1", "--fingerprint", "xyz", message="not a fingerprint")
    refused(db, capsys, "verify", "9", "--fingerprint", printed, message="No assessment with id 9")
    code, out, _ = run(db, capsys, "fingerprint", "1", "--format", "json")
    record = json.loads(out)
    assert record["fingerprint"] == record["approved_fingerprint"] == printed


def test_revisions_and_compare(db, capsys) -> None:
    run(db, capsys, "submit", "1")
    run(db, capsys, "approve", "1")
    code, out, _ = run(db, capsys, "new-revision", "1", *acting(db, "Ája"))
    assert (code, out) == (0, "Started revision 2 as assessment 3 (a draft)\n")
    code, out, _ = run(db, capsys, "revisions", "3", "--format", "json")
    assert [(r["id"], r["revision"], r["status"]) for r in json.loads(out)] == [
        (1, 1, "approved"),
        (3, 2, "draft"),
    ]
    code, out, _ = run(db, capsys, "revisions", "1")
    assert out.splitlines()[0].startswith("*") and "rev 2" in out.splitlines()[1]
    code, out, _ = run(db, capsys, "compare", "1", "3", "--format", "json")
    data = json.loads(out)
    changed = [r["path"] for r in data["rows"] if r["changed"]]
    assert changed == [["assessment", "status"], ["assessment", "revision"]]
    assert len(data["rows"]) > 50  # every field, not only the changed ones
    code, out, _ = run(db, capsys, "compare", "1", "3")
    assert "≠ assessment.status" in out and "decision.title" not in out
    code, out, _ = run(db, capsys, "compare", "1", "3", "--all")
    assert "decision.title" in out
    code, out, _ = run(db, capsys, "history", "3")
    assert "new_revision  revision 2 of assessment 1" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("submit", "9"), "No assessment with id 9"),
        (("history", "9"), "No assessment with id 9"),
        (("comments", "9"), "No assessment with id 9"),
        (("compare", "1", "9"), "No assessment with id 9"),
        (("submit", "x"), "is not an assessment id"),
        (("submit", "2"), "not complete"),
        (("approve", "1"), "cannot go from draft to approved"),
        (("return", "1", "--comment", "Nej"), "cannot go from draft to returned"),
        (("return", "1", "--comment", "  "), "--comment needs some text"),
        (("return", "1"), "--comment"),
        (("comment", "1", "--on", "step:decision", "Tidigt"), "while an assessment is in review"),
        (("comment", "1", "--on", "field:title", "x"), "Unknown comment target kind"),
        (("comment", "1", "--on", "step:intro", "x"), "Unknown step"),
        (("comment", "1", "--on", "decision", "x"), "is not a comment target"),
        (("address", "1", "1"), "No review comment with id 1"),
        (("address", "1", "x"), "invalid int value"),
        (("new-revision", "1"), "Revision conflict: only an approved assessment"),
        (("list", "--status", "finished"), "invalid choice: 'finished'"),
        (("submit", "1", "--as", " "), "--as needs a name"),  # on a server too
    ],
)
def test_bad_input_is_refused_with_one_line(db, capsys, args, message) -> None:
    refused(db, capsys, *args, message=message)


def test_as_is_refused_on_a_server_register(db, capsys) -> None:
    """On a server the login acts: ``--as`` would name someone the server did not see."""
    if not is_server(db):
        assert run(db, capsys, "submit", "1", "--as", "Bo")[0] == 0
        return
    refused(db, capsys, "submit", "1", "--as", "Bo", message="--as names who acts")


def test_approving_an_incomplete_assessment_is_refused(db, capsys) -> None:
    run(db, capsys, "submit", "1")
    execute_behind(db, "UPDATE assessments SET summary = '', outcome = NULL WHERE id = 1")
    refused(db, capsys, "approve", "1", message="conclusion.outcome")


def test_comment_on_a_target_the_assessment_lacks(db, capsys) -> None:
    run(db, capsys, "submit", "1")
    refused(db, capsys, "comment", "1", "--on", "ground:hair", "x", message="no ground 'hair'")
    refused(db, capsys, "comment", "1", "--on", "measure:nope", "x", message="no measure 'nope'")


def test_a_comment_on_another_assessment_cannot_be_addressed_here(db, capsys) -> None:
    run(db, capsys, "submit", "1")
    run(db, capsys, "comment", "1", "--on", "step:decision", "Hm")
    run(db, capsys, "return", "1", "--comment", "Se kommentaren")
    refused(db, capsys, "address", "2", "1", message="Comment 1 is not on assessment 2")
    assert run(db, capsys, "address", "1", "1")[0] == 0
    refused(db, capsys, "address", "1", "1", message="already addressed")


def test_an_approved_assessment_cannot_be_edited_by_import(db, tmp_path, capsys) -> None:
    run(db, capsys, "submit", "1")
    run(db, capsys, "approve", "1")
    out = tmp_path / "one.json"
    assert run(db, capsys, "export", "1", "--out", str(out))[0] == 0
    refused(
        db, capsys, "import", str(out), "--replace", message="approved and cannot be overwritten"
    )
    changed = tmp_path / "changed.json"
    data = json.loads(out.read_text(encoding="utf-8"))
    data["assessment"]["decision"]["title"] = "Ändrad utanför Lika"
    changed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for how in ("--replace", "--as-new"):
        refused(db, capsys, "import", str(changed), how, message="changed after the approval")
    assert run(db, capsys, "import", str(out), "--as-new")[0] == 0


def test_review_comments_and_replies_are_searchable(db, capsys) -> None:
    run(db, capsys, "submit", "1")
    run(db, capsys, "comment", "1", "--on", "step:decision", "Komplettera med snöskoterstatistik")
    _code, out, _ = run(db, capsys, "list", "--search", "snöskoterstatistik", "--format", "json")
    assert [r["id"] for r in json.loads(out)] == [1]
    run(db, capsys, "return", "1", "--comment", "Se kommentaren")
    run(db, capsys, "address", "1", "1", "--reply", "Lagt till renskötselns siffror")
    _code, out, _ = run(db, capsys, "list", "--search", "renskötselns", "--format", "json")
    assert [r["id"] for r in json.loads(out)] == [1]


def test_an_edited_approved_file_with_blanked_fingerprints_is_refused(db, tmp_path, capsys) -> None:
    """Blanking the fingerprints must not slip a change past the check: no Lika ever
    wrote an approval without one."""
    run(db, capsys, "submit", "1")
    run(db, capsys, "approve", "1", *acting(db, "Bo"))
    out = tmp_path / "one.json"
    run(db, capsys, "export", "1", "--out", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    data["assessment"]["decision"]["title"] = "Ändrad utanför Lika"
    for change in data["history"]:
        change["fingerprint"] = ""
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for how in ("--as-new", "--replace"):
        refused(db, capsys, "import", str(out), how, message="approval records no fingerprint")


def _forget_the_approved_fingerprint(db) -> None:
    """What a hypothetical old register could hold: an approval made without one."""
    from desktop_app.domain import workflow

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workflow, "content_digest", lambda _a: "")
        assert lika("approve", "1", *acting(db, "Bo"), "--db", str(db)) == 0


# A file from before fingerprints may hold such an approval; a server register never
# does: ``lika.change_status`` refuses an approval without one ("An approval, and only
# an approval, has a fingerprint"), so this stays on the file.
@SQLITE_ONLY
def test_an_approval_without_fingerprint_is_said_as_such(db, capsys) -> None:
    code, out, _ = run(db, capsys, "fingerprint", "1")
    current = out.strip()
    run(db, capsys, "submit", "1")
    _forget_the_approved_fingerprint(db)
    capsys.readouterr()
    code, out, err = run(db, capsys, "fingerprint", "1")
    assert (code, out.strip()) == (0, current)
    assert "approved, but its approval recorded no fingerprint" in err, err
    assert "fingerprint ," not in err
    code, out, _ = run(db, capsys, "verify", "1", "--fingerprint", current)
    assert code == 1
    assert out.startswith("Not verified: assessment 1 (revision 1) was approved by Bo on "), out
    assert "recorded no fingerprint" in out and "is not approved" not in out


def _import_with_new_uid(db, tmp_path: Path, capsys, assessment: str) -> Path:
    out = tmp_path / f"{assessment}.json"
    run(db, capsys, "export", assessment, "--out", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    data["assessment"]["uid"] = "0f6c3c1e-5b7a-4d2e-9a41-2c8e7b6d5f30"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def test_an_import_cannot_take_a_revision_number_twice(db, tmp_path, capsys) -> None:
    run(db, capsys, "submit", "1")
    run(db, capsys, "approve", "1", *acting(db, "Bo"))
    assert run(db, capsys, "new-revision", "1")[0] == 0  # revision 2 is assessment 3
    copy = _import_with_new_uid(db, tmp_path, capsys, "3")
    refused(db, capsys, "import", str(copy), message="Revision conflict: assessment 3 (draft)")
    _code, out, _ = run(db, capsys, "revisions", "1", "--format", "json")
    assert [(r["id"], r["revision"]) for r in json.loads(out)] == [(1, 1), (3, 2)]
    # A replacement may not move an assessment onto a revision another one has either.
    own = tmp_path / "own.json"
    run(db, capsys, "export", "3", "--out", str(own))
    data = json.loads(own.read_text(encoding="utf-8"))
    data["assessment"]["revision"] = 1
    own.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    refused(db, capsys, "import", str(own), "--replace", message="Revision conflict: assessment 1")
    # As a new copy it is a decision of its own, and goes in.
    assert run(db, capsys, "import", str(copy), "--as-new")[0] == 0
