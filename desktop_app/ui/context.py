"""What the windows need from the rest of the app, handed to them explicitly.

``ListContext`` is the part the register list needs (the content's words in the
window's language, ``checklists/list_words.ListWords``); the main window lists the
register's first page with it before the content and the service are loaded
(``ui/first_list.py``). ``UiContext`` adds the service and the content.
"""

from __future__ import annotations

from collections.abc import Callable
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


class UiContext(ListContext):
    """``ListContext`` with the service and the content: what the windows that write
    need. On a register file the window gets its context before the register is
    opened for writing (``ui/opening.py``): ``open_service`` opens it, with the content,
    when something first asks for ``service`` or ``content``, so a start that only
    lists the register loads neither sqlite-utils nor the content (issue 18)."""

    def __init__(
        self,
        service: AssessmentService | None,
        settings: Settings,
        language: Language,
        server_url: str | None = None,
        *,
        open_service: Callable[[], AssessmentService] | None = None,
        register_path: str = "",
        words: ListWords | None = None,
    ) -> None:
        assert service is not None or open_service is not None, "a service, or how to open it"
        self.settings = settings
        self.language = language
        # A server register's full URL (``lika --db postgresql://…``); None for a file. On
        # a server IT backs up and the login acts: the window leaves out backups and
        # identity.
        self.server_url = server_url
        self._service = service
        self._open_service = open_service
        self._register_path = register_path
        self._first_words = words  # the list's words until the content is loaded
        self._when_opened: list[Callable[[AssessmentService], None]] = []
        self._lexicon: Lexicon | ContentError | None = None
        # The words, with the content they were made from (the settings dialog may load
        # another: an organisation's folder).
        self._content_words: tuple[Content, ListWords] | None = None

    @property
    def service(self) -> AssessmentService:
        """The register opened for writing, opened now if it is not yet. Raises
        ``LikaError`` when it cannot be opened (say, the drive is gone); the next use
        tries again."""
        if self._service is None:
            assert self._open_service is not None
            self._service = self._open_service()
            for call in self._when_opened:
                call(self._service)
        return self._service

    @property
    def service_open(self) -> bool:
        """Whether ``service`` has been opened (nothing is written before)."""
        return self._service is not None

    def when_service_opened(self, call: Callable[[AssessmentService], None]) -> None:
        """Run ``call`` once the service is opened (at once if it is)."""
        if self._service is not None:
            call(self._service)
        else:
            self._when_opened.append(call)

    @property
    def register_path(self) -> str:
        """Where the register lives, without opening it (titles, backups, sessions)."""
        return self._register_path or self.service.register_path

    @property
    def content(self) -> Content:
        return self.service.content

    @property
    def words(self) -> ListWords:
        """Made from the loaded content, again whenever the content or language changed;
        until the content is loaded, the list's words the window was listed with."""
        first = self._first_words
        if self._service is None and first is not None and first.language is self.language:
            return first
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
