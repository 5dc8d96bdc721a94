"""The demo register shows what issue 17 added, so a new user sees it at once: a
branching checklist, decision types, statistics tables, attached files and links."""

from __future__ import annotations

from desktop_app.app.demo import load_demo
from desktop_app.domain.conditions import hidden_questions
from desktop_app.domain.evidence import EvidenceKind
from desktop_app.domain.statistics_warnings import find_statistics_warnings


def test_the_demo_shows_every_part_of_an_assessment_that_issue_17_added(service) -> None:
    loaded = load_demo(service.repository, service.content)
    assert len({a.decision_type for a in loaded if a.decision_type}) >= 3
    tables = [t for a in loaded for t in a.statistics]
    assert any(t.target == "" and t.given for t in tables)
    assert any(t.target and t.given for t in tables)
    kinds = {e.kind for a in loaded for e in a.evidence}
    assert {EvidenceKind.LINK, EvidenceKind.RECORD} <= kinds
    assert any(e.is_file and e.sha256 for a in loaded for e in a.evidence)
    # A branching checklist: follow-ups shown and answered in one assessment, hidden in another.
    shown_and_answered = hidden_somewhere = False
    for a in loaded:
        checklists = service.checklists_for(a)
        conditional = {q.id for c in checklists for q in c.questions() if q.show_if}
        hidden = hidden_questions(checklists, a)
        shown_and_answered |= any(q in a.answers for q in conditional - hidden)
        hidden_somewhere |= bool(conditional & hidden)
        keys = [g.key for c in checklists for g in c.grounds]
        assert find_statistics_warnings(a, keys) == [], a.decision.title  # tidy examples
    assert shown_and_answered and hidden_somewhere
