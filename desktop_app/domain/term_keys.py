"""How the vocabulary names the term of an enum value or of a field: one rule for the
vocabulary (``domain/vocabulary.py``) and for the register list's recorded words
(``checklists/list_words.py``), which may not import the domain model to use it."""

from __future__ import annotations


def label_key(prefix: str, value: str) -> str:
    """The term of an enum value: ``status.draft`` for ``Status.DRAFT``."""
    return f"{prefix}.{value}"


def field_key(path: tuple[str, ...]) -> str:
    """The term of the field a path points at (the path's first and last part)."""
    return f"field.{path[0]}.{path[-1]}"
