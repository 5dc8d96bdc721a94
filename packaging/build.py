"""Build Lika for the platform this runs on: freeze it with PyInstaller, then pack it.

    python packaging/build.py                 freeze (build.spec) and pack everything
    python packaging/build.py --no-freeze     pack what dist/ already holds
    python packaging/build.py --only deb      pack one format (tar.gz, deb, nsis, dmg)
    python packaging/build.py --nsis-check    compile the Windows installer around a
                                              stand-in payload (works on Linux too)

What comes out, in dist/:
- Linux: ``lika-VERSION-linux-ARCH.tar.gz`` (unpack anywhere; ``install-user.sh`` inside
  makes a per-user install) and ``lika_VERSION_ARCH.deb`` (system-wide, under /opt/lika);
- Windows: ``Lika-VERSION-setup.exe`` (NSIS, per user without admin rights);
- macOS: ``Lika.app`` (made by build.spec) in ``Lika-VERSION-macos.dmg``.
Run it with the Python of the venv that has Lika and PyInstaller installed.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
DIST = ROOT / "dist"
WORK = ROOT / "build"
sys.path.insert(0, str(PACKAGING))

from spec_support import read_version, version_tuple

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# Libraries the bundle links to but does not carry, and the Debian package of each.
# PyInstaller leaves out the C library and the graphics stack on purpose: those must
# match the machine. A new one makes the .deb build stop until it is added here.
SYSTEM_LIBRARIES = {
    "libc.so.6": "libc6", "libm.so.6": "libc6", "libdl.so.2": "libc6",
    "libpthread.so.0": "libc6", "librt.so.1": "libc6", "libutil.so.1": "libc6",
    "libresolv.so.2": "libc6",  # the PostgreSQL driver's libpq resolves host names with it
    "ld-linux-x86-64.so.2": "libc6", "ld-linux-aarch64.so.1": "libc6",
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0", "libxcb.so.1": "libxcb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}  # fmt: skip
# Declared as well although the build machine's copies are usually bundled: Qt's xcb
# plug-in cannot start without them, and a build machine may lack one (then it is not
# bundled and must come from the system). libfontconfig1 brings a font configuration
# and at least one font, which Qt needs to draw any text.
DEB_DEPENDS = [
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0",
    "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0",
    "libxcb-xfixes0", "libxcb-xkb1", "libxkbcommon-x11-0", "libxkbcommon0",
    "libfontconfig1", "libdbus-1-3",
]  # fmt: skip


class BuildError(Exception):
    pass


def run(args: list[str | Path], **kwargs: object) -> None:
    print("+ " + " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, **kwargs)  # type: ignore[call-overload]


def render(template: Path, values: dict[str, str]) -> str:
    """Fill ``@NAME@`` placeholders; a placeholder left unfilled is an error."""
    text = template.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    left = sorted(set(re.findall(r"@([A-Z_]+)@", text)))
    if left:
        raise BuildError(f"{template.name}: no value for {', '.join(left)}")
    return text


def freeze() -> None:
    from spec_support import pyinstaller_environment

    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
         "--distpath", DIST, "--workpath", WORK, ROOT / "build.spec"],
        env=pyinstaller_environment(dict(os.environ)))  # fmt: skip


def bundle_dir() -> Path:
    folder = DIST / "lika"
    if not (folder / ("lika.exe" if sys.platform == "win32" else "lika")).is_file():
        raise BuildError(f"{folder} holds no built Lika; run without --no-freeze first")
    return folder


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)


# Linux

METAINFO = "se.lika.Lika.metainfo.xml"  # AppStream wants the file named by the component id


def pack_tar(version: str) -> Path:
    """The bundle plus what a per-user install needs: desktop entry, icon, installer."""
    out = DIST / f"lika-{version}-linux-{arch()}.tar.gz"
    top = f"lika-{version}"
    extras = {
        "install-user.sh": PACKAGING / "linux" / "install-user.sh",
        "share/applications/lika.desktop": PACKAGING / "linux" / "lika.desktop",
        "share/mime/packages/lika.xml": PACKAGING / "linux" / "lika-mime.xml",
        f"share/metainfo/{METAINFO}": PACKAGING / "linux" / "lika.metainfo.xml",
        "share/icons/lika.svg": ROOT / "resources" / "icons" / "lika.svg",
        **{
            f"share/icons/lika-{s}.png": ROOT / "resources" / "icons" / f"lika-{s}.png"
            for s in ICON_SIZES
        },
    }

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    print(f"packing {out.name}", flush=True)
    with tarfile.open(out, "w:gz", compresslevel=9) as tar:
        tar.add(bundle_dir(), arcname=top, filter=owned_by_root)
        for name, source in extras.items():
            tar.add(source, arcname=f"{top}/{name}", filter=owned_by_root)
    return out


def system_libraries(folder: Path) -> set[str]:
    """Libraries the bundle's binaries link to that the bundle does not carry."""
    if not shutil.which("readelf"):
        raise BuildError("readelf (binutils) is needed to work out the .deb's dependencies")
    carried = {p.name for p in folder.rglob("*.so*")}
    needed: set[str] = set()
    for path in [*folder.rglob("*.so*"), folder / "lika"]:
        if path.is_symlink() or not path.is_file():
            continue
        result = subprocess.run(
            ["readelf", "-d", str(path)], capture_output=True, text=True, check=False
        )
        needed.update(re.findall(r"\(NEEDED\)\s+Shared library: \[([^]]+)\]", result.stdout))
    return needed - carried


