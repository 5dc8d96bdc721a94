"""One of several processes saving the same assessment at once.

    python -m tests.drivers.writer DB ID NAME COUNT

Makes COUNT edits, each appending ``[NAME-i]`` to a text field: load, change, save,
and on a conflict (someone else saved in between) load again and redo the edit, as
the window's "keep my changes" does. Starts when ``DB.go`` appears, so that the
writers run at the same time. Prints how many conflicts it met.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop_app.storage.errors import ConflictError
from desktop_app.storage.repository import AssessmentRepository


def main(db: Path, assessment_id: int, name: str, count: int) -> int:
    repository = AssessmentRepository.open(db)
    go = db.with_name(db.name + ".go")
    while not go.exists():  # all writers start together, so they really overlap
        time.sleep(0.01)
    conflicts = 0
    for index in range(count):
        while True:
            assessment = repository.get(assessment_id)
            assessment.decision.evidence_missing += f"[{name}-{index}]"
            try:
                repository.save(assessment)
            except ConflictError:
                conflicts += 1
                continue
            break
    repository.close()
    print(f"conflicts {conflicts}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])))
