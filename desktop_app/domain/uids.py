"""Globally unique ids, made without loading ``uuid`` before one is needed.

``uuid`` imports ``platform`` and takes about 1.6 ms; every module of the model uses
ids, but a start that only lists the register makes none (issue 18).
"""

from __future__ import annotations


def new_uid() -> str:
    """A globally unique id that survives export, import and revisions."""
    import uuid

    return str(uuid.uuid4())
