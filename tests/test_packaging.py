"""The rules of the frozen build (packaging/) that can be checked without building.

The build itself, the smoke test of the frozen program, the .deb on a fresh Debian and the
NSIS compile run in .ci/run, because they take minutes and need root or makensis.
"""

from __future__ import annotations

import configparser
import re
import sys
from pathlib import Path

import pytest

from tests.packaging_modules import load

ROOT = Path(__file__).resolve().parent.parent


support = load("spec_support")
build = load("build")

PLUGINS = "PySide6/Qt/plugins"


def binary(name: str, typecode: str = "BINARY") -> tuple[str, str, str]:
    return (name, f"/src/{name}", typecode)


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        (f"{PLUGINS}/platforms/libqxcb.so", True),
        (f"{PLUGINS}/platforms/libqwayland.so", True),
        (f"{PLUGINS}/platforms/libqoffscreen.so", True),
        (f"{PLUGINS}/platforms/qwindows.dll", True),
        (f"{PLUGINS}/platforms/libqcocoa.dylib", True),
        (f"{PLUGINS}/platforms/libqeglfs.so", False),
        (f"{PLUGINS}/platforms/libqvnc.so", False),
        (f"{PLUGINS}/platformthemes/libqgtk3.so", False),
        (f"{PLUGINS}/platformthemes/libqxdgdesktopportal.so", True),
        (f"{PLUGINS}/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        (f"{PLUGINS}/styles/qmodernwindowsstyle.dll", True),
        (f"{PLUGINS}/imageformats/libqjpeg.so", False),
        (f"{PLUGINS}/iconengines/libqsvgicon.so", False),
        (f"{PLUGINS}/xcbglintegrations/libqxcb-glx-integration.so", False),
        (f"{PLUGINS}/wayland-shell-integration/libxdg-shell.so", True),
        (f"{PLUGINS}/wayland-shell-integration/libivi-shell.so", False),
        ("PySide6\\Qt\\plugins\\imageformats\\qgif.dll", False),  # Windows separators
        ("PySide6/Qt/lib/libQt6Gui.so.6", True),  # not a plug-in
        ("libpython3.11.so.1.0", True),
    ],
)
def test_qt_plugins_kept_and_left_out(name, kept):
    assert support.qt_plugin_wanted(binary(name)) is kept


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_sv.qm", True),
        ("PySide6/Qt/translations/qt_nb.qm", True),
        ("PySide6/Qt/translations/qt_nn.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_zh_CN.qm", False),
        ("PySide6/Qt/translations/qt_help_sv.qm", True),
        ("resources/translations/lika_de.qm", True),  # Lika's own are not Qt's to filter
    ],
)
def test_qt_translations_only_for_the_languages_shipped(name, kept):
    assert support.qt_translation_wanted((name, "/src", "DATA")) is kept


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("babel/locale-data/root.dat", True),
        ("babel/locale-data/sv.dat", True),
        ("babel/locale-data/sv_FI.dat", True),
        ("babel/locale-data/nb.dat", True),
        ("babel/locale-data/no.dat", True),
        ("babel/locale-data/en_GB.dat", True),
        ("babel/locale-data/nnh.dat", False),
        ("babel/locale-data/de.dat", False),
        ("babel/global.dat", True),
    ],
)
def test_babel_locales_for_the_pdf_languages(name, kept):
    assert support.babel_locale_wanted((name, "/src", "DATA")) is kept


def test_only_the_compiled_ui_translations_are_shipped():
    def data(name: str) -> tuple[str, str, str]:
        return (name, "/src", "DATA")

    assert not support.translation_source_wanted(data("resources/translations/lika_sv.ts"))
    assert support.translation_source_wanted(data("resources/translations/lika_sv.qm"))
    assert support.translation_source_wanted(data("resources/checklists/se.yaml"))


def test_the_windows_software_renderer_is_left_out():
    assert not support.windows_dll_wanted(binary("opengl32sw.dll"))
    assert not support.windows_dll_wanted(binary("PySide6\\D3Dcompiler_47.dll"))
    assert support.windows_dll_wanted(binary("PySide6\\Qt6Gui.dll"))


def test_babel_keeps_every_locale_the_pdf_asks_for():
    """The PDF's dates must not fall back to English because a locale was left out."""
    from desktop_app.domain.formats import BABEL_LOCALES
    from desktop_app.domain.model import Language

    for language in Language:
        locale = BABEL_LOCALES[language]
        name = f"babel/locale-data/{locale}.dat"
        assert support.babel_locale_wanted((name, "/src", "DATA")), locale


