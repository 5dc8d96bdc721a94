"""Check content files: ``python -m desktop_app.checklists [FILE ...]``.

With no files, checks every built-in checklist and the guide. For content authors.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.checklists.loader import BUILTIN_DIR, load_checklist
from desktop_app.domain.errors import ContentError


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(BUILTIN_DIR.glob("*.yaml"))
    failed = 0
    for path in paths:
        try:
            checklist = load_checklist(path)
        except ContentError as error:
            print(error, file=sys.stderr)
            failed += 1
        else:
            questions = sum(len(g.questions) for g in checklist.grounds)
            print(
                f"{path}: ok ({checklist.id} {checklist.version}, "
                f"{len(checklist.grounds)} grounds, {questions} questions)"
            )
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
