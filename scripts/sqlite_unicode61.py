"""Read SQLite's FTS5 ``unicode61 remove_diacritics 0`` tokenizer character by character
and write what it does as ``desktop_app/storage/postgres/unicode61_data.py``.

    .venv/bin/python scripts/sqlite_unicode61.py          # rewrites the data module
    .venv/bin/python scripts/sqlite_unicode61.py --check  # exit 1 if it differs

unicode61 is a per-character tokenizer: every code point is either a separator or a
token character, and a token character is folded to exactly one code point (its table
is Unicode 6.1's, so characters assigned later are token characters, unfolded). Asking
SQLite itself about each of the 1,112,062 code points (one FTS5 document per code point,
read back through ``fts5vocab``) gives that table exactly, without re-deriving SQLite's
C source; the server's search (migration ``0007_search_unicode61``) is built from it, and
``tests/test_pg_unicode61.py`` checks that the data still matches the SQLite in use.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "desktop_app/storage/postgres/unicode61_data.py"
SURROGATES = range(0xD800, 0xE000)  # not characters: neither UTF-8 nor PostgreSQL text


def _ranges(points: list[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for cp in points:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return ranges


def read_sqlite() -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """(separator ranges, folds, continuer ranges): the inclusive code point ranges
    unicode61 splits at (surrogates and NUL left out), every (code point, folded code
    point) it changes, and the separators that do not end a word they follow (the
    combining diacritics: ``a`` + U+0301 is one word, U+0301 alone none)."""
    conn = sqlite3.connect(":memory:")
    conn.execute('CREATE VIRTUAL TABLE t USING fts5(x, tokenize="unicode61 remove_diacritics 0")')
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
    points = [cp for cp in range(1, 0x110000) if cp not in SURROGATES]
    conn.executemany("INSERT INTO t (rowid, x) VALUES (?, ?)", ((cp, chr(cp)) for cp in points))
    token: dict[int, str] = {}
    for doc, term, offset in conn.execute("SELECT doc, term, offset FROM v"):
        if offset != 0 or doc in token or len(term) != 1:
            raise RuntimeError(f"unicode61 is not one character to one token at {doc:#x}")
        token[doc] = term
    splitting = [cp for cp in points if cp not in token]
    conn.execute("DELETE FROM t")
    conn.executemany(
        "INSERT INTO t (rowid, x) VALUES (?, ?)", ((cp, "a" + chr(cp)) for cp in splitting)
    )
    continuers = []
    for doc, term in conn.execute("SELECT doc, term FROM v"):
        if term == "a" + chr(doc):
            continuers.append(doc)
        elif term != "a":
            raise RuntimeError(f"unicode61 makes {term!r} of a + {doc:#x}")
    conn.close()
    folds = [(cp, ord(t)) for cp, t in sorted(token.items()) if ord(t) != cp]
    return _ranges(splitting), folds, _ranges(sorted(continuers))


def _rows(pairs: list[tuple[int, int]]) -> str:
    return "".join(f"    (0x{a:05X}, 0x{b:05X}),\n" for a, b in pairs)


def render(
    separators: list[tuple[int, int]],
    folds: list[tuple[int, int]],
    continuers: list[tuple[int, int]],
) -> str:
    """The data module's text."""
    seps, fold, cont = _rows(separators), _rows(folds), _rows(continuers)
    return (
        '"""SQLite\'s FTS5 ``unicode61 remove_diacritics 0`` tokenizer as data, written by\n'
        "``scripts/sqlite_unicode61.py`` (do not edit by hand): the code point ranges it\n"
        'splits words at, and the characters it folds (to lower case)."""\n\n'
        f'SQLITE_VERSION = "{sqlite3.sqlite_version}"\n\n'
        "# Inclusive ranges of separators (NUL and the surrogates, never in text, left out).\n"
        f"SEPARATORS: tuple[tuple[int, int], ...] = (\n{seps})\n\n"
        "# (code point, the code point unicode61 folds it to), for every one it changes.\n"
        f"FOLDS: tuple[tuple[int, int], ...] = (\n{fold})\n\n"
        "# Inclusive ranges of separators that continue a word they follow (unchanged).\n"
        f"CONTINUERS: tuple[tuple[int, int], ...] = (\n{cont})\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, exit 1 if differs")
    args = parser.parse_args(argv)
    separators, folds, continuers = read_sqlite()
    if args.check:
        from desktop_app.storage.postgres import unicode61_data as data

        same = (list(data.SEPARATORS), list(data.FOLDS), list(data.CONTINUERS)) == (
            separators,
            folds,
            continuers,
        )
        print("same" if same else "differs")
        return 0 if same else 1
    DATA.write_text(render(separators, folds, continuers), encoding="utf-8")
    print(f"{DATA}: {len(separators)} separator ranges, {len(folds)} folds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
