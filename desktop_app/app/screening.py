"""Screening a decision text given on its own (``lika screen``, the screener benchmark):
the words of the text, the grounds of one framework and its modules, and the screener.

The editor screens the open assessment (``ui/editor/suggestions.py``); this module is for
a text that is not (yet) an assessment: a draft pasted from the case system, a file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.checklists.guide import Content
from desktop_app.domain.checklist import Checklist, ChecklistKind
from desktop_app.domain.errors import InputError
from desktop_app.domain.model import Decision, Language
from desktop_app.domain.screener import Lexicon, Suggestion, suggest_grounds

# Short words that tell the three languages apart ("och"/"og", "inte"/"ikke", "att"/"å").
_MARKERS: dict[Language, frozenset[str]] = {
    Language.SV: frozenset(
        {"och", "att", "är", "inte", "för", "till", "från", "också", "ska", "kommer"}
    ),
    Language.NB: frozenset(
        {"og", "å", "er", "ikke", "for", "til", "fra", "også", "skal", "vil", "blir"}
    ),
    Language.EN: frozenset(
        {"the", "and", "of", "is", "are", "not", "to", "from", "also", "will", "shall"}
    ),
}
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Screening:
    """What the screener proposes for one text, and how it read it."""

    language: Language
    framework_id: str
    modules: tuple[str, ...]
    suggestions: tuple[Suggestion, ...]


def decision_from_text(text: str) -> Decision:
    """A decision text as a decision: the first non-empty line is the title, the rest the
    description (as when a draft is pasted from the case system)."""
    lines = text.strip().splitlines()
    title = lines[0].strip() if lines else ""
    description = "\n".join(lines[1:]).strip()
    return Decision(title=title, description=description)


def guess_language(text: str) -> Language:
    """The language whose small words (and letters) the text uses most; Swedish when
    nothing tells."""
    words = [word.casefold() for word in _WORD.findall(text)]
    counts = {lang: sum(word in markers for word in words) for lang, markers in _MARKERS.items()}
    # Letters only one of the two uses: "ä"/"ö" are Swedish, "æ"/"ø" Norwegian.
    counts[Language.SV] += sum(any(c in "äö" for c in word) for word in words)
    counts[Language.NB] += sum(any(c in "æø" for c in word) for word in words)
    best = max(counts.values())
    if best == 0:
        return Language.SV
    return next(lang for lang in Language if counts[lang] == best)


def screen(
    content: Content,
    lexicon: Lexicon,
    decision: Decision,
    framework_id: str,
    modules: Sequence[str] = (),
    language: Language | None = None,
) -> Screening:
    """The grounds of the framework (and modules) that the decision's words point to.

    ``InputError`` names an id that is not a framework (or not a module).
    """
    checklists = [_checklist(content, framework_id, ChecklistKind.FRAMEWORK)]
    checklists += [_checklist(content, module, ChecklistKind.MODULE) for module in modules]
    keys = list(dict.fromkeys(g.key for checklist in checklists for g in checklist.grounds))
    text = "\n".join((decision.title, decision.description, decision.affected))
    chosen = language or guess_language(text)
    suggestions = suggest_grounds(decision, chosen, lexicon, keys, framework_id)
    return Screening(chosen, framework_id, tuple(modules), tuple(suggestions))


def _checklist(content: Content, checklist_id: str, kind: ChecklistKind) -> Checklist:
    library = content.checklists
    known = library.frameworks() if kind is ChecklistKind.FRAMEWORK else library.modules()
    for checklist in known:
        if checklist.id == checklist_id:
            return checklist
    ids = ", ".join(sorted(c.id for c in known)) or "none"
    raise InputError(f"{checklist_id!r} is not a {kind.value} (known: {ids})")
