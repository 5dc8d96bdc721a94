"""``lika screen``: the screener's suggested grounds for a decision text, from a file or
standard input, without an assessment or a database (a draft from the case system)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop_app.commands.base import EXIT_OK, Session, dump_json
from desktop_app.commands.terminal import for_terminal
from desktop_app.domain.errors import InputError
from desktop_app.domain.language import Language

if TYPE_CHECKING:  # the screener and its lexicon load when a text is screened
    from desktop_app.app.screening import Screening


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "screen",
        parents=[common],
        help="suggest the grounds a decision text points to (title on the first line)",
        description="Read a decision text (its first line is the title, the rest the "
        "description) and print the grounds of the framework that its words point to, "
        "with the words that led to each. Suggestions only: the caseworker decides.",
    )
    parser.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE",
        help="the text file (UTF-8); '-' or nothing reads standard input",
    )
    parser.add_argument(
        "--framework",
        metavar="ID",
        help="the framework whose grounds to consider, e.g. se-dl or no-ldl "
        "(default: the organisation's, else se-dl)",
    )
    parser.add_argument(
        "--module",
        dest="modules",
        action="append",
        default=[],
        metavar="ID",
        help="also consider a module's grounds (repeat for several), e.g. minorities",
    )
    parser.add_argument(
        "--lang",
        choices=[lang.value for lang in Language],
        help="the text's language (default: guessed from its words)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=cmd_screen)


def cmd_screen(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.app.screening import decision_from_text, screen
    from desktop_app.checklists.screener_lexicon import load_lexicon
    from desktop_app.defaults import DEFAULT_FRAMEWORK, load_defaults

    text = _read(args.file)
    framework = args.framework or load_defaults().framework or DEFAULT_FRAMEWORK
    content = session.content
    result = screen(
        content,
        load_lexicon(),
        decision_from_text(text),
        framework,
        args.modules,
        Language(args.lang) if args.lang else None,
    )
    if args.format == "json":
        dump_json(_as_json(result, session), out)
    else:
        _print_text(result, session, out)
    return EXIT_OK


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    path = Path(name)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a UTF-8 text file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None


def _labels(result: Screening, session: Session) -> dict[str, str]:
    library = session.content.checklists
    labels: dict[str, str] = {}
    for checklist_id in (result.framework_id, *result.modules):
        for ground in library.get(checklist_id).grounds:
            labels.setdefault(ground.key, ground.label(result.language))
    return labels


def _as_json(result: Screening, session: Session) -> list[dict[str, Any]]:
    labels = _labels(result, session)
    return [
        {
            "ground": suggestion.ground_key,
            "label": labels[suggestion.ground_key],
            "words": list(suggestion.words()),
            "matches": [
                {"term": m.term, "field": m.field, "start": m.start, "end": m.end}
                for m in suggestion.matches
            ],
        }
        for suggestion in result.suggestions
    ]


def _print_text(result: Screening, session: Session, out: TextIO) -> None:
    if not result.suggestions:
        print("No ground suggested: the text names none of the screener's words.", file=out)
        return
    labels = _labels(result, session)
    width = max(len(s.ground_key) for s in result.suggestions)
    for suggestion in result.suggestions:
        words = for_terminal(", ".join(suggestion.words()))
        label = labels[suggestion.ground_key]
        print(f"{suggestion.ground_key:<{width}}  {label}: {words}", file=out)
