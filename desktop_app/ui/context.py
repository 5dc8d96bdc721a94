"""What the windows need from the rest of the app, handed to them explicitly.

``ListContext`` is the part the register list needs (the content's words in the
window's language, ``checklists/list_words.ListWords``); the main window lists the
register's first page with it before the content and the service are loaded
(``ui/first_list.py``). ``UiContext`` adds the service and the content.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from desktop_app.checklists.list_words import ListWords
from desktop_app.domain.errors import ContentError
from desktop_app.domain.language import Language
from desktop_app.ui.settings import Settings
from desktop_app.ui.translations import QT_LOCALES

if TYPE_CHECKING:
    from desktop_app.app.service import AssessmentService
    from desktop_app.checklists.guide import Content
    from desktop_app.domain.checklist import Question, Text
    from desktop_app.domain.screener import Lexicon


class ListContext:
    """The content's words, dates and numbers in the window's language."""

    def __init__(self, words: ListWords, settings: Settings) -> None:
        self._words = words
        self.settings = settings
        self.language: Language = words.language

    @property
    def words(self) -> ListWords:
        """The vocabulary's terms and the names of grounds, laws and types of decision."""
        return self._words

    def label(self, value: StrEnum) -> str:
        """An enum value's name in the window's language."""
        return self.words.label(value)

    def field(self, path: tuple[str, ...]) -> str:
        """A field's label in the window's language."""
        return self.words.field(path)

    def term(self, key: str, **values: object) -> str:
        return self.words.term(key, **values)

    @property
    def locale(self) -> QLocale:
        """Dates and numbers in the window follow its language."""
        return QLocale(QT_LOCALES[self.language])

    def short_date(self, value: date | datetime | None) -> str:
        if value is None:
            return ""
        if isinstance(value, datetime):
            local = value.astimezone()
            qt_value = QDateTime(
                QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
            )
            return self.locale.toString(qt_value, QLocale.FormatType.ShortFormat)
        return self.locale.toString(
            QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
        )

    def local(self, text: Text) -> str:
        """Checklist content in the window's language."""
        return text.get(self.language)


@dataclass
class UiContext(ListContext):
    service: AssessmentService
    settings: Settings
    language: Language
    # A server register's full URL (``lika --db postgresql://…``); None for a file. On a
    # server IT backs up and the login acts: the window leaves out backups and identity.
    server_url: str | None = None
    _lexicon: Lexicon | ContentError | None = dataclasses.field(
        default=None, init=False, repr=False
    )
    # The words, with the content they were made from (the settings dialog may load
    # another: an organisation's folder).
    _content_words: tuple[Content, ListWords] | None = dataclasses.field(
        default=None, init=False, repr=False
    )

    @property
    def content(self) -> Content:
        return self.service.content

    @property
    def words(self) -> ListWords:
        """Made from the loaded content, again whenever the content or language changed."""
        content, made = self.content, self._content_words
        if made is None or made[0] is not content or made[1].language is not self.language:
            from desktop_app.checklists.list_words import words_of

            made = self._content_words = (content, words_of(content, self.language))
        return made[1]

    def answer(self, question: Question | None, value: str) -> str:
        """An answer's value in the window's language (``Vocabulary.answer``)."""
        return self.content.vocabulary.answer(question, value, self.language)

    def lexicon(self) -> Lexicon:
        """The ground screener's word lists, read once when first needed.

        Raises ``ContentError`` (every time) if the files are broken; the editor then
        works without suggestions and says why.
        """
        if self._lexicon is None:
            from desktop_app.checklists.screener_lexicon import load_lexicon

            try:
                self._lexicon = load_lexicon()
            except ContentError as error:
                self._lexicon = error
        if isinstance(self._lexicon, ContentError):
            raise self._lexicon
        return self._lexicon
