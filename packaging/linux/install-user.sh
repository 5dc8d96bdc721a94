#!/bin/sh
# Install (or remove) Lika for the current user only, without root.
#
#   ./install-user.sh              copy this folder to ~/.local/opt/lika, put `lika` on
#                                  the PATH (~/.local/bin) and into the desktop's menu
#   ./install-user.sh --uninstall  remove all of that again
#
# The register (~/.local/share/Lika) and settings (~/.config/Lika) are never touched;
# delete them yourself if you want them gone. PREFIX=/some/where moves the program.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=${PREFIX:-$HOME/.local/opt/lika}
bin=$HOME/.local/bin

remove() {
  rm -rf "$prefix"
  rm -f "$bin/lika" "$data/applications/lika.desktop" "$data/mime/packages/lika.xml" \
    "$data/metainfo/se.lika.Lika.metainfo.xml"
  for png in "$data"/icons/hicolor/*/apps/lika.png "$data"/icons/hicolor/scalable/apps/lika.svg; do
    rm -f "$png"
  done
}

if [ "${1:-}" = "--uninstall" ]; then
  remove
  echo "Lika removed. Your register and settings are still in $data/Lika and ~/.config/Lika."
  exit 0
fi

if [ "$here" = "$(cd "$prefix" 2>/dev/null && pwd)" ]; then
  echo "Run this from the unpacked download, not from $prefix (or use --uninstall)." >&2
  exit 2
fi
# An update replaces the program but keeps an organisation defaults file put beside it.
kept=""
if [ -f "$prefix/defaults.ini" ]; then
  kept=$(mktemp)
  cp "$prefix/defaults.ini" "$kept"
fi
remove
mkdir -p "$prefix" "$bin" "$data/applications" "$data/mime/packages" "$data/metainfo"
if [ -n "$kept" ]; then
  mv "$kept" "$prefix/defaults.ini"
fi
# The program: everything in this folder but the installer's own share/ files.
(cd "$here" && tar cf - --exclude=./share --exclude=./install-user.sh .) | (cd "$prefix" && tar xf -)
cp "$here/install-user.sh" "$prefix/"
ln -sf "$prefix/lika" "$bin/lika"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$here/share/icons/lika-$size.png" "$data/icons/hicolor/${size}x${size}/apps/lika.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$here/share/icons/lika.svg" "$data/icons/hicolor/scalable/apps/lika.svg"
sed "s|^Exec=lika|Exec=$prefix/lika|" "$here/share/applications/lika.desktop" \
  > "$data/applications/lika.desktop"
# Double-clicking an exchange file opens it in Lika; software centres list Lika.
cp "$here/share/mime/packages/lika.xml" "$data/mime/packages/lika.xml"
cp "$here/share/metainfo/se.lika.Lika.metainfo.xml" "$data/metainfo/"
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Lika installed in $prefix; start it from the menu or with 'lika' ($bin must be on PATH)."
echo "To remove it: $prefix/install-user.sh --uninstall"