def test_libraries_only_a_dropped_plugin_needs_go_too():
    gtk = binary(f"{PLUGINS}/platformthemes/libqgtk3.so")
    xcb = binary(f"{PLUGINS}/platforms/libqxcb.so")
    links = {
        gtk[1]: ["libgtk-3.so.0", "libcairo.so.2", "libX11.so.6"],
        "/src/libgtk-3.so.0": ["libpango-1.0.so.0"],
        xcb[1]: ["libX11.so.6", "libxcb-cursor.so.0"],
        "/src/ctypes-loaded.so": [],
    }
    kept = [
        xcb,
        binary("libgtk-3.so.0"),
        binary("libpango-1.0.so.0"),
        binary("libcairo.so.2"),
        binary("libX11.so.6"),
        binary("libxcb-cursor.so.0"),
        binary("ctypes-loaded.so"),  # linked by nothing: collected for a reason we keep
        binary("_cairo_ext.so", "EXTENSION"),
    ]
    left, removed = support.drop_orphans(kept, [gtk], lambda path: links.get(path, []))
    assert {e[0] for e in removed} == {"libgtk-3.so.0", "libpango-1.0.so.0", "libcairo.so.2"}
    assert binary("libX11.so.6") in left and binary("ctypes-loaded.so") in left


def test_a_library_a_kept_binary_still_needs_stays():
    gtk = binary(f"{PLUGINS}/platformthemes/libqgtk3.so")
    ext = binary("PIL/_imaging.so", "EXTENSION")
    links = {gtk[1]: ["libcairo.so.2"], ext[1]: ["libcairo.so.2"]}
    left, removed = support.drop_orphans(
        [ext, binary("libcairo.so.2")], [gtk], lambda p: links.get(p, [])
    )
    assert removed == [] and binary("libcairo.so.2") in left


def test_links_to_removed_libraries_are_removed():
    binaries = [binary("PySide6/Qt/lib/libQt6Gui.so.6")]
    datas = [
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6Svg.so.6", "PySide6/Qt/lib/libQt6Svg.so.6", "SYMLINK"),
        ("resources/fonts/DejaVuSans.ttf", "/src/DejaVuSans.ttf", "DATA"),
    ]
    kept_binaries, kept_datas = support.drop_dangling_symlinks(binaries, datas)
    assert kept_binaries == binaries
    assert [e[0] for e in kept_datas] == ["libQt6Gui.so.6", "resources/fonts/DejaVuSans.ttf"]


def test_trim_end_to_end_on_a_small_toc():
    gtk = binary(f"{PLUGINS}/platformthemes/libqgtk3.so")
    binaries = [gtk, binary(f"{PLUGINS}/platforms/libqxcb.so"), binary("libgtk-3.so.0")]
    datas = [
        ("babel/locale-data/de.dat", "/src", "DATA"),
        ("babel/locale-data/sv.dat", "/src", "DATA"),
        ("PySide6/Qt/translations/qtbase_fr.qm", "/src", "DATA"),
    ]
    links = {gtk[1]: ["libgtk-3.so.0"]}
    kept, kept_datas, removed = support.trim(
        binaries, datas, imports_of=lambda p: links.get(p, []), platform="linux"
    )
    assert [e[0] for e in kept] == [f"{PLUGINS}/platforms/libqxcb.so"]
    assert [e[0] for e in kept_datas] == ["babel/locale-data/sv.dat"]
    assert len(removed) == 4


def test_version_from_the_package_without_importing_it():
    from desktop_app import __version__

    assert support.read_version(ROOT) == __version__
    assert support.version_tuple("1.2.3") == (1, 2, 3, 0)
    assert support.version_tuple("2.0rc1") == (2, 0, 1, 0)
    assert support.version_tuple("0.1.0+local.5") == (0, 1, 0, 0)


