"""Full-text search of the register: every text, Nordic and Sami letters kept apart,
and whatever a user types never becomes FTS syntax or an error."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.evaluation import Evaluation, ImpactAsExpected
from desktop_app.domain.model import Answer, Measure
from desktop_app.domain.register import RegisterQuery
from desktop_app.storage.evaluations import EvaluationStore
from desktop_app.storage.search_syntax import fts_query
from tests.register_helpers import make, register_of


def titles(register, text: str) -> list[str]:
    return sorted(r.title for r in register.rows(RegisterQuery(search=text)))


@pytest.fixture
def nordic(repository, content):
    return nordic_titles(repository, content)


def nordic_titles(repository, content):
    """Titles that tell Nordic and Sami letters apart (read on the server too)."""
    for title in (
        "Får i hagen",
        "Far och mor",
        "Äldreomsorg i Åre",
        "Skolskjuts till Övre Soppero",
        "Sápmi i skolan",
        "Sapmi language centre",
    ):
        repository.create(make(content, title))
    sami = make(content, "Boazodoallu")
    sami.decision.description = "Ŋuoraid ja đuoddara birra, ŧuođai čáhci šaddá žiehtu."
    repository.create(sami)
    return register_of(repository)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("far", ["Far och mor"]),
        ("får", ["Får i hagen"]),
        ("FÅR", ["Får i hagen"]),
        ("äldreomsorg", ["Äldreomsorg i Åre"]),
        ("aldreomsorg", []),
        ("åre", ["Äldreomsorg i Åre"]),
        ("are", []),
        ("övre", ["Skolskjuts till Övre Soppero"]),
        ("ovre", []),
        ("sápmi", ["Sápmi i skolan"]),
        ("sapmi", ["Sapmi language centre"]),
        ("ŋuoraid", ["Boazodoallu"]),
        ("Ŋuoraid", ["Boazodoallu"]),
        ("nuoraid", []),
        ("đuoddara", ["Boazodoallu"]),
        ("duoddara", []),
        ("ŧuođai", ["Boazodoallu"]),
        ("ČÁHCI", ["Boazodoallu"]),
        ("cahci", []),
        ("šaddá", ["Boazodoallu"]),
        ("žiehtu", ["Boazodoallu"]),
        ("ziehtu", []),
    ],
)
def test_swedish_and_sami_letters_are_kept_apart(nordic, text, expected) -> None:
    assert titles(nordic, text) == expected


def test_the_last_word_may_be_unfinished(nordic) -> None:
    assert titles(nordic, "äldreoms") == ["Äldreomsorg i Åre"]
    assert titles(nordic, "skolskjuts sopp") == ["Skolskjuts till Övre Soppero"]
    # only the last word is a prefix: "skol" alone is a word that is not there
    assert titles(nordic, "skol soppero") == []


def evaluate(repository, assessment_id: int) -> None:
    """An evaluation whose words the search must find (also on a server register, in
    ``test_pg_search``)."""
    EvaluationStore(repository.db).record(
        Evaluation(
            assessment_id=assessment_id,
            evaluated_on=date(2026, 11, 1),
            evaluator="Anna",
            os_user="anna",
            what_happened="Kvällsbesöken ökade efter införandet",
            impact=ImpactAsExpected.YES,
        )
    )


def test_every_kind_of_text_is_searched(repository, content) -> None:
    register = register_of(repository)
    a = make(content, "Ändrade öppettider")
    a.decision.case_number = "KFN 2026/0815"
    a.decision.evidence = "Besöksräkning vid entrén"
    a.grounds["age"].justification = "Pensionärer besöker kvällstid"
    a.grounds["sex"].evidence = "Lånestatistik uppdelad per kön"
    a.measures.append(Measure(description="Meröppet med värdinna", owner="Biret Máret Kalstad"))
    a.answers["age.evidence"] = Answer("age.evidence", "yes", "Enkät bland låntagarna")
    repository.create(a)
    for word in ("2026/0815", "besöksräkning", "pensionärer", "lånestatistik", "värdinna",
                 "kalstad", "låntagarna"):  # fmt: skip
        assert titles(register, word) == ["Ändrade öppettider"], word
    evaluate(repository, a.id)
    assert titles(register, "kvällsbesöken") == ["Ändrade öppettider"]


def test_the_index_follows_edits_and_deletes(repository, content) -> None:
    register = register_of(repository)
    a = repository.create(make(content, "Simhallen stänger"))
    assert titles(register, "simhallen") == ["Simhallen stänger"]
    assert titles(register, "veckan") == ["Simhallen stänger"]
    a.decision.title = "Badhuset stänger"
    a.measures[0].description = "Skolsimning flyttas till Porjus"
    repository.save(a)
    assert titles(register, "simhallen") == []
    assert titles(register, "badhuset") == ["Badhuset stänger"]
    assert titles(register, "porjus") == ["Badhuset stänger"]
    assert titles(register, "veckan") == []  # the old measure text is gone
    repository.delete(a.id)
    assert titles(register, "badhuset") == []
    assert register.conn.execute("SELECT count(*) FROM register_search").fetchone()[0] == 0


HOSTILE = [
    '"', '""', '"unbalanced', "*", "**", "far*", "*far", "-far", "far -mor", "NEAR(far mor)",
    "NEAR", "far NEAR mor", "far AND", "OR", "NOT far", "(far", "far)", "((", "title:far",
    "body:*", "^far", "far + mor", "{title body}: far", "'", "\\", "%", "_", "\x00far",
    "far\x00mor", "\ud800", "far \u202e mor", "  ", "", "-", "--", "\"far\" OR \"mor\"",
    "far*mor", "🙂", "a" * 5000,
]  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_search_strings_are_plain_words(nordic, text) -> None:
    query = RegisterQuery(search=text)
    rows = nordic.page(query).rows
    assert nordic.count(query) == len(rows)
    if fts_query(text) is None:
        assert len(rows) == 7  # nothing to search for: everything is listed


def test_syntax_characters_are_words_not_operators(nordic) -> None:
    assert titles(nordic, "far -mor") == ["Far och mor"]  # not "far NOT mor"
    assert titles(nordic, "NEAR(far mor)") == []  # "near" is a word that is not there
    assert titles(nordic, '"far" OR "hagen"') == []  # "or" is a word too
    assert titles(nordic, "(får") == ["Får i hagen"]


def test_fts_query_quotes_every_chunk() -> None:
    assert fts_query('far "mor') == '"far" """mor"*'
    assert fts_query("2026/04") == '"2026/04"*'
    assert fts_query("a b", prefix_last=False) == '"a" "b"'
    assert fts_query(" * - ( ") is None
    assert fts_query("\x00") is None


