"""``lika defaults``: which organisation defaults are in force, and from which file.

For IT trying out a ``defaults.ini`` before rolling it out (docs/it-deployment.md): it
reads the files exactly as the window does and shows each value with its origin. A broken
file gets the same one-line message and exit code 2 as anywhere else.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from desktop_app.commands.base import EXIT_OK, Session
from desktop_app.defaults import DEFAULT_FRAMEWORK, KEYS, candidate_files, load_defaults


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    defaults = commands.add_parser(
        "defaults",
        parents=[common],
        help="show the organisation's defaults (defaults.ini) in force and where they come from",
    )
    defaults.set_defaults(run=cmd_defaults)


def cmd_defaults(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    defaults = load_defaults()
    print("Defaults files, most specific first:", file=out)
    for path in candidate_files():
        state = "read" if path in defaults.files else "not there"
        print(f"  {path} ({state})", file=out)
    built_in = {"framework": DEFAULT_FRAMEWORK}
    for key in KEYS:
        value = getattr(defaults, key)
        if key in defaults.origins:
            shown, origin = str(value), defaults.where(key)
        else:
            shown, origin = built_in.get(key, "(not set)"), "Lika's own default"
        print(f"{key:<17} {shown}  [{origin}]", file=out)
    print(f"{'database':<17} {session.db_path}", file=out)
    return EXIT_OK
