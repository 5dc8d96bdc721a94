"""Modules that a library imports but Lika never uses, loaded only if something does.

sqlite-utils imports dateutil's date parser for the recipes of its own command line
(``sqlite-utils convert``); with it come ``calendar``, ``ctypes`` and dateutil's time
zones. Lika never calls them. With the standard library's ``LazyLoader`` the module
object exists at once but its code runs on first attribute access, so a start of the
window or of a command is about 1.5 MB and a few milliseconds lighter, and anything
that does use the parser gets it as usual.
"""

from __future__ import annotations

import importlib.util
import sys

UNUSED_BY_LIKA = ("dateutil.parser",)


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
