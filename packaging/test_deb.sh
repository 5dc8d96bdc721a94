#!/usr/bin/env bash
# Install Lika's .deb on a fresh Debian system, use it, remove it.
#
#   packaging/test_deb.sh [DEB]          (default: the newest dist/lika_*.deb)
#   packaging/test_deb.sh --host [DEB]   install on this machine instead (dpkg -i / -r)
#
# By default the fresh system is a minimal Debian 12 made with debootstrap in a temporary
# folder (needs root and Debian's package mirror; about a minute), so the test also proves
# that the package's dependencies are complete: nothing from the build machine helps.
# Steps: dpkg -i (then apt-get -f install for the dependencies, as on any new machine),
# lika --version, lika demo, lika list, lika export-pdf (fonts embedded, checked with
# pdffonts), the window offscreen until it is shown, the desktop entry and icon in place,
# then dpkg -r and a check that /opt/lika and /usr/bin/lika are gone.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=chroot
if [ "${1:-}" = "--host" ]; then mode=host; shift; fi
deb=${1:-$(ls -t dist/lika_*.deb 2>/dev/null | head -1)}
[ -n "$deb" ] && [ -f "$deb" ] || { echo "test_deb: no .deb; run packaging/build.py first" >&2; exit 2; }
deb=$(realpath "$deb")
[ "$(id -u)" -eq 0 ] || { echo "test_deb: run as root (it installs a package)" >&2; exit 2; }

work=$(mktemp -d)
cleanup() {
  if [ "$mode" = chroot ]; then umount "$work/root/proc" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ "$mode" = chroot ]; then
  command -v debootstrap >/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  }
  echo "test_deb: making a minimal Debian 12 in $work/root"
  if ! debootstrap --variant=minbase bookworm "$work/root" http://deb.debian.org/debian \
    >"$work/debootstrap.log" 2>&1; then
    tail -5 "$work/debootstrap.log" >&2
    if dpkg -s lika >/dev/null 2>&1 || [ "${LIKA_TEST_DEB_NO_HOST:-}" = 1 ]; then exit 1; fi
    echo "test_deb: no fresh Debian (is the mirror reachable?); testing on this machine instead" >&2
    exec "$0" --host "$deb"
  fi
  mount -t proc proc "$work/root/proc"
  cp "$deb" "$work/root/tmp/lika.deb"
  inside() { chroot "$work/root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp/home "$@"; }
  root="$work/root"
  pkg=/tmp/lika.deb
  tmp=/tmp/lika-test
else
  if dpkg -s lika >/dev/null 2>&1; then
    echo "test_deb: a lika package is already installed here; not touching it" >&2
    exit 2
  fi
  inside() { env HOME="$work/home" "$@"; }
  root=""
  pkg=$deb
  tmp=$work/lika-test
fi
mkdir -p "$root$tmp" "$root$tmp/runtime" "$root/tmp/home"
chmod 700 "$root$tmp/runtime"

echo "test_deb: dpkg -i $(basename "$deb")"
if ! inside dpkg -i "$pkg" >"$work/dpkg.log" 2>&1; then
  # A fresh machine lacks the dependencies, as with any .deb: let apt fetch them.
  grep -q "dependency problems" "$work/dpkg.log" || { cat "$work/dpkg.log" >&2; exit 1; }
  inside apt-get update -qq
  inside env DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; exit 1; }
fi
inside dpkg -s lika | grep -q "^Status: install ok installed" || { echo "test_deb: not installed" >&2; exit 1; }

fail() { echo "test_deb: $*" >&2; exit 1; }
version=$(inside lika --version)
echo "test_deb: installed: $version"
inside lika demo --db "$tmp/register.db"
inside lika list --db "$tmp/register.db" --format json >"$work/list.json"
read -r id case_number < <(python3 -c 'import json, sys
first = json.load(open(sys.argv[1]))[0]
print(first["id"], first["case_number"].replace(" ", ""))' "$work/list.json")
[ -n "$id" ] || fail "lika list gave no assessments"
inside lika export-pdf "$id" --db "$tmp/register.db" --out "$tmp/summary.pdf"
pdf="$root$tmp/summary.pdf"
[ -s "$pdf" ] || fail "export-pdf wrote nothing"
if pdffonts "$pdf" | awk 'NR > 2 && $(NF-4) != "yes" {bad = 1} END {exit !bad}'; then
  pdffonts "$pdf" >&2
  fail "a font in the PDF is not embedded"
fi
text=$(pdftotext "$pdf" - | tr -d '[:space:]')
[[ "$text" == *"$case_number"* ]] || fail "the PDF does not show the case number $case_number"
echo "test_deb: export-pdf wrote a PDF with every font embedded and the case number in it"

out=$(inside env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$tmp/runtime" \
  LIKA_SMOKE_TEST_QUIT_AFTER_SHOW=1 lika --db "$tmp/register.db" 2>&1) || fail "the window failed: $out"
grep -q "LIKA_SMOKE_TEST: main window shown" <<<"$out" || fail "the window did not show: $out"
if grep -E "Traceback|ImportError|qt\.qpa\.plugin|Cannot load library" <<<"$out"; then
  fail "errors while the window started"
fi
echo "test_deb: the window starts and shows"

for f in /usr/share/applications/lika.desktop /usr/share/icons/hicolor/256x256/apps/lika.png \
  /usr/share/icons/hicolor/scalable/apps/lika.svg /opt/lika/lika \
  /usr/share/mime/packages/lika.xml /usr/share/metainfo/se.lika.Lika.metainfo.xml; do
  [ -e "$root$f" ] || fail "$f is missing"
done
[ "$(readlink "$root/usr/bin/lika")" = /opt/lika/lika ] || fail "/usr/bin/lika does not point to /opt/lika/lika"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/lika.desktop"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$root/usr/share/metainfo/se.lika.Lika.metainfo.xml" >/dev/null \
    || fail "appstreamcli does not accept the metainfo"
fi

inside dpkg -r lika >/dev/null
[ ! -e "$root/opt/lika" ] && [ ! -e "$root/usr/bin/lika" ] || fail "dpkg -r left /opt/lika or /usr/bin/lika behind"
[ -s "$pdf" ] || fail "removing the package removed the user's files"
echo "test_deb: dpkg -r removed the program and kept the user's files"
echo "test_deb: all checks passed ($mode)"
