"""The words the register list shows, in one language, without loading the content.

The list needs a few words of the content: the vocabulary's labels for a status, an
outcome or a direction, its column headings, and the names of the grounds, laws and
types of decision in its filters. Loading the content for them (the checklists, the
domain model behind them) was the largest part of the time between the window's first
paint and the register on the screen (issue 18). So the build records these words with
the content's trust record (``checklists/trusted.py``), for every language, and the
window's first look (``ui/first_list.py``) takes them from there (``recorded_words``)
when the built-in content files are exactly those recorded and no organisation has
checklists of its own. Otherwise, and once the content is loaded, the same
``ListWords`` are made from it (``words_of``); a test holds the two equal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from desktop_app.domain.language import Language
from desktop_app.domain.term_keys import field_key, label_key

if TYPE_CHECKING:
    from desktop_app.checklists.guide import Content

# Recorded with the words: raise it when ``words_of`` or ``to_data`` changes, so that a
# record made by an older Lika (a source checkout's, made once) is not read as if it
# were made by this one.
WORDS_FORMAT = 1


@dataclass(frozen=True)
class ListWords:
    """The vocabulary's terms and the content's names in one language."""

    language: Language
    terms: Mapping[str, str]  # every vocabulary term, as ``Vocabulary.text`` gives it
    prefixes: Mapping[str, str]  # enum class name -> its terms' prefix ("Status" -> "status")
    ground_names: Mapping[str, str]  # ground key -> name, frameworks' wording first
    framework_names: Mapping[str, str]  # framework id -> name
    type_names: tuple[tuple[str, str], ...]  # (key, name) of each decision type, in order
    _type_name: dict[str, str] = dataclass_field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_type_name", dict(self.type_names))

    def term(self, key: str, **values: object) -> str:
        """The term ``key``, with ``{placeholders}`` filled in (``Vocabulary.text``)."""
        template = self.terms[key]
        return template.format(**values) if values else template

    def label(self, value: StrEnum) -> str:
        """An enum value's name (``Vocabulary.label``)."""
        return self.term(label_key(self.prefixes[type(value).__name__], value.value))

    def field(self, path: tuple[str, ...]) -> str:
        """A field's label (``Vocabulary.field``)."""
        return self.term(field_key(path))

    def ground(self, key: str) -> str:
        return self.ground_names.get(key, key)

    def grounds(self) -> list[tuple[str, str]]:
        """(key, name) of every known ground, by name."""
        return sorted(self.ground_names.items(), key=lambda item: item[1].casefold())

    def framework(self, framework_id: str) -> str:
        return self.framework_names.get(framework_id, framework_id)

    def frameworks(self) -> list[tuple[str, str]]:
        return sorted(self.framework_names.items(), key=lambda item: item[1].casefold())

    def decision_type(self, key: str) -> str:
        """A type's name; its key where it is not installed here; "" for none
        (``decision_types.type_label``)."""
        return self._type_name.get(key, key) if key else ""

    def decision_types(self) -> list[tuple[str, str]]:
        """(key, name) of every installed decision type, in their files' order."""
        return list(self.type_names)

    def to_data(self) -> dict[str, Any]:
        """As JSON data, for the trust record."""
        return {
            "format": WORDS_FORMAT,
            "terms": dict(self.terms),
            "prefixes": dict(self.prefixes),
            "grounds": dict(self.ground_names),
            "frameworks": dict(self.framework_names),
            "types": [list(pair) for pair in self.type_names],
        }

    @classmethod
    def from_data(cls, language: Language, data: Mapping[str, Any]) -> ListWords:
        """From ``to_data``'s output; ``ValueError`` if it is not shaped like that, or
        was written in another format."""
        if not isinstance(data, Mapping) or data.get("format") != WORDS_FORMAT:
            raise ValueError("not the list's words in this Lika's format")
        try:
            return cls(
                language=language,
                terms=_texts(data["terms"]),
                prefixes=_texts(data["prefixes"]),
                ground_names=_texts(data["grounds"]),
                framework_names=_texts(data["frameworks"]),
                type_names=tuple((str(k), str(n)) for k, n in data["types"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise ValueError(f"not the list's words: {error}") from None


def _texts(data: Any) -> dict[str, str]:
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ValueError("expected a mapping of texts")
    return data


def words_of(content: Content, language: Language) -> ListWords:
    """The list's words from loaded ``content``: a ground named in several checklists
    gets its framework's wording (frameworks first, then modules, by id), so a register
    that mixes Swedish and Norwegian assessments names each ground once."""
    from desktop_app.domain.checklist import ChecklistKind
    from desktop_app.domain.vocabulary import ENUM_PREFIXES

    vocabulary = content.vocabulary
    checklists = sorted(
        content.checklists.checklists.values(),
        key=lambda c: (c.kind is not ChecklistKind.FRAMEWORK, c.id),
    )
    grounds: dict[str, str] = {}
    for checklist in checklists:
        for ground in checklist.grounds:
            grounds.setdefault(ground.key, ground.label(language))
    return ListWords(
        language=language,
        terms={key: vocabulary.text(key, language) for key in vocabulary.terms},
        prefixes={kind.__name__: prefix for kind, prefix in ENUM_PREFIXES.items()},
        ground_names=grounds,
        framework_names={
            c.id: c.name.get(language) for c in checklists if c.kind is ChecklistKind.FRAMEWORK
        },
        type_names=tuple(
            (key, t.name.get(language)) for key, t in content.checklists.decision_types.items()
        ),
    )


def recorded_words(language: Language) -> ListWords | None:
    """The words the build recorded, if the built-in content is still exactly what it
    recorded them from; None otherwise (no record, as in a source checkout that made
    none, an edited or added content file, a damaged record)."""
    from desktop_app.checklists import trusted

    data = trusted.recorded_list_words(language.value)
    if data is None:
        return None
    try:
        return ListWords.from_data(language, data)
    except ValueError:
        return None
