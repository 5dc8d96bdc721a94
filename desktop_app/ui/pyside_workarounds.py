"""Work-arounds for bugs in the Qt for Python release Lika is built with.

PySide6 6.12 returns ``None`` from methods without a result (``setText``,
``processEvents``...) without taking a reference to it. From Python 3.12 on, ``None``
is immortal and nothing happens; on Python 3.11 every such call removes a reference that
belongs to someone else, and once they run out Python aborts with "Fatal Python error:
none_dealloc: deallocating None". A loop that pumps events hits it within seconds, a
normal session after enough clicks. Giving ``None`` a reference count too large to ever
reach zero is what Python 3.12 does itself, and is safe: ``None`` is a static object
that is never freed.
"""

from __future__ import annotations

import ctypes
import sys

IMMORTAL = 1 << 40


def protect_none() -> None:
    """Make ``None`` immortal on CPython before 3.12 (idempotent)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < IMMORTAL:
        count.value += IMMORTAL
