"""Smoke-test a frozen Lika: does the built program really work on its own?

    python packaging/smoke_test.py [BUNDLE]     (default: dist/lika, or dist/Lika.app)

BUNDLE is the folder PyInstaller made, an installed copy (``/opt/lika``) or, on macOS, the
``.app``. Each step runs the real executable in a throw-away home, data and settings
folder, so the user's own register is never touched:

1. ``--version`` prints the version;
2. with an organisation defaults file naming a database folder, ``demo`` fills the
   register there, ``list --format json`` lists it, ``export-pdf`` writes a PDF (in each
   language) whose fonts are all embedded and whose text contains the assessment's
   title, and ``summary`` prints the memo text where the build has that command;
3. a bad id gets one ``lika:`` line and exit code 2 (the CLI contract);
4. the window starts offscreen (and on X11 under Xvfb where ``xvfb-run`` exists), shows
   its main window, lists the register in it and quits by itself
   (``LIKA_SMOKE_TEST_QUIT_AFTER_SHOW=1``, see ``desktop_app/ui/smoke_hook.py``).

Any traceback, import error or Qt plug-in error in any output fails the test, even when
the exit code was 0. Needs pypdf (the ``test`` extra) or poppler's ``pdffonts``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The lines desktop_app/ui/smoke_hook.py prints (this script runs outside the app).
MARKER = "LIKA_SMOKE_TEST: main window shown"
READY_MARKER = "LIKA_SMOKE_TEST: register listed"
STARTED_MARKER = "LIKA_SMOKE_TEST: start complete"
OPENED_MARKER = "LIKA_SMOKE_TEST: assessment opened"
TIMEOUT = 120

# Output that means the bundle is broken, whatever the exit code says.
BAD_OUTPUT = [
    re.compile(p)
    for p in (
        r"Traceback \(most recent call last\)",
        r"\b(ImportError|ModuleNotFoundError)\b",
        r"No module named",
        r"qt\.qpa\.plugin",
        r"Could not (load|find) the Qt platform plugin",
        r"no Qt platform plugin could be initialized",
        r"Cannot load library",
        r"QLibrary::load",
        r"Failed to (execute script|load Python|import)",
        r"\[PYI-\d+:ERROR\]",
        r"lika: internal error",
        r"(?i)cannot open shared object file",
    )
]
# Known and harmless: the offscreen platform cannot pass size hints to a window manager.
HARMLESS_OUTPUT = ["This plugin does not support propagateSizeHints()"]


class SmokeTestError(Exception):
    pass


@dataclass
class Executables:
    cli: Path  # prints to a console: lika-cli.exe on Windows, lika elsewhere
    gui: Path  # the windowed program users start


def find_executables(bundle: Path) -> Executables:
    if bundle.suffix == ".app":
        bundle = bundle / "Contents" / "MacOS"
    if sys.platform == "win32":
        return Executables(cli=bundle / "lika-cli.exe", gui=bundle / "lika.exe")
    return Executables(cli=bundle / "lika", gui=bundle / "lika")


def default_bundle() -> Path:
    app = ROOT / "dist" / "Lika.app"
    return app if sys.platform == "darwin" and app.exists() else ROOT / "dist" / "lika"


def isolated_environment(home: Path) -> dict[str, str]:
    """The real environment, with every per-user folder Qt or Lika uses moved to ``home``."""
    env = dict(os.environ)
    for name in ("PYTHONPATH", "PYTHONHOME", "LIKA_DEBUG", "QT_PLUGIN_PATH"):
        env.pop(name, None)  # the bundle must not lean on the build's Python or Qt
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        LIKA_DEFAULTS=str(home / "defaults.ini"),
    )
    (home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
    return env


def run(
    args: list[str | Path], env: dict[str, str], *, expect: int = 0, what: str
) -> subprocess.CompletedProcess[str]:
    try:
        result = subprocess.run(
            [str(a) for a in args],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise SmokeTestError(f"{what}: still running after {TIMEOUT} s") from None
    output = result.stdout + result.stderr
    bad = [line for line in output.splitlines() if any(p.search(line) for p in BAD_OUTPUT)]
    if result.returncode != expect or bad:
        raise SmokeTestError(
            f"{what}: exit code {result.returncode} (expected {expect})"
            + (f", bad output: {bad[0]!r}" if bad else "")
            + f"\n--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
        )
    others = [
        line
        for line in result.stderr.splitlines()
        if expect == 0 and line.strip() and not any(h in line for h in HARMLESS_OUTPUT)
    ]
    for line in others:
        print(f"   note ({what}): {line}")
    return result


def check_pdf(path: Path, title: str) -> str:
    """All fonts embedded and the title in the text; returns how it was checked."""
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise SmokeTestError(f"{path} is not a complete PDF")
    try:
        from pypdf import PdfReader
    except ImportError:
        return _check_pdf_with_poppler(path, title)
    reader = PdfReader(path)
    text = "".join(page.extract_text() or "" for page in reader.pages)
    for number, page in enumerate(reader.pages, 1):
        fonts = page.get("/Resources", {}).get_object().get("/Font", {}).get_object()
        for name, ref in fonts.items():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if font.get("/Subtype") == "/Type0":
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                raise SmokeTestError(f"page {number}: font {name} is not embedded")
    if _squash(title) not in _squash(text):
        raise SmokeTestError(f"the PDF's text does not contain the title {title!r}")
    return f"{len(reader.pages)} pages, fonts embedded, title found (pypdf)"


def _check_pdf_with_poppler(path: Path, title: str) -> str:
    if not shutil.which("pdffonts") or not shutil.which("pdftotext"):
        raise SmokeTestError("cannot check the PDF: install pypdf or poppler-utils")
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    for line in fonts.stdout.splitlines()[2:]:
        if line.split()[-5] != "yes":
            raise SmokeTestError(f"a font is not embedded: {line}")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    if _squash(title) not in _squash(text):
        raise SmokeTestError(f"the PDF's text does not contain the title {title!r}")
    return "fonts embedded, title found (poppler)"


def _squash(text: str) -> str:
    """Text without white space: the PDF wraps long titles across lines."""
    return re.sub(r"\s+", "", text)


def check_cli(exe: Path, env: dict[str, str], home: Path, version: str | None) -> None:
    result = run([exe, "--version"], env, what="--version")
    printed = result.stdout.strip()
    if not printed.startswith("lika ") or (version and printed != f"lika {version}"):
        raise SmokeTestError(f"--version printed {printed!r}, expected 'lika {version}'")
    print(f"ok: --version prints {printed!r}")

    db_folder = home / "register"
    (home / "defaults.ini").write_text(
        f"[lika]\norganisation = Smoke Test kommun\ndatabase_folder = {db_folder}\n",
        encoding="utf-8",
    )
    shown = run([exe, "defaults"], env, what="defaults").stdout
    if "Smoke Test kommun" not in shown or str(db_folder / "lika.db") not in shown:
        raise SmokeTestError(f"'defaults' does not show the defaults file's values:\n{shown}")
    print("ok: defaults shows the organisation's defaults file")
    result = run([exe, "demo"], env, what="demo")
    if not (db_folder / "lika.db").is_file():
        raise SmokeTestError(f"demo did not create {db_folder / 'lika.db'} (defaults.ini)")
    print(f"ok: demo -> {result.stdout.strip()}")

    result = run([exe, "list", "--format", "json"], env, what="list")
    records = json.loads(result.stdout)
    if not records or not {"id", "title", "case_number", "status", "updated"} <= set(records[0]):
        raise SmokeTestError(f"list gave no usable records: {result.stdout[:200]!r}")
    print(f"ok: list -> {len(records)} assessments")

    pdf = home / "summary.pdf"
    record = records[0]
    run([exe, "export-pdf", str(record["id"]), "--out", pdf], env, what="export-pdf")
    print(f"ok: export-pdf -> {check_pdf(pdf, record['title'])}")
    # Every language once: dates and lists come from Babel's locale data, which the
    # build trims to these languages.
    for language in ("sv", "nb", "en"):
        out = home / f"summary-{language}.pdf"
        args = [exe, "export-pdf", str(record["id"]), "--out", out, "--lang", language]
        run(args, env, what=f"export-pdf --lang {language}")
        check_pdf(out, record["title"])
    print("ok: export-pdf in sv, nb and en")
    commands = run([exe, "--help"], env, what="--help").stdout
    if re.search(r"\bsummary\b", commands):
        for language in ("sv", "nb", "en"):
            args = [exe, "summary", str(record["id"]), "--lang", language]
            text = run(args, env, what=f"summary --lang {language}").stdout
            if len(text.strip()) < 40:
                raise SmokeTestError(f"summary --lang {language} printed almost nothing: {text!r}")
        print("ok: summary (the memo text) in sv, nb and en")

    result = run([exe, "export-pdf", "999999", "--out", pdf], env, expect=2, what="bad id")
    if not result.stderr.startswith("lika: ") or len(result.stderr.strip().splitlines()) != 1:
        raise SmokeTestError(f"a bad id should give one 'lika:' line, got {result.stderr!r}")
    print("ok: a bad id gets one line and exit code 2")

    # A server register (issue 20): the bundle carries the PostgreSQL driver and libpq,
    # so a server that is not there is "cannot be reached", not a missing driver.
    host = "127.0.0.1:1" if sys.platform == "win32" else "/nonexistent-lika-smoke-socket"
    url = (
        f"postgresql://lika@/lika?host={host}" if "/" in host else f"postgresql://lika@{host}/lika"
    )
    result = run([exe, "--db", url, "list"], env, expect=1, what="list on a server register")
    if "cannot be reached" not in result.stderr:
        raise SmokeTestError(f"a server register that is not there: {result.stderr!r}")
    print("ok: a server register is reached through the bundled PostgreSQL driver")


def check_gui(
    exe: Path, env: dict[str, str], platform: str, wrapper: list[str], *, prints: bool = True
) -> None:
    """``prints=False`` for a windowed Windows program, which has no stdout to print the
    markers on: there the exit code alone tells that the window showed its register."""
    gui_env = {**env, "QT_QPA_PLATFORM": platform, "LIKA_SMOKE_TEST_QUIT_AFTER_SHOW": "1"}
    result = run([*wrapper, exe], gui_env, what=f"window ({platform}, {exe.name})")
    for marker in (MARKER, READY_MARKER, STARTED_MARKER) if prints else ():
        if marker not in result.stdout:
            raise SmokeTestError(f"window ({platform}): no {marker!r} line in the output")
    print(f"ok: the main window showed the register and closed ({platform}, {exe.name})")
    # The start leaves opening the register for writing to the first action that needs
    # it: open an assessment, so that the service, the content and the editor are run.
    opening_env = {**gui_env, "LIKA_SMOKE_TEST_OPEN_FIRST": "1"}
    result = run([*wrapper, exe], opening_env, what=f"opening ({platform}, {exe.name})")
    if prints and OPENED_MARKER not in result.stdout:
        raise SmokeTestError(f"window ({platform}): no {OPENED_MARKER!r} line in the output")
    print(f"ok: the window opened an assessment and closed ({platform}, {exe.name})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=None)
    parser.add_argument(
        "--version", dest="expected_version", help="version to expect (default: the source's)"
    )
    parser.add_argument("--no-xvfb", action="store_true", help="skip the X11 run under Xvfb")
    args = parser.parse_args(argv)
    bundle = (args.bundle or default_bundle()).resolve()
    exes = find_executables(bundle)
    for exe in {exes.cli, exes.gui}:
        if not exe.is_file():
            print(f"smoke test: {exe} does not exist; build first", file=sys.stderr)
            return 2
    version = args.expected_version
    if version is None and (ROOT / "desktop_app" / "__init__.py").is_file():
        sys.path.insert(0, str(ROOT / "packaging"))
        from spec_support import read_version

        version = read_version(ROOT)

    print(f"Smoke-testing {bundle}")
    with tempfile.TemporaryDirectory(prefix="lika-smoke-") as tmp:
        home = Path(tmp)
        env = isolated_environment(home)
        try:
            check_cli(exes.cli, env, home, version)
            # The console program shows what the window prints; on Windows the windowed
            # one (no console) is run as well, judged by its exit code.
            check_gui(exes.cli, env, "offscreen", [])
            if exes.gui != exes.cli:
                check_gui(exes.gui, env, "offscreen", [], prints=False)
            if sys.platform.startswith("linux") and shutil.which("xvfb-run") and not args.no_xvfb:
                check_gui(exes.gui, env, "xcb", ["xvfb-run", "--auto-servernum"])
        except SmokeTestError as failure:
            print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
            return 1
    print("smoke test: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
