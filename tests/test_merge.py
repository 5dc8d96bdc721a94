"""Differences between two versions of an assessment, and keeping one person's changes
on top of another's (what the window does after a refused stale save)."""

from __future__ import annotations

import copy
from datetime import date

from desktop_app.domain import merge
from desktop_app.domain.model import Measure, MeasureStatus, Relevance
from tests.helpers import complete_assessment


def test_no_changes_between_equal_versions(content) -> None:
    a = complete_assessment(content)
    assert merge.changes(a, copy.deepcopy(a)) == []


def test_changes_name_every_field_that_differs(content) -> None:
    before = complete_assessment(content)
    after = copy.deepcopy(before)
    after.decision.title = "Ny rubrik"
    after.ground("religion").relevance = Relevance.RELEVANT
    after.answer("age.evidence").note = "Källa"
    after.measures[0].deadline = date(2027, 5, 1)
    added = Measure(description="Ny åtgärd")
    after.measures.append(added)
    after.conclusion.summary = "Ändrad"
    paths = [c.path for c in merge.changes(before, after)]
    assert paths == [
        ("decision", "title"),
        ("ground", "religion", "relevance"),
        ("answer", "age.evidence", "note"),
        ("measure", before.measures[0].uid, "deadline"),
        ("measure", added.uid),
        ("conclusion", "summary"),
    ]


def test_rebase_keeps_both_peoples_changes(content) -> None:
    base = complete_assessment(content)
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.decision.description = "Min beskrivning, ŋ och č"
    mine.measures[0].owner = "Ánde"
    theirs.decision.title = "Deras rubrik"
    theirs.measures[0].status = MeasureStatus.ONGOING
    theirs.version = 7
    merged = merge.rebase(base, mine, theirs)
    assert merged.decision.description == "Min beskrivning, ŋ och č"
    assert merged.decision.title == "Deras rubrik"
    assert (merged.measures[0].owner, merged.measures[0].status) == ("Ánde", MeasureStatus.ONGOING)
    assert merged.version == 7  # the next save is based on their version
    assert theirs.decision.description == base.decision.description  # theirs untouched


def test_where_both_changed_a_field_mine_wins(content) -> None:
    base = complete_assessment(content)
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.conclusion.summary = "Min"
    theirs.conclusion.summary = "Deras"
    assert merge.rebase(base, mine, theirs).conclusion.summary == "Min"


def test_added_and_removed_measures_carry_over(content) -> None:
    base = complete_assessment(content)
    base.measures.append(Measure(description="Andra"))
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.measures.append(Measure(description="Min nya"))
    del mine.measures[1]
    theirs.measures.append(Measure(description="Deras nya"))
    merged = merge.rebase(base, mine, theirs)
    assert [m.description for m in merged.measures] == [
        base.measures[0].description,
        "Deras nya",
        "Min nya",
    ]


def test_a_measure_they_deleted_while_i_edited_it_is_kept(content) -> None:
    base = complete_assessment(content)
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.measures[0].followup_note = "Texten jag skrev"
    theirs.measures.clear()
    merged = merge.rebase(base, mine, theirs)
    assert [m.followup_note for m in merged.measures] == ["Texten jag skrev"]


def test_a_snapshot_is_equal_and_shares_nothing_mutable(content) -> None:
    a = complete_assessment(content)
    a.modules = {"children": "1.0"}
    a.answer("age.evidence").value = "yes"
    copied = merge.snapshot(a)
    assert copied == a

    def containers(value, seen: list) -> list:
        if isinstance(value, list | dict):
            seen.append(value)
            for item in value.values() if isinstance(value, dict) else value:
                containers(item, seen)
        elif hasattr(value, "__dataclass_fields__"):
            seen.append(value)
            for name in value.__dataclass_fields__:
                containers(getattr(value, name), seen)
        return seen

    original_ids = {id(c) for c in containers(a, [])}
    assert not original_ids & {id(c) for c in containers(copied, [])}
