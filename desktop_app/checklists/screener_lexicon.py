"""Loading the ground screener's word lists: ``resources/screener/<language>.yaml``.

Each file is checked against ``screener.schema.json`` and then for what a schema
cannot say: every term (and every word of a rule) must be a valid pattern, no term
twice for one ground, no ground twice, and the file's language must match its name.
Errors name file and line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.checklists.yamlfile import YamlDocument
from desktop_app.domain.checklist import LANGUAGES
from desktop_app.domain.errors import ContentError
from desktop_app.domain.model import Language
from desktop_app.domain.screener import NEAR_WITHIN, WEAK_WEIGHT, GroundCues, Lexicon, Term
from desktop_app.domain.wording import Pattern
from desktop_app.resources import resource_path
from desktop_app.schemas import validator

SCREENER_DIR = resource_path("screener")


def lexicon_files(folder: Path | None = None) -> list[Path]:
    """The word list of each language, in the order sv, nb, en."""
    return [(folder or SCREENER_DIR) / f"{language.value}.yaml" for language in LANGUAGES]


def load_lexicon(folder: Path | None = None) -> Lexicon:
    """Every language's word list, or ``ContentError`` naming the file and line."""
    languages: dict[Language, tuple[GroundCues, ...]] = {}
    for path in lexicon_files(folder):
        if not path.is_file():
            raise ContentError(f"{path}: the screener's word list is missing")
        languages[Language(path.stem)] = load_lexicon_file(path)
    return Lexicon(languages)


def load_lexicon_file(path: Path) -> tuple[GroundCues, ...]:
    document = YamlDocument(path)
    document.validate(validator("screener.schema.json"))
    data = document.data
    if data["language"] != path.stem:
        raise document.error(
            ["language"], f"the file is named {path.name} but says language {data['language']!r}"
        )
    seen: set[str] = set()
    grounds = []
    for index, ground in enumerate(data["grounds"]):
        key = ground["key"]
        if key in seen:
            raise document.error(["grounds", index, "key"], f"ground {key!r} appears twice")
        seen.add(key)
        if key in ground.get("fallback", []):
            raise document.error(
                ["grounds", index, "fallback"], "a ground cannot fall back on itself"
            )
        grounds.append(_cues(document, index, ground))
    return tuple(grounds)


def _cues(document: YamlDocument, index: int, ground: dict[str, Any]) -> GroundCues:
    def parse(place: list[str | int], text: str) -> Pattern:
        try:
            return Pattern.parse(text)
        except ValueError as error:
            raise document.error(place, str(error)) from None

    def patterns(name: str) -> list[tuple[list[str | int], Pattern]]:
        found: list[tuple[list[str | int], Pattern]] = []
        for position, text in enumerate(ground.get(name, [])):
            place: list[str | int] = ["grounds", index, name, position]
            found.append((place, parse(place, text)))
        return found

    terms: list[Term] = []
    seen: dict[tuple[object, ...], str] = {}
    for name, weight in (("terms", 1.0), ("weak", WEAK_WEIGHT)):
        for position, entry in enumerate(ground.get(name, [])):
            place: list[str | int] = ["grounds", index, name, position]
            term = _term(entry, weight, place, parse)
            identity = (term.pattern.words, term.near, term.unless_near, term.frameworks)
            if identity in seen:
                raise document.error(
                    place,
                    f"{term.pattern.text!r} is listed twice for {ground['key']!r}"
                    f" (same as {seen[identity]!r})",
                )
            seen[identity] = term.pattern.text
            terms.append(term)
    return GroundCues(
        key=ground["key"],
        terms=tuple(terms),
        exclude=tuple(pattern for _place, pattern in patterns("exclude")),
        fallback=tuple(ground.get("fallback", [])),
    )


def _term(
    entry: str | dict[str, Any],
    weight: float,
    place: list[str | int],
    parse: Callable[[list[str | int], str], Pattern],
) -> Term:
    """A plain term (a string) or a rule (``term`` with ``near``/``unless_near`` and/or
    ``frameworks``)."""
    if isinstance(entry, str):
        return Term(parse(place, entry), weight)

    def listed(name: str) -> tuple[Pattern, ...]:
        return tuple(
            parse([*place, name, position], text)
            for position, text in enumerate(entry.get(name, []))
        )

    return Term(
        parse([*place, "term"], entry["term"]),
        weight,
        near=listed("near"),
        unless_near=listed("unless_near"),
        within=entry.get("within", NEAR_WITHIN),
        frameworks=tuple(entry.get("frameworks", [])),
    )
