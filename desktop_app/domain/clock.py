"""The time Lika records: UTC, to the second. One definition for every layer, and a
type for the clock that tests replace (a fake clock makes timestamps predictable)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
