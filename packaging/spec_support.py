"""What ``build.spec`` decides, as plain functions that tests can call without PyInstaller.

PyInstaller collects every plug-in, translation and locale a package ships; Lika needs a
small part of them. The rules here say which part, per platform, and why. ``build.spec``
and ``benchmarks/minimal.spec`` both use them, so the benchmark compares like with like.

This folder has no ``__init__.py`` on purpose: a package named ``packaging`` would shadow
the PyPI library of that name, which PyInstaller itself imports.
"""

from __future__ import annotations

import posixpath
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

# A PyInstaller TOC entry: (name in the bundle, source path, type code).
TocEntry = tuple[str, str, str]

# The Python modules in the bundle's archive (PYZ) are stored, not deflated: every
# import at start-up then skips inflating its module, about 6 ms of the register's
# first page (issue 18), and the installers come out smaller (gzip and xz pack plain
# bytecode better than deflated bytecode: the .deb 51 MB instead of 54). The bundle
# on disk is 7 MB larger. PyInstaller reads the level from its environment
# (``PyInstaller.archive.writers.ZlibArchiveWriter``) when it starts.
PYINSTALLER_ENVIRONMENT = {"PYINSTALLER_ZLIB_COMPRESSION_LEVEL": "0"}


def pyinstaller_environment(base: dict[str, str]) -> dict[str, str]:
    """``base`` (the environment) with ``PYINSTALLER_ENVIRONMENT``: for PyInstaller's
    process, for Lika (``packaging/build.py``) and the benchmark's yardstick alike."""
    return {**base, **PYINSTALLER_ENVIRONMENT}


# Qt modules a desktop form app has no use for. The PySide6 hooks collect only what is
# imported, so this list guards against an indirect import pulling one in. Modules the app
# may well use one day (QtSvg, QtPdf, QtPrintSupport) are deliberately not listed: an
# excluded module fails only at run time, when the code that imports it runs.
UNUSED_QT_MODULES = [
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql", "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools",
    "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtDBus", "PySide6.QtTest",
    "PySide6.QtMultimedia", "PySide6.QtWebEngineCore", "PySide6.Qt3DCore",
]  # fmt: skip

# Python modules the app never needs. reportlab imports ``PIL.Image`` at the top of
# ``reportlab.lib.utils``, so Pillow's core stays; its optional codecs (AVIF, WebP, colour
# management, Tk) bring 6 MB of libraries that a text-only PDF never touches.
UNUSED_PYTHON_MODULES = [
    "tkinter", "_tkinter", "unittest", "pydoc", "pdb", "doctest", "lib2to3", "test",
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin",
    "PIL._imagingcms", "PIL.ImageCms", "PIL._imagingtk", "PIL.ImageTk", "PIL.ImageQt",
    "IPython", "matplotlib", "numpy",
    # reportlab's HarfBuzz shaping is not used (Arabic-script names go through
    # arabic-reshaper and python-bidi); reportlab runs without it.
    "uharfbuzz",
    # pikepdf writes XMP metadata with lxml.etree only; the rest of lxml is 4 MB.
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.cssselect",
    "lxml.html5parser", "lxml.doctestcompare", "lxml.usedoctest",
    # Nothing in Lika or its libraries runs an event loop or a process pool; PyInstaller
    # finds them through concurrent.futures and then runs a start-up hook for
    # multiprocessing in every launch.
    # (asyncio stays: psycopg imports it for its async connection classes.)
    "multiprocessing", "concurrent.futures.process", "xmlrpc",
    # (ssl stays: the PostgreSQL driver imports it to connect to a server register,
    # issue 20; Lika opens no other network connection.)
    # The PostgreSQL driver's C build and pool: the bundle carries psycopg with
    # psycopg_binary (its libpq and OpenSSL inside), for server registers (issue 20).
    "psycopg_c", "psycopg_pool",
]  # fmt: skip

# Qt plug-ins to keep, per category; a category not named here is dropped whole.
# - platforms: the desktop's own (xcb and wayland on Linux, windows, cocoa) plus
#   offscreen, which the smoke test and headless CI runs use.
# - platformthemes: the XDG portal (file dialogs inside Flatpak/GNOME); GTK 3 is dropped
#   because it would drag in the build machine's GTK, Pango and Cairo.
# - platforminputcontexts: compose keys and IBus, so caseworkers can type å, ŋ, đ.
# - styles: the native look on Windows and macOS.
# - wayland: the xdg-shell and simple window decorations; the graphics integrations are for
#   OpenGL clients, which a Widgets app without GL is not.
# Image formats, icon engines, GL integrations, evdev input and eglfs are not needed: Lika
# shows no pictures (PNG, which the window icon uses, is built into QtGui).
KEEP_QT_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"qxcb", "qwayland", "qwayland-generic", "qwindows", "qcocoa", "qoffscreen"},
    "platformthemes": {"qxdgdesktopportal"},
    "platforminputcontexts": None,  # None: all of them
    "styles": None,
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"bradient"},  # adwaita would bring QtSvg along
}

