"""The database schema, created and evolved only through ``sqlite_utils.Migrations``.

Add a new function at the end to change the schema; never edit one that has shipped.
A database that has migrations this list does not know was written by a newer Lika and
is refused unopened (see ``database.open_database``). Each step's name is also listed in
``migration_names.KNOWN``, which the listing door reads without sqlite-utils: a step whose
name is not there is refused when this module loads.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database, Migrations

from desktop_app.storage import approval_schema, evidence_schema, register_schema, review_schema
from desktop_app.storage.migration_names import KNOWN
from desktop_app.storage.migration_names import MIGRATION_SET as MIGRATION_SET

migrations = Migrations(MIGRATION_SET)

Step = Callable[[Database], None]


_registered: list[str] = []  # the names ``listed`` took, in order


def listed(name: str) -> Callable[[Step], Step]:
    """Register a step as ``migrations(name=...)`` does, once ``name`` is in
    ``migration_names.KNOWN`` (else the listing door would take a register that needs
    this upgrade for an up-to-date one)."""
    position = len(_registered)
    if position >= len(KNOWN) or KNOWN[position] != name:
        raise RuntimeError(
            f"Add the migration {name!r} to storage/migration_names.py (KNOWN), in the "
            "order this module registers it"
        )
    _registered.append(name)
    return migrations(name=name)


@listed("0001_initial")
def initial_schema(db: Database) -> None:
    """Assessments with their grounds, answers and measures, and the status history."""
    _run_script(
        db,
        """
        CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            series_uid TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1,
            previous_id INTEGER REFERENCES assessments(id) ON DELETE SET NULL,
            status TEXT NOT NULL,
            language TEXT NOT NULL,
            framework_id TEXT NOT NULL,
            framework_version TEXT NOT NULL,
            modules TEXT NOT NULL DEFAULT '{}',
            title TEXT NOT NULL DEFAULT '',
            case_number TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            decision_body TEXT NOT NULL DEFAULT '',
            decision_date TEXT,
            author TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            affected TEXT NOT NULL DEFAULT '',
            affected_groups TEXT NOT NULL DEFAULT '[]',
            evidence TEXT NOT NULL DEFAULT '',
            evidence_missing TEXT NOT NULL DEFAULT '',
            outcome TEXT,
            outcome_justification TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL DEFAULT '',
            followup_date TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX assessments_series ON assessments(series_uid, revision);
        CREATE INDEX assessments_updated ON assessments(updated);
        CREATE INDEX assessments_status ON assessments(status);

        CREATE TABLE ground_assessments (
            assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            ground_key TEXT NOT NULL,
            relevance TEXT NOT NULL,
            justification TEXT NOT NULL DEFAULT '',
            direction TEXT,
            severity TEXT,
            groups_affected TEXT NOT NULL DEFAULT '',
            evidence TEXT NOT NULL DEFAULT '',
            risks TEXT NOT NULL DEFAULT '[]',
            no_measure_justification TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (assessment_id, ground_key)
        );

        CREATE TABLE answers (
            assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            value TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (assessment_id, question_id)
        );

        CREATE TABLE measures (
            id INTEGER PRIMARY KEY,
            assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            uid TEXT NOT NULL,
            position INTEGER NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            grounds TEXT NOT NULL DEFAULT '[]',
            owner TEXT NOT NULL DEFAULT '',
            deadline TEXT,
            status TEXT NOT NULL,
            followup_note TEXT NOT NULL DEFAULT '',
            UNIQUE (assessment_id, uid)
        );
        CREATE INDEX measures_deadline ON measures(deadline, status);

        CREATE TABLE status_changes (
            id INTEGER PRIMARY KEY,
            assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            from_status TEXT,
            to_status TEXT NOT NULL,
            actor TEXT NOT NULL,
            os_user TEXT NOT NULL,
            at TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            fingerprint TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX status_changes_assessment ON status_changes(assessment_id, id);
        """,
    )


@listed("0002_i8_register")
def register_index(db: Database) -> None:
    """The register: evaluations (step 4), the read model behind the list, and the
    FTS5 search index, all kept in sync by triggers (see ``register_schema``).

    Search uses ``tokenize="unicode61 remove_diacritics 0"`` so that "far" does not
    find "får". IMPORTANT for every later migration: ``Table.transform()`` re-creates
    a table and silently drops the triggers on it. A migration that transforms
    ``assessments``, ``ground_assessments``, ``answers``, ``measures``,
    ``status_changes``, ``evaluations`` or ``evaluation_measures`` must end with
    ``register_schema.install_triggers(db)`` and ``register_schema.rebuild(db)``
    (``open_database`` repairs missing triggers too, as a safety net). A migration
    that adds a searchable table (review comments) re-creates the view
    ``register_search_source`` and adds a trigger set for it, as described in
    ``register_schema``.
    """
    register_schema.create_schema_v1(db)
    for _name, statement in register_schema.triggers_v1():
        db.execute(statement)
    register_schema.rebuild(db)


@listed("0003_review")
def review(db: Database) -> None:
    """Review comments and the append-only, hash-chained audit log, with the triggers
    that refuse changes to the log and to approved assessments (see ``review_schema``);
    the comments and replies become searchable (``register_schema`` version 2). No
    existing table is transformed, so the register's triggers stay in place."""
    review_schema.create_schema_v1(db)
    register_schema.upgrade_search_v2(db)


@listed("0004_unique_revision")
def unique_revision(db: Database) -> None:
    """At most one assessment per revision number of a decision: a UNIQUE index on
    ``assessments(series_uid, revision)`` (beside the plain index of 0001), so that no
    path, an import or two computers starting a new revision at once, can store two
    "revision 2" of the same decision.

    A register from before this migration may already hold such duplicates (an import
    could store them). Creating the index would then fail, the migration would roll back
    and the register would not open at all; so the index is created only when there are
    none. A register with duplicates opens as before; ``lika check`` names them, and
    once they are resolved, ``revision_index.ensure`` (run whenever a register is opened)
    creates the index. Only an index is created: no table is transformed, so the
    triggers of 0002 and 0003 stay in place. The statements are written out here, so
    that this migration does what it did when it shipped.
    """
    found = db.execute(
        "SELECT 1 FROM assessments GROUP BY series_uid, revision HAVING count(*) > 1 LIMIT 1"
    ).fetchone()
    if found is None:
        db.execute(
            "CREATE UNIQUE INDEX assessments_series_revision ON assessments(series_uid, revision)"
        )


@listed("0008_decision_type")
def decision_type(db: Database) -> None:
    """The decision type of an assessment (issue 17): a column of ``assessments``, indexed
    for the register's filter, frozen by approval like the other columns.

    ``ALTER TABLE ... ADD COLUMN``, not ``Table.transform()``: the table is not re-created,
    so the register's and the review's triggers on it stay in place. The approval lock of
    0003 lists its columns; a trigger of its own covers this one (and is repaired on open
    with the others, ``review_schema.CURRENT_TRIGGERS``).
    """
    db.execute("ALTER TABLE assessments ADD COLUMN decision_type TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX assessments_decision_type ON assessments(decision_type)")
    # Written out (not taken from review_schema), so this migration keeps doing what it
    # did when it shipped.
    refused = "lika-refused: An approved assessment cannot be changed; start a new revision"
    db.execute(
        "CREATE TRIGGER review_lock_decision_type BEFORE UPDATE OF decision_type "
        "ON assessments WHEN OLD.status = 'approved' "
        "AND NEW.decision_type IS NOT OLD.decision_type "
        f"BEGIN SELECT RAISE(ABORT, '{refused}'); END"
    )


def _run_script(db: Database, script: str) -> None:
    """Run DDL statements one by one: ``executescript`` would commit the migration's
    transaction halfway, so a failure could leave half a schema behind."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def known_migrations() -> set[str]:
    """Names of every migration this version of Lika knows (every one is registered
    through ``listed``, in ``KNOWN``'s order)."""
    return set(KNOWN)


@listed("0009_statistics_evidence")
def statistics_evidence(db: Database) -> None:
    """Sex-disaggregated statistics tables and evidence (files, links, records-system
    references) on the decision and its grounds, with the files' bytes stored once per
    SHA-256 (see ``evidence_schema``); their texts become searchable (``register_schema``
    version 3). New tables only: no table is transformed, so every trigger stays."""
    evidence_schema.create_schema_v1(db)
    register_schema.upgrade_search_v3(db)


@listed("0005_signed_approvals")
def signed_approvals(db: Database) -> None:
    """Approvals as evidence (issue 13): signature, public key, trust, audit entry and
    generation on each status change; ``record_hash`` on each audit entry; the rows
    already recorded sealed into the audit log; ``status_changes`` append-only and an
    approved assessment undeletable by trigger (see ``approval_schema``). Columns are
    only added: no table is transformed, so the triggers of 0002 and 0003 stay."""
    approval_schema.upgrade_v1(db)


@listed("0010_i15_approver_role")
def approver_role(db: Database) -> None:
    """The role title of whoever made a status change (issue 15: the approver signs as
    "name, title"). A column added, not a table transformed, so the append-only triggers
    of 0005 stay; rows from before keep "" and the audit log's hashes of them, which
    cover the role only when there is one, still hold."""
    approval_schema.add_role_v1(db)


if tuple(_registered) != KNOWN:  # a name listed in KNOWN that no step registers
    raise RuntimeError(
        f"migration_names.KNOWN lists {KNOWN[len(_registered) :]} not registered here"
    )
