"""The languages Lika is written in, apart from the rest of the model: the window needs
them before it is shown, when nothing else of the domain has been loaded yet."""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    """Languages an assessment (and its PDF and memo text) can be written in."""

    SV = "sv"
    NB = "nb"
    EN = "en"
