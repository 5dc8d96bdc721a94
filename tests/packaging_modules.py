"""Loading the build's modules (``packaging/``) in tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load(name: str) -> ModuleType:
    """``packaging/NAME.py`` as a module. packaging/ is no package (it would shadow PyPI's
    "packaging"), so its files are loaded by path, with packaging/ importable meanwhile
    for their imports of each other."""
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        spec = importlib.util.spec_from_file_location(
            f"lika_{name}", ROOT / "packaging" / f"{name}.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "packaging"))
