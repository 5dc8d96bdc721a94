"""The register file: round trips, concurrency guard, locking, safety of bad files."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import InputError, NotFoundError, WorkflowError
from desktop_app.domain.model import Measure, Status, new_uid
from desktop_app.domain.serialize import assessment_to_dict
from desktop_app.storage.database import (
    NewerDatabaseError,
    NotADatabaseError,
    open_database,
)
from desktop_app.storage.errors import ConflictError
from desktop_app.storage.migrations import MIGRATION_SET, known_migrations, migrations
from desktop_app.storage.repository import AssessmentRepository
from tests.conftest import FakeClock
from tests.helpers import SAMI_NAME, complete_assessment


def test_create_and_get_round_trip(store, content) -> None:
    a = complete_assessment(content)
    a.answer("age.evidence").value = "yes"
    a.answer("age.evidence").note = "Källa: SCB 2025 <b>&amp;</b>"
    store.create(a)
    loaded = store.get(a.id)
    assert assessment_to_dict(loaded) == assessment_to_dict(a)
    assert (loaded.id, loaded.version) == (a.id, 1)
    assert loaded.decision.author == SAMI_NAME


def test_save_writes_changes_and_bumps_version(store, content) -> None:
    a = store.create(complete_assessment(content))
    a.decision.title = "Nytt namn"
    a.grounds["sex"].justification = "Ändrad motivering"
    a.measures.insert(0, Measure(description="Första"))
    del a.grounds["religion"]
    store.save(a)
    loaded = store.get(a.id)
    assert loaded.version == a.version == 2
    assert assessment_to_dict(loaded) == assessment_to_dict(a)
    assert loaded.measures[0].description == "Första"


def test_stale_save_is_refused_and_changes_nothing(store, content) -> None:
    a = store.create(complete_assessment(content))
    stale = store.get(a.id)
    a.decision.title = "Sparad först"
    store.save(a)
    stale.decision.title = "Sparad sedan"
    with pytest.raises(ConflictError, match="changed elsewhere"):
        store.save(stale)
    assert store.get(a.id).decision.title == "Sparad först"


def test_approved_assessment_cannot_be_saved(store_service, content) -> None:
    a = store_service.repository.create(complete_assessment(content))
    store_service.change_status(a, Status.IN_REVIEW)
    store_service.change_status(a, Status.APPROVED)
    a.decision.title = "Efteråt"
    with pytest.raises(WorkflowError, match="approved"):
        store_service.save(a)
    assert store_service.repository.get(a.id).decision.title != "Efteråt"


def test_save_never_changes_the_status_by_itself(store, content) -> None:
    a = store.create(complete_assessment(content))
    a.status = Status.APPROVED
    store.save(a)
    assert store.get(a.id).status is Status.DRAFT


def test_delete_removes_children(store, content) -> None:
    a = store.create(complete_assessment(content))
    kept = store.create(complete_assessment(content))
    store.delete(a.id)
    with pytest.raises(NotFoundError):
        store.get(a.id)
    assert store.count() == 1 and store.find_uid(a.uid) is None
    assert assessment_to_dict(store.get(kept.id)) == assessment_to_dict(kept)
    with pytest.raises(NotFoundError):
        store.delete(a.id)


def test_delete_removes_the_child_rows(repository, content) -> None:
    a = repository.create(complete_assessment(content))
    repository.delete(a.id)
    for table in ("ground_assessments", "answers", "measures"):
        assert repository.db[table].count == 0


def test_list_filters_and_pages(repository, content) -> None:
    for i in range(5):
        a = complete_assessment(content)
        a.decision.title = f"Ärende {i} 100%_klart" if i == 3 else f"Ärende {i}"
        repository.create(a)
    assert repository.count() == 5
    assert [s.title for s in repository.list_summaries(limit=2)] == [
        "Ärende 4",
        "Ärende 3 100%_klart",
    ]
    assert [s.title for s in repository.list_summaries(search="100%_")] == ["Ärende 3 100%_klart"]
    assert repository.list_summaries(search="%") == repository.list_summaries(search="100%")
    assert repository.count(status=Status.APPROVED) == 0


def test_status_history_is_kept(store_service, content) -> None:
    a = store_service.repository.create(complete_assessment(content))
    store_service.change_status(a, Status.IN_REVIEW)
    store_service.change_status(a, Status.RETURNED, "Komplettera statistiken")
    a.decision.title = "Kompletterad"
    store_service.save(a)
    history = store_service.repository.get(a.id), store_service.repository.status_history(a.id)
    assert history[0].status is Status.DRAFT
    assert [c.to_status for c in history[1]] == [Status.IN_REVIEW, Status.RETURNED, Status.DRAFT]
    assert history[1][1].comment == "Komplettera statistiken"


def test_new_database_is_private_and_in_wal_mode(db_path) -> None:
    repo = AssessmentRepository.open(db_path)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert repo.db.journal_mode == "wal"
    assert repo.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    repo.close()


def test_missing_folder_is_created(tmp_path) -> None:
    AssessmentRepository.open(tmp_path / "a" / "b" / "lika.db").close()
    assert (tmp_path / "a" / "b" / "lika.db").exists()


# Files that are not (our) databases are refused and left byte for byte unchanged.


def _refused(path: Path, error: type[Exception], match: str) -> None:
    before = path.read_bytes()
    with pytest.raises(error, match=match):
        open_database(path)
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_text_file_is_refused(tmp_path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Det här är ingen databas\n")
    _refused(path, NotADatabaseError, "not an SQLite file")


def test_foreign_sqlite_file_is_refused(tmp_path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE music (title TEXT)")
    conn.close()
    _refused(path, NotADatabaseError, "not a Lika database")


def test_newer_database_is_refused_unchanged(db_path) -> None:
    AssessmentRepository.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [MIGRATION_SET, "9999_from_the_future", "2030-01-01"],
        )
    conn.close()
    _refused(db_path, NewerDatabaseError, "newer version of Lika")


def test_folder_as_database_is_refused(tmp_path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        open_database(tmp_path)


# Migrations


def test_empty_database_gets_every_migration(db_path) -> None:
    db = open_database(db_path)
    assert {m.name for m in migrations.applied(db)} == known_migrations()


@pytest.mark.parametrize("stop_before", sorted(known_migrations()))
def test_partly_migrated_database_is_brought_up_to_date(db_path, stop_before) -> None:
    from sqlite_utils import Database

    partial = Database(db_path)
    migrations.apply(partial, stop_before=stop_before)
    partial.close()
    if not db_path.stat().st_size:
        db_path.unlink()
    db = open_database(db_path)
    assert {m.name for m in migrations.applied(db)} == known_migrations()


def test_register_from_version_0_1_opens_with_its_data(tmp_path, content) -> None:
    """A register written by Lika 0.1.0 (committed under tests/data) still opens."""
    original = Path(__file__).parent / "data" / "register-0.1.0.db"
    copy = tmp_path / "old.db"
    copy.write_bytes(original.read_bytes())
    repo = AssessmentRepository.open(copy, clock=FakeClock())
    summaries = repo.list_summaries()
    assert len(summaries) >= 6
    assert {s.status for s in summaries} == set(Status)
    for summary in summaries:
        repo.get(summary.id)
    repo.close()


def _register_with_a_revision_taken_twice(path: Path, content) -> tuple[int, int]:
    """A register from before migration 0004, where an import stored a second
    assessment as revision 1 of a decision that already had one."""
    repo = AssessmentRepository.open(path, clock=FakeClock())
    first = repo.create(complete_assessment(content))
    second = repo.create(complete_assessment(content))
    repo.close()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX assessments_series_revision")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0004_unique_revision'")
        conn.execute(
            "UPDATE assessments SET series_uid = ? WHERE id = ?", [first.series_uid, second.id]
        )
    conn.close()
    assert first.id is not None and second.id is not None
    return first.id, second.id


def _has_revision_index(path: Path) -> bool:
    with sqlite3.connect(path) as conn:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'assessments_series_revision'"
        ).fetchone()
    conn.close()
    return found is not None


def test_a_revision_number_is_taken_once_even_behind_the_checks(store, content) -> None:
    first = store.create(complete_assessment(content))
    again = complete_assessment(content)
    again.series_uid = first.series_uid  # revision 1 of the same decision, a second time
    before = store.count()
    with pytest.raises(WorkflowError, match=r"^Revision conflict: another assessment already"):
        store.create(again)
    assert store.count() == before


def test_an_old_register_with_a_revision_taken_twice_opens_and_heals(db_path, content) -> None:
    from desktop_app.storage import checks

    first, second = _register_with_a_revision_taken_twice(db_path, content)
    repo = AssessmentRepository.open(db_path, clock=FakeClock())  # migrates; must not fail
    assert {m.name for m in migrations.applied(repo.db)} == known_migrations()
    assert {s.id for s in repo.list_summaries()} == {first, second}
    repo.close()
    assert not _has_revision_index(db_path)
    result = {r.name: r for r in checks.run_checks(db_path)}["revisions"]
    assert result.outcome is checks.Outcome.PROBLEM
    assert f"assessments {first} and {second} share revision 1 of one decision" in result.message
    # Once one of them is gone, the register gets its guard when next opened.
    repo = AssessmentRepository.open(db_path, clock=FakeClock())
    repo.delete(second)
    repo.close()
    assert not _has_revision_index(db_path)
    result = {r.name: r for r in checks.run_checks(db_path)}["revisions"]
    assert result.outcome is checks.Outcome.WARNING and "guard" in result.message
    AssessmentRepository.open(db_path, clock=FakeClock()).close()
    assert _has_revision_index(db_path)
    result = {r.name: r for r in checks.run_checks(db_path)}["revisions"]
    assert result.outcome is checks.Outcome.OK


# Writing only changed rows, with the rows last written remembered


def test_a_reused_id_is_not_mistaken_for_the_deleted_assessment(db_path, content) -> None:
    """SQLite may give a new assessment the id of one deleted elsewhere, even with the
    same version number: a window still editing the deleted one must not overwrite it."""
    one = AssessmentRepository.open(db_path, clock=FakeClock())
    two = AssessmentRepository.open(db_path, clock=FakeClock())
    editing = one.create(complete_assessment(content))
    two.delete(editing.id)
    other = complete_assessment(content)
    other.grounds["age"].justification = "En helt annan bedömning"
    two.create(other)
    assert (other.id, other.version) == (editing.id, editing.version)
    editing.grounds["age"].justification = "Den gamla, ändrad"
    with pytest.raises(NotFoundError, match="deleted elsewhere"):
        one.save(editing)
    assert assessment_to_dict(one.get(other.id)) == assessment_to_dict(other)
    one.close()
    two.close()


def test_saves_through_two_connections_stay_exact(open_store, content) -> None:
    one, two = open_store(FakeClock()), open_store(FakeClock())
    a = one.create(complete_assessment(content))
    b = two.get(a.id)
    b.measures.clear()
    b.grounds["age"].groups = "Äldre"
    two.save(b)
    a = one.get(a.id)  # reloaded after its save was refused, as the window does
    a.answer("age.evidence").value = "yes"
    a.measures.append(Measure(description="Ny"))
    one.save(a)
    for repo in (one, two):
        assert assessment_to_dict(repo.get(a.id)) == assessment_to_dict(a)


def test_a_status_change_between_saves(store_service, content) -> None:
    a = store_service.repository.create(complete_assessment(content))
    store_service.change_status(a, Status.IN_REVIEW)
    store_service.change_status(a, Status.RETURNED, "Komplettera")
    a.grounds["sex"].justification = "Kompletterad"
    del a.grounds["religion"]
    store_service.save(a)
    assert assessment_to_dict(store_service.repository.get(a.id)) == assessment_to_dict(a)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_sequence_of_saves_stores_exactly_what_is_in_memory(data, content, store) -> None:
    from tests.strategies import exchange_documents

    repo = store  # one register for every example: each stores a new decision
    if True:
        current = data.draw(exchange_documents(content)).assessment
        current.status = Status.DRAFT
        current.uid, current.series_uid, current.revision = new_uid(), new_uid(), 1
        current.previous_id = None
        repo.create(current)
        for _ in range(3):
            nxt = data.draw(exchange_documents(content)).assessment
            for name in ("decision", "grounds", "answers", "measures", "conclusion", "modules"):
                setattr(current, name, getattr(nxt, name))
            current.framework_id, current.framework_version = (
                nxt.framework_id,
                nxt.framework_version,
            )
            repo.save(current)
            assert assessment_to_dict(repo.get(current.id)) == assessment_to_dict(current)


# Registers on network shares


MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//fileserver/kommun /mnt/kommun cifs rw,vers=3.1.1 0 0
fileserver:/export/home /home/nfs nfs4 rw 0 0
/dev/vdb /mnt/kommun/local ext4 rw 0 0
/dev/vdc /mnt/with\\040space ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/user/.local/share/Lika/lika.db", "ext4"),
        ("/mnt/kommun/Lika/lika.db", "cifs"),
        ("/mnt/kommun", "cifs"),
        ("/mnt/kommunal/lika.db", "ext4"),  # not inside /mnt/kommun
        ("/mnt/kommun/local/lika.db", "ext4"),  # the deeper mount wins
        ("/home/nfs/anna/lika.db", "nfs4"),
        ("/mnt/with space/lika.db", "ext4"),
    ],
)
def test_the_mount_holding_a_path(path, kind) -> None:
    from desktop_app.storage.filesystem import mount_type

    assert mount_type(Path(path), MOUNTS) == kind


def test_a_register_on_a_network_share_uses_the_rollback_journal(db_path, monkeypatch) -> None:
    """WAL's shared memory does not reach across computers; file locks do."""
    from desktop_app.storage import database

    AssessmentRepository.open(db_path).close()  # made locally, in WAL mode
    monkeypatch.setattr(database, "is_network_path", lambda _path: True)
    repo = AssessmentRepository.open(db_path)
    assert repo.db.journal_mode == "delete"
    repo.close()
    monkeypatch.setattr(database, "is_network_path", lambda _path: False)
    repo = AssessmentRepository.open(db_path)
    assert repo.db.journal_mode == "wal"
    repo.close()


