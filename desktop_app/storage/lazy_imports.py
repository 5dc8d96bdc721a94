"""Modules that a library imports but Lika never uses, or not to start, loaded when used.

sqlite-utils imports dateutil's date parser for the recipes of its own command line
(``sqlite-utils convert``); with it come ``calendar``, ``ctypes`` and dateutil's time
zones. Lika never calls them. With the standard library's ``LazyLoader`` the module
object exists at once but its code runs on first attribute access, so a start of the
window or of a command is about 1.5 MB and a few milliseconds lighter, and anything
that does use the parser gets it as usual.

``hashlib`` and ``secrets`` are another case: sqlite-utils imports them at the top (for
its ``hash_id`` columns and its savepoints' names) and Lika uses them, but a start does
not: importing ``hashlib`` loads OpenSSL's libcrypto (``_hashlib``, and ``secrets`` does
through ``hmac``), about 3.5 MB resident for the whole session and a few milliseconds,
which was a tenth of what the window's start weighs over a bare PySide6 window (issue
18). ``LazyLoader`` cannot defer these: ``import hashlib`` (unlike ``from dateutil
import parser``) reads the module's ``__spec__``, and a lazy module loads itself on any
attribute read. ``defer_until_used`` puts a module in ``sys.modules`` that has its
spec from the start and runs its code on the first read of anything else, once, under a
lock (a worker thread may be the first). Lika's own code that a start runs imports
``hashlib`` where it hashes, and the content's digests at start use CPython's own
SHA-256 (``checklists/trusted.py``).
"""

from __future__ import annotations

import importlib.util
import sys
import threading
import types
from typing import Any

UNUSED_BY_LIKA = ("dateutil.parser",)
# Imported by sqlite-utils at the top, used by Lika only after the start (see above).
NOT_NEEDED_TO_START = ("hashlib", "secrets")


def defer(name: str) -> None:
    """Make ``import name`` return a module that loads itself when first used."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return  # not installed: whoever imports it gets the usual ImportError
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)  # as the import system would


_loading = threading.RLock()


class _UntilUsed(types.ModuleType):
    """A module whose code runs on the first read of a name it does not have yet."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__") and name != "__all__":
            # What the import system and inspect look for (``__wrapped__``, ``__path__``;
            # PySide6's import hook calls ``inspect.getsource`` on every module imported
            # after it): not a use. Once loaded this is an ordinary module again.
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        with _loading:
            if type(self) is _UntilUsed and not self.__dict__.get("_lika_loading"):
                self.__dict__["_lika_loading"] = True  # its own code may read it meanwhile
                try:
                    spec = self.__spec__
                    assert spec is not None and spec.loader is not None
                    spec.loader.exec_module(self)
                    object.__setattr__(self, "__class__", types.ModuleType)  # loaded: ordinary now
                finally:
                    del self.__dict__["_lika_loading"]
        return types.ModuleType.__getattribute__(self, name)


def defer_until_used(name: str) -> None:
    """Make ``import name`` give a module that runs its code when a name in it is first
    read; unlike ``defer``, ``import name`` itself does not load it."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return  # not installed: whoever imports it gets the usual ImportError
    module = importlib.util.module_from_spec(spec)
    module.__class__ = _UntilUsed
    sys.modules[name] = module
