"""How fast the ground screener and the memo text are, on growing inputs.

Run: ``.venv/bin/python benchmarks/screener_and_memo.py``. Prints milliseconds and the
ratio of time per word between the longest and the shortest text (about 1 means the
screener grows linearly with the text; the editor may rerun it while the user types).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.checklists.guide import load_content
from desktop_app.checklists.screener_lexicon import load_lexicon
from desktop_app.domain.memo import memo_text
from desktop_app.domain.model import Language
from desktop_app.domain.screener import suggest_grounds
from tests.helpers import complete_norwegian_assessment
from tests.screener_cases import CASES


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    content = load_content()
    lexicon = load_lexicon()
    keys = [g.key for c in content.checklists.checklists.values() for g in c.grounds]
    base = " ".join(c.decision.description for c in CASES if c.language is Language.SV)
    per_word = []
    for copies in (1, 5, 20, 80):
        decision = replace(CASES[0].decision, description=" ".join([base] * copies))
        words = len(decision.description.split())
        seconds = best_of(5, lambda d=decision: suggest_grounds(d, Language.SV, lexicon, keys))
        per_word.append(seconds / words)
        print(f"screener: {words:6d} words  {seconds * 1000:7.1f} ms")
    print(f"screener: time per word, longest / shortest text: {per_word[-1] / per_word[0]:.2f}")

    assessment = complete_norwegian_assessment(content)
    checklists = [content.checklists.get(i) for i in (assessment.framework_id, *assessment.modules)]
    seconds = best_of(
        20, lambda: memo_text(assessment, checklists, content.vocabulary, Language.NB)
    )
    print(f"memo text (no-ldl + children's rights): {seconds * 1000:.1f} ms")


if __name__ == "__main__":
    main()