# Languages of Qt's own translations (standard dialogs) to ship: the UI languages, plus
# Nynorsk and Danish, which the UI may fall back to because Qt has no Bokmål catalogue.
QT_LANGUAGES = {"sv", "nb", "nn", "da", "en"}

# Babel's CLDR locale data (32 MB in all) for the PDF's dates: the languages Lika writes,
# their parents (Bokmål's is "no"), and "root", which every locale falls back to.
BABEL_LANGUAGES = {"sv", "nb", "nn", "no", "en"}

# Windows DLLs the PySide6 hooks add that a Widgets app does not use: the software
# OpenGL renderer (20 MB) and the shader compiler for Direct3D (Qt Quick only).
UNUSED_WINDOWS_DLLS = {"opengl32sw.dll", "d3dcompiler_47.dll"}


def read_version(root: Path) -> str:
    """The version the package declares, without importing it (and so without Qt)."""
    text = (root / "desktop_app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise ValueError("desktop_app/__init__.py declares no __version__")
    return match.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` -> ``(0, 1, 0, 0)``; a pre-release tail such as ``rc1`` is dropped."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    padded = (*numbers, 0, 0, 0, 0)[:4]
    return (padded[0], padded[1], padded[2], padded[3])


# The folders of resources/ the app reads, named one by one. translations/ is optional
# (it arrives with the compiled UI translations); every other one must exist.
SHIPPED_RESOURCES = [
    "checklists", "demo", "fonts", "guide", "help", "icc", "icons", "schemas", "screener",
    "translations",
]  # fmt: skip
OPTIONAL_RESOURCES = {"translations"}


def resource_datas(root: Path) -> list[tuple[str, str]]:
    """``resources/`` folder by folder, so that nothing lands in the bundle unnoticed;
    and a new folder that nobody listed stops the build instead of going missing."""
    resources = root / "resources"
    unlisted = sorted(
        p.name for p in resources.iterdir() if p.is_dir() and p.name not in SHIPPED_RESOURCES
    )
    if unlisted:
        raise ValueError(
            f"resources/{unlisted[0]} is not in SHIPPED_RESOURCES (packaging/spec_support.py): "
            "add it there if the app reads it"
        )
    datas = []
    for name in SHIPPED_RESOURCES:
        folder = resources / name
        if folder.is_dir():
            datas.append((str(folder), f"resources/{name}"))
        elif name not in OPTIONAL_RESOURCES:
            raise FileNotFoundError(f"resources/{name} is missing")
    return datas


def _parts(entry: TocEntry) -> tuple[str, ...]:
    return PurePosixPath(entry[0].replace("\\", "/")).parts


def plugin_name(filename: str) -> str:
    """``libqxcb.so`` / ``qwindows.dll`` / ``libqcocoa.dylib`` -> ``qxcb`` etc."""
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def qt_plugin_wanted(entry: TocEntry) -> bool:
    """False for a Qt plug-in Lika does not need; True for everything else."""
    parts = _parts(entry)
    if "plugins" not in parts or "PySide6" not in parts:
        return True
    index = parts.index("plugins")
    if len(parts) < index + 3:
        return True
    keep = KEEP_QT_PLUGINS.get(parts[index + 1], set())
    return keep is None or plugin_name(parts[-1]) in keep


def qt_translation_wanted(entry: TocEntry) -> bool:
    """``qtbase_sv.qm``, ``qt_help_nb.qm``, ``qt_zh_CN.qm``: the language is at the end."""
    parts = _parts(entry)
    if "translations" not in parts or "PySide6" not in parts or not parts[-1].endswith(".qm"):
        return True
    match = re.search(r"_([a-z]{2,3})(?:_[A-Z][A-Za-z]+)?\.qm$", parts[-1])
    return match is not None and match.group(1) in QT_LANGUAGES


def babel_locale_wanted(entry: TocEntry) -> bool:
    parts = _parts(entry)
    if parts[:2] != ("babel", "locale-data") or not parts[-1].endswith(".dat"):
        return True
    stem = parts[-1][: -len(".dat")]
    return stem == "root" or stem.split("_")[0] in BABEL_LANGUAGES


def translation_source_wanted(entry: TocEntry) -> bool:
    """Lika's ``.ts`` files are Qt Linguist's sources; the app loads the compiled ``.qm``."""
    parts = _parts(entry)
    return not (parts[:2] == ("resources", "translations") and parts[-1].endswith(".ts"))


def windows_dll_wanted(entry: TocEntry) -> bool:
    return _parts(entry)[-1].lower() not in UNUSED_WINDOWS_DLLS


def _key(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).name.lower()


def drop_orphans(
    kept: list[TocEntry],
    dropped: Iterable[TocEntry],
    imports_of: Callable[[str], Iterable[str]],
) -> tuple[list[TocEntry], list[TocEntry]]:
    """Remove the shared libraries that only dropped entries needed.

    PyInstaller resolves each plug-in's libraries while it analyses, so leaving out the
    GTK theme plug-in afterwards would still ship GTK. A library that something dropped
    links to stays only if something kept still links to it, directly or through other
    libraries; anything collected for another reason (extension modules, libraries that
    Python loads by name) is never touched. ``imports_of(source_path)`` names the
    libraries a binary links to.
    """
    by_name = {_key(e[0]): e for e in kept if e[2] in ("BINARY", "EXTENSION")}

    def closure(roots: Iterable[TocEntry]) -> set[str]:
        seen: set[str] = set()
        stack = [e[1] for e in roots]
        while stack:
            for name in imports_of(stack.pop()):
                key = _key(name)
                if key in seen:
                    continue
                seen.add(key)
                if key in by_name:
                    stack.append(by_name[key][1])
        return seen

    candidates = {k for k in closure(dropped) if k in by_name and by_name[k][2] == "BINARY"}
    roots = [e for e in kept if e[2] in ("BINARY", "EXTENSION") and _key(e[0]) not in candidates]
    orphans = candidates - closure(roots)
    removed = [e for e in kept if _key(e[0]) in orphans]
    return [e for e in kept if _key(e[0]) not in orphans], removed


def drop_dangling_symlinks(
    binaries: list[TocEntry], datas: list[TocEntry]
) -> tuple[list[TocEntry], list[TocEntry]]:
    """PyInstaller links ``libQt6Gui.so.6`` into the top folder for the Qt libraries in
    ``PySide6/Qt/lib`` (listing the link among the data files); once a library is left
    out, its link must go too."""
    names = {e[0].replace("\\", "/") for e in [*binaries, *datas] if e[2] != "SYMLINK"}

    def wanted(entry: TocEntry) -> bool:
        if entry[2] != "SYMLINK":
            return True
        dest = PurePosixPath(entry[0].replace("\\", "/"))
        return posixpath.normpath(str(dest.parent / entry[1].replace("\\", "/"))) in names

    return [e for e in binaries if wanted(e)], [e for e in datas if wanted(e)]


def pyinstaller_imports(source: str) -> list[str]:
    """The libraries a binary links to, as PyInstaller's own analysis sees them."""
    from PyInstaller.depend.bindepend import get_imports

    try:
        return [name for name, _path in get_imports(source)]
    except Exception:  # a file PyInstaller cannot parse links nothing we could drop
        return []


def trim(
    binaries: list[TocEntry],
    datas: list[TocEntry],
    *,
    imports_of: Callable[[str], Iterable[str]] = pyinstaller_imports,
    platform: str = sys.platform,
) -> tuple[list[TocEntry], list[TocEntry], list[TocEntry]]:
    """Apply every rule above; returns (binaries, datas, what was removed)."""
    keep_binary = [qt_plugin_wanted]
    if platform == "win32":
        keep_binary.append(windows_dll_wanted)
    kept = [e for e in binaries if all(rule(e) for rule in keep_binary)]
    dropped = [e for e in binaries if not all(rule(e) for rule in keep_binary)]
    kept, _orphans = drop_orphans(kept, dropped, imports_of)
    kept_datas = [
        e
        for e in datas
        if qt_translation_wanted(e)
        and babel_locale_wanted(e)
        and qt_plugin_wanted(e)
        and translation_source_wanted(e)
    ]
    kept, kept_datas = drop_dangling_symlinks(kept, kept_datas)
    remaining = {*kept, *kept_datas}
    removed = [e for e in [*binaries, *datas] if e not in remaining]
    return kept, kept_datas, removed


def windows_version_text(version: str, *, description: str, filename: str) -> str:
    """The version resource Explorer shows under Properties > Details, in PyInstaller's
    version-file format (a Python expression it evaluates on Windows; its classes cannot
    be imported elsewhere, so the text is what can be checked on any machine)."""
    numbers = version_tuple(version)
    strings = [
        ("CompanyName", "Lika"),
        ("FileDescription", description),
        ("FileVersion", version),
        ("InternalName", filename.removesuffix(".exe")),
        ("LegalCopyright", "GNU General Public License v3 or later"),
        ("OriginalFilename", filename),
        ("ProductName", "Lika"),
        ("ProductVersion", version),
    ]
    structs = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings)
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers!r}, prodvers={numbers!r}, mask=0x3F, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
          {structs}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])])
  ]
)
"""


def windows_version_file(version: str, *, description: str, filename: str, folder: Path) -> str:
    """Write ``windows_version_text`` for one executable; returns the path for ``EXE``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{filename}.version.txt"
    text = windows_version_text(version, description=description, filename=filename)
    path.write_text(text, encoding="utf-8")
    return str(path)


def env_flag(name: str, default: bool) -> bool:
    """A build switch from the environment: 1/yes/true or 0/no/false."""
    import os

    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "yes", "true", "on"}:
        return True
    if value in {"0", "no", "false", "off"}:
        return False
    raise ValueError(f"{name}={value!r}: use 1 or 0")
