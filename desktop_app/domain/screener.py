"""Ground suggestions from the decision's own words: a rule-based screener.

The screener reads the decision's title, description, who is affected and the named
groups, and looks for the words and phrases that the word lists in
``resources/screener/`` tie to each ground. It only *proposes*: every suggestion
carries the places in the text that triggered it, so the caseworker can see why and
decide. It has no idea of negation ("does not affect older people" still mentions
older people); the tests state such known misses openly.

How a suggestion is made, per ground:

- every occurrence of every term is found; an occurrence that overlaps one of the
  ground's ``exclude`` phrases (e.g. Swedish "i kön", the queue, not sex) is dropped;
- where occurrences overlap, the longest (then the most specific) one stands, so one
  word never counts twice ("oavsett kön" beats "kön");
- each distinct term found scores 1, a *weak* term ½ (ambiguous words such as
  "tillgänglig", which also means "available"); a ground is suggested from a score of 1;
- a ground the framework lacks can hand its finds to a ``fallback`` ground: Sweden's
  law counts pregnancy under sex, so Swedish pregnancy words suggest "sex" there;
- a term may be a *rule*: it counts only ``near`` one of some words, or only ``unless_near``
  any of them, within ``within`` words in the same field ("specialkost" is a disability
  cue near "medicinska skäl", a religion cue only away from it; Norwegian "rom" is the
  Roma only near "romanifolk" or "tatere", otherwise a room), or only under some
  ``frameworks`` (English serves both laws: a Sami mention is an ethnic and a national
  minority cue under Sweden's reading, never under Norway's).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from desktop_app.domain.model import Decision, Language
from desktop_app.domain.wording import Pattern, Token, WordIndex, tokens

WEAK_WEIGHT = 0.5
SUGGEST_FROM = 1.0
# How many words away a rule's ``near``/``unless_near`` words may stand, unless it says.
NEAR_WITHIN = 6

# The decision's fields the screener reads, in the order the editor shows them.
SCREENED_FIELDS: tuple[str, ...] = ("title", "description", "affected", "affected_groups")


@dataclass(frozen=True)
class Match:
    """One place in the decision that points to a ground.

    ``term`` is the text exactly as found there; ``start``/``end`` index the field's text
    as the editor shows it (for ``affected_groups``: the groups joined by newlines).
    """

    term: str
    start: int
    end: int
    field: str


@dataclass(frozen=True)
class Suggestion:
    """A ground that looks relevant, and every place in the text that says so."""

    ground_key: str
    matches: tuple[Match, ...]

    def words(self) -> tuple[str, ...]:
        """The distinct words found, in order of appearance (ignoring case)."""
        seen: dict[str, str] = {}
        for match in self.matches:
            seen.setdefault(match.term.casefold(), match.term)
        return tuple(seen.values())


@dataclass(frozen=True)
class Term:
    """A word or phrase; as a rule, it counts only with (or without) others close by."""

    pattern: Pattern
    weight: float = 1.0
    near: tuple[Pattern, ...] = ()
    unless_near: tuple[Pattern, ...] = ()
    within: int = NEAR_WITHIN
    frameworks: tuple[str, ...] = ()
    """The frameworks under which the term counts (none: all of them)."""

    def applies(self, framework_id: str) -> bool:
        return not self.frameworks or framework_id in self.frameworks

    def holds(self, place: _Place) -> bool:
        """Whether the rule's conditions hold around one find (plain terms: always)."""
        if self.near and not any(place.close_to(p, self.within) for p in self.near):
            return False
        return not any(place.close_to(p, self.within) for p in self.unless_near)


@dataclass(frozen=True)
class GroundCues:
    """The words that point to one ground (or module perspective), in one language."""

    key: str
    terms: tuple[Term, ...]
    exclude: tuple[Pattern, ...] = ()
    fallback: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """The screener's word lists per language (loaded from ``resources/screener/``)."""

    languages: Mapping[Language, tuple[GroundCues, ...]] = field(default_factory=dict)

    def cues(self, language: Language | str) -> tuple[GroundCues, ...]:
        return self.languages.get(Language(language), ())

    def ground_keys(self) -> set[str]:
        """Every ground key the lists name, fallbacks included."""
        return {
            key
            for cues in self.languages.values()
            for ground in cues
            for key in (ground.key, *ground.fallback)
        }


@dataclass(frozen=True)
class _Text:
    """One screened field: its text as the editor shows it, in independent segments."""

    field: str
    text: str
    segments: tuple[WordIndex, ...]


