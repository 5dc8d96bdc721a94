"""The languages Lika is written in, apart from the rest of the model: the window needs
them before it is shown, when nothing else of the domain has been loaded yet."""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    """Languages an assessment (and its PDF and memo text) can be written in."""

    SV = "sv"
    NB = "nb"
    EN = "en"


# A framework's id starts with its country: the language its caseworkers write in.
_COUNTRY_LANGUAGE = {"se": Language.SV, "no": Language.NB}


def framework_language(framework_id: str) -> Language | None:
    """The language an assessment under this law is usually written in ("no-ldl" ->
    Norwegian Bokmål); None for a framework of no known country."""
    return _COUNTRY_LANGUAGE.get(framework_id.split("-", 1)[0].casefold())
