"""``lika screen`` and the screener's indirect cues (issue 17): rules with near and
unless-near words, numbers in age limits, and the held-out figures of the benchmark."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest

from desktop_app.__main__ import main
from desktop_app.app.screening import decision_from_text, guess_language, screen
from desktop_app.checklists.screener_lexicon import load_lexicon
from desktop_app.domain.errors import ContentError
from desktop_app.domain.model import Decision, Language
from desktop_app.domain.screener import GroundCues, Lexicon, Term, suggest_grounds
from desktop_app.domain.wording import Pattern, WordIndex, tokens

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def grounds(content, lexicon, text: str, framework: str, *modules: str) -> set[str]:
    language = Language.NB if framework == "no-ldl" else Language.SV
    result = screen(content, lexicon, decision_from_text(text), framework, modules, language)
    return {s.ground_key for s in result.suggestions}


# ---------------------------------------------------------------- the command


def test_screen_json_from_a_file(tmp_path, capsys) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(
        "Krav på körkort för nyanställda\nFrån mars krävs körkort och goda kunskaper i "
        "svenska för alla som anställs.\n",
        encoding="utf-8",
    )
    assert main(["screen", "--framework", "se-dl", "--format", "json", str(path)]) == 0
    records = json.loads(capsys.readouterr().out)
    by_ground = {r["ground"]: r for r in records}
    assert set(by_ground) == {"disability", "ethnicity"}
    assert by_ground["disability"]["words"] == ["körkort"]
    assert "svenska" in by_ground["ethnicity"]["words"]
    assert by_ground["disability"]["label"] == "Funktionsnedsättning"
    match = by_ground["disability"]["matches"][0]
    assert match["field"] == "title"


def test_screen_reads_standard_input_and_guesses_norwegian(monkeypatch, capsys) -> None:
    text = "Aldersgrense for ungdomskortet\nKortet gjelder for dem som er under 20 år og ikke "
    monkeypatch.setattr("sys.stdin", io.StringIO(text + "har førerkort.\n"))
    assert main(["screen", "--framework", "no-ldl", "-"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("age")
    assert "under 20 år" in out.splitlines()[0]
    assert any(line.startswith("disability") for line in out.splitlines())


def test_screen_with_a_module_and_nothing_found(tmp_path, capsys) -> None:
    path = tmp_path / "sami.txt"
    path.write_text("Samisk skilting\nAlle bygg skiltes på norsk og samisk.", encoding="utf-8")
    assert main(["screen", "--framework", "no-ldl", str(path)]) == 0
    assert "No ground suggested" in capsys.readouterr().out
    assert main(["screen", "--framework", "no-ldl", "--module", "minorities", str(path)]) == 0
    assert capsys.readouterr().out.startswith("sami")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--framework", "xx-law"], "'xx-law' is not a framework"),
        (["--framework", "se-dl", "--module", "se-dl"], "'se-dl' is not a module"),
        (["--framework", "se-dl", "no-such-file.txt"], "no-such-file.txt: no such file"),
    ],
)
def test_screen_refuses_bad_input_with_one_line(args, message, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Titel\nText"))
    assert main(["screen", *args]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_the_text_is_split_into_title_and_description() -> None:
    decision = decision_from_text("\n  Titel  \nrad ett\nrad två\n")
    assert decision.title == "Titel"
    assert decision.description == "rad ett\nrad två"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kommunen ska inte höja avgiften och det gäller till 2027.", Language.SV),
        ("Kommunen skal ikke øke avgiften, og det gjelder til 2027.", Language.NB),
        ("The council will not raise the fee, and it is to apply from 2027.", Language.EN),
        ("", Language.SV),
    ],
)
def test_the_language_is_guessed_from_small_words(text, language) -> None:
    assert guess_language(text) is language


# ---------------------------------------------------------------- indirect cues


@pytest.mark.parametrize(
    ("text", "framework", "modules", "wanted", "unwanted"),
    [
        # A Sami mention alone: the Sami ground in Norway, never ethnicity there.
        (
            "Samisk kulturfestival\nTilskudd til samisk festival.",
            "no-ldl",
            (),
            set(),
            {"ethnicity"},
        ),
        (
            "Samisk kulturfestival\nTilskudd til samisk festival.",
            "no-ldl",
            ("minorities",),
            {"sami"},
            {"ethnicity", "national_minorities"},
        ),
        # In Sweden the Sami are a national minority and an ethnic group.
        (
            "Samiska skyltar\nSkyltarna får text på samiska.",
            "se-dl",
            ("minorities",),
            {"sami", "ethnicity", "national_minorities"},
            set(),
        ),
        ("Sverigefinnar\nInformation till sverigefinnar.", "se-dl", (), {"ethnicity"}, set()),
        # "Identifies as a woman" is gender identity, not sex.
        (
            "Gympass\nPassen är öppna för alla som identifierar sig som kvinnor.",
            "se-dl",
            (),
            {"gender_identity"},
            {"sex"},
        ),
        (
            "Svømmetid\nFor alle som identifiserer seg som kvinne eller mann.",
            "no-ldl",
            (),
            {"gender_identity"},
            {"sex"},
        ),
        # A special diet for medical reasons is disability, for faith religion.
        (
            "Kost\nSpecialkost ges av medicinska skäl, till exempel vid celiaki.",
            "se-dl",
            (),
            {"disability"},
            {"religion"},
        ),
        ("Kost\nSpecialkost ges efter önskemål om fläskfri mat.", "se-dl", (), {"religion"}, set()),
        # "rom" is a room unless the other minorities stand next to it.
        ("Leie av rom\nPrisen for å leie rom økes.", "no-ldl", (), set(), {"ethnicity"}),
        ("Tiltak\nKontaktperson for rom og tatere.", "no-ldl", (), {"ethnicity"}, set()),
        # Age limits written as numbers; "under 3 år framåt" is a period.
        ("Kort\nGäller alla under 20 år.", "se-dl", (), {"age"}, set()),
        ("Avtal\nKostnaden sjunker under 3 år framåt.", "se-dl", (), set(), {"age"}),
        ("Klubb\nÅpen for ungdom fra 13 til 18 år.", "no-ldl", (), {"age"}, set()),
        # School and preschool words; "skola in" is training staff.
        ("Förskolan\nNya regler för förskolan.", "se-dl", (), {"age"}, set()),
        ("Rutiner\nNya medarbetare ska skola in sig.", "se-dl", (), set(), {"age"}),
        ("Skolekantine\nElevene får halalmat.", "no-ldl", (), {"age", "religion"}, set()),
        # A board's name is not who is affected.
        ("Beslut\nBarn- och utbildningsnämnden beslutar om städning.", "se-dl", (), set(), {"age"}),
        # Requirements of language and of a driving licence.
        ("Krav\nSökande ska behärska svenska flytande.", "se-dl", (), {"ethnicity"}, set()),
        ("Krav\nAssistenter må ha gode norskkunnskaper.", "no-ldl", (), {"ethnicity"}, set()),
        ("Krav\nFørerkort klasse B kreves.", "no-ldl", (), {"disability"}, set()),
        # Digital only: older and disabled people; a mere mention is not enough.
        (
            "Kundtjänst\nBesökare hänvisas till e-tjänster.",
            "se-dl",
            (),
            {"age", "disability"},
            set(),
        ),
        ("Kundtjänst\nE-tjänsten får ny färg.", "se-dl", (), set(), {"age", "disability"}),
    ],
)
def test_indirect_cues(content, lexicon, text, framework, modules, wanted, unwanted) -> None:
    found = grounds(content, lexicon, text, framework, *modules)
    assert wanted <= found
    assert not unwanted & found


@pytest.mark.parametrize(
    ("text", "framework", "modules", "wanted", "unwanted"),
    [
        # Requirements of language and of a driving licence.
        ("Staff\nApplicants must speak fluent Swedish.", "se-dl", (), {"ethnicity"}, set()),
        ("Taxi\nDrivers must document Norwegian at level B1.", "no-ldl", (), {"ethnicity"}, set()),
        ("Staff\nA category B driving licence is required.", "se-dl", (), {"disability"}, set()),
        # Age limits written as numbers; a period of years is not an age.
        ("Card\nThe card is for those aged 13 to 19.", "se-dl", (), {"age"}, set()),
        ("Club\nOpen to young people between 13 and 18 years.", "no-ldl", (), {"age"}, set()),
        ("Travel\nResidents over 67 travel free.", "se-dl", (), {"age"}, set()),
        ("Lease\nThe cost falls over 3 years ahead.", "se-dl", (), set(), {"age"}),
        ("Works\nThe road is closed for under 15 minutes.", "se-dl", (), set(), {"age"}),
        # Preschool and school words.
        ("Kindergarten\nNew catchment area for the kindergarten.", "no-ldl", (), {"age"}, set()),
        # A national minority named alone is an ethnic group too.
        ("Grant\nA grant to the Kven association.", "no-ldl", (), {"ethnicity"}, set()),
        ("Finns\nInformation for Sweden Finns.", "se-dl", (), {"ethnicity"}, set()),
        # The Sami: ethnic and a national minority in Sweden, only the Sami ground in Norway.
        (
            "Preschool\nA Sami-language department opens.",
            "se-dl",
            ("minorities",),
            {"sami", "ethnicity", "national_minorities"},
            set(),
        ),
        (
            "Health centre\nConsultations in Sami are offered.",
            "no-ldl",
            ("minorities",),
            {"sami"},
            {"ethnicity", "national_minorities"},
        ),
        # "Identifies as a woman" is gender identity, not sex.
        (
            "Course\nThe course is open to everyone who identifies as a woman.",
            "se-dl",
            (),
            {"gender_identity"},
            {"sex"},
        ),
        # A special diet for medical reasons is disability, for faith religion.
        (
            "Meals\nA special diet is given for medical reasons such as coeliac disease.",
            "se-dl",
            (),
            {"disability"},
            {"religion"},
        ),
        ("Meals\nA special diet is offered for pork-free food.", "se-dl", (), {"religion"}, set()),
        # Digital only: older and disabled people; a mere mention is not enough.
        ("Booking\nHalls can only be booked online.", "se-dl", (), {"age", "disability"}, set()),
        ("Booking\nThe online form gets a new look.", "se-dl", (), set(), {"age", "disability"}),
        # Words that mean something else here.
        ("Grant\nA grant to the ski race in March.", "se-dl", (), set(), {"ethnicity"}),
        ("Contract\nThe supplier acted in good faith.", "se-dl", (), set(), {"religion"}),
        ("Sale\nThree older office buildings are sold.", "se-dl", (), set(), {"age"}),
    ],
)
def test_english_indirect_cues(
    content, lexicon, text, framework, modules, wanted, unwanted
) -> None:
    decision = decision_from_text(text)
    result = screen(content, lexicon, decision, framework, modules, Language.EN)
    found = {s.ground_key for s in result.suggestions}
    assert wanted <= found
    assert not unwanted & found


def test_every_framework_a_word_list_names_exists(content, lexicon) -> None:
    known = {c.id for c in content.checklists.frameworks()}
    named = {
        framework
        for cues in lexicon.languages.values()
        for ground in cues
        for term in ground.terms
        for framework in term.frameworks
    }
    assert named
    assert named <= known


# ---------------------------------------------------------------- rules and numbers


def rule_lexicon(term: Term) -> Lexicon:
    return Lexicon({Language.SV: (GroundCues("disability", (term,)),)})


def suggested(lexicon: Lexicon, description: str) -> bool:
    decision = Decision(description=description)
    return bool(suggest_grounds(decision, Language.SV, lexicon, ["disability"]))


def test_a_rule_counts_only_near_its_words() -> None:
    lexicon = rule_lexicon(
        Term(Pattern.parse("kost"), near=(Pattern.parse("medicinsk*"),), within=2)
    )
    assert suggested(lexicon, "Kost av medicinska skäl.")
    assert suggested(lexicon, "Av medicinska skäl: kost.")
    assert not suggested(lexicon, "Kost serveras i matsalen varje dag, av medicinska skäl.")
    assert not suggested(lexicon, "Kost.")


def test_a_rule_does_not_count_near_its_unless_words() -> None:
    lexicon = rule_lexicon(Term(Pattern.parse("kost"), unless_near=(Pattern.parse("pris*"),)))
    assert suggested(lexicon, "Ny kost.")
    assert not suggested(lexicon, "Priset på kost höjs.")


def test_a_rule_does_not_look_into_another_group() -> None:
    lexicon = rule_lexicon(Term(Pattern.parse("kost"), near=(Pattern.parse("allergi"),)))
    decision = Decision(affected_groups=["kost", "allergi"])
    assert not suggest_grounds(decision, Language.SV, lexicon, ["disability"])


def test_a_rule_for_some_frameworks_counts_only_under_them() -> None:
    """English is written under both laws: a Sami mention is an ethnic and a national
    minority cue under Sweden's reading, never under Norway's."""
    lexicon = rule_lexicon(Term(Pattern.parse("sami"), frameworks=("se-dl",)))
    decision = Decision(description="A Sami-language department opens.")
    assert suggest_grounds(decision, Language.SV, lexicon, ["disability"], "se-dl")
    assert not suggest_grounds(decision, Language.SV, lexicon, ["disability"], "no-ldl")
    assert not suggest_grounds(decision, Language.SV, lexicon, ["disability"])


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("under # år", "under 18 år", True),
        ("under # år", "under arton år", False),
        ("# # år", "16–19 år", True),
        ("# # år", "16-19 år", True),
        ("# år", "18år", False),
    ],
)
def test_numbers_in_patterns(pattern: str, text: str, found: bool) -> None:
    assert bool(list(Pattern.parse(pattern).find(text, WordIndex(tokens(text))))) is found


def test_a_number_takes_no_wildcard() -> None:
    with pytest.raises(ValueError, match="takes no"):
        Pattern.parse("#*")


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("      - term: körkort\n        within: 3\n", r"line \d+"),
        ("      - term: körkort\n        near: [me*]\n", r"at least 3 letters"),
    ],
)
def test_a_broken_rule_names_file_and_line(tmp_path, rule, expected) -> None:
    folder = tmp_path / "screener"
    folder.mkdir()
    for source in (ROOT / "resources" / "screener").glob("*.yaml"):
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    path = folder / "sv.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    terms:\n", "    terms:\n" + rule, 1), encoding="utf-8")
    with pytest.raises(ContentError, match=expected) as caught:
        load_lexicon(folder)
    assert str(caught.value).startswith(str(path))


# ---------------------------------------------------------------- the benchmark


def test_the_benchmark_prints_both_halves_and_the_held_out_half_meets_the_bar(
    capsys, monkeypatch
) -> None:
    """Guards the figures reached (see the report in benchmarks/screener_quality.py);
    the held-out texts were never used to tune the word lists."""
    spec = importlib.util.spec_from_file_location(
        "screener_quality", ROOT / "benchmarks" / "screener_quality.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "screener_quality", module)
    spec.loader.exec_module(module)
    module.main([])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [
        *("development", "sv", "nb", "en"),
        *("held_out", "sv", "nb", "en"),
    ]
    assert [line.split()[1] for line in lines] == ["85", "25", "25", "35", "75", "25", "25", "25"]
    content, lexicon = _content_and_lexicon()
    held_out = module.measure("held_out", content, lexicon)
    assert held_out.recall >= 0.9
    assert held_out.precision >= 0.9
    # English alone: 0.89 / 0.97 when its list was frozen (the misses are named there).
    english = module.measure("held_out", content, lexicon, Language.EN)
    assert english.recall >= 0.88
    assert english.precision >= 0.9


def _content_and_lexicon() -> tuple[object, Lexicon]:
    from desktop_app.checklists.guide import load_content

    return load_content(), load_lexicon()
