"""Tagged, accessible PDFs (issue 16): the structure tree reportlab does not write.

Machine-checked here: every text operator is inside marked content (or an artifact),
every marked-content id is in the structure tree and the parent tree, headings never
skip a level, the tree's reading order is the drawing order, header cells have a scope
(values of label/value boxes name their row header), lists are L/LI with Lbl and LBody,
a table over several pages is one table, user text in another language than the
document's carries /Lang, figures have alternative text, and the catalog and XMP say
what PDF/UA needs; the `pdfua` checker (a subset of PDF/UA-1) finds nothing on every
demo assessment and the portfolio, in sv, nb and en.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pikepdf
import pytest

from desktop_app.app.demo import load_demo
from desktop_app.app.reporting import export_summary
from desktop_app.domain.model import Language
from desktop_app.reports import tagging
from tests.helpers import FakeCanvas, complete_norwegian_assessment


def walk(node, page_of, out):
    """(page index, mcid, tag) in tree order, and the tags met, depth first."""
    tag = str(node.get("/S", "/Document"))[1:]
    kids = node.get("/K")
    if kids is None:
        return
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    for kid in items:
        if isinstance(kid, int):
            out.append((page_of[node.Pg.objgen], kid, tag))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            out.append((page_of[kid.Pg.objgen], int(kid.MCID), tag))
        elif isinstance(kid, pikepdf.Dictionary):
            out.append((None, None, str(kid.S)[1:]))
            walk(kid, page_of, out)


def check_structure(path: Path) -> list[str]:
    """The structural checks; returns the heading tags in order."""
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert str(root.Lang) in ("sv", "nb", "en")
        assert pdf.open_metadata()["pdfuaid:part"] == "1"
        page_of = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
        found: list = []
        walk(root.StructTreeRoot.K, page_of, found)
        # Every text operator in marked content; collect the MCIDs of each page.
        drawn: dict[int, list[int]] = {}
        for index, page in enumerate(pdf.pages):
            assert page.obj.Tabs == "/S"
            depth = 0
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BDC", "BMC"):
                    depth += 1
                    if op == "BDC" and "/MCID" in operands[1]:
                        drawn.setdefault(index, []).append(int(operands[1].MCID))
                elif op == "EMC":
                    depth -= 1
                elif op in ("Tj", "TJ", "'", '"'):
                    assert depth > 0, f"text outside marked content on page {index + 1}"
            assert depth == 0
            # The parent tree maps each MCID of the page back to its element.
            parents = root.StructTreeRoot.ParentTree.Nums[2 * index + 1]
            assert len(parents) == len(drawn.get(index, []))
        tree = [(p, m) for p, m, _t in found if p is not None]
        assert sorted(tree) == sorted((p, m) for p, ms in drawn.items() for m in ms)
        # Reading order is drawing order: the tree lists each page's MCIDs ascending.
        for index in drawn:
            ids = [m for p, m in tree if p == index]
            assert ids == sorted(ids), f"page {index + 1} read out of order"
        headings = [t for _p, _m, t in found if _p is None and t.startswith("H")]
        level = 0
        for tag in headings:
            assert int(tag[1]) <= level + 1, headings  # no level skipped
            level = int(tag[1])
        return [t for _p, _m, t in found if _p is None]


def pdfua(path: Path) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("pdfua")
    return subprocess.run(
        [sys.executable, "-m", "pdfua", "check", str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("language", list(Language))
def test_every_demo_assessment_is_tagged(content, service, tmp_path, language) -> None:
    assessments = load_demo(service.repository, content, today=date(2026, 11, 23))
    for a in assessments:
        out = tmp_path / f"{a.id}-{language.value}.pdf"
        export_summary(service, a.id, out, language)
        tags = check_structure(out)
        assert {"H1", "H2", "P", "Table", "TH", "TD"} <= set(tags)
        result = pdfua(out)
        assert result.returncode == 0, result.stdout
        if shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
            assert "Tagged:          yes" in info


def test_the_portfolio_is_tagged_with_figures_that_have_alt_text(tmp_path, capsys) -> None:
    from desktop_app.__main__ import main

    db = tmp_path / "p.db"
    assert main(["demo", "--db", str(db)]) == 0
    for language in Language:
        out = tmp_path / f"report-{language.value}.pdf"
        args = ["report", "--db", str(db), "--from", "2000-01-01", "--to", "2099-12-31"]
        assert main([*args, "--lang", language.value, "--out", str(out)]) == 0
        tags = check_structure(out)
        assert "Figure" in tags
        # The listings (drawn a page at a time) are tables, not pictures.
        assert {"Table", "TR", "TH", "TD"} <= set(tags)
        with pikepdf.open(out) as pdf:
            figures = []
            stack = [pdf.Root.StructTreeRoot.K]
            while stack:
                node = stack.pop()
                if node.get("/S") == "/Figure":
                    figures.append(str(node.Alt))
                kids = node.get("/K")
                items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
                stack += [k for k in items if isinstance(k, pikepdf.Dictionary) and "/S" in k]
            assert figures and all(len(alt) > 10 for alt in figures), figures
        result = pdfua(out)
        assert result.returncode == 0, result.stdout
    capsys.readouterr()


def elements(path: Path) -> list[pikepdf.Dictionary]:
    """Every structure element, depth first in reading order."""
    with pikepdf.open(path) as pdf:
        found: list = []

        def visit(node) -> None:
            found.append(node)
            kids = node.get("/K")
            items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            for kid in items:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    visit(kid)

        visit(pdf.Root.StructTreeRoot.K)
        ids = dict(_names(pdf.Root.StructTreeRoot.get("/IDTree")))
        return [_plain(node, ids) for node in found]


def _names(tree):
    if tree is None:
        return []
    names = list(tree.get("/Names", []))
    return [(str(names[i]), names[i + 1]) for i in range(0, len(names), 2)]


def _plain(node, ids) -> dict:
    """What the tests ask of an element, read while the file is open."""
    kids = node.get("/K")
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    attributes = node.get("/A", {})
    headers = [str(h) for h in attributes.get("/Headers", [])]
    children = [k for k in items if isinstance(k, pikepdf.Dictionary) and "/S" in k]
    return {
        "tag": str(node.get("/S", "/Document"))[1:],
        "children": [str(k.S)[1:] for k in children],
        "scope": str(attributes.get("/Scope", ""))[1:],
        "id": str(node.get("/ID", "")),
        "headers": [(h, str(ids[h].S)[1:], str(ids[h].A.Scope)[1:]) for h in headers],
        "lang": str(node.get("/Lang", "")),
    }


def test_header_cells_have_a_scope_and_values_name_their_labels(content, tmp_path) -> None:
    from tests.test_pdf_content import render

    out = render(content, complete_norwegian_assessment(content), tmp_path)
    found = elements(out)
    headers = [e for e in found if e["tag"] == "TH"]
    assert {e["scope"] for e in headers} == {"Column", "Row"}
    # The label/value boxes (page 1's facts, each ground's facts): each value names
    # its label, a row header, through the ID tree.
    values = [e for e in found if e["headers"]]
    assert len(values) >= 7
    assert all(e["tag"] == "TD" and e["headers"][0][1:] == ("TH", "Row") for e in values)
    labels = [e for e in headers if e["scope"] == "Row"]
    assert all(e["id"] for e in labels) and len({e["id"] for e in labels}) == len(labels)


def test_lists_are_tagged_with_labels_and_bodies(content, tmp_path) -> None:
    from tests.test_pdf_content import render

    a = complete_norwegian_assessment(content)
    out = render(content, a, tmp_path)
    found = elements(out)
    lists = [e for e in found if e["tag"] == "L"]
    items = [e for e in found if e["tag"] == "LI"]
    assert all(set(e["children"]) == {"LI"} for e in lists)
    assert all(e["children"] == ["Lbl", "LBody"] for e in items)
    # The groups named in the decision are the first list, one item each.
    assert lists[0]["children"] == ["LI"] * len(a.decision.affected_groups)
    # The appendix numbers its questions: the number is the label, the answer is in
    # the question's body.
    with pikepdf.open(out) as pdf:
        labels = _label_texts(pdf)
    assert labels[:2] == ["•", "•"]
    assert "1." in labels and "2." in labels
    bodies = [e for e in found if e["tag"] == "LBody"]
    assert any(e["children"] == ["P"] for e in bodies)  # an answer under its question


def test_an_item_split_over_two_pages_is_one_item(content, tmp_path) -> None:
    from tests.test_pdf_content import render

    a = complete_norwegian_assessment(content)
    a.decision.affected_groups = [f"Gruppe {n} " + "med et langt navn " * 55 for n in range(12)]
    out = render(content, a, tmp_path)
    check_structure(out)
    found = elements(out)
    first = next(e for e in found if e["tag"] == "L")
    assert first["children"] == ["LI"] * 12
    with pikepdf.open(out) as pdf:
        continued = [
            node
            for node in _all(pdf.Root.StructTreeRoot.K)
            if node.get("/S") == "/LBody"
            and isinstance(node.K, pikepdf.Array)
            and any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR" for k in node.K)
        ]
        assert continued  # its text on one page, the rest on the next


def _all(node) -> list:
    kids = node.get("/K")
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    found = [node]
    for kid in items:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found += _all(kid)
    return found


def _label_texts(pdf) -> list[str]:
    """The text drawn in each Lbl, in reading order."""
    labels: list[tuple[int, int]] = []
    stack = [pdf.Root.StructTreeRoot.K]
    page_of = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
    order: list = []
    while stack:
        node = stack.pop()
        order.append(node)
        kids = node.get("/K")
        items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        stack += reversed([k for k in items if isinstance(k, pikepdf.Dictionary) and "/S" in k])
    for node in order:
        if node.get("/S") == "/Lbl":
            labels.append((page_of[node.Pg.objgen], int(node.K)))
    texts: dict[tuple[int, int], str] = {}
    for index, page in enumerate(pdf.pages):
        current = None
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "BDC" and "/MCID" in operands[1]:
                current = (index, int(operands[1].MCID))
            elif op == "EMC":
                current = None
            elif op == "Tj" and current in labels:
                # The subset font's codes: ASCII as itself, the bullet as one other code.
                raw = bytes(operands[0]).decode("latin-1")
                texts[current] = texts.get(current, "") + (
                    raw if set(raw) <= set("0123456789.") else "•" * len(raw)
                )
    return [texts.get(label, "") for label in labels]


def test_a_table_over_several_pages_is_one_table(content, tmp_path) -> None:
    from desktop_app.domain.model import Measure
    from tests.test_pdf_content import render

    a = complete_norwegian_assessment(content)
    for number in range(40):
        a.measures.append(Measure(description=f"Tiltak {number} " * 8, grounds=["age"]))
    out = render(content, a, tmp_path)
    found = elements(out)
    measures = [
        e for e in found if e["tag"] == "Table" and e["children"] and len(e["children"]) > 40
    ]
    assert len(measures) == 1  # not one table per page
    assert measures[0]["children"] == ["TR"] * (len(a.measures) + 1)  # the header once
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) > 4
    assert check_structure(out)


@pytest.mark.parametrize(
    ("make", "language", "other"),
    [
        (complete_norwegian_assessment, Language.SV, "nb"),
        (complete_norwegian_assessment, Language.EN, "nb"),
    ],
)
def test_user_text_in_another_language_says_so(content, tmp_path, make, language, other) -> None:
    """A Norwegian assessment printed in Swedish: what the caseworker wrote is Norwegian
    (/Lang nb on its element), Lika's own words are in the document's language."""
    from tests.test_pdf_content import render

    a = make(content)
    out = render(content, a, tmp_path, language)
    with pikepdf.open(out) as pdf:
        assert str(pdf.Root.Lang) == language.value
    found = elements(out)
    marked = [e for e in found if e["lang"]]
    assert {e["lang"] for e in marked} == {other}
    tags = {e["tag"] for e in marked}
    assert {"P", "TD", "LBody", "H1"} <= tags, tags  # text, a measure, a group, the title
    assert all(e["tag"] not in ("TH", "Lbl") for e in marked)
    # In its own language nothing is marked.
    (tmp_path / "own").mkdir()
    assert not any(e["lang"] for e in elements(render(content, a, tmp_path / "own")))


def test_the_recorder_takes_back_a_flowable_that_did_not_fit() -> None:
    canvas = FakeCanvas()
    recorder = tagging.Recorder()
    first = recorder.root.add("P")
    recorder.begin(canvas, first)
    recorder.end(canvas)
    second = recorder.root.add("P")
    recorder.begin(canvas, second)
    assert canvas._code == ["/P <</MCID 0>> BDC", "EMC", "/P <</MCID 1>> BDC"]
    assert first.content == [(0, 0)] and second.content == [(0, 1)]
