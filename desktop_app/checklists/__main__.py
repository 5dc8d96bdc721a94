"""Check content files: ``python -m desktop_app.checklists [FILE ...]``.

With no files, checks every built-in content file: the checklists and decision types, the
guide's steps,
vocabulary and memo sentences, and the screener's word lists. For content authors.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from desktop_app.checklists.decision_types import is_decision_types_file
from desktop_app.checklists.guide import load_memo, load_steps, load_vocabulary
from desktop_app.checklists.loader import BUILTIN_DIR, load_checklist, load_library
from desktop_app.checklists.screener_lexicon import SCREENER_DIR, load_lexicon_file
from desktop_app.domain.errors import ContentError
from desktop_app.resources import resource_path


def _checklist(path: Path) -> str:
    checklist = load_checklist(path)
    questions = sum(len(g.questions) for g in checklist.grounds)
    return (
        f"{checklist.id} {checklist.version}, "
        f"{len(checklist.grounds)} grounds, {questions} questions"
    )


def _decision_types(path: Path) -> str:
    """Checked against the built-in checklists and types (and, for a file in an
    organisation's folder, the checklists beside it)."""
    library = load_library([path.parent] if path.parent != BUILTIN_DIR else [])
    own = [t for t in library.decision_types.values() if t.source == path]
    problems = [e for e in library.errors if str(e).startswith(str(path))]
    if problems:
        raise problems[0]
    return f"decision types, {len(own)} types"


def _word_list(path: Path) -> str:
    cues = load_lexicon_file(path)
    return f"screener word list, {len(cues)} grounds, {sum(len(c.terms) for c in cues)} terms"


def _guide(path: Path) -> str:
    loaders: dict[str, Callable[[Path], object]] = {
        "steps.yaml": load_steps,
        "vocabulary.yaml": load_vocabulary,
        "memo.yaml": load_memo,
    }
    loaders[path.name](path)
    return f"guide file {path.name}"


def _checker(path: Path) -> Callable[[Path], str]:
    """Which kind of content a file is, by its folder (checklists are the default)."""
    if path.parent.name == "screener":
        return _word_list
    if is_decision_types_file(path):
        return _decision_types
    if path.parent.name == "guide" and path.name in ("steps.yaml", "vocabulary.yaml", "memo.yaml"):
        return _guide
    return _checklist


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [
        *sorted(BUILTIN_DIR.glob("*.yaml")),
        *(resource_path("guide", name) for name in ("steps.yaml", "vocabulary.yaml", "memo.yaml")),
        *sorted(SCREENER_DIR.glob("*.yaml")),
    ]
    failed = 0
    for path in paths:
        try:
            summary = _checker(path)(path)
        except ContentError as error:
            print(error, file=sys.stderr)
            failed += 1
        else:
            print(f"{path}: ok ({summary})")
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
