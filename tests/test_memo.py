"""The memo text: golden texts per language, what it says when parts are missing, and
the sentence file's checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app.app.demo import load_demo
from desktop_app.checklists.guide import load_memo, load_vocabulary
from desktop_app.domain.errors import ContentError
from desktop_app.domain.formats import format_day, join_list
from desktop_app.domain.memo import memo_text
from desktop_app.domain.memo_templates import TEMPLATE_FIELDS
from desktop_app.domain.model import (
    Assessment,
    Direction,
    Language,
    Measure,
    MeasureStatus,
    Outcome,
    Relevance,
    Severity,
)
from desktop_app.resources import resource_path
from tests.helpers import complete_assessment, complete_norwegian_assessment


def memo(content, assessment: Assessment, language: Language | None = None) -> str:
    checklists = [content.checklists.get(i) for i in (assessment.framework_id, *assessment.modules)]
    return memo_text(assessment, checklists, content.vocabulary, language or assessment.language)


SWEDISH = """\
Bedömningen har gjorts utifrån diskrimineringsgrunderna i diskrimineringslagen. \
Förslaget bedöms få måttliga negativa konsekvenser utifrån ålder. \
Det gäller främst personer över 70 år. \
Det finns en risk för indirekt diskriminering. \
Förslaget bedöms inte få några konsekvenser utifrån kön; könsidentitet eller könsuttryck; \
etnisk tillhörighet; religion eller annan trosuppfattning; funktionsnedsättning; och \
sexuell läggning. Motivering: Inga skillnader i besöksmönster enligt statistiken.

För att motverka de negativa konsekvenserna föreslås följande åtgärd:
– Erbjud meröppet med personal en kväll i veckan \
(ansvarig: Máret Ŋuolja-Čáhppes, klar senast 1 mars 2027).

Sammantaget bedöms beslutet kunna fattas om de föreslagna åtgärderna genomförs. \
Beslutet kan fattas om meröppet införs. \
Konsekvenserna följs upp senast den 1 september 2027."""

NORWEGIAN = """\
Vurderingen er gjort opp mot diskrimineringsgrunnlagene i likestillings- og \
diskrimineringsloven og i tillegg opp mot barnets rettigheter. \
Forslaget vurderes å få store negative konsekvenser knyttet til omsorgsoppgaver. \
Det gjelder særlig aleneforeldre og foreldre som jobber turnus. \
Det er risiko for indirekte forskjellsbehandling. \
Forslaget vurderes å få både positive og negative konsekvenser knyttet til kjønn; \
de negative vurderes som små. \
Det gjelder særlig mødre i turnusyrker. \
Det er risiko for indirekte forskjellsbehandling. \
Forslaget vurderes å få små negative konsekvenser knyttet til barnets rettigheter. \
Det gjelder særlig barn som i dag har de lengste dagene. \
Forslaget vurderes å få positive konsekvenser knyttet til funksjonsnedsettelse. \
Det gjelder særlig barn med nedsatt funksjonsevne. \
Forslaget vurderes ikke å få konsekvenser knyttet til graviditet og permisjon ved fødsel \
eller adopsjon; etnisitet; religion og livssyn; seksuell orientering; kjønnsidentitet og \
kjønnsuttrykk; alder; og kombinasjoner av grunnlagene. \
Begrunnelse: Vi har ikke funnet at forslaget virker ulikt for denne gruppen.

For å motvirke de negative konsekvensene foreslås følgende tiltak:
– Utvidet åpningstid i én barnehage i hver bydel, etter søknad \
(ansvarlig: Barnehagesjef Tor Arne Lie, frist 1. august 2027).
– Kartlegge behovet hos foreldre som jobber turnus \
(ansvarlig: Rådgiver Siri Nyhus, frist 1. mars 2027, pågår).
Det foreslås ikke tiltak mot de negative konsekvensene knyttet til barnets rettigheter. \
Begrunnelse: Kortere dager i barnehagen er ikke en ulempe for barna selv, og barnehagene \
legger det sosiale samværet til kjernetiden.

Samlet sett vurderes det at vedtaket kan fattes dersom de foreslåtte tiltakene \
gjennomføres. \
Forslaget kan vedtas dersom det gis utvidet åpningstid der behovet er størst. \
Konsekvensene skal følges opp innen 15. januar 2028."""

ENGLISH = """\
The assessment covers the grounds of discrimination in the Discrimination Act (Sweden). \
The proposal is expected to have a moderate negative impact with regard to age. \
This mainly concerns people over 70. \
There is a risk of indirect discrimination. \
No impact is expected with regard to sex; gender identity or gender expression; \
ethnicity; religion or other belief; disability; and sexual orientation. \
Reason: Inga skillnader i besöksmönster enligt statistiken.

