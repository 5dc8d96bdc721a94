"""Older exchange files, brought up to the current version before they are checked.

Each step takes the raw (parsed, not yet schema-checked) document of one version and
returns it as the next version would have written it, so the schema and the rules
only ever see the current version. A step adds what its version introduced, with the
value that means "none"; it never guesses content.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Raw = dict[str, Any]


def _v1_to_v2(raw: Raw) -> Raw:
    """Version 2 added sex-disaggregated statistics and evidence to the assessment, and
    the attached files' bytes beside it. A version 1 file has none of them."""
    assessment = raw.get("assessment")
    if isinstance(assessment, dict):
        assessment = {**assessment}
        assessment.setdefault("statistics", [])
        assessment.setdefault("evidence", [])
    return {**raw, "version": 2, "assessment": assessment, "files": raw.get("files", [])}


# version -> the step from it to the next one
STEPS: dict[int, Callable[[Raw], Raw]] = {1: _v1_to_v2}
OLDEST_READABLE = min(STEPS)


def upgrade(raw: Raw, current: int) -> Raw:
    """``raw`` (of a version from ``OLDEST_READABLE`` to ``current``) as ``current``."""
    version = raw["version"]
    while version < current:
        raw = STEPS[version](raw)
        version = raw["version"]
    return raw
