"""PyYAML, strictly: the loader ``yamlfile.YamlDocument`` parses content with.

Only ``true``/``false`` are booleans, dates stay text, a key may appear once, and YAML
aliases are refused (see ``yamlfile``). A module of its own so that a start whose
content was all recorded at build time (``trusted``) does not import PyYAML.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from desktop_app.domain.errors import ContentError

_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """SafeLoader without YAML 1.1 surprises."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} appears twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _refuse_aliases(root: yaml.Node | None, path: Path) -> None:
    """Refuse a node reached twice: the composer shares one node for an anchor and all
    its aliases. Stops at the first, so the walk is linear in the file's size."""
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


def parse(text: str, path: Path) -> tuple[yaml.Node | None, Any]:
    """The node tree (for line numbers) and the data built from it, in one parse."""
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
        _refuse_aliases(root, path)
        return root, None if root is None else loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f", line {mark.line + 1}" if mark else ""
        raise ContentError(f"{path}{line}: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: {error}") from None
    finally:
        loader.dispose()
