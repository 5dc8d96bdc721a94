"""Words in running text: tokens with their places, and patterns that match them.

Shared by the ground screener (which looks for word lists in a decision's text) and
kept apart from it so the rules for what counts as "a word" live in one place.

A *token* is a run of letters and digits; combining accents, soft hyphens and
zero-width characters pasted from word processors stay inside the word. Tokens are
compared in a normal form (NFKC, case-folded, invisible characters dropped) while
their ``start``/``end`` always refer to the original text, so a UI can highlight them.

A *pattern* is one or more words, each optionally with ``*`` at its end (the word
starts with it: inflections and compounds, "äldre*" → "äldreomsorgen") or at its
start (the word ends with it: "*ålder" → "pensionsålder"), or both ("*barn*"). A word
``#`` stands for any number written in digits ("under # år" → "under 18 år"). The
words of a pattern must follow each other with only spaces, hyphens, dashes, slashes or
apostrophes between them ("kvinnor och män", "e-tjänst*", "children's", "16–19 år").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

# Invisible characters that may sit inside a word (soft hyphen, zero-width space/joiners).
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060"
# Combining marks: text pasted in decomposed form ("a" + U+0308) keeps its words whole.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_TOKEN = re.compile(rf"(?:[^\W_]|[{_MARKS}{_INVISIBLE}])+")
_DROP = str.maketrans("", "", _INVISIBLE)
# What may stand between the words of a phrase: whitespace, hyphens, slash, apostrophes.
_PHRASE_GAP = re.compile(r"[\s\-\u2010\u2011\u2013/'\u2019]+")
_PATTERN_WORD = re.compile(rf"(\*?)((?:[^\W_]|[{_MARKS}])+|#)(\*?)")
# The pattern word that stands for any number in digits ("under # år").
NUMBER = "#"
MIN_WILDCARD_STEM = 3


def normalise(word: str) -> str:
    """The form words are compared in: NFKC, case-folded, without invisible characters."""
    return unicodedata.normalize("NFKC", word.translate(_DROP)).casefold()


@dataclass(frozen=True)
class Token:
    text: str
    """The normal form (see ``normalise``)."""
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    return [Token(normalise(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True)
class WordPattern:
    stem: str
    open_start: bool = False
    open_end: bool = False

    def matches(self, word: str) -> bool:
        if self.stem == NUMBER:
            return word.isdigit()
        if self.open_start and self.open_end:
            return self.stem in word
        if self.open_end:
            return word.startswith(self.stem)
        if self.open_start:
            return word.endswith(self.stem)
        return word == self.stem


@dataclass(frozen=True)
class Pattern:
    """A word or phrase to look for, as written in a word list (``text``)."""

    text: str
    words: tuple[WordPattern, ...]

    @classmethod
    def parse(cls, text: str) -> Pattern:
        """Read ``text`` (e.g. "äldre*", "kvinnor och män"); ``ValueError`` says what is wrong."""
        words: list[WordPattern] = []
        position = 0
        stripped = text.strip()
        if not stripped:
            raise ValueError("the term is empty")
        while position < len(stripped):
            gap = _PHRASE_GAP.match(stripped, position)
            if gap and words:
                position = gap.end()
                continue
            match = _PATTERN_WORD.match(stripped, position)
            if match is None or (match.group(3) and _word_continues(stripped, match.end())):
                raise ValueError(
                    f"{text!r}: only letters, digits, spaces, hyphens, '/' and apostrophes "
                    "may be used, and '*' only at the start or end of a word"
                )
            stem = normalise(match.group(2))
            wildcard = bool(match.group(1) or match.group(3))
            if stem == NUMBER and wildcard:
                raise ValueError(f"{text!r}: '#' (any number) takes no '*'")
            if wildcard and len(stem) < MIN_WILDCARD_STEM:
                raise ValueError(
                    f"{text!r}: a word with '*' needs at least {MIN_WILDCARD_STEM} letters, "
                    "or it matches far too much"
                )
            words.append(WordPattern(stem, bool(match.group(1)), bool(match.group(3))))
            position = match.end()
        return cls(text=stripped, words=tuple(words))

    @property
    def specificity(self) -> int:
        """How much literal text the pattern pins down: the longer, the more specific."""
        return sum(len(w.stem) + (0 if w.open_start or w.open_end else 1) for w in self.words)

    def find(self, text: str, index: WordIndex) -> Iterator[tuple[int, int]]:
        """Every ``(start, end)`` in ``text`` (whose words ``index`` holds) where the
        pattern occurs."""
        words = index.words
        size = len(self.words)
        for first in index.positions(self.words[0]):
            window = words[first : first + size]
            if len(window) < size:
                continue
            if not all(p.matches(t.text) for p, t in zip(self.words[1:], window[1:], strict=True)):
                continue
            if all(_PHRASE_GAP.fullmatch(text, a.end, b.start) for a, b in pairwise(window)):
                yield window[0].start, window[-1].end


class WordIndex:
    """The words of one text, indexed so a pattern looks only where its first word fits.

    A word list has hundreds of terms; trying each at every word of a long description
    was too slow to run while the caseworker types.
    """

    def __init__(self, words: Sequence[Token]) -> None:
        self.words = words
        self.starts = [token.start for token in words]
        self._at: dict[str, list[int]] = {}
        for position, token in enumerate(words):
            self._at.setdefault(token.text, []).append(position)
        self._sorted = sorted(self._at)
        self._cache: dict[WordPattern, list[int]] = {}

    def positions(self, pattern: WordPattern) -> list[int]:
        """Where in the text a word that ``pattern`` matches stands, in order."""
        cached = self._cache.get(pattern)
        if cached is not None:
            return cached
        if pattern.stem == NUMBER:
            found = sorted(i for w in self._sorted if pattern.matches(w) for i in self._at[w])
        elif not pattern.open_start and not pattern.open_end:
            found = list(self._at.get(pattern.stem, ()))
        else:
            if pattern.open_start:
                candidates: Iterable[str] = self._sorted
            else:  # a stem: only words that sort right after it can start with it
                candidates = self._prefixed(pattern.stem)
            found = sorted(i for w in candidates if pattern.matches(w) for i in self._at[w])
        self._cache[pattern] = found
        return found

    def _prefixed(self, stem: str) -> Iterator[str]:
        for word in self._sorted[bisect_left(self._sorted, stem) :]:
            if not word.startswith(stem):
                return
            yield word


def _word_continues(text: str, position: int) -> bool:
    """After a trailing '*', the next character must end the word."""
    return position < len(text) and _PHRASE_GAP.match(text, position) is None
