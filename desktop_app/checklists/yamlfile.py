"""Reading YAML content files so that every error can name the file and the line.

PyYAML's plain ``safe_load`` forgets where values came from, turns ``no`` into False
and silently keeps the last of two equal keys. Content authors deserve better: this
loader keeps only ``true``/``false`` as booleans, leaves dates as text, refuses duplicate
keys, and keeps the node tree so a schema error's path can be turned into a line.

A content file may come from an organisation's shared folder that many users read, so
it is bounded before it is parsed: at most ``MAX_CONTENT_BYTES``, a regular file (a pipe
or a device is never read), and no YAML aliases (``*name``): an alias repeats a part of
the file, and nested aliases made a 558-byte file expand to gigabytes. Lika's own
content uses none. libyaml itself refuses nesting deeper than 1,000 levels.

Each file is parsed once, by libyaml's C parser where PyYAML has it (the wheels do):
the pure-Python parser made reading the checklists most of the app's start-up time.
A built-in file the build recorded is not parsed at all (``trusted.parsed``), so PyYAML
is imported (``yaml_strict``) only for other files, or for the line of an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.checklists import trusted
from desktop_app.domain.errors import ContentError

if TYPE_CHECKING:
    import jsonschema
    import yaml

MAX_CONTENT_BYTES = 4 * 1024 * 1024


def _read_bounded(path: Path) -> str:
    """The text of ``path``, if it is a regular file of at most ``MAX_CONTENT_BYTES``."""
    try:
        if not path.is_file():
            raise ContentError(f"{path}: is not a regular file; it was not read")
        if path.stat().st_size > MAX_CONTENT_BYTES:
            raise ContentError(_too_large(path))
        with path.open("rb") as file:
            data = file.read(MAX_CONTENT_BYTES + 1)
        if len(data) > MAX_CONTENT_BYTES:
            raise ContentError(_too_large(path))
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(f"{path}: cannot be read ({error})") from None


def _too_large(path: Path) -> str:
    return (
        f"{path}: the file is larger than {MAX_CONTENT_BYTES // (1024 * 1024)} MB, far more "
        "than any checklist; it was not read"
    )


class YamlDocument:
    """A parsed YAML file: its data, and the line of any place in it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        text = _read_bounded(path)
        self._text = text
        self._root: yaml.Node | None = None
        known, data = trusted.parsed(text)
        if known:  # this exact text was parsed and checked when the app was built
            self.data: Any = data
            self._parsed = False  # the node tree is made only if a line is asked for
            return
        self._parse()

    def _parse(self) -> None:
        from desktop_app.checklists.yaml_strict import parse  # not for a recorded file

        self._root, self.data = parse(self._text, self.path)
        self._parsed = True

    def line_of(self, place: Iterable[str | int]) -> int | None:
        """The 1-based line of the value at ``place`` (keys and indexes), if it exists."""
        if not self._parsed:
            data = self.data
            self._parse()  # the same text: the same data, now with its lines
            self.data = data
        import yaml

        node = self._root
        line = node.start_mark.line + 1 if node is not None else None
        for step in place:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == step), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                node = node.value[step] if step < len(node.value) else None
            else:
                node = None
            if node is None:
                break
            line = node.start_mark.line + 1
        return line

    def error(self, place: Iterable[str | int], message: str) -> ContentError:
        """A ContentError that names the file, the line and the place."""
        place = list(place)
        line = self.line_of(place)
        where = f", line {line}" if line else ""
        return ContentError(f"{self.path}{where} ({format_place(place)}): {message}")

    def validate(self, validator: jsonschema.protocols.Validator) -> None:
        """Check the data against a JSON Schema; report the most relevant error with its line.

        Skipped for a file the frozen app was built with and checked then (trusted.py)."""
        if trusted.is_trusted(self._text):
            return
        import jsonschema

        errors = sorted(validator.iter_errors(self.data), key=lambda e: list(e.absolute_path))
        if errors:
            best = jsonschema.exceptions.best_match(errors)
            raise self.error(best.absolute_path, best.message)
        trusted.passed(self._text, self.data)


def format_place(place: Iterable[str | int]) -> str:
    """``["grounds", 2, "text"]`` as ``grounds[2].text``; the top as ``top``."""
    text = ""
    for step in place:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text or "top"
