"""Which language the window speaks: the one chosen in settings, else the system's."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from desktop_app.domain.language import Language

_BY_QT_LANGUAGE = {
    QLocale.Language.Swedish: Language.SV,
    QLocale.Language.NorwegianBokmal: Language.NB,
    QLocale.Language.NorwegianNynorsk: Language.NB,
    QLocale.Language.English: Language.EN,
}


def ui_language(chosen: Language | None, system: QLocale | None = None) -> Language:
    """Settings win; otherwise the system locale; Swedish when neither fits."""
    if chosen is not None:
        return chosen
    return _BY_QT_LANGUAGE.get((system or QLocale.system()).language(), Language.SV)