def test_windows_version_information_is_a_well_formed_version_file():
    text = support.windows_version_text("1.4.2", description="Lika", filename="lika.exe")
    # PyInstaller evaluates the file with its version-info classes (importable only on
    # Windows): evaluate it here with stand-ins that record what they were given.
    calls: dict[str, list[tuple]] = {}

    def recorder(name):
        def record(*args, **kwargs):
            calls.setdefault(name, []).append((args, kwargs))
            return name

        return record

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct"]  # fmt: skip
    assert eval(text, {n: recorder(n) for n in names}) == "VSVersionInfo"
    assert calls["FixedFileInfo"][0][1]["filevers"] == (1, 4, 2, 0)
    strings = dict(args for args, _kwargs in calls["StringStruct"])
    assert strings["FileVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == "lika.exe"


def test_resources_are_listed_folder_by_folder(tmp_path):
    datas = support.resource_datas(ROOT)
    names = [dest for _src, dest in datas]
    for folder in ("checklists", "fonts", "guide", "icons", "schemas", "demo", "screener"):
        assert f"resources/{folder}" in names
    assert ("resources/translations" in names) == (ROOT / "resources/translations").is_dir()
    (tmp_path / "resources").mkdir()
    with pytest.raises(FileNotFoundError, match="resources/checklists is missing"):
        support.resource_datas(tmp_path)


def test_a_new_resource_folder_must_be_listed(tmp_path):
    for name in support.SHIPPED_RESOURCES:
        (tmp_path / "resources" / name).mkdir(parents=True)
    (tmp_path / "resources" / "sounds").mkdir()
    with pytest.raises(ValueError, match="resources/sounds is not in SHIPPED_RESOURCES"):
        support.resource_datas(tmp_path)


def test_pyinstaller_stores_the_modules_it_is_told_to():
    """The bundle's modules are stored, not deflated (``PYINSTALLER_ENVIRONMENT``): the
    PyInstaller installed reads the level from that variable (one that dropped it would
    quietly deflate again, and the start-up lose about 6 ms). ``.ci/run`` runs it again
    after installing the build extras, so CI never skips it."""
    import os
    import subprocess

    pytest.importorskip("PyInstaller", reason="the build extras are not installed")
    code = (
        "from PyInstaller.archive.writers import ZlibArchiveWriter\n"
        "print(ZlibArchiveWriter._COMPRESSION_LEVEL)\n"
    )
    env = support.pyinstaller_environment(dict(os.environ))
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, check=True, timeout=60)  # fmt: skip
    assert result.stdout.strip() == "0"


def test_env_flags(monkeypatch):
    monkeypatch.setenv("LIKA_TEST_FLAG", "yes")
    assert support.env_flag("LIKA_TEST_FLAG", False) is True
    monkeypatch.setenv("LIKA_TEST_FLAG", "0")
    assert support.env_flag("LIKA_TEST_FLAG", True) is False
    monkeypatch.delenv("LIKA_TEST_FLAG")
    assert support.env_flag("LIKA_TEST_FLAG", True) is True
    monkeypatch.setenv("LIKA_TEST_FLAG", "maybe")
    with pytest.raises(ValueError, match="use 1 or 0"):
        support.env_flag("LIKA_TEST_FLAG", True)


def test_the_nsis_script_gets_every_value_it_needs(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "WORK", tmp_path)
    script = build.nsis_script("1.2.3", tmp_path / "payload", tmp_path / "setup.exe").read_text()
    assert '!define APP_VERSION "1.2.3"' in script
    assert 'VIProductVersion "1.2.3.0"' in script
    assert not re.search(r"@[A-Z_]+@", script)
    # The promises made to IT in docs/it-deployment.md:
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"' in script
    assert 'Section /o "un.$(SecData)"' in script  # user data only when asked
    assert '"/REMOVEDATA"' in script and '"/ALLUSERS"' in script


def test_a_placeholder_left_unfilled_stops_the_build(tmp_path):
    template = tmp_path / "x.in"
    template.write_text("Version: @VERSION@\nArch: @ARCH@\n", encoding="utf-8")
    with pytest.raises(build.BuildError, match="no value for ARCH"):
        build.render(template, {"VERSION": "1"})


def test_the_desktop_entry_is_complete():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "packaging" / "linux" / "lika.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "lika %f"  # a double-clicked exchange file is imported
    assert section["MimeType"] == "application/x-lika-assessment+json;"
    assert section["Icon"] == "lika"
    assert section["Categories"].endswith(";")
    assert {"Name", "Comment[sv]", "Comment[nb]"} <= set(section)


