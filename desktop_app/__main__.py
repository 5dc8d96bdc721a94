"""Entry point of ``lika`` and ``python -m desktop_app``: a command, or the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def _open_window(db: Path | None) -> int:
    from desktop_app.ui.app import run_app

    return run_app(db)


def _default_db() -> Path:
    from desktop_app.locations import default_database_path

    return default_database_path()


def main(argv: Sequence[str] | None = None) -> int:
    from desktop_app.cli import main as cli_main

    return cli_main(
        list(sys.argv[1:] if argv is None else argv),
        default_db=_default_db,
        open_window=_open_window,
    )


if __name__ == "__main__":
    sys.exit(main())
