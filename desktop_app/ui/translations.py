"""Installing the window's language: Lika's own translations and Qt's.

Lika's strings are translated in ``resources/translations/lika_<lang>.ts`` (compiled to
``.qm`` by ``scripts/update_translations.py``; English is the source text, its file
only carries plural forms). Qt's own standard texts (dialog buttons, the context menu
of text fields) come from the ``qtbase_<lang>.qm`` that ships with Qt. Qt has no
Norwegian Bokmål catalogue: for nb, Lika loads Qt's Nynorsk one (the closest Norwegian
written standard, far better than falling back to English) and on top of it its own
small Bokmål file, ``qt_nb.ts``, for the buttons and menu items users see most.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.domain.language import Language
from desktop_app.resources import resource_path

TRANSLATIONS_DIR = resource_path("translations")
QT_CATALOGUE = {Language.SV: "qtbase_sv", Language.NB: "qtbase_nn", Language.EN: "qtbase_en"}
QT_LOCALES = {Language.SV: "sv_SE", Language.NB: "nb_NO", Language.EN: "en_GB"}
# What ``install_translators`` installed, for the next call to remove. Kept here rather
# than found among the application's children: listing those makes PySide6 set up the
# type of each (QStyle's, with its large enums: about 3 ms before the first paint).
_installed: list[QTranslator] = []


def _load(app: QCoreApplication, name: str, folder: str) -> QTranslator | None:
    translator = QTranslator(app)
    if not translator.load(name, folder):
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    return translator


def install_translators(app: QCoreApplication, language: Language) -> list[str]:
    """Make ``language`` the language of new widgets and of dates and numbers.

    Replaces translators installed earlier by this function. Returns the names of the
    catalogues that loaded (a missing Qt catalogue is not an error: Qt then speaks
    English in its standard dialogs).
    """
    remove_translators(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    own = str(TRANSLATIONS_DIR)
    # Installed later means searched first: Lika's own files win over Qt's.
    wanted = [(QT_CATALOGUE[language], qt_folder)]
    if language is Language.NB:
        wanted.append(("qt_nb", own))
    wanted.append((f"lika_{language.value}", own))
    loaded = [name for name, folder in wanted if _load(app, name, folder) is not None]
    QLocale.setDefault(QLocale(QT_LOCALES[language]))
    return loaded


def remove_translators(app: QCoreApplication) -> None:
    """Back to the source text (English): remove what ``install_translators`` added."""
    while _installed:
        old = _installed.pop()
        try:
            app.removeTranslator(old)
            old.setParent(None)
        except RuntimeError:  # gone with an application that no longer exists
            pass