def test_icons_exist_in_every_size_the_packages_install():
    icons = ROOT / "resources" / "icons"
    for size in build.ICON_SIZES:
        assert (icons / f"lika-{size}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (icons / "lika.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (icons / "lika.icns").read_bytes()[:4] == b"icns"
    assert "<svg" in (icons / "lika.svg").read_text(encoding="utf-8")


def test_deb_dependencies_cover_every_system_library(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "system_libraries", lambda folder: {"libGL.so.1", "libc.so.6"})
    depends = build.deb_depends(tmp_path)
    assert depends.startswith("libc6 (>= ")
    assert "libgl1" in depends and "libxcb-cursor0" in depends
    monkeypatch.setattr(build, "system_libraries", lambda folder: {"libnew.so.3"})
    with pytest.raises(build.BuildError, match=r"libnew\.so\.3"):
        build.deb_depends(tmp_path)


def test_the_window_starts_without_the_libraries_only_some_actions_need():
    """Start-up time (docs/performance.md): reportlab and pikepdf load when a PDF is made,
    Babel when a date is written, jsonschema when content is not the build's own."""
    import subprocess

    code = (
        "import sys, desktop_app.__main__, desktop_app.cli, desktop_app.ui.app; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'reportlab', 'pikepdf', 'PIL', 'babel', 'jsonschema'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_the_window_starts_without_the_windows_and_dialogs_it_opens_later():
    """Start-up time: the editor, review mode and the revision dialogs are imported when
    first opened, not with the main window."""
    import subprocess

    later = [
        "desktop_app.ui.editor.editor_window",
        "desktop_app.ui.review.review_window",
        "desktop_app.ui.revisions.revisions_dialog",
        "desktop_app.ui.revisions.history_dialog",
        "desktop_app.ui.revisions.compare_view",
    ]
    code = (
        "import sys, desktop_app.__main__, desktop_app.cli, desktop_app.ui.app, "
        f"desktop_app.ui.main_window; print(sorted(set(sys.modules) & {set(later)!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


# A real start of the window (offscreen, quitting once the register is listed), which
# prints the modules loaded when the window was shown and when it quit.
_START_SCRIPT = """
import json, sys
from pathlib import Path
from desktop_app.ui import app
shown = {}
report = app.report_shown_if_requested
def record(window):
    shown['modules'] = sorted(sys.modules)
    report(window)
app.report_shown_if_requested = record
code = app.run_app(Path(sys.argv[1]))
print(json.dumps({'code': code, 'shown': shown['modules'], 'listed': sorted(sys.modules)}))
"""


@pytest.fixture(scope="module")
def real_start(tmp_path_factory):
    import json
    import os
    import subprocess

    db = tmp_path_factory.mktemp("start") / "register.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIKA_SMOKE_TEST_QUIT_AFTER_SHOW": "1",
           "LIKA_DEFAULTS": ""}  # fmt: skip
    subprocess.run([sys.executable, "-m", "desktop_app", "demo", "--db", str(db)],
                   env=env, check=True, capture_output=True, timeout=120)  # fmt: skip
    result = subprocess.run([sys.executable, "-c", _START_SCRIPT, str(db)], env=env,
                            capture_output=True, text=True, check=True, timeout=120)  # fmt: skip
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0, result.stderr
    return report


def test_the_window_shows_before_the_register_and_content_are_loaded(real_start):
    """docs/performance.md: the window appears first; storage, sqlite-utils and the YAML
    content are loaded after it is shown."""
    shown = set(real_start["shown"])
    assert not {"sqlite_utils", "yaml", "desktop_app.storage.repository",
                "desktop_app.checklists.guide", "desktop_app.cli"} & shown  # fmt: skip


def test_a_start_loads_no_window_or_library_that_waits_for_its_first_use(real_start):
    later = {
        "desktop_app.ui.editor.editor_window", "desktop_app.ui.review.review_window",
        "desktop_app.ui.revisions.revisions_dialog", "desktop_app.ui.report_dialog",
        "desktop_app.ui.settings_dialog", "desktop_app.ui.backups_dialog",
        "desktop_app.ui.register.followup_view", "desktop_app.ui.register.overview_view",
        "reportlab", "pikepdf", "babel", "dateutil.parser._parser",
        "cryptography",  # when an approval is signed or checked (about 10 MB, issue 18)
    }  # fmt: skip
    # (jsonschema is left out: a source checkout checks its content at every start,
    # the bundle only what it was not built with; see checklists/trusted.py.)
    assert sorted(later & set(real_start["listed"])) == []
