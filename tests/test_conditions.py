"""Conditional checklist questions (issue 17): the schema's checks with file and line,
which questions are hidden, and that a hidden answer is kept, not printed, and back when
its condition holds again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app.checklists import __main__ as content_check
from desktop_app.checklists.loader import load_checklist
from desktop_app.domain.assessment_document import AssessmentDocument
from desktop_app.domain.conditions import ShowIf, hidden_questions
from desktop_app.domain.errors import ContentError
from desktop_app.domain.ground_document import answers
from desktop_app.domain.model import Answer, GroundAssessment, Relevance
from tests.helpers import complete_assessment
from tests.pdfcheck import pdf_text
from tests.test_pdf import render

DATA = Path(__file__).parent / "data"
MINI = (DATA / "mini-checklist.yaml").read_text(encoding="utf-8")
B_TYPE = "        type: text\n"


def with_condition(question_line: str, condition: str) -> str:
    """The mini checklist with a ``show_if`` block after one question's id line."""
    assert question_line in MINI
    return MINI.replace(question_line, question_line + condition, 1)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    return path


C_SHOWN_IF_A = "        show_if: {question: age.a, in: [yes, unsure]}\n"


def test_a_valid_condition_loads(tmp_path) -> None:
    path = write(tmp_path, with_condition("      - id: age.c\n", C_SHOWN_IF_A))
    question = load_checklist(path).ground("age").questions[2]
    assert question.show_if == ShowIf(question="age.a", values=("yes", "unsure"))


@pytest.mark.parametrize(
    ("question_line", "condition", "expected"),
    [
        (
            "      - id: age.a\n",
            "        show_if: {question: age.c, in: [yes]}\n",
            r"line 20 .*'age\.c' comes later.*cannot form a cycle",
        ),
        (
            "      - id: age.a\n",
            "        show_if: {question: age.a, in: [yes]}\n",
            r"line 20 .*cannot depend on itself \(a cycle\)",
        ),
        (
            "      - id: age.c\n",
            "        show_if: {question: age.x, in: [yes]}\n",
            r"line 35 .*no question 'age\.x' in this file",
        ),
        (
            "      - id: age.c\n",
            "        show_if: {question: age.b, in: [yes]}\n",
            r"line 35 .*free-text answer",
        ),
        (
            "      - id: age.c\n",
            "        show_if: {question: age.a, in: [yes, maybe]}\n",
            r"line 35 .*'maybe' is not an answer to 'age\.a' \(answers: yes, no, unsure\)",
        ),
        (
            "      - id: age.c\n",
            "        show_if: {ground_relevant: sex}\n",
            r"line 35 .*no ground 'sex' in this file",
        ),
        (
            "      - id: age.c\n",
            "        show_if: {ground_relevant: age, question: age.a, in: [yes]}\n",
            r"line 35 .*either 'question' with 'in' or 'ground_relevant'",
        ),
        (
            "      - id: age.c\n",
            "        show_if: {question: age.a}\n",
            r"line 35 .*needs both 'question' and 'in'",
        ),
        (
            "      - id: age.c\n",
            "        show_if: {answer: age.a}\n",
            r"line 35 .*show_if",
        ),
    ],
)
def test_a_bad_condition_is_reported_with_its_line(
    tmp_path, capsys, question_line, condition, expected
) -> None:
    path = write(tmp_path, with_condition(question_line, condition))
    with pytest.raises(ContentError, match=expected):
        load_checklist(path)
    # The content checker for authors says the same, with the file and the line.
    assert content_check.main([str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(str(path))
    assert "line" in err


def test_a_choice_condition_takes_the_choice_keys(tmp_path) -> None:
    text = MINI + (
        "      - id: age.d\n"
        "        type: text\n"
        "        show_if: {question: age.c, in: [maybe]}\n"
        "        text: {sv: D, nb: D, en: D}\n"
        "        guidance: {sv: V, nb: V, en: G}\n"
    )
    with pytest.raises(ContentError, match=r"'maybe' is not an answer .*\(answers: no, yes\)"):
        load_checklist(write(tmp_path, text))


# ---------------------------------------------------------------- which are hidden


def test_hidden_follows_the_answer_and_a_chain_closes_from_the_top(content) -> None:
    minorities = content.checklists.get("minorities")
    a = complete_assessment(content)
    assert {"sami.consultation", "sami.parties_outcome"} <= hidden_questions([minorities], a)
    a.answers["sami.importance"] = Answer("sami.importance", "possibly")
    hidden = hidden_questions([minorities], a)
    assert "sami.consultation" not in hidden
    assert "sami.parties_outcome" in hidden
    a.answers["sami.consultation"] = Answer("sami.consultation", "done")
    assert not {"sami.consultation", "sami.parties_outcome"} & hidden_questions([minorities], a)
    # "No" at the top hides the whole chain, though the answers below are still there.
    a.answers["sami.importance"] = Answer("sami.importance", "no")
    assert {"sami.consultation", "sami.parties_outcome"} <= hidden_questions([minorities], a)
    assert a.answers["sami.consultation"].value == "done"


def test_a_question_can_wait_for_its_ground_to_be_relevant(content) -> None:
    se_dl = content.checklists.get("se-dl")
    a = complete_assessment(content)
    a.grounds["sex"] = GroundAssessment("sex", Relevance.NOT_RELEVANT, "Ingen skillnad.")
    assert "sex.measures" in hidden_questions([se_dl], a)
    a.grounds["sex"].relevance = Relevance.RELEVANT
    assert "sex.measures" not in hidden_questions([se_dl], a)


def test_the_built_in_checklists_branch_where_the_guidance_says_so(content) -> None:
    conditional = {
        q.id
        for checklist in content.checklists.checklists.values()
        for q in checklist.questions()
        if q.show_if is not None
    }
    assert {
        "age.child_rights",
        "sami.consultation",
        "sami.parties_outcome",
        "child_rights.views",
        "pregnancy.flexibility",
    } <= conditional


# ---------------------------------------------------------------- kept, not printed


def test_a_hidden_answer_is_not_printed_in_the_pdf_but_kept(content, tmp_path) -> None:
    a = complete_assessment(content)
    question = content.checklists.get("se-dl").ground("age").questions[-1]
    assert question.id == "age.child_rights"
    a.answers["age.child_rights"] = Answer("age.child_rights", "Barnen i Ås hörs i skolrådet.")
    a.answers["age.groups"] = Answer("age.groups", "older")
    text = " ".join(pdf_text(render(content, a, tmp_path)).split())
    assert question.text.sv not in text
    assert "Barnen i Ås hörs i skolrådet." not in text
    a.answers["age.groups"] = Answer("age.groups", "children_young")
    text = " ".join(pdf_text(render(content, a, tmp_path)).split())
    assert "Barnen i Ås hörs i skolrådet." in text


def test_a_hidden_answer_is_not_shown_to_the_reviewer(content) -> None:
    a = complete_assessment(content)
    se_dl = content.checklists.get("se-dl")
    a.answers["age.child_rights"] = Answer("age.child_rights", "Barnen hörs i skolrådet.")
    a.answers["age.groups"] = Answer("age.groups", "older")
    doc = AssessmentDocument(a, [se_dl], content.vocabulary, "sv", day=str, today=date(2026, 11, 2))

    def shown() -> str:
        return " ".join(f"{i.text} {i.detail}" for i in answers(doc, se_dl.ground("age")).items)

    assert "skolrådet" not in shown()
    a.answers["age.groups"] = Answer("age.groups", "several")
    assert "skolrådet" in shown()
