"""Entry point of ``lika`` and ``python -m desktop_app``: a command, or the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app.register_location import Location, location


def _open_window(db: Location | None, import_file: Path | None = None) -> int:
    from desktop_app.ui.app import run_app

    return run_app(db, import_file=import_file)


def _default_db() -> Location:
    from desktop_app.locations import default_register

    return default_register()


def exchange_file(arg: str) -> Path | None:
    """``arg`` as an exchange file to open in the window (``lika FILE.json``, as the
    desktop's file association runs it), or None when it is not one."""
    if arg.startswith("-") or not arg.lower().endswith(".json"):
        return None
    return Path(arg)


def window_request(argv: Sequence[str]) -> tuple[bool, Location | None, Path | None]:
    """Whether ``argv`` asks for nothing but the window (``lika``, ``lika --db PATH``,
    ``lika FILE.json``), which register, and which exchange file to import. The window
    then starts without loading the command line's modules; everything else,
    including mistakes, goes to ``cli.main``."""
    args = list(argv)
    file = exchange_file(args[-1]) if args else None
    if file is not None:
        args.pop()
    if not args:
        return True, None, file
    if len(args) == 2 and args[0] == "--db" and args[1] and not args[1].startswith("-"):
        return True, location(args[1]), file
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > len("--db="):
        return True, location(args[0].removeprefix("--db=")), file
    return False, None, None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:  # answered before the command line's modules load
        from desktop_app import __version__

        print(f"lika {__version__}")
        raise SystemExit(0)  # as argparse's version action does
    window, db, file = window_request(args)
    if window:
        return _open_window(db, file)
    from desktop_app.cli import main as cli_main

    return cli_main(args, default_db=_default_db, open_window=_open_window)


if __name__ == "__main__":
    sys.exit(main())
