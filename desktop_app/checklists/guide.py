"""The guide's own content: the four steps and the vocabulary, plus one bundle of all
content that the CLI, the reports and the UI are given at start-up."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.checklists import trusted
from desktop_app.checklists.loader import ChecklistLibrary, load_library
from desktop_app.checklists.yamlfile import YamlDocument
from desktop_app.domain.checklist import LANGUAGES, STEP_KEYS, Step, Text
from desktop_app.domain.memo_templates import KEEP_CAPITAL, TEMPLATE_FIELDS, placeholders
from desktop_app.domain.vocabulary import Vocabulary
from desktop_app.resources import resource_path
from desktop_app.schemas import validator


def load_steps(path: Path | None = None) -> tuple[Step, ...]:
    document = YamlDocument(path or resource_path("guide", "steps.yaml"))
    document.validate(validator("steps.schema.json"))
    steps = tuple(
        Step(s["key"], Text.from_mapping(s["title"]), Text.from_mapping(s["guidance"]))
        for s in document.data["steps"]
    )
    if tuple(step.key for step in steps) != STEP_KEYS:
        raise document.error(["steps"], f"the steps must be {', '.join(STEP_KEYS)}, in order")
    return steps


def load_vocabulary(path: Path | None = None, memo_path: Path | None = None) -> Vocabulary:
    """The domain words, with the memo's sentences (``memo.yaml``) merged in."""
    document = YamlDocument(path or resource_path("guide", "vocabulary.yaml"))
    document.validate(validator("vocabulary.schema.json"))
    terms = {key: Text.from_mapping(value) for key, value in document.data["terms"].items()}
    memo = load_memo(memo_path)
    clash = sorted(set(terms) & set(memo.terms))
    if clash:
        raise document.error(["terms", clash[0]], "this key belongs to memo.yaml")
    return Vocabulary({**terms, **memo.terms}, lists=memo.lists)


def load_memo(path: Path | None = None) -> Vocabulary:
    """The memo text's sentences; each must use exactly the placeholders the program fills."""
    document = YamlDocument(path or resource_path("guide", "memo.yaml"))
    document.validate(validator("memo.schema.json"))
    templates = document.data["templates"]
    unknown = [key for key in templates if key not in TEMPLATE_FIELDS]
    if unknown:
        raise document.error(["templates", unknown[0]], "no such sentence in the memo text")
    missing = sorted(set(TEMPLATE_FIELDS) - set(templates))
    if missing:
        raise document.error(["templates"], f"the sentence {missing[0]!r} is missing")
    for key, texts in templates.items():
        expected = TEMPLATE_FIELDS[key]
        for language in LANGUAGES:
            place = ["templates", key, language.value]
            try:
                used = placeholders(texts[language.value])
            except ValueError as error:
                raise document.error(place, f"broken {{placeholder}}: {error}") from None
            if used != expected:
                wanted = ", ".join(f"{{{name}}}" for name in sorted(expected)) or "none"
                raise document.error(place, f"the placeholders must be: {wanted}")
    terms = {key: Text.from_mapping(value) for key, value in templates.items()}
    keep = {lang: tuple(words) for lang, words in document.data["keep_capital"].items()}
    return Vocabulary(terms, lists={KEEP_CAPITAL: keep})


@dataclass(frozen=True)
class Content:
    """Everything the app reads from ``resources/`` (and an organisation's folder)."""

    checklists: ChecklistLibrary
    steps: tuple[Step, ...]
    vocabulary: Vocabulary

    def step(self, key: str) -> Step:
        return next(step for step in self.steps if step.key == key)


def load_content(extra_checklist_folders: Iterable[Path] = ()) -> Content:
    """Load all content. A broken steps or vocabulary file raises ``ContentError``;
    a broken checklist is only listed in ``checklists.errors``."""
    try:
        return Content(
            checklists=load_library(extra_checklist_folders),
            steps=load_steps(),
            vocabulary=load_vocabulary(),
        )
    finally:
        trusted.release()  # what the build recorded is not needed again