def test_sqlite_utils_plugins_never_touch_lika_connections(tmp_path) -> None:
    """A sqlite-utils plugin installed in the same Python (a developer's venv, a shared
    site-packages) must not change how Lika's connections behave."""
    from sqlite_utils import hookimpl
    from sqlite_utils.plugins import pm

    from desktop_app.storage.checks import diagnose
    from desktop_app.storage.register import Register

    touched: list[sqlite3.Connection] = []

    class Plugin:
        @hookimpl
        def prepare_connection(self, conn: sqlite3.Connection) -> None:
            touched.append(conn)

    plugin = Plugin()
    pm.register(plugin)
    try:
        path = tmp_path / "r.db"
        AssessmentRepository.open(path).close()  # create, migrate
        assert diagnose(path) is None
        repository = AssessmentRepository.open(path)
        repository.close()
        with Register.open_reader(path):
            pass
        assert "0001_initial" in known_migrations()
    finally:
        pm.unregister(plugin)
    assert touched == []


def test_what_sqlite_utils_imports_for_its_command_line_loads_only_when_used() -> None:
    """storage/lazy_imports.py: dateutil's parser costs every start 1.5 MB, and Lika
    never uses it; sqlite-utils' own date recipes must still work."""
    code = (
        "import sys\n"
        "import desktop_app.storage.repository\n"
        "assert 'dateutil.parser._parser' not in sys.modules, 'loaded at import'\n"
        "from sqlite_utils.recipes import parsedate\n"
        "assert parsedate('5 December 2026') == '2026-12-05'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_find_uid_finds_that_one(store, content) -> None:
    one, two = (store.create(complete_assessment(content)) for _ in range(2))
    assert [store.find_uid(a.uid).id for a in (one, two)] == [one.id, two.id]
    assert store.find_uid("no-such-uid") is None


def test_the_stores_reads_mean_the_same_on_both_engines(store_service, content) -> None:
    """units, counts with a search, the portfolio's entries, approval states and the
    restore mark: what the port reads besides an assessment, on each engine."""
    store = store_service.repository
    made = []
    for title, unit in (("Skolskjuts 100%_klar", "Barn- och utbildning"), ("Hemtjänst", "omsorg")):
        a = complete_assessment(content)
        a.decision.title, a.decision.unit = title, unit
        made.append(store.create(a))
    store_service.change_status(made[1], Status.IN_REVIEW)
    store_service.change_status(made[1], Status.APPROVED)
    assert store.units() == ["Barn- och utbildning", "omsorg"]
    assert store.count() == 2 and store.count(status=Status.APPROVED) == 1
    assert store.count(search="100%_") == 1 and store.count(search="%") == 1
    assert store.count(search="HEMTJ") == 1
    assert store.count(search="HEMTJÄNST") == 0  # LIKE folds ASCII letters only (SQLite's)
    entries = store.portfolio_entries()
    assert [(e.id, e.unit, e.status) for e in entries] == [
        (made[0].id, "Barn- och utbildning", Status.DRAFT),
        (made[1].id, "omsorg", Status.APPROVED),
    ]
    assert store.portfolio_entries(unit="omsorg")[0].grounds == entries[1].grounds
    assert store.approval_states() == {made[1].id: "witnessed"}
    assert store.last_restore() == ""