@dataclass(frozen=True)
class _Place:
    """Where a find stands: its segment of text and its span of words there."""

    text: str
    index: WordIndex
    first: int
    last: int

    def close_to(self, pattern: Pattern, within: int) -> bool:
        starts = self.index.starts
        for start, end in pattern.find(self.text, self.index):
            first = bisect_left(starts, start)
            last = bisect_right(starts, end - 1) - 1
            gap = max(first - self.last, self.first - last) - 1
            if gap <= within:
                return True
        return False


@dataclass(frozen=True)
class _Find:
    match: Match
    term: Term

    @property
    def length(self) -> int:
        return self.match.end - self.match.start


def suggest_grounds(
    decision: Decision,
    language: Language,
    lexicon: Lexicon,
    ground_keys: Sequence[str],
    framework_id: str = "",
) -> list[Suggestion]:
    """The grounds among ``ground_keys`` that the decision's text points to, strongest
    first (most distinct terms found, then most occurrences, then the given order).
    ``framework_id`` is the law the decision is assessed under (for terms that count
    only under some)."""
    order = {key: index for index, key in enumerate(ground_keys)}
    texts = _screened_texts(decision)
    finds: dict[str, list[_Find]] = {}
    for cues in lexicon.cues(language):
        target = next((k for k in (cues.key, *cues.fallback) if k in order), None)
        if target is None:
            continue
        excluded = [span for pattern in cues.exclude for span in _occurrences(pattern, texts)]
        for term in cues.terms:
            if not term.applies(framework_id):
                continue
            for match, place in _places(term.pattern, texts):
                if not term.holds(place):
                    continue
                if not any(_overlap(match, other) for other in excluded):
                    finds.setdefault(target, []).append(_Find(match, term))
    ranked: list[tuple[float, int, int, Suggestion]] = []
    for key, candidates in finds.items():
        kept = _without_overlaps(candidates)
        weights: dict[str, float] = {}
        for find in kept:
            text = find.term.pattern.text
            weights[text] = max(weights.get(text, 0.0), find.term.weight)
        score = sum(weights.values())
        if score >= SUGGEST_FROM:
            field_order = {name: index for index, name in enumerate(SCREENED_FIELDS)}
            matches = sorted((f.match for f in kept), key=lambda m: (field_order[m.field], m.start))
            ranked.append((-score, -len(matches), order[key], Suggestion(key, tuple(matches))))
    ranked.sort(key=lambda item: item[:3])
    return [item[3] for item in ranked]


def _screened_texts(decision: Decision) -> list[_Text]:
    texts = [
        _Text(name, value, (WordIndex(tokens(value)),))
        for name in SCREENED_FIELDS[:-1]
        if (value := getattr(decision, name))
    ]
    # Each group is screened on its own, so no phrase runs from one group into the next,
    # but places are counted in the joined text the editor shows.
    segments: list[WordIndex] = []
    offset = 0
    for group in decision.affected_groups:
        shifted = [Token(t.text, t.start + offset, t.end + offset) for t in tokens(group)]
        segments.append(WordIndex(shifted))
        offset += len(group) + 1
    if segments:
        texts.append(_Text("affected_groups", "\n".join(decision.affected_groups), tuple(segments)))
    return texts


def _occurrences(pattern: Pattern, texts: Iterable[_Text]) -> Iterable[Match]:
    for text in texts:
        for index in text.segments:
            for start, end in pattern.find(text.text, index):
                yield Match(text.text[start:end], start, end, text.field)


def _places(pattern: Pattern, texts: Iterable[_Text]) -> Iterator[tuple[Match, _Place]]:
    """Like ``_occurrences``, with where each find stands (for rules)."""
    for text in texts:
        for index in text.segments:
            starts = index.starts
            for start, end in pattern.find(text.text, index):
                first = bisect_left(starts, start)
                last = bisect_right(starts, end - 1) - 1
                match = Match(text.text[start:end], start, end, text.field)
                yield match, _Place(text.text, index, first, last)


def _overlap(a: Match, b: Match) -> bool:
    return a.field == b.field and a.start < b.end and b.start < a.end


def _without_overlaps(candidates: list[_Find]) -> list[_Find]:
    """Keep the longest, then most specific, of overlapping finds: one word counts once."""
    ordered = sorted(
        candidates, key=lambda f: (-f.length, -f.term.pattern.specificity, -f.term.weight)
    )
    kept: list[_Find] = []
    for find in ordered:
        if not any(_overlap(find.match, other.match) for other in kept):
            kept.append(find)
    return kept
