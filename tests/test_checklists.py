"""Content files: the built-in ones load, broken ones are reported by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.checklists.guide import load_vocabulary
from desktop_app.checklists.loader import load_checklist, load_library
from desktop_app.domain.checklist import Choice, Question, QuestionType, Text
from desktop_app.domain.completeness import find_gaps
from desktop_app.domain.errors import ContentError
from desktop_app.domain.model import Assessment, Relevance
from desktop_app.domain.vocabulary import ENUM_PREFIXES

DATA = Path(__file__).parent / "data"
MINI = (DATA / "mini-checklist.yaml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "broken.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_swedish_framework_has_the_seven_grounds(content) -> None:
    framework = content.checklists.get("se-dl")
    assert [g.key for g in framework.grounds] == [
        "sex",
        "gender_identity",
        "ethnicity",
        "religion",
        "disability",
        "sexual_orientation",
        "age",
    ]
    for ground in framework.grounds:
        assert len(ground.questions) >= 3
    gender = framework.ground("gender_identity")
    assert gender.preferred_term is not None
    assert gender.term.sv != gender.preferred_term.sv


def test_steps_are_the_four_of_the_method(content) -> None:
    assert [s.key for s in content.steps] == ["decision", "grounds", "measures", "conclusion"]


def test_vocabulary_names_every_enum_value_and_gap(content) -> None:
    vocabulary = content.vocabulary
    for enum in ENUM_PREFIXES:
        for value in enum:
            for language in ("sv", "nb", "en"):
                assert vocabulary.label(value, language)
    framework = content.checklists.get("se-dl")
    a = Assessment("se-dl", framework.version)
    a.ground("age").relevance = Relevance.RELEVANT
    for gap in find_gaps(a, [framework]):
        assert vocabulary.text(f"gap.{gap.code}", "nb")
        assert vocabulary.field(gap.path, "en")


def test_vocabulary_words_an_answer_the_same_for_every_view(content) -> None:
    """The editor, review view, comparison and PDF all word answers with this rule."""
    vocabulary = content.vocabulary
    yes_no = Question(
        "q.1", QuestionType.YES_NO_UNSURE, Text("Fråga", "Spørsmål", "Question"), Text("", "", "")
    )
    choice = Question(
        "q.2", QuestionType.CHOICE, Text("Fråga", "Spørsmål", "Question"), Text("", "", ""),
        choices=(Choice("often", Text("Ofta", "Ofte", "Often")),),
    )  # fmt: skip
    free = Question(
        "q.3", QuestionType.TEXT, Text("Fråga", "Spørsmål", "Question"), Text("", "", "")
    )
    assert vocabulary.answer(yes_no, "unsure", "en") == vocabulary.text("answer.unsure", "en")
    assert vocabulary.answer(None, "yes", "sv") == vocabulary.text("answer.yes", "sv")
    assert vocabulary.answer(choice, "often", "nb") == "Ofte"
    assert vocabulary.answer(free, "yes", "sv") == "yes"  # free text is shown as written
    assert vocabulary.answer(yes_no, "none", "sv") == "none"  # not a word for "no answer"
    assert vocabulary.answer(choice, "rarely", "sv") == "rarely"  # a choice no longer offered
    assert vocabulary.answer(yes_no, "  ", "sv") == ""


def test_mini_fixture_loads() -> None:
    checklist = load_checklist(DATA / "mini-checklist.yaml")
    assert checklist.ground("age").questions[2].choices[0].key == "no"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "text: {sv: Fråga B, nb: Spørsmål B, en: Question B}",
            "text: {sv: Fråga B, nb: Spørsmål B}",
            r"line 31 \(grounds\[0\]\.questions\[1\]\.text\): 'en' is a required property",
        ),
        ("id: age.b", "id: age.a", r"line 30 .*question id 'age.a' appears twice"),
        ("type: text", "type: slider", r"line 32 .*questions\[1\]\.type"),
        ("id: age.b", "id: sex.b", r"must start with 'age.'"),
        ('version: "1.0"', "version: 1.0", r"line 4 \(version\)"),
        (
            "kind: framework",
            "kind: framework\nkind: module",
            r"line 7: the key 'kind' appears twice",
        ),
        ("grounds:", "grounds: [", r"line \d+"),
    ],
)
def test_broken_file_is_reported_with_file_and_line(tmp_path, old, new, expected) -> None:
    assert old in MINI
    path = write(tmp_path, MINI.replace(old, new, 1))
    with pytest.raises(ContentError, match=expected) as caught:
        load_checklist(path)
    assert str(caught.value).startswith(str(path))


def test_yes_and_no_stay_text_in_content_files() -> None:
    checklist = load_checklist(DATA / "mini-checklist.yaml")
    assert [c.key for c in checklist.ground("age").questions[2].choices] == ["no", "yes"]


def test_broken_organisation_file_is_skipped_and_reported(tmp_path) -> None:
    write(tmp_path, MINI.replace("id: mini", "id: org-own"), "own.yaml")
    write(tmp_path, "format: lika-checklist\n", "broken.yaml")
    write(tmp_path, "\xff\xfe not text", "binary.yaml")
    library = load_library([tmp_path])
    assert "org-own" in library.checklists
    assert "se-dl" in library.checklists
    assert sorted(Path(str(e).split(",")[0].split(":")[0]).name for e in library.errors) == [
        "binary.yaml",
        "broken.yaml",
    ]


def test_missing_folder_is_reported(tmp_path) -> None:
    library = load_library([tmp_path / "nowhere"])
    assert "checklist folder not found" in str(library.errors[0])


def test_newest_version_of_a_checklist_wins(tmp_path) -> None:
    write(tmp_path, MINI.replace('version: "1.0"', 'version: "1.10"'), "a.yaml")
    write(tmp_path, MINI.replace('version: "1.0"', 'version: "1.9"'), "b.yaml")
    assert load_library([tmp_path]).get("mini").version == "1.10"


def test_broken_vocabulary_names_the_file(tmp_path) -> None:
    path = write(
        tmp_path,
        "format: lika-vocabulary\nformat_version: 1\nterms:\n"
        "  status.draft: {sv: Utkast, nb: Utkast}\n",
    )
    with pytest.raises(ContentError, match=r"line 4 \(terms\.status\.draft\)"):
        load_vocabulary(path)