def deb_depends(folder: Path) -> str:
    unknown = sorted(lib for lib in system_libraries(folder) if lib not in SYSTEM_LIBRARIES)
    if unknown:
        raise BuildError(
            f"the bundle links to {', '.join(unknown)} from the system: add the Debian "
            "package to SYSTEM_LIBRARIES in packaging/build.py"
        )
    packages = {SYSTEM_LIBRARIES[lib] for lib in system_libraries(folder)} - {"libc6"}
    # The libraries bundled from the build machine need at least its C library.
    glibc = os.confstr("CS_GNU_LIBC_VERSION").split()[-1]
    return ", ".join([f"libc6 (>= {glibc})", *DEB_DEPENDS, *sorted(packages)])


def pack_deb(version: str) -> Path:
    """A system-wide install: /opt/lika, /usr/bin/lika, desktop entry, hicolor icons."""
    if not shutil.which("dpkg-deb"):
        raise BuildError("dpkg-deb is needed to build the .deb")
    deb_arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    stage = WORK / "deb" / "root"
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(bundle_dir(), stage / "opt" / "lika", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "lika").symlink_to("/opt/lika/lika")
    applications = stage / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(PACKAGING / "linux" / "lika.desktop", applications / "lika.desktop")
    # The exchange file's MIME type and the software centres' entry (dpkg triggers of
    # shared-mime-info and AppStream pick them up; no maintainer script needed).
    mime = stage / "usr" / "share" / "mime" / "packages"
    mime.mkdir(parents=True)
    shutil.copy2(PACKAGING / "linux" / "lika-mime.xml", mime / "lika.xml")
    metainfo = stage / "usr" / "share" / "metainfo"
    metainfo.mkdir(parents=True)
    shutil.copy2(PACKAGING / "linux" / "lika.metainfo.xml", metainfo / METAINFO)
    hicolor = stage / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(ROOT / "resources" / "icons" / f"lika-{size}.png", target / "lika.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "icons" / "lika.svg", hicolor / "scalable/apps/lika.svg")
    doc = stage / "usr" / "share" / "doc" / "lika"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Lika is free software under the GNU General Public License, version 3 or later\n"
        "(see /usr/share/common-licenses/GPL-3). It bundles Python, Qt for Python\n"
        "(PySide6, LGPL-3.0) and other libraries under their own licences, and the\n"
        "DejaVu fonts (/opt/lika/_internal/resources/fonts/LICENSE).\n",
        encoding="utf-8",
    )
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        render(
            PACKAGING / "linux" / "control.in",
            {
                "VERSION": version,
                "ARCH": deb_arch,
                "INSTALLED_SIZE": str(folder_size(stage) // 1024),
                "DEPENDS": deb_depends(stage / "opt" / "lika"),
                "MAINTAINER": os.environ.get("LIKA_DEB_MAINTAINER", "Lika <noreply@lika.invalid>"),
            },
        ),
        encoding="utf-8",
    )
    for path in stage.rglob("*"):  # dpkg keeps the modes it finds: make them sane
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    out = DIST / f"lika_{version}_{deb_arch}.deb"
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", stage, out])
    return out


# Windows


