"""An organisation's defaults, shipped by IT as a small INI file (docs/it-deployment.md).

IT rolls Lika out to many PCs and wants every copy to start the same way: the register in
an agreed folder, the organisation's name filled in, the right law chosen, and the
organisation's own checklists loaded. A user's own settings still win; these are only the
fallback under them. Qt-free, so that the CLI and the GUI read the file the same way.

Where the file is looked for, most specific first (a setting in an earlier file wins):

1. ``LIKA_DEFAULTS``: if this environment variable is set, that one file and no other
   (an empty value turns defaults files off, which the tests use);
2. ``defaults.ini`` next to the executable (a frozen build only);
3. system-wide: ``%PROGRAMDATA%\\Lika\\defaults.ini`` (Windows),
   ``/Library/Application Support/Lika/defaults.ini`` (macOS), ``/etc/lika/defaults.ini``.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.domain.errors import InputError

if TYPE_CHECKING:
    import configparser

# The framework of a new assessment when neither the user nor IT chose one.
DEFAULT_FRAMEWORK = "se-dl"
FILE_NAME = "defaults.ini"
SECTION = "lika"
ENVIRONMENT_VARIABLE = "LIKA_DEFAULTS"
KEYS = (
    "organisation",
    "framework",
    "database_folder",
    "database_url",
    "checklist_folder",
    "memo_template",
    "trusted_keys_folder",
)
MAX_ORGANISATION_LENGTH = 200
MAX_FILE_BYTES = 64 * 1024
_FRAMEWORK_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


class DefaultsError(InputError):
    """A defaults file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class OrganisationDefaults:
    """What IT set; ``None`` or empty means "not set", so the built-in default applies."""

    organisation: str = ""
    framework: str | None = None
    database_folder: Path | None = None
    # A register on a PostgreSQL server (a libpq URL, postgresql://…): used instead of
    # the file in database_folder when set (docs/it-deployment.md).
    database_url: str = ""
    checklist_folder: Path | None = None
    # The organisation's Word template (.docx or .dotx): its styles shape the memo's .docx.
    memo_template: Path | None = None
    # The approvers' public keys this organisation trusts (docs/audit-log.md).
    trusted_keys_folder: Path | None = None
    # Where each value came from, for messages: key -> (file, line).
    origins: dict[str, tuple[Path, int]] = field(default_factory=dict, compare=False)

    @property
    def files(self) -> list[Path]:
        return sorted({path for path, _line in self.origins.values()})

    def where(self, key: str) -> str:
        """``C:\\ProgramData\\Lika\\defaults.ini, line 3`` for messages about a value."""
        path, line = self.origins[key]
        return f"{path}, line {line}"

    def check_framework(self, installed: list[str]) -> None:
        """Refuse a default framework that is not installed, naming the ones that are.

        Checked once the checklists are loaded, because an organisation's own folder may
        add frameworks that this module cannot know about."""
        if self.framework is not None and self.framework not in installed:
            raise DefaultsError(
                f"{self.where('framework')}: framework {self.framework!r} is not installed "
                f"(installed: {', '.join(sorted(installed))})"
            )


def system_file() -> Path:
    """The machine-wide file, where IT's management tools usually put such things."""
    if sys.platform == "win32":
        root = os.environ.get("PROGRAMDATA") or r"C:\ProgramData"
        return Path(root) / "Lika" / FILE_NAME
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Lika") / FILE_NAME
    return Path("/etc/lika") / FILE_NAME


def candidate_files() -> list[Path]:
    """The files to read, most specific first (see the module docstring)."""
    chosen = os.environ.get(ENVIRONMENT_VARIABLE)
    if chosen is not None:
        return [Path(chosen)] if chosen.strip() else []
    files = []
    if getattr(sys, "frozen", False):
        files.append(Path(sys.executable).resolve().parent / FILE_NAME)
    files.append(system_file())
    return files


def load_defaults(files: list[Path] | None = None) -> OrganisationDefaults:
    """Read and merge the defaults files; a missing file is simply not there.

    Only a file named by ``LIKA_DEFAULTS`` must exist, because whoever set the variable
    expects it to be read."""
    explicit = files is None and bool(os.environ.get(ENVIRONMENT_VARIABLE, "").strip())
    result = OrganisationDefaults()
    for path in reversed(candidate_files() if files is None else files):  # least specific first
        if not path.is_file():
            if explicit:
                raise DefaultsError(f"{ENVIRONMENT_VARIABLE} names {path}, which is not a file")
            continue
        result = _merge(result, parse_file(path))
    return result


def _merge(base: OrganisationDefaults, override: OrganisationDefaults) -> OrganisationDefaults:
    values = {key: getattr(override, key) for key in override.origins}
    return replace(base, **values, origins={**base.origins, **override.origins})


def parse_file(path: Path) -> OrganisationDefaults:
    """Read one defaults file, or raise ``DefaultsError`` naming the file and line.
    Only a regular file of at most ``MAX_FILE_BYTES`` is read (it holds four lines)."""
    try:
        if not path.is_file():
            raise DefaultsError(f"{path} is not a regular file; it was not read")
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise DefaultsError(
                f"{path} is larger than {MAX_FILE_BYTES // 1024} KB, far more than its few "
                "settings; it was not read"
            )
        text = data.decode("utf-8-sig")  # Notepad may write a BOM
    except UnicodeDecodeError:
        raise DefaultsError(f"{path} is not UTF-8 text; save it with UTF-8 encoding") from None
    except OSError as error:
        raise DefaultsError(f"Cannot read {path}: {error.strerror}") from None
    return parse_text(text, path)


