"""The structure tree of a tagged PDF, held in flat arrays while the document is laid out
(issue 18).

A portfolio tags every cell of its listings: about 8.5 elements per assessment, 850,000
at 100,000 assessments. As a Python object each (with its lists of children and marked
content) and then as a reportlab PDF object each (with its entries in four dictionaries
of the document), the tree was most of the report's memory. Here an element is a row
of a few arrays (its tag, its parent, the page and MCID of its first marked content);
the rare extras (more marked content, alternative text, language, scope, ID, headers)
are in dictionaries by element number. ``Element`` is a handle on one row, so the
rest of the tagging code reads as before.
"""

from __future__ import annotations

from array import array
from typing import Any

NONE = -1


class Tree:
    """Every structure element of one document, in the order they were made."""

    def __init__(self) -> None:
        self.names: list[str] = []  # the tags, by code
        self._codes: dict[str, int] = {}
        self.tag = array("H")
        self.parent = array("i")  # NONE for the document element
        self.page = array("i")  # the first marked content: page index, NONE if none
        self.mcid = array("i")
        self.more: dict[int, list[tuple[int, int]]] = {}  # further marked content
        self.attributes: dict[int, dict[str, Any]] = {}  # alt, scope, lang, id, headers
        self.removed: set[int] = set()
        # Per page, the element of each MCID (the parent tree), in MCID order.
        self.by_page: list[array[int]] = []
        self.root_children = array("i")  # the document's own children (few)
        self.add(NONE, "Document")

    def __len__(self) -> int:
        return len(self.tag)

    def add(self, parent: int, tag: str) -> int:
        code = self._codes.get(tag)
        if code is None:
            code = self._codes[tag] = len(self.names)
            self.names.append(tag)
        index = len(self.tag)
        self.tag.append(code)
        self.parent.append(parent)
        self.page.append(NONE)
        self.mcid.append(NONE)
        if parent == 0:
            self.root_children.append(index)
        return index

    def mark(self, index: int, page: int) -> int:
        """The next MCID of ``page``, now ``index``'s next marked content."""
        by_page = self.by_page
        while len(by_page) <= page:
            by_page.append(array("i"))
        mcids = by_page[page]
        mcid = len(mcids)
        mcids.append(index)
        if self.page[index] == NONE:
            self.page[index], self.mcid[index] = page, mcid
        else:
            self.more.setdefault(index, []).append((page, mcid))
        return mcid

    def content(self, index: int) -> list[tuple[int, int]]:
        if self.page[index] == NONE:
            return []
        return [(self.page[index], self.mcid[index]), *self.more.get(index, ())]

    def take_back(self, index: int) -> None:
        """Forget ``index`` and its last marked content (it drew nothing after all)."""
        extra = self.more.get(index)
        if extra:
            page, _mcid = extra.pop()
        else:
            page = self.page[index]
            self.page[index] = self.mcid[index] = NONE
        if page != NONE:
            self.by_page[page].pop()
        if not self.content(index):
            self.remove(index)

    def remove(self, index: int) -> None:
        self.removed.add(index)
        if self.parent[index] == 0:
            self.root_children.remove(index)

    def children(self, index: int) -> list[int]:
        """``index``'s children in order (a scan: for tests and the rare caller)."""
        return [
            i
            for i in range(index + 1, len(self.parent))
            if self.parent[i] == index and i not in self.removed
        ]


class Element:
    """A handle on one element of a ``Tree`` (made when asked for, never kept in it)."""

    __slots__ = ("index", "tree")

    def __init__(self, tree: Tree, index: int) -> None:
        self.tree, self.index = tree, index

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Element) and other.tree is self.tree and other.index == self.index

    def __hash__(self) -> int:
        return hash((id(self.tree), self.index))

    def add(self, tag: str, *, alt: str = "", scope: str = "", lang: str = "") -> Element:
        child = Element(self.tree, self.tree.add(self.index, tag))
        if alt or scope or lang:
            attributes = self.tree.attributes.setdefault(child.index, {})
            for key, value in (("alt", alt), ("scope", scope), ("lang", lang)):
                if value:
                    attributes[key] = value
        return child

    @property
    def tag(self) -> str:
        return self.tree.names[self.tree.tag[self.index]]

    @property
    def parent(self) -> Element | None:
        parent = self.tree.parent[self.index]
        return None if parent == NONE else Element(self.tree, parent)

    @property
    def children(self) -> list[Element]:
        return [Element(self.tree, i) for i in self.tree.children(self.index)]

    @property
    def content(self) -> list[tuple[int, int]]:
        return self.tree.content(self.index)

    def _get(self, key: str, default: Any = "") -> Any:
        return self.tree.attributes.get(self.index, {}).get(key, default)

    def _set(self, key: str, value: Any) -> None:
        self.tree.attributes.setdefault(self.index, {})[key] = value

    alt = property(lambda self: self._get("alt"), lambda self, v: self._set("alt", v))
    scope = property(lambda self: self._get("scope"), lambda self, v: self._set("scope", v))
    lang = property(lambda self: self._get("lang"), lambda self, v: self._set("lang", v))
    id = property(lambda self: self._get("id"), lambda self, v: self._set("id", v))
    headers = property(
        lambda self: self._get("headers", ()), lambda self, v: self._set("headers", v)
    )
