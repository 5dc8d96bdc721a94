"""Answers to questions a newer checklist no longer has are found, never dropped."""

from __future__ import annotations

from desktop_app.app.service import AssessmentService, Identity
from desktop_app.checklists.guide import load_content
from desktop_app.domain.model import Answer, Relevance
from desktop_app.domain.obsolete import find_kept
from tests.checklist_versions import DROPPED_QUESTION, write_newer_swedish_checklist
from tests.helpers import complete_assessment


def test_kept_answers_and_grounds_with_their_old_wording(tmp_path, repository, content) -> None:
    assessment = complete_assessment(content)  # made with the built-in 1.0
    write_newer_swedish_checklist(tmp_path / "own")
    newer = load_content([tmp_path / "own"])
    assert newer.checklists.get("se-dl").version == "1.1"
    assert newer.checklists.version("se-dl", "1.0") is not None  # the older file too
    service = AssessmentService(repository, newer, Identity("Ája", "aja"))
    assessment.answers[DROPPED_QUESTION] = Answer(DROPPED_QUESTION, "yes", "Åldersgräns 65 år")
    assessment.answers["age.groups"] = Answer("age.groups", "", "Still asked")
    assessment.answers["religion.heard"] = Answer("religion.heard", "no")
    assessment.answers["children_x.q"] = Answer("children_x.q", "")  # empty: nothing to keep

    kept = service.kept_content(assessment)
    assert [k.answer.question_id for k in kept.answers] == [DROPPED_QUESTION, "religion.heard"]
    dropped = kept.answers_for("age")[0]
    assert dropped.question is not None and dropped.question.id == DROPPED_QUESTION
    assert [g.ground_key for g in kept.grounds] == ["religion"]
    assert kept.grounds[0].relevance is Relevance.NOT_RELEVANT


def test_without_the_old_file_only_the_id_is_known(content) -> None:
    assessment = complete_assessment(content)
    assessment.answers["age.gone"] = Answer("age.gone", "unsure")
    kept = find_kept(assessment, [content.checklists.get("se-dl")])
    assert [(k.answer.question_id, k.question) for k in kept.answers] == [("age.gone", None)]


def test_a_switched_off_module_is_not_obsolete(content) -> None:
    assessment = complete_assessment(content)
    assessment.ground("child_rights").justification = "Skrivet innan modulen stängdes av"
    assessment.answers["child_rights.heard"] = Answer("child_rights.heard", "yes")
    framework = content.checklists.get("se-dl")
    off = [content.checklists.get("children")]
    assert not find_kept(assessment, [framework], switched_off=off)
    assert find_kept(assessment, [framework])  # had the module vanished, it would be kept
