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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.checklists import trusted
from desktop_app.domain.errors import ContentError

if TYPE_CHECKING:
    import jsonschema
    import yaml

MAX_CONTENT_BYTES = 4 * 1024 * 1024


@cache
def _strict_loader() -> type[yaml.SafeLoader]:
    """SafeLoader without YAML 1.1 surprises (made when the first file is parsed: a
    command that finds all its content in the trust record never imports PyYAML)."""
    import yaml

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):  # type: ignore[valid-type,misc]
        pass

    StrictLoader.yaml_implicit_resolvers = {
        first: [
            (tag, regexp)
            for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
        ]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    StrictLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
    )
    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    return StrictLoader


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    import yaml

    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} appears twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


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


def _refuse_aliases(root: yaml.Node | None, path: Path) -> None:
    """Refuse a node reached twice: the composer shares one node for an anchor and all
    its aliases. Stops at the first, so the walk is linear in the file's size."""
    import yaml

    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise ContentError(
                f"{path}, line {node.start_mark.line + 1}: uses a YAML alias to repeat "
                f"this part (anchored here); Lika's content files do not allow aliases"
            )
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


class YamlDocument:
    """A parsed YAML file: its data, and the line of any place in it.

    A file the build checked and recorded (``trusted.parsed``) takes its data from the
    record; its YAML is parsed only if a line number is ever asked for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        text = _read_bounded(path)
        self._text = text
        self._parsed = False
        self._root: yaml.Node | None = None
        recorded = trusted.parsed(text)
        if recorded is not None:
            self.data: Any = recorded.data
        else:
            self._root, self.data = self._parse()
            self._parsed = True

    def _parse(self) -> tuple[yaml.Node | None, Any]:
        """The node tree and the data built from it, in one parse."""
        import yaml

        loader = _strict_loader()(self._text)
        path = self.path
        try:
            # One parse: the node tree (for line numbers) and the data built from it.
            root = loader.get_single_node()
            _refuse_aliases(root, path)
            data = None if root is None else loader.construct_document(root)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = f", line {mark.line + 1}" if mark else ""
            raise ContentError(f"{path}{line}: {error.problem or error.context}") from None
        except yaml.YAMLError as error:
            raise ContentError(f"{path}: {error}") from None
        finally:
            loader.dispose()
        return root, data

    def line_of(self, place: Iterable[str | int]) -> int | None:
        """The 1-based line of the value at ``place`` (keys and indexes), if it exists."""
        import yaml

        if not self._parsed:  # the data came from the trust record: parse for the lines
            self._root, self._parsed = self._parse()[0], True
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