@pytest.fixture(scope="module")
def shared_register(tmp_path_factory, content):
    """One small register for all hypothesis examples."""
    from desktop_app.storage.repository import AssessmentRepository

    repo = AssessmentRepository.open(tmp_path_factory.mktemp("hyp") / "r.db")
    for title in ("Får i hagen", "Far och mor", "Ŋuolja"):
        repo.create(make(content, title))
    yield register_of(repo)
    repo.close()


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=40))
def test_no_search_string_is_an_error(shared_register, text) -> None:
    shared_register.page(RegisterQuery(search=text))
    shared_register.count(RegisterQuery(search=text))


@pytest.mark.parametrize("hits", [5, 40])
def test_every_row_of_a_search_is_one_query(repository, content, monkeypatch, hits):
    """``rows`` (``lika list --search``, CSV export of a searched view) reads all hits in
    one statement, whatever the batch size: it used to count the hits and run the search
    again for every batch (issue 18). Both plans: hits first, and the sort index walked."""
    import desktop_app.storage.register as register_module

    for n in range(hits):
        repository.create(make(content, f"Ombyggnad {n:02d}"))
    repository.create(make(content, "Annat"))
    register = register_of(repository)
    if hits > 20:
        monkeypatch.setattr(register_module, "FEW_HITS", 20)
    query = RegisterQuery(search="ombyggnad")
    by_pages = []
    after = None
    while True:
        page = register.page(query, after, 7)
        by_pages += [r.id for r in page.rows]
        if page.next_after is None:
            break
        after = page.next_after
    statements: list[str] = []
    register.conn.set_trace_callback(statements.append)
    try:
        found = [r.id for r in register.rows(query, batch=3)]
    finally:
        register.conn.set_trace_callback(None)
    assert found == by_pages and len(found) == hits
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 2