def parse_text(text: str, path: Path) -> OrganisationDefaults:
    # Imported here: without a defaults file (most starts) the window's first paint
    # does without them (issue 18).
    import configparser
    import difflib

    # No interpolation: "%" is ordinary text here (and %USERNAME% is expanded below).
    parser = configparser.ConfigParser(interpolation=None, default_section="\x00")
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as error:
        raise DefaultsError(_describe_parse_error(error, path)) from None
    lines = text.splitlines()
    for section in parser.sections():
        if section != SECTION:
            raise DefaultsError(
                f"{path}, line {_line_of(lines, section=section)}: unknown section "
                f"[{section}]; the settings belong under [{SECTION}]"
            )
    if not parser.has_section(SECTION):
        if any(line.strip() and not line.lstrip().startswith(("#", ";")) for line in lines):
            raise DefaultsError(f"{path}: the settings must come under a [{SECTION}] line")
        return OrganisationDefaults()
    values: dict[str, Any] = {}
    origins: dict[str, tuple[Path, int]] = {}
    for key, raw in parser.items(SECTION):
        line = _line_of(lines, key=key)
        place = f"{path}, line {line}"
        if key not in KEYS:
            close = difflib.get_close_matches(key.lower(), KEYS, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(KEYS)}"
            raise DefaultsError(f"{place}: unknown setting {key!r} ({hint})")
        value = raw.strip()
        if not value:
            continue  # "key =" leaves the built-in default in place
        values[key] = _validate(key, value, path.parent, place)
        origins[key] = (path, line)
    return OrganisationDefaults(**values, origins=origins)


def _validate(key: str, value: str, base: Path, place: str) -> str | Path:
    if key == "organisation":
        if len(value) > MAX_ORGANISATION_LENGTH:
            raise DefaultsError(
                f"{place}: organisation is longer than {MAX_ORGANISATION_LENGTH} characters"
            )
        if any(ord(c) < 32 for c in value):
            raise DefaultsError(f"{place}: organisation contains control characters")
        return value
    if key == "framework":
        if not _FRAMEWORK_ID.match(value):
            raise DefaultsError(
                f"{place}: framework {value!r} is not a framework id such as se-dl or no-ldl"
            )
        return value
    if key == "memo_template":
        return _template(value, base, place)
    if key == "database_url":
        return _server_url(value, place)
    return _folder(value, base, place, key)


def _server_url(value: str, place: str) -> str:
    """A libpq connection URL; refused unless it is one, so that a typo never turns
    into a register file of that name."""
    from desktop_app.register_location import is_server_url

    if not is_server_url(value) or any(ord(c) < 32 for c in value):
        raise DefaultsError(
            f"{place}: database_url must be a PostgreSQL connection URL such as "
            "postgresql://server.example.org/lika"
        )
    return value


def _template(value: str, base: Path, place: str) -> Path:
    """A Word template file; it need not exist yet (a share may be offline), but it
    must be a Word file by name, so a folder or a .doc is refused at once."""
    path = _expand(value, base, place, "memo_template")
    if path.suffix.lower() not in (".docx", ".dotx"):
        raise DefaultsError(f"{place}: memo_template must be a Word file (.docx or .dotx)")
    if path.is_dir():
        raise DefaultsError(f"{place}: memo_template {str(path)!r} is a folder, not a file")
    return path


def _folder(value: str, base: Path, place: str, key: str) -> Path:
    """A folder: environment variables and ``~`` expanded, relative to the file's folder."""
    folder = _expand(value, base, place, key)
    if folder.exists() and not folder.is_dir():
        raise DefaultsError(f"{place}: {key} {str(folder)!r} is a file, not a folder")
    return folder


def _expand(value: str, base: Path, place: str, key: str) -> Path:
    """A path with environment variables and ``~`` expanded, relative to ``base``."""
    expanded = os.path.expandvars(value)
    if re.search(r"%[A-Za-z_][A-Za-z0-9_]*%|\$\{?[A-Za-z_]", expanded):
        raise DefaultsError(
            f"{place}: {key} uses an environment variable that is not set on this computer"
        )
    folder = Path(expanded).expanduser()
    if not folder.is_absolute():
        folder = base / folder
    return folder


def _line_of(lines: list[str], *, key: str | None = None, section: str | None = None) -> int:
    """The line a key or section header is on (configparser does not keep it)."""
    if section is not None:
        pattern = re.compile(rf"^\s*\[{re.escape(section)}\]")
    else:
        pattern = re.compile(rf"^\s*{re.escape(key or '')}\s*[=:]", re.IGNORECASE)
    return next((n for n, line in enumerate(lines, 1) if pattern.match(line)), 1)


def _describe_parse_error(error: configparser.Error, path: Path) -> str:
    import configparser

    if isinstance(error, configparser.MissingSectionHeaderError):
        return f"{path}, line {error.lineno}: the settings must come under a [{SECTION}] line"
    if isinstance(error, configparser.DuplicateOptionError):
        return f"{path}, line {error.lineno}: {error.option!r} is set twice"
    if isinstance(error, configparser.DuplicateSectionError):
        return f"{path}, line {error.lineno}: [{error.section}] appears twice"
    if isinstance(error, configparser.ParsingError):
        line = error.errors[0][0] if error.errors else "?"
        return f"{path}, line {line}: not a 'name = value' line"
    return f"{path}: {error.message}"
