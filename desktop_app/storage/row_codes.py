"""Stored code -> enum member, for the columns every register row has: light to import,
so that reading the list (``storage.register``) needs no domain model (issue 18)."""

from __future__ import annotations

from enum import Enum
from typing import Any

from desktop_app.domain.codes import Outcome, Status
from desktop_app.domain.language import Language


def by_value(enum: type[Enum], *, optional: bool = False) -> dict[Any, Any]:
    """Value -> member; an optional column also maps NULL and '' to None (as ``_opt``)."""
    found: dict[Any, Any] = {m.value: m for m in enum}
    if optional:
        found.update({None: None, "": None})
    return found


STATUSES: dict[str, Status] = by_value(Status)
LANGUAGES: dict[str, Language] = by_value(Language)
OUTCOMES: dict[str | None, Outcome | None] = by_value(Outcome, optional=True)

__all__ = ["LANGUAGES", "OUTCOMES", "STATUSES", "by_value"]
