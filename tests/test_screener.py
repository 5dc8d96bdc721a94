"""The ground screener: realistic texts (with their known misses), word rules, word lists."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from desktop_app.checklists import __main__ as content_check
from desktop_app.checklists.screener_lexicon import SCREENER_DIR, lexicon_files, load_lexicon
from desktop_app.domain.errors import ContentError
from desktop_app.domain.model import Decision, Language
from desktop_app.domain.screener import GroundCues, Lexicon, Suggestion, Term, suggest_grounds
from desktop_app.domain.wording import Pattern, WordIndex, tokens
from tests.screener_cases import CASES, Case

SE_DL = (
    "sex",
    "gender_identity",
    "ethnicity",
    "religion",
    "disability",
    "sexual_orientation",
    "age",
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def keys_for(content, case: Case) -> list[str]:
    ids = (case.framework, *case.modules)
    return [g.key for i in ids for g in content.checklists.get(i).grounds]


def field_text(decision: Decision, name: str) -> str:
    if name == "affected_groups":
        return "\n".join(decision.affected_groups)
    return str(getattr(decision, name))


# ---------------------------------------------------------------- realistic texts


def test_there_are_enough_realistic_texts() -> None:
    per_language = {lang: sum(c.language is lang for c in CASES) for lang in Language}
    assert per_language[Language.SV] >= 6
    assert per_language[Language.NB] >= 6
    assert per_language[Language.EN] >= 2


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_realistic_text(case: Case, content, lexicon) -> None:
    """Exactly the expected grounds, minus the stated misses, plus the stated false ones."""
    assert not set(case.known_misses) - case.expected, "a miss must be an expected ground"
    assert not set(case.known_false) & case.expected, "a false positive cannot be expected"
    suggestions = suggest_grounds(case.decision, case.language, lexicon, keys_for(content, case))
    assert {s.ground_key for s in suggestions} == case.predicted
    for suggestion in suggestions:
        assert suggestion.matches, suggestion
        for match in suggestion.matches:
            assert field_text(case.decision, match.field)[match.start : match.end] == match.term


def test_measured_quality(content, lexicon) -> None:
    """Precision and recall over every text above, per language and in all; a change to
    the word lists that makes them worse fails here (and the figures say by how much)."""
    counts: dict[str, list[int]] = {}
    for case in CASES:
        suggestions = suggest_grounds(
            case.decision, case.language, lexicon, keys_for(content, case)
        )
        got = {s.ground_key for s in suggestions}
        for bucket in (case.language.value, "all"):
            tp, fp, fn = counts.setdefault(bucket, [0, 0, 0])
            counts[bucket] = [
                tp + len(got & case.expected),
                fp + len(got - case.expected),
                fn + len(case.expected - got),
            ]
    figures = {bucket: (tp / (tp + fp), tp / (tp + fn)) for bucket, (tp, fp, fn) in counts.items()}
    print("screener precision/recall:", {k: f"{p:.2f}/{r:.2f}" for k, (p, r) in figures.items()})
    precision, recall = figures["all"]
    assert precision >= 0.9
    assert recall >= 0.75


# ---------------------------------------------------------------- rules, on small texts


def suggested(lexicon: Lexicon, language: Language, keys=SE_DL, **fields) -> dict[str, Suggestion]:
    decision = Decision(**fields)
    return {s.ground_key: s for s in suggest_grounds(decision, language, lexicon, keys)}


def test_queue_is_not_sex(lexicon) -> None:
    found = suggested(lexicon, Language.SV, description="Kön till äldreboendet är lång.")
    assert "sex" not in found
    found = suggested(lexicon, Language.SV, description="Statistiken redovisas efter kön.")
    assert found["sex"].words() == ("efter kön",)


def test_age_inside_unrelated_words_is_not_age(lexicon) -> None:
    text = "Föråldrade it-system i äldre skolbyggnader byts ut; ålderdomliga regler rensas."
    assert "age" not in suggested(lexicon, Language.SV, description=text)


def test_compounds_and_inflections(lexicon) -> None:
    found = suggested(
        lexicon,
        Language.SV,
        description="Äldreomsorgens pensionärer i skolåldern, rullstolsburna och ÄLDRE.",
    )
    assert found["age"].words() == ("Äldreomsorgens", "pensionärer", "skolåldern", "ÄLDRE")
    nb = suggested(lexicon, Language.NB, description="Barnehagen har kvinner og rullestolbrukere.")
    assert {"age", "sex", "disability"} <= set(nb)


def test_text_pasted_in_decomposed_form_or_with_soft_hyphens(lexicon) -> None:
    decomposed = unicodedata.normalize("NFD", "Äldreomsorg för pensionärer")
    text = f"{decomposed} och funktions\u00adnedsättning"
    found = suggested(lexicon, Language.SV, description=text)
    assert found["age"].matches[0].term == unicodedata.normalize("NFD", "Äldreomsorg")
    assert found["disability"].matches[0].term == "funktions\u00adnedsättning"


def test_positions_in_affected_groups_follow_the_joined_text(lexicon) -> None:
    groups = ["Föreningar", "Kvinnor med små barn", "Rullstolsanvändare"]
    found = suggested(lexicon, Language.SV, affected_groups=groups)
    joined = "\n".join(groups)
    for suggestion in found.values():
        for match in suggestion.matches:
            assert match.field == "affected_groups"
            assert joined[match.start : match.end] == match.term
    assert found["disability"].matches[0].start == joined.index("Rullstol")


def test_a_phrase_does_not_run_from_one_group_into_the_next() -> None:
    lexicon = Lexicon(
        {Language.SV: (GroundCues("gender_3r", (Term(Pattern.parse("kvinnor och män")),)),)}
    )

    def found(groups: list[str]) -> list[Suggestion]:
        return suggest_grounds(
            Decision(affected_groups=groups), Language.SV, lexicon, ["gender_3r"]
        )

    assert found(["kvinnor", "och män"]) == []
    (suggestion,) = found(["Barn", "kvinnor och män"])
    assert suggestion.matches[0].start == len("Barn\n")


def test_weak_words_alone_suggest_nothing(lexicon) -> None:
    assert "disability" not in suggested(lexicon, Language.SV, description="Boka i appen.")
    found = suggested(lexicon, Language.SV, description="Boka i appen eller via e-tjänsten.")
    assert found["disability"].words() == ("appen", "e-tjänsten")


def test_pregnancy_counts_for_sex_where_the_framework_has_no_pregnancy_ground(lexicon) -> None:
    text = "Föräldralediga och gravida får förtur."
    assert set(suggested(lexicon, Language.SV, description=text)) == {"sex"}
    norwegian = ("sex", "pregnancy", "age")
    text_nb = "Gravide og foreldre i foreldrepermisjon får forrang."
    assert set(suggested(lexicon, Language.NB, keys=norwegian, description=text_nb)) == {
        "pregnancy"
    }


def test_only_the_given_grounds_strongest_first(lexicon) -> None:
    text = "Äldre pensionärer på äldreboendet och kvinnor med rullstol."
    order = [
        s.ground_key
        for s in suggest_grounds(Decision(description=text), Language.SV, lexicon, SE_DL)
    ]
    # age: three terms; sex and disability one each, so they keep the framework's order
    assert order == ["age", "sex", "disability"]
    only = suggest_grounds(Decision(description=text), Language.SV, lexicon, ["disability"])
    assert [s.ground_key for s in only] == ["disability"]
    assert suggest_grounds(Decision(), Language.SV, lexicon, SE_DL) == []


def test_fields_are_read_in_editor_order(lexicon) -> None:
    found = suggested(
        lexicon,
        Language.SV,
        title="Äldreomsorg",
        description="för äldre",
        affected="pensionärer",
        affected_groups=["seniorer"],
    )
    assert [m.field for m in found["age"].matches] == [
        "title",
        "description",
        "affected",
        "affected_groups",
    ]


def test_the_longest_find_counts_once() -> None:
    lexicon = Lexicon(
        {
            Language.SV: (
                GroundCues(
                    "sex",
                    (Term(Pattern.parse("kön"), 0.5), Term(Pattern.parse("oavsett kön"))),
                ),
            )
        }
    )
    (suggestion,) = suggest_grounds(
        Decision(description="Alla, oavsett kön."), Language.SV, lexicon, ["sex"]
    )
    assert suggestion.matches[0].term == "oavsett kön"
    assert len(suggestion.matches) == 1


# ---------------------------------------------------------------- patterns


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("äldre*", "Äldreboendet", True),
        ("äldre*", "föräldrar", False),
        ("*ålder", "pensionsålder", True),
        ("*ålder", "åldern", False),
        ("*barn*", "förskolebarnen", True),
        ("kvinnor och män", "kvinnor och män", True),
        ("kvinnor och män", "kvinnor, och män", False),
        ("kvinnor och män", "kvinnor.  Och män", False),
        ("e-tjänst*", "e-tjänsten", True),
        ("e-tjänst*", "e tjänsten", True),
        ("children's", "children’s rights", True),
        ("hbtq*", "HBTQI-personer", True),
    ],
)
def test_pattern_matching(pattern: str, text: str, found: bool) -> None:
    assert bool(list(Pattern.parse(pattern).find(text, WordIndex(tokens(text))))) is found


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("äl*dre", "only at the start or end"),
        ("barn!", "only letters"),
        ("ö*", "at least 3 letters"),
        ("*kö", "at least 3 letters"),
    ],
)
def test_bad_patterns_are_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Pattern.parse(text)


# ---------------------------------------------------------------- word list files


def test_word_lists_load_for_every_language(lexicon) -> None:
    for language in Language:
        cues = lexicon.cues(language)
        assert len(cues) >= 10
        assert all(c.terms for c in cues)


def test_every_ground_in_the_word_lists_exists_in_a_checklist(content, lexicon) -> None:
    known = {g.key for c in content.checklists.checklists.values() for g in c.grounds}
    assert lexicon.ground_keys() <= known, lexicon.ground_keys() - known


def test_every_built_in_ground_has_words_in_every_language(content, lexicon) -> None:
    known = {g.key for c in content.checklists.checklists.values() for g in c.grounds}
    for language in Language:
        assert known <= {c.key for c in lexicon.cues(language)}, language


def test_the_content_checker_covers_the_word_lists(capsys) -> None:
    assert content_check.main([]) == 0
    out = capsys.readouterr().out
    for path in lexicon_files():
        assert f"{path}: ok" in out


def copy_lists(tmp_path: Path) -> Path:
    for path in lexicon_files():
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "      - äldre*\n",
            "      - äl*dre\n",
            r"sv\.yaml, line \d+ \(grounds\[\d+\]\.terms\[\d+\]\)",
        ),
        ("      - äldre*\n", "      - äldre*\n      - Äldre*\n", r"'Äldre\*' is listed twice"),
        ("  - key: religion\n", "  - key: sex\n", r"ground 'sex' appears twice"),
        ("language: sv", "language: nb", r"named sv\.yaml but says language 'nb'"),
        ('      - "*barn*"\n', "      - *barn*\n", r"sv\.yaml, line \d+"),
        (
            "    terms:\n      - kvinna\n",
            "    terms:\n      - 12\n",
            r"line \d+ .*is not of type 'string'",
        ),
    ],
)
def test_broken_word_list_names_file_and_line(tmp_path, old, new, expected) -> None:
    folder = copy_lists(tmp_path)
    path = folder / "sv.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError, match=expected) as caught:
        load_lexicon(folder)
    assert str(caught.value).startswith(str(path))


def test_missing_word_list_is_reported(tmp_path) -> None:
    folder = copy_lists(tmp_path)
    (folder / "nb.yaml").unlink()
    with pytest.raises(ContentError, match=r"nb\.yaml: the screener's word list is missing"):
        load_lexicon(folder)


def test_built_in_word_lists_live_in_resources() -> None:
    assert SCREENER_DIR.parts[-2:] == ("resources", "screener")
