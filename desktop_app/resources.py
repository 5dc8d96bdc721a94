"""Where the shipped content lives, in a source checkout and in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    """``resources/`` beside the package, or inside PyInstaller's bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
