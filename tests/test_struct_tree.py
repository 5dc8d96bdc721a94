"""The structure tree is held in flat arrays and written one element at a time (issue 18):
a portfolio of 100,000 assessments has about 850,000 elements, one per listing cell.

What must not change is the tree itself: the PDF carries exactly the elements recorded
while the pages were laid out (tag, parent, marked content, attributes), each marked
content is found again through the parent tree, and the header cells' IDs through the
ID tree. What must change is how it is written: not as one live reportlab object per
element (an object registered with reportlab's document costs four dictionary entries
and a name, and reportlab gathers the whole file in memory before writing it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pikepdf
import pytest

from desktop_app.reports import tagging
from tests.helpers import FakeCanvas


@pytest.fixture(params=["portfolio", "assessment"])
def written(request, tmp_path: Path) -> dict[str, Any]:
    """The demo register's portfolio, or an English assessment printed in Swedish
    (lists, label/value boxes with an ID tree, user text in English), with the recorder
    of its tree and how many objects reportlab's document had before and after the
    tree was applied."""
    from desktop_app.__main__ import main

    db, out = tmp_path / "p.db", tmp_path / "out.pdf"
    assert main(["demo", "--db", str(db)]) == 0
    seen: dict[str, Any] = {}
    original = tagging.apply

    def spy(doc: Any, recorder: tagging.Recorder, title: str) -> None:
        seen["before"] = len(doc.idToObject)
        original(doc, recorder, title)
        seen["after"] = len(doc.idToObject)
        seen["recorder"] = recorder

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tagging, "apply", spy)
        if request.param == "portfolio":
            args = ["report", "--from", "2000-01-01", "--to", "2099-12-31", "--lang", "en"]
        else:
            args = ["export-pdf", "6", "--lang", "sv"]  # written in English
        assert main([*args, "--db", str(db), "--out", str(out)]) == 0
    seen["pdf"] = out
    return seen


def _recorded(element: Any, out: list[tuple[Any, ...]]) -> None:
    """(tag, marked content, alt, lang, scope, id, headers, children's tags), depth first."""
    children = list(element.children)
    out.append(
        (
            element.tag,
            [tuple(c) for c in element.content],
            element.alt,
            element.lang,
            element.scope,
            element.id,
            tuple(element.headers),
            [c.tag for c in children],
        )
    )
    for child in children:
        _recorded(child, out)


def _written(path: Path) -> tuple[list[tuple[Any, ...]], int]:
    """The same, read from the PDF, checking /P, the parent tree and the ID tree."""
    with pikepdf.open(path) as pdf:
        page_of = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
        root = pdf.Root.StructTreeRoot
        out: list[tuple[Any, ...]] = []
        owner: dict[tuple[int, int], tuple[int, int]] = {}  # (page, mcid) → element

        def visit(node: Any, parent: Any) -> None:
            assert node.Type == "/StructElem" and node.P.objgen == parent.objgen
            kids = node.get("/K")
            items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            content, children = [], []
            for kid in items:
                if isinstance(kid, int):
                    content.append((page_of[node.Pg.objgen], int(kid)))
                elif kid.get("/Type") == "/MCR":
                    content.append((page_of[kid.Pg.objgen], int(kid.MCID)))
                else:
                    children.append(kid)
            for mark in content:
                owner[mark] = node.objgen
            attributes = node.get("/A", {})
            out.append(
                (
                    str(node.S)[1:],
                    content,
                    str(node.get("/Alt", "")),
                    str(node.get("/Lang", "")),
                    str(attributes.get("/Scope", ""))[1:],
                    str(node.get("/ID", "")),
                    tuple(str(h) for h in attributes.get("/Headers", [])),
                    [str(c.S)[1:] for c in children],
                )
            )
            for child in children:
                visit(child, node)

        visit(root.K, root)
        nums = list(root.ParentTree.Nums)
        assert [int(n) for n in nums[0::2]] == list(range(len(pdf.pages)))
        assert int(root.ParentTreeNextKey) == len(pdf.pages)
        for index, elements in zip(nums[0::2], nums[1::2], strict=True):
            for mcid, element in enumerate(elements):
                assert owner[(int(index), mcid)] == element.objgen
        assert len(owner) == sum(len(e) for e in nums[1::2])
        names = list(root.IDTree.Names) if "/IDTree" in root else []
        for key, element in zip(names[0::2], names[1::2], strict=True):
            assert str(element.ID) == str(key)
        for index, page in enumerate(pdf.pages):
            assert page.obj.StructParents == index and page.obj.Tabs == "/S"
        return out, len(names) // 2


def test_the_pdf_carries_the_recorded_tree_element_for_element(written) -> None:
    recorded: list[tuple[Any, ...]] = []
    _recorded(written["recorder"].root, recorded)
    found, ids = _written(written["pdf"])
    assert found == recorded
    assert len(found) > 300
    tags = {e[0] for e in found}
    assert {"Table", "TR", "TH", "TD", "H1"} <= tags
    if "LI" in tags:  # the assessment: row headers named through the ID tree, user text
        assert ids > 5 and {e[3] for e in found} == {"", "en"}
    else:
        assert "Figure" in tags


def test_the_tree_is_not_one_reportlab_object_per_element(written) -> None:
    recorded: list[tuple[Any, ...]] = []
    _recorded(written["recorder"].root, recorded)
    assert len(recorded) > 300
    # The tree root only (the catalog names it); the elements are written from arrays.
    assert written["after"] - written["before"] <= 2


def test_an_element_that_drew_nothing_leaves_no_trace() -> None:
    canvas = FakeCanvas()
    recorder = tagging.Recorder()
    table = recorder.root.add("Table")
    cell = table.add("TD")
    recorder.begin(canvas, cell)
    recorder.take_back(cell)
    assert [c.tag for c in recorder.root.children] == ["Table"]
    assert table.children == []
    again = table.add("TD")
    assert recorder.marked(canvas, again) == "/TD <</MCID 0>> BDC"
    assert table.children == [again] and again.content == [(0, 0)]


def test_a_listing_cell_is_an_element_like_any_other() -> None:
    class OnPageTwo:
        def getPageNumber(self) -> int:  # noqa: N802  (reportlab's name)
            return 2

    recorder = tagging.Recorder()
    row = recorder.root.add("Table").add("TR")
    assert recorder.marked(OnPageTwo(), row.add("TD")) == "/TD <</MCID 0>> BDC"
    assert recorder.marked_child(OnPageTwo(), row, "TD") == "/TD <</MCID 1>> BDC"
    assert [(c.tag, c.content, c.parent) for c in row.children] == [
        ("TD", [(1, 0)], row),
        ("TD", [(1, 1)], row),
    ]