def nsis_script(version: str, payload: Path, out: Path) -> Path:
    """Render lika.nsi.in for ``payload`` (the folder to install) into build/."""
    script = WORK / "nsis" / "lika.nsi"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(
        render(
            PACKAGING / "windows" / "lika.nsi.in",
            {
                "VERSION": version,
                "VERSION_QUAD": ".".join(str(n) for n in version_tuple(version)),
                "OUTFILE": str(out),
                "DIST_DIR": str(payload),
                "ICON": str(ROOT / "resources" / "icons" / "lika.ico"),
                "LICENSE": str(ROOT / "LICENSE"),
            },
        ),
        encoding="utf-8",
    )
    return script


def makensis() -> str:
    found = shutil.which("makensis")
    default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    if not found and (default / "NSIS" / "makensis.exe").is_file():
        found = str(default / "NSIS" / "makensis.exe")
    if not found:
        raise BuildError("makensis (NSIS 3) is needed: apt-get install nsis / choco install nsis")
    return found


def pack_nsis(version: str, payload: Path | None = None, suffix: str = "") -> Path:
    out = DIST / f"Lika-{version}-setup{suffix}.exe"
    script = nsis_script(version, payload or bundle_dir(), out)
    run([makensis(), "-V2", "-WX", script])  # -WX: a warning is an error
    if not out.is_file() or out.read_bytes()[:2] != b"MZ":
        raise BuildError(f"makensis did not write a Windows program to {out}")
    return out


def nsis_check(version: str) -> Path:
    """Compile the installer with stand-in files where the Windows build would be, so
    the script is checked on any machine with makensis (CI runs this on Linux)."""
    payload = WORK / "nsis-standin" / "lika"
    shutil.rmtree(payload.parent, ignore_errors=True)
    (payload / "_internal" / "resources").mkdir(parents=True)
    for name in ("lika.exe", "lika-cli.exe"):
        (payload / name).write_bytes(b"MZ stand-in for " + name.encode())
    (payload / "_internal" / "resources" / "README.txt").write_text("stand-in payload\n")
    out = pack_nsis(version, payload, suffix="-standin")
    if shutil.which("7z"):  # 7-Zip reads NSIS installers: is everything in its place?
        listing = subprocess.run(
            ["7z", "l", str(out)], capture_output=True, text=True, check=True
        ).stdout
        wanted = ["lika.exe", "lika-cli.exe", "_internal/resources/README.txt", "uninstall.exe"]
        missing = [
            name for name in wanted if not re.search(rf"\s{re.escape(name)}$", listing, re.M)
        ]
        if missing:
            raise BuildError(f"the stand-in installer lacks {', '.join(missing)}:\n{listing}")
        print(f"the installer holds {', '.join(wanted)}")
    return out


# macOS


def pack_dmg(version: str) -> Path:
    app = DIST / "Lika.app"
    if not app.is_dir():
        raise BuildError(f"{app} is missing; build.spec makes it on macOS")
    out = DIST / f"Lika-{version}-macos.dmg"
    out.unlink(missing_ok=True)
    run(["hdiutil", "create", "-volname", "Lika", "-srcfolder", app, "-ov",
         "-format", "UDZO", out])  # fmt: skip
    return out


FORMATS = {
    "linux": {"tar.gz": pack_tar, "deb": pack_deb},
    "win32": {"nsis": pack_nsis},
    "darwin": {"dmg": pack_dmg},
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-freeze", action="store_true", help="do not run PyInstaller")
    parser.add_argument("--only", action="append", metavar="FORMAT", help="pack only this")
    parser.add_argument("--nsis-check", action="store_true", help="compile a stand-in installer")
    args = parser.parse_args(argv)
    version = read_version(ROOT)
    DIST.mkdir(exist_ok=True)
    try:
        if args.nsis_check:
            out = nsis_check(version)
            print(f"NSIS script compiles: {out} ({out.stat().st_size // 1024} KiB)")
            return 0
        system = "linux" if sys.platform.startswith("linux") else sys.platform
        formats = FORMATS.get(system, {})
        unknown = set(args.only or []) - set(formats)
        if unknown:
            raise BuildError(f"cannot pack {', '.join(sorted(unknown))} on {system}")
        if not args.no_freeze:
            freeze()
        print(f"bundle: {bundle_dir()} ({folder_size(bundle_dir()) / 1e6:.0f} MB)")
        for name, pack in formats.items():
            if args.only is None or name in args.only:
                out = pack(version)
                print(f"{name}: {out} ({out.stat().st_size / 1e6:.1f} MB)", flush=True)
    except (BuildError, subprocess.CalledProcessError) as error:
        print(f"build: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
