"""Tagged, accessible PDFs (issue 16): the structure tree reportlab does not write.

Machine-checked here: every text operator is inside marked content (or an artifact),
every marked-content id is in the structure tree and the parent tree, headings never
skip a level, the tree's reading order is the drawing order, header cells have a scope,
figures have alternative text, and the catalog and XMP say what PDF/UA needs; the
`pdfua` checker (a subset of PDF/UA-1) finds nothing on every demo assessment and the
portfolio, in sv, nb and en.
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
from tests.helpers import complete_norwegian_assessment


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


def test_header_cells_have_a_column_scope(content, tmp_path) -> None:
    from tests.test_pdf_content import render

    out = render(content, complete_norwegian_assessment(content), tmp_path)
    with pikepdf.open(out) as pdf:
        scopes = set()
        stack = [pdf.Root.StructTreeRoot.K]
        while stack:
            node = stack.pop()
            if node.get("/S") == "/TH":
                scopes.add(str(node.A.Scope))
            kids = node.get("/K")
            items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            stack += [k for k in items if isinstance(k, pikepdf.Dictionary) and "/S" in k]
    assert scopes == {"/Column"}


def test_the_recorder_takes_back_a_flowable_that_did_not_fit() -> None:
    class FakeCanvas:
        def __init__(self) -> None:
            self._code: list[str] = []

        def getPageNumber(self) -> int:  # noqa: N802  (reportlab's name)
            return 1

    canvas = FakeCanvas()
    recorder = tagging.Recorder()
    first = recorder.root.add("P")
    recorder.begin(canvas, first)
    recorder.end(canvas)
    second = recorder.root.add("P")
    recorder.begin(canvas, second)
    assert canvas._code == ["/P <</MCID 0>> BDC", "EMC", "/P <</MCID 1>> BDC"]
    assert first.content == [(0, 0)] and second.content == [(0, 1)]
