"""The register's sort and keyset indexes with SQLite's order (migration
``0005_register_order``), frozen as shipped.

SQLite sorts text ``COLLATE NOCASE``: ASCII letters folded, then compared byte by byte,
whatever the machine's locale. Migration 0001 indexed ``lower(title)`` in the
database's default collation, whose order (and idea of lower case) follows the locale
IT chose at ``initdb``: on a server in ``sv_SE.UTF-8`` the list would come in another
order than the same register in SQLite, and a page key written in one order cannot
continue in the other. ``lower(x COLLATE "C")`` folds ASCII letters only and compares
bytes (UTF-8 bytes compare as code points), which is exactly NOCASE; plain text keys
(``updated``, the follow-up key, the decision type, a measure's deadline) compare
``COLLATE "C"`` as SQLite's BINARY does. Each index ends with the id, the tie-breaker
of every page key, so a page is one index range scan. The locale-ordered indexes of
0001 are dropped: no query reads them any more.
"""

from __future__ import annotations

# Sort key column -> the indexed expression (what ``reader_sql.SORT`` orders by).
TEXT_KEYS = ("title", "case_number", "unit", "decision_body", "author", "reviewer")
BINARY_KEYS = ("updated", "followup_key")
NUMBER_KEYS = ("status_rank", "revision", "outcome_rank", "adverse_count", "open_measures")

_REPLACED = (
    "register_by_title", "register_by_case_number", "register_by_unit",
    "register_by_decision_body", "register_by_author", "register_by_reviewer",
    "register_by_updated", "register_by_followup", "register_by_status",
    "register_by_revision", "register_by_outcome", "register_by_adverse",
    "register_by_open_measures",
)  # fmt: skip


def _indexes() -> str:
    made = [
        f'CREATE INDEX register_order_{c} ON lika.register_rows (lower({c} COLLATE "C"), '
        "assessment_id);\n"
        for c in TEXT_KEYS
    ]
    made += [
        f'CREATE INDEX register_order_{c} ON lika.register_rows ({c} COLLATE "C", assessment_id);\n'
        for c in BINARY_KEYS
    ]
    made += [
        f"CREATE INDEX register_order_{c} ON lika.register_rows ({c}, assessment_id);\n"
        for c in NUMBER_KEYS
    ]
    made.append(
        "CREATE INDEX assessments_order_decision_type "
        'ON lika.assessments (decision_type COLLATE "C", id);\n'
        'CREATE INDEX measures_order_deadline ON lika.measures (deadline COLLATE "C", id);\n'
    )
    return "".join(made)


SQL = "".join(f"DROP INDEX lika.{name};\n" for name in _REPLACED) + _indexes()