To counter the negative impact, the following measure is proposed:
– Offer staffed extended opening one evening a week \
(owner: Máret Ŋuolja-Čáhppes, by 1 March 2027).

Overall, the decision can be taken provided that the proposed measures are carried out. \
The decision can be taken if staffed extended opening is introduced. \
The impact will be followed up by 1 September 2027."""


def test_golden_swedish(content) -> None:
    assert memo(content, complete_assessment(content)) == SWEDISH


def test_golden_norwegian(content) -> None:
    assert memo(content, complete_norwegian_assessment(content)) == NORWEGIAN


def test_golden_english(content) -> None:
    a = complete_assessment(content)
    a.language = Language.EN
    a.ground("age").groups = "People over 70"
    a.measures[0].description = "Offer staffed extended opening one evening a week."
    a.conclusion.summary = "The decision can be taken if staffed extended opening is introduced"
    assert memo(content, a) == ENGLISH


def test_the_language_can_differ_from_the_assessments(content) -> None:
    text = memo(content, complete_assessment(content), Language.NB)
    assert text.startswith("Vurderingen er gjort opp mot diskrimineringsgrunnlagene i ")
    assert "frist 1. mars 2027" in text


# ---------------------------------------------------------------- edge cases


def all_not_relevant(content, framework: str = "se-dl") -> Assessment:
    a = complete_assessment(content, framework)
    a.measures.clear()
    age = a.ground("age")
    age.relevance = Relevance.NOT_RELEVANT
    age.direction = None
    age.severity = None
    age.risks = []
    a.conclusion.outcome = Outcome.PROCEED_UNCHANGED
    a.conclusion.summary = ""
    return a


def test_nothing_relevant(content) -> None:
    a = all_not_relevant(content)
    for ground in a.grounds.values():
        ground.justification = ""
    assert memo(content, a) == (
        "UTKAST: bedömningen är inte färdig. Texten visar vad som återstår och ska inte föras "
        "in i tjänsteskrivelsen förrän bedömningen är klar.\n\n"
        "Bedömningen har gjorts utifrån diskrimineringsgrunderna i diskrimineringslagen. "
        "Förslaget bedöms inte få några konsekvenser utifrån någon av de grunder som har bedömts."
        "\n\nBedömningen föranleder inga åtgärder."
        "\n\nSammantaget bedöms beslutet kunna fattas utan ändringar. "
        "Konsekvenserna följs upp senast den 1 september 2027."
    )


def test_only_positive_impacts_need_no_measures(content) -> None:
    a = all_not_relevant(content)
    a.ground("disability").relevance = Relevance.RELEVANT
    a.ground("disability").direction = Direction.POSITIVE
    text = memo(content, a, Language.EN)
    assert "a positive impact with regard to disability" in text
    assert "The assessment does not call for any measures." in text


def test_negative_impact_without_measures_says_what_is_missing(content) -> None:
    a = complete_assessment(content)
    a.measures.clear()
    a.ground("disability").relevance = Relevance.RELEVANT
    a.ground("disability").direction = Direction.MIXED
    a.ground("disability").severity = Severity.HIGH
    paragraphs = memo(content, a).split("\n\n")
    assert paragraphs[0].startswith("UTKAST: ")  # something is missing: a draft
    assert paragraphs[2] == (
        "För de negativa konsekvenserna utifrån funktionsnedsättning och ålder saknas ännu "
        "åtgärder eller en motivering till varför inga åtgärder behövs."
    )
    a.ground("age").no_measure_justification = "Kvällsöppet\n ersätts av  meröppet"
    paragraphs = memo(content, a).split("\n\n")
    assert paragraphs[2] == (
        "Ingen åtgärd föreslås mot de negativa konsekvenserna utifrån ålder. "
        "Motivering: Kvällsöppet ersätts av meröppet. "
        "För de negativa konsekvenserna utifrån funktionsnedsättning saknas ännu åtgärder "
        "eller en motivering till varför inga åtgärder behövs."
    )


def test_a_new_assessment_says_that_nothing_is_assessed(content, service) -> None:
    a = service.new_assessment(language=Language.NB)
    assert memo(content, a) == (
        "UTKAST: vurderingen er ikke ferdig. Teksten viser hva som gjenstår, og skal ikke føres "
        "inn i saksframlegget før vurderingen er klar.\n\n"
        "Vurderingen er gjort opp mot diskrimineringsgrunnlagene i diskrimineringsloven "
        "(Sverige). Diskrimineringsgrunnlagene er ikke vurdert ennå."
        "\n\nDet er ennå ikke trukket noen konklusjon av vurderingen. "
        "Tidspunkt for oppfølging er ikke fastsatt ennå."
    )


def test_an_incomplete_assessment_says_what_is_still_open(content) -> None:
    a = complete_assessment(content)
    del a.grounds["religion"]
    a.ground("sex").relevance = Relevance.UNKNOWN
    a.ground("ethnicity").relevance = Relevance.RELEVANT
    a.ground("ethnicity").direction = None
    a.ground("disability").relevance = Relevance.RELEVANT
    a.ground("disability").direction = Direction.UNKNOWN
    a.ground("age").severity = None
    a.measures[0].owner = ""
    a.measures[0].deadline = None
    a.measures.append(Measure(description="  ", status=MeasureStatus.DONE, owner="Kim"))
    a.conclusion.outcome = Outcome.PROCEED_DESPITE_NEGATIVE
    a.conclusion.followup_date = None
    text = memo(content, a)
    for sentence in (
        "Förslaget bedöms vara relevant utifrån etnisk tillhörighet, men konsekvenserna är "
        "ännu inte beskrivna.",
        "Förslaget bedöms vara relevant utifrån funktionsnedsättning, men det underlag som "
        "finns visar inte om konsekvenserna blir positiva eller negativa.",
        "Förslaget bedöms få negativa konsekvenser utifrån ålder; hur allvarliga de är har "
        "ännu inte bedömts.",
        "Det återstår att bedöma om förslaget får konsekvenser utifrån kön; och religion eller "
        "annan trosuppfattning.",
        "– Erbjud meröppet med personal en kväll i veckan (ansvarig är inte utsedd, datum är "
        "inte bestämt).",
        "– åtgärden är ännu inte beskriven (ansvarig: Kim, genomförd).",
        "Motiveringen till att beslutet ändå bör fattas saknas ännu.",
        "Datum för uppföljning är ännu inte bestämt.",
    ):
        assert sentence in text


def test_do_not_proceed_needs_no_follow_up_date(content) -> None:
    a = complete_assessment(content)
    a.conclusion.outcome = Outcome.DO_NOT_PROCEED
    a.conclusion.followup_date = None
    a.conclusion.summary = ""
    assert memo(content, a, Language.EN).endswith(
        "\n\nOverall, the decision should not be taken in its proposed form."
    )


def test_proceeding_despite_negative_impact_gives_the_reason(content) -> None:
    a = complete_assessment(content)
    a.conclusion.outcome = Outcome.PROCEED_DESPITE_NEGATIVE
    a.conclusion.justification = "Besparingen är nödvändig!"
    assert (
        "Samlet sett foreslås det at vedtaket fattes til tross for de negative konsekvensene. "
        "Begrunnelse: Besparingen är nödvändig! " in memo(content, a, Language.NB)
    )


def test_names_keep_their_capital_inside_a_sentence(content) -> None:
    a = complete_assessment(content)
    a.decision.description = "Samarbete med Árran och Kvarnbyns skola."
    a.ground("age").groups = "Árran julevsáme guovdásj och Kvarnbyns skola"
    assert "Det gäller främst Árran julevsáme guovdásj" in memo(content, a)
    a.ground("age").groups = "Äldre på Kvarnbyns äldreboende."
    assert "Det gäller främst äldre på Kvarnbyns äldreboende." in memo(content, a)
    a.language = Language.EN
    a.ground("age").groups = "Muslim women over 70"
    assert "This mainly concerns Muslim women over 70." in memo(content, a)
    a.ground("age").groups = "Disabled people over 70"
    assert "This mainly concerns disabled people over 70." in memo(content, a)


def test_modules_are_named_in_the_first_sentence(content) -> None:
    a = complete_assessment(content)
    a.modules = {"children": "1.0", "minorities": "1.0"}
    assert (
        memo(content, a)
        .split("\n\n")[1]
        .startswith(
            "Bedömningen har gjorts utifrån diskrimineringsgrunderna i diskrimineringslagen och "
            "dessutom utifrån barnets rättigheter; och nationella minoriteter och samer. "
        )
    )
    assert (
        memo(content, a, Language.EN)
        .split("\n\n")[1]
        .startswith(
            "The assessment covers the grounds of discrimination in the Discrimination Act "
            "(Sweden) and also rights of the child; and national minorities and the Sami. "
        )
    )


def test_every_demo_assessment_reads_cleanly_in_every_language(content, repository) -> None:
    for assessment in load_demo(repository, content):
        for language in Language:
            text = memo(content, assessment, language)
            assert text.strip() == text
            for broken in ("{", "}", "None", "  ", " .", "..", "\n\n\n", "( ", " )"):
                assert broken not in text, (assessment.decision.title, language, broken)


# ---------------------------------------------------------------- formats


def test_dates_and_lists_follow_the_language() -> None:
    day = date(2027, 9, 1)
    assert format_day(day, Language.SV) == "1 september 2027"
    assert format_day(day, Language.NB) == "1. september 2027"
    assert format_day(day, Language.EN) == "1 September 2027"
    assert format_day(None, Language.SV) == "–"
    three = ["a", "b", "c"]
    assert join_list(three, Language.SV) == "a, b och c"
    assert join_list(three, Language.NB) == "a, b og c"
    assert join_list(three, Language.EN) == "a, b and c"
    assert join_list(["a"], Language.EN) == "a"


# ---------------------------------------------------------------- the sentence file

MEMO = resource_path("guide", "memo.yaml").read_text(encoding="utf-8")


def broken_memo(tmp_path: Path, old: str, new: str) -> Path:
    assert old in MEMO
    path = tmp_path / "memo.yaml"
    path.write_text(MEMO.replace(old, new, 1), encoding="utf-8")
    return path


def test_every_sentence_is_in_the_file_and_in_the_vocabulary(content) -> None:
    for key in TEMPLATE_FIELDS:
        for language in Language:
            assert content.vocabulary.text(key, language)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'nb: "Det gjelder særlig {groups}."',
            'nb: "Det gjelder særlig {grupper}."',
            r"line \d+ \(templates\.memo\.groups\.nb\): the placeholders must be: \{groups\}",
        ),
        (
            'en: "There is a risk of {risks}."',
            'en: "There is a risk of {risks."',
            r"line \d+ \(templates\.memo\.risks\.en\): broken \{placeholder\}",
        ),
        (
            "  memo.no_measures_needed:\n",
            "  memo.no_measures_wanted:\n",
            r"\(templates\.memo\.no_measures_wanted\): no such sentence",
        ),
        (
            '    sv: "Följande åtgärd föreslås:"\n',
            "",
            r"line \d+ \(templates\.memo\.measures\.lead\.one\): 'sv' is a required property",
        ),
        ("format: lika-memo", "format: lika-mem", r"line 10 \(format\)"),
    ],
)
def test_broken_sentence_file_names_file_and_line(tmp_path, old, new, expected) -> None:
    path = broken_memo(tmp_path, old, new)
    with pytest.raises(ContentError, match=expected) as caught:
        load_memo(path)
    assert str(caught.value).startswith(str(path))


def test_a_missing_sentence_is_reported(tmp_path) -> None:
    start = MEMO.index("  memo.followup.missing:")
    path = tmp_path / "memo.yaml"
    path.write_text(MEMO[:start], encoding="utf-8")
    with pytest.raises(ContentError, match=r"the sentence 'memo.followup.missing' is missing"):
        load_memo(path)


def test_vocabulary_may_not_take_a_memo_key(tmp_path) -> None:
    path = tmp_path / "vocabulary.yaml"
    path.write_text(
        "format: lika-vocabulary\nformat_version: 1\nterms:\n"
        "  memo.groups: {sv: a, nb: b, en: c}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match=r"line 4 .*belongs to memo\.yaml"):
        load_vocabulary(path)


# ---------------------------------------------------------------- text an official can paste


def test_lists_with_conjunctions_in_their_labels_use_semicolons() -> None:
    from desktop_app.domain.memo import ordered_list

    assert ordered_list(["kön", "ålder", "funktionsnedsättning"], Language.SV) == (
        "kön, ålder och funktionsnedsättning"
    )
    assert ordered_list(["religion och livsåskådning", "ålder"], Language.SV) == (
        "religion och livsåskådning; och ålder"
    )
    assert (
        ordered_list(
            ["graviditet og permisjon", "kjønnsidentitet og kjønnsuttrykk", "alder"], Language.NB
        )
        == "graviditet og permisjon; kjønnsidentitet og kjønnsuttrykk; og alder"
    )
    assert ordered_list(["a, b", "c"], Language.EN) == "a, b; and c"


@pytest.mark.parametrize("language", [Language.SV, Language.NB])
def test_negative_impacts_come_first_most_serious_first(content, language) -> None:
    a = complete_assessment(content)
    a.language = language
    a.ground("age").severity = Severity.LOW
    a.ground("sex").relevance = Relevance.RELEVANT
    a.ground("sex").direction = Direction.POSITIVE
    a.ground("disability").relevance = Relevance.RELEVANT
    a.ground("disability").direction = Direction.NEGATIVE
    a.ground("disability").severity = Severity.HIGH
    a.measures[0].grounds = ["age", "disability"]
    text = memo(content, a)
    labels = {"sv": ("funktionsnedsättning", "ålder", "kön"), "nb": ("funksjon", "alder", "kjønn")}
    high, low, positive = labels[language.value]
    words = {"sv": ("stora", "små", "positiva"), "nb": ("store", "små", "positive")}[language.value]
    at = [text.index(f"{w} ") for w in words]
    assert at == sorted(at), text
    assert high and low and positive


@pytest.mark.parametrize(
    ("language", "reason", "sentence"),
    [
        (
            Language.SV,
            "Motivering",
            "Förslaget bedöms inte få några konsekvenser utifrån kön och etnisk tillhörighet. "
            "Motivering: Ingen skillnad syns.",
        ),
        (
            Language.NB,
            "Begrunnelse",
            "Forslaget vurderes ikke å få konsekvenser knyttet til kjønn og etnisk tilhørighet. "
            "Begrunnelse: Ingen skillnad syns.",
        ),
    ],
)
def test_not_relevant_gives_the_caseworkers_reason(content, language, reason, sentence) -> None:
    a = complete_assessment(content)
    for key in ("sex", "ethnicity"):
        a.ground(key).justification = "Ingen  skillnad syns"
    a.ground("sexual_orientation").justification = "Frågan rör inte relationer."
    a.ground("religion").justification = ""
    text = memo(content, a, language)
    assert sentence in text
    assert f"{reason}: Frågan rör inte relationer." in text
    assert f"{reason}: Inga skillnader i besöksmönster enligt statistiken." in text
    assert text.count(f"{reason}: ") == 3  # grounds with the same reason share it


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            Language.SV,
            "Beslutsunderlaget är inte fullständigt. Detta saknas: Statistik över besök per "
            "funktionsnedsättning.",
        ),
        (
            Language.NB,
            "Beslutsgrunnlaget er ikke fullstendig. Dette mangler: Statistik över besök per "
            "funktionsnedsättning.",
        ),
    ],
)
def test_missing_evidence_is_named(content, language, sentence) -> None:
    a = complete_assessment(content)
    a.decision.evidence_missing = "Statistik över besök per\nfunktionsnedsättning"
    assert sentence in memo(content, a, language)


@pytest.mark.parametrize(
    ("assessment", "gap_words"),
    [
        (complete_assessment, ("saknas ännu", "ännu inte", "UTKAST")),
        (complete_norwegian_assessment, ("mangler det ennå", "ennå", "UTKAST")),
    ],
)
def test_a_complete_assessment_has_no_notes_for_the_caseworker(
    content, assessment, gap_words
) -> None:
    a = assessment(content)
    text = memo(content, a)
    for words in gap_words:
        assert words not in text
    # One gap makes the whole text a draft, marked in its first paragraph.
    a.measures[0].owner = ""
    draft = memo(content, a)
    assert draft.startswith("UTKAST: ")
    assert draft.split("\n\n", 1)[1] != text


def test_statistics_and_evidence_get_a_paragraph_of_their_own(content) -> None:
    from desktop_app.domain.evidence import EvidenceKind, link_evidence
    from desktop_app.domain.statistics import FigureUnit, StatisticsTable

    a = complete_norwegian_assessment(content)
    before = memo(content, a)
    a.statistics = [
        StatisticsTable(
            label="Brukere av tjenesten", women=120, men=80.5, source="KOSTRA", year=2025
        ),
        StatisticsTable(label="Tom tabell"),  # no figures: not mentioned
        StatisticsTable(unit=FigureUnit.PERCENT, girls=48.5, boys=51.5),
    ]
    a.evidence = [link_evidence(EvidenceKind.RECORD, "2026/1234-5", "Høringsuttalelser")]
    text = memo(content, a)
    added = text.split("\n\n")[1]
    assert added == (
        "Kjønnsdelt statistikk, brukere av tjenesten: kvinner 120 og menn 80,5 (KOSTRA 2025). "
        "Kjønnsdelt statistikk, berørte: jenter 48,5 % og gutter 51,5 %. "
        "Underlag som er vedlagt vurderingen: Høringsuttalelser."
    )
    assert text.replace(added + "\n\n", "") == before
