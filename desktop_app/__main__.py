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


def window_only(argv: Sequence[str]) -> tuple[bool, Path | None]:
    """Whether ``argv`` asks for nothing but the window (``lika``, ``lika --db PATH``),
    and which register. The window then starts without loading the command line's
    modules; everything else, including mistakes, goes to ``cli.main``."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        return True, Path(argv[1])
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > len("--db="):
        return True, Path(argv[0].removeprefix("--db="))
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:  # answered before the command line's modules load
        from desktop_app import __version__

        print(f"lika {__version__}")
        raise SystemExit(0)  # as argparse's version action does
    window, db = window_only(args)
    if window:
        return _open_window(db)
    from desktop_app.cli import main as cli_main

    return cli_main(args, default_db=_default_db, open_window=_open_window)


if __name__ == "__main__":
    sys.exit(main())
