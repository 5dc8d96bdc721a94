"""The window speaks Swedish, Norwegian Bokmål and English through Qt's translations.

Fails if a string in a .ts file is untranslated for sv or nb, if a .ts file misses
strings the code has, if a compiled .qm is not what lrelease makes of its .ts (stale),
or if user-visible text is written into a widget without going through tr().
"""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from desktop_app.domain.model import Language
from desktop_app.ui.context import UiContext
from desktop_app.ui.translations import TRANSLATIONS_DIR, install_translators, remove_translators

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%(?:n|\d)")


def messages(ts: Path) -> list[ET.Element]:
    return ET.parse(ts).getroot().findall("context/message")


def mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&)\w", text.replace("&&", "")))


@pytest.mark.parametrize("name", ["lika_sv.ts", "lika_nb.ts", "qt_nb.ts"])
def test_every_string_is_translated(name: str) -> None:
    found = messages(TRANSLATIONS_DIR / name)
    assert found, name
    for message in found:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None, source
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), source
        forms = [f.text or "" for f in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        for text in forms:
            assert text.strip(), source
            assert sorted(PLACEHOLDER.findall(text)) == sorted(
                set(PLACEHOLDER.findall(source))
            ) or ("%n" not in text and message.get("numerus") == "yes"), (source, text)
            assert mnemonics(text) == mnemonics(source), (source, text)


def test_english_carries_the_plural_forms() -> None:
    found = messages(TRANSLATIONS_DIR / "lika_en.ts")
    assert found and all(m.get("numerus") == "yes" for m in found)
    for message in found:
        forms = [f.text for f in message.find("translation").findall("numerusform")]
        assert len(forms) == 2 and all(forms), message.findtext("source")


def load_script():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_translation_files_are_up_to_date() -> None:
    """Every tr() string is in the .ts files, and every .qm is compiled from its .ts
    (compared by content: file times do not survive a git checkout)."""
    assert load_script().stale() == []


@pytest.fixture
def in_language(qapp):
    previous = QLocale()

    def install(language: Language) -> list[str]:
        return install_translators(qapp, language)

    yield install
    remove_translators(qapp)
    QLocale.setDefault(previous)


def test_swedish_lika_and_qt_strings(in_language) -> None:
    loaded = in_language(Language.SV)
    assert loaded == ["qtbase_sv", "lika_sv"]
    assert (
        QCoreApplication.translate("GapsPanel", "What is &left (%n)", "", 3) == "&Kvar att göra (3)"
    )
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"
    assert QLocale().language() is QLocale.Language.Swedish


def test_norwegian_has_its_own_qt_words_over_nynorsk(in_language) -> None:
    loaded = in_language(Language.NB)
    assert loaded == ["qtbase_nn", "qt_nb", "lika_nb"]
    assert QCoreApplication.translate("GapsPanel", "What is &left (%n)", "", 1) == "G&jenstår (1)"
    field = QLineEdit()
    menu = field.createStandardContextMenu()
    texts = [action.text().split("\t")[0] for action in menu.actions()]
    assert "Merk alt" in texts  # Bokmål (Nynorsk says "Vel alt")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    assert buttons.button(QDialogButtonBox.StandardButton.Save).text() == "Lagre"


def test_a_second_language_replaces_the_first(in_language, qapp) -> None:
    """Changing the language in the settings installs the new catalogues in place of
    the old ones: no Swedish left over under English, and no translator piling up."""
    in_language(Language.SV)
    in_language(Language.NB)
    loaded = in_language(Language.EN)
    assert QCoreApplication.translate("RegisterView", "%n assessment(s)", "", 2) == "2 assessments"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    installed = [child for child in qapp.children() if isinstance(child, QTranslator)]
    assert len(installed) == len(loaded)


def test_english_plurals(in_language) -> None:
    in_language(Language.EN)
    assert QCoreApplication.translate("RegisterView", "%n assessment(s)", "", 1) == "1 assessment"
    assert QCoreApplication.translate("RegisterView", "%n assessment(s)", "", 2) == "2 assessments"


@pytest.mark.parametrize(
    ("language", "expected"),
    [(Language.SV, "2027-03-01"), (Language.NB, "01.03.2027"), (Language.EN, "01/03/2027")],
)
def test_dates_follow_the_language(context, language, expected) -> None:
    shown = UiContext(context.service, context.settings, language).short_date(date(2027, 3, 1))
    assert shown == expected


# Calls that put text on the screen; their literal string arguments must be tr()'d.
TEXT_CALLS = {
    "setText",
    "setWindowTitle",
    "setPlaceholderText",
    "setToolTip",
    "setAccessibleName",
    "setAccessibleDescription",
    "showMessage",
    "addMenu",
    "addItem",
    "addRow",
    "setInformativeText",
    "QLabel",
    "QPushButton",
    "QAction",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "warning",
    "information",
    "question",
    "critical",
}


def test_no_literal_text_bypasses_translation() -> None:
    offenders = []
    for path in sorted((ROOT / "desktop_app" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in TEXT_CALLS:
                continue
            for arg in node.args:
                if (
                    isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and re.search(r"[A-Za-z]{2}", arg.value)
                    and arg.value != "Lika"  # the product's name
                ):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {arg.value!r}")
    assert offenders == []


def test_start_up_installs_the_language_chosen_in_settings(qapp, db_path, monkeypatch) -> None:
    from desktop_app.ui import app as app_module
    from desktop_app.ui.settings import Settings
    from desktop_app.ui.smoke_hook import ENVIRONMENT_VARIABLE

    shown = []
    attach = app_module.MainWindow.attach

    def attach_and_look(window, context):
        attach(window, context)
        shown.append(window.new_action.text())

    monkeypatch.setattr(app_module.MainWindow, "attach", attach_and_look)
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "1")  # quit once the register is listed
    settings = Settings()  # the real settings store (tests redirect it to a temp folder)
    settings.ui_language = Language.NB
    previous = QLocale()
    try:
        assert app_module.run_app(db_path) == 0
        assert shown == ["&Ny vurdering"]
        assert QLocale().language() is QLocale.Language.NorwegianBokmal
    finally:
        for window in QApplication.topLevelWidgets():
            window.close()
        settings.ui_language = None
        remove_translators(qapp)
        QLocale.setDefault(previous)
    assert QApplication.translate("MainWindow", "&New assessment") == "&New assessment"
