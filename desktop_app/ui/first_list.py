"""The register's first page on the screen before the service is loaded (issue 18).

Start-up used to show the window, then load the service layer and sqlite-utils, check
and open the register for writing, attach it and only then read the first page on a
worker: the user waited for all of it. Now it takes the list's words (headers, labels,
the filters' names) from the build's record where the built-in content is unchanged
(``checklists/list_words.recorded_words``), or else from the content, loaded for
them, and takes a first look at the register through a read-only connection
(``app.registers.first_look``: plain sqlite3, the door of ``lika list``, so only a
register the usual opening would leave as it is), and fills the register tab with its
first page. With recorded words that is done before the window is first shown
(``ui/app.py``), so its first paint shows the list; when the content must be loaded
for them, after the window has been drawn saying which register it opens. Only then does
``ui/opening.fill_window`` run: the bounded start check still comes before anything
writes, a register that is damaged or newer still gets its message (the window is then
hidden as before), and the window is attached, backups and the restore of open editors
follow; the register is opened for writing when an action first needs it.
Where there is no first look (no file yet, any doubt about the file, a busy register,
a read that fails) the normal path does everything, as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from desktop_app.checklists.list_words import ListWords, recorded_words, words_of
from desktop_app.domain.errors import LikaError
from desktop_app.ui.context import ListContext
from desktop_app.ui.language import ui_language
from desktop_app.ui.settings import Settings

if TYPE_CHECKING:
    from desktop_app.checklists.guide import Content
    from desktop_app.ui.main_window import MainWindow

FileState = tuple[tuple[int, int] | None, ...]


def load_window_content(settings: Settings) -> Content:
    """Built-in and organisation checklists; refuses a defaults file naming a law that is
    not installed (before any register is opened or created)."""
    from desktop_app.checklists.guide import load_content

    folder = settings.checklist_folder
    content = load_content([folder] if folder else [])
    settings.defaults.check_framework([f.id for f in content.checklists.frameworks()])
    return content


def file_state(path: Path) -> FileState:
    """Size and modification time of the register and its write-ahead log: whether
    opening it (an upgrade, a restored backup) changed what the first look listed."""
    state: list[tuple[int, int] | None] = []
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            stat = file.stat()
            state.append((stat.st_size, stat.st_mtime_ns))
        except OSError:
            state.append(None)
    return tuple(state)


class FirstList(NamedTuple):
    """What the first look read: the content if it had to be loaded for the list's
    words (not read twice), and the register's files as they were listed. (A named
    tuple: see ``checklists/trusted.Record``.)"""

    content: Content | None
    files: FileState


def recorded_words_for(settings: Settings) -> ListWords | None:
    """The list's words as the build recorded them, if they hold for this start (no
    organisation folder, the built-in content files unchanged): nothing is loaded for
    them. None otherwise: the content has to be loaded for them (``first_words``)."""
    if settings.checklist_folder:
        return None
    return recorded_words(ui_language(settings.ui_language))


def first_words(
    settings: Settings, recorded: ListWords | None = None
) -> tuple[ListWords, Content | None] | None:
    """The list's words: ``recorded`` (``recorded_words_for``), or from the content
    (then loaded and returned too); None if the content cannot be loaded (the normal
    path says why)."""
    language = ui_language(settings.ui_language)
    words = recorded if recorded is not None else recorded_words_for(settings)
    if words is not None:
        try:  # a defaults file naming a law that is not installed: said by the normal path
            settings.defaults.check_framework(list(words.framework_names))
        except LikaError:
            return None
        return words, None
    try:
        content = load_window_content(settings)
    except LikaError:
        return None  # the normal path loads it again and says what is wrong
    return words_of(content, language), content


def list_first_page(
    window: MainWindow, path: Path, settings: Settings, recorded: ListWords | None = None
) -> FirstList | None:
    """Fill ``window``'s register tab with the first page of ``path`` from a first
    look; None (and the window untouched) where the normal path must do it all.
    ``recorded``: the words from ``recorded_words_for``, if the caller has taken them."""
    from desktop_app.app.registers import first_look, open_reader

    if not path.is_file():
        return None  # no register yet: the normal path creates it (first run)
    found = first_words(settings, recorded)
    if found is None:
        return None
    words, content = found
    reader = first_look(path)
    if reader is None:
        return None
    context = ListContext(words, settings)
    try:
        with reader:
            # Workers read the register by its full path: the working folder may change.
            where = path.resolve()
            window.show_list(context, lambda: open_reader(where), first_reader=reader)
    except LikaError:
        return None  # the first page could not be read: the normal path checks why
    # As read (a reader creates the empty write-ahead log of a register closed cleanly).
    return FirstList(content, file_state(path))
