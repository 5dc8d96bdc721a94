"""PDF export time against the length of one field (not a test: it prints figures).

For each field, an otherwise typical assessment gets 1,000, 10,000 and 100,000
characters of ordinary prose in that one field, up to the field's limit
(``domain.limits``: a title or owner 1,000, a table cell 10,000, other texts
1,000,000); the export's time should grow linearly (at most ten times per tenfold
step; less while the fixed cost of the rest of the document dominates).
Run: ``.venv/bin/python benchmarks/pdf_long_text.py [--sizes 1000 10000 100000]``
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app.domain.limits import max_length
from desktop_app.domain.model import Assessment, Language
from desktop_app.reports.assessment_pdf import SummaryInput, render_summary
from desktop_app.reports.summary_input import ReviewNote
from tests.helpers import complete_assessment

PROSE = "Äldre personer på landsbygden har svårare att nå biblioteket på kvällen. "


def _note(a: Assessment, text: str) -> None:
    """A review comment is not part of the assessment: ``export_seconds`` passes it."""


def _first_question(a: Assessment) -> str:
    return load_content().checklists.get(a.framework_id).grounds[0].questions[0].id


FIELDS: dict[str, Callable[[Assessment, str], None]] = {
    "title": lambda a, t: setattr(a.decision, "title", t),
    "description": lambda a, t: setattr(a.decision, "description", t),
    "conclusion": lambda a, t: setattr(a.conclusion, "summary", t),
    "ground groups": lambda a, t: setattr(a.grounds["age"], "groups", t),
    "ground justification": lambda a, t: setattr(a.grounds["sex"], "justification", t),
    "measure description": lambda a, t: setattr(a.measures[0], "description", t),
    "measure owner": lambda a, t: setattr(a.measures[0], "owner", t),
    "follow-up note": lambda a, t: setattr(a.measures[0], "followup_note", t),
    "review comment": _note,
    "answer note": lambda a, t: setattr(a.answer(_first_question(a)), "note", t),
}


# Each field's editor path, for its limit (domain.limits): longer texts are refused.
PATHS = {
    "title": ("decision", "title"),
    "description": ("decision", "description"),
    "conclusion": ("conclusion", "summary"),
    "ground groups": ("ground", "age", "groups"),
    "ground justification": ("ground", "sex", "justification"),
    "measure description": ("measure", "-", "description"),
    "measure owner": ("measure", "-", "owner"),
    "follow-up note": ("measure", "-", "followup_note"),
    "review comment": ("comment", "text"),
    "answer note": ("answer", "-", "note"),
}


def export_seconds(field: str, size: int) -> float:
    content = load_content()
    a = complete_assessment(content)
    text = (PROSE * (size // len(PROSE) + 1))[:size]
    FIELDS[field](a, text)
    notes = []
    if field == "review comment":
        at = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
        notes = [ReviewNote(author="Granskare", at=at, text=text, about="age")]
    data = SummaryInput(
        assessment=a,
        checklists=[content.checklists.get("se-dl")],
        vocabulary=content.vocabulary,
        history=[],
        generated=date(2026, 11, 23),
        language=Language.SV,
        review_notes=notes,
    )
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        render_summary(data, Path(folder) / "long.pdf")
        return time.perf_counter() - started


@functools.cache
def load_content():  # noqa: ANN201 (one load for every run)
    from desktop_app.checklists.guide import load_content as load

    return load()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--fields", nargs="+", default=list(FIELDS))
    args = parser.parse_args()
    print(f"{'field':<22}" + "".join(f"{size:>12,}" for size in args.sizes) + "   last step")
    for field in args.fields:
        limit = max_length(PATHS[field])
        times = [export_seconds(field, size) for size in args.sizes if size <= limit]
        growth = times[-1] / times[-2] if len(times) > 1 and times[-2] else 0
        row = "".join(f"{t:>11.2f}s" for t in times)
        row += "".join(f"{'> limit':>12}" for size in args.sizes if size > limit)
        print(f"{field:<22}{row}   {growth:.1f}x  (limit {limit:,})", flush=True)


if __name__ == "__main__":
    main()
