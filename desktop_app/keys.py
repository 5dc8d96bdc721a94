"""Approvers' keys: the user's own Ed25519 key pair, and the public keys IT trusts.

Lika creates a key pair for the user the first time they approve, in their data folder
(``keys/``; the private key readable by the user only, mode 0600, in a folder only they
can enter). Each approval made in the register is signed with it, so a copy of the
assessment that travels in an exchange file carries evidence another register can
check. Which keys a register trusts: the user's own, and the public keys IT lists in the
folder named by ``trusted_keys_folder`` in ``defaults.ini`` (one ``NAME.pub`` file per
approver; a key IT withdrew is kept as ``NAME.revoked``, so Lika can say so). See
docs/audit-log.md. Qt-free: the CLI and the window share it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.atomic_file import write_bytes
from desktop_app.defaults import OrganisationDefaults, load_defaults
from desktop_app.domain.errors import InputError
from desktop_app.domain.signing import key_id, load_public_key, public_key_text

if TYPE_CHECKING:  # imported where a key is used (``domain.signing`` says why)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ENVIRONMENT_VARIABLE = "LIKA_KEY_DIR"
PRIVATE_NAME = "approver-ed25519.pem"
PUBLIC_NAME = "approver-ed25519.pub"
MAX_KEY_FILE = 4096


def default_key_dir() -> Path:
    """``keys`` in the user's data folder (where Qt's AppLocalDataLocation puts Lika's
    data), or the folder ``LIKA_KEY_DIR`` names."""
    chosen = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "Lika" / "keys"


class KeyStore:
    """The user's own key pair in ``folder``."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_key_dir()

    @property
    def private_path(self) -> Path:
        return self.folder / PRIVATE_NAME

    def private_key(self) -> Ed25519PrivateKey | None:
        """The user's private key, or None if they have none yet (or it cannot be read)."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.serialization import load_pem_private_key

        try:
            data = self.private_path.read_bytes()
            key = load_pem_private_key(data, password=None)
        except (OSError, ValueError, TypeError):
            return None
        return key if isinstance(key, Ed25519PrivateKey) else None

    def ensure(self) -> Ed25519PrivateKey:
        """The user's private key, created (0600) if there is none.

        Written whole or not at all (a 0600 temporary file, synced, then linked into
        place, never over an existing one): a crash while writing leaves no empty key
        file behind, which would make every later approval unsigned."""
        key = self.private_key()
        if key is not None:
            return key
        if self.private_path.exists():
            raise InputError(
                f"The approver key {self.private_path} cannot be read (it is damaged or "
                "not a key); ask IT, or move it away to get a new key"
            )
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.serialization import (
            Encoding,
            NoEncryption,
            PrivateFormat,
        )

        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_bytes(self.private_path, pem, mode=0o600, exclusive=True)
            public = f"{public_key_text(key.public_key())} {os.environ.get('USER', '')}"
            write_bytes(self.folder / PUBLIC_NAME, (public.rstrip() + "\n").encode("ascii"))
        except FileExistsError:  # another process made it meanwhile: use that one
            made = self.private_key()
            if made is None:
                raise InputError(f"The approver key {self.private_path} cannot be read") from None
            return made
        except OSError as error:
            raise InputError(
                f"Cannot create the approver key in {self.folder}: {error.strerror}"
            ) from None
        return key

    def public_text(self) -> str | None:
        key = self.private_key()
        return public_key_text(key.public_key()) if key is not None else None


class KeyStanding(StrEnum):
    TRUSTED = "trusted"
    REVOKED = "revoked"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class TrustedKeys:
    """Public key (base64) -> the name it is listed under; revoked ones apart. ``own``:
    the user's own key when IT does not list it (trusted, but under no one's name: the
    user signs as whoever they act as)."""

    trusted: dict[str, str] = field(default_factory=dict)
    revoked: dict[str, str] = field(default_factory=dict)
    own: str = ""

    def standing(self, public_text: str) -> tuple[KeyStanding, str]:
        key = public_text.strip()
        if key in self.revoked:  # a revocation wins over any listing
            return KeyStanding.REVOKED, self.revoked[key]
        if key in self.trusted:
            return KeyStanding.TRUSTED, self.trusted[key]
        return KeyStanding.UNKNOWN, ""

    @classmethod
    def load(
        cls, defaults: OrganisationDefaults | None = None, own: KeyStore | None = None
    ) -> TrustedKeys:
        """The user's own key and the keys in IT's ``trusted_keys_folder``."""
        defaults = defaults if defaults is not None else load_defaults()
        trusted: dict[str, str] = {}
        revoked: dict[str, str] = {}
        folder = defaults.trusted_keys_folder
        if folder is not None and folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.suffix in (".pub", ".revoked"):
                    read = read_public_key_file(path)
                    if read is not None:
                        (trusted if path.suffix == ".pub" else revoked)[read[0]] = read[1]
        own_public = (own if own is not None else KeyStore()).public_text()
        if own_public is not None and own_public not in trusted:
            trusted[own_public] = "your own key"
            return cls(trusted, revoked, own_public)
        return cls(trusted, revoked)


def read_public_key_file(path: Path) -> tuple[str, str] | None:
    """``(base64 key, name)`` of a ``NAME.pub`` file (first word: the key; the rest, or
    the file's name, names it), or None if it holds no Ed25519 public key."""
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            return None
        words = path.read_text(encoding="utf-8-sig").split(maxsplit=1)
    except (OSError, UnicodeDecodeError):
        return None
    if not words or load_public_key(words[0]) is None:
        return None
    name = words[1].strip() if len(words) > 1 and words[1].strip() else path.stem
    return words[0], name


def describe_key(public_text: str) -> str:
    """``key 3f2a9c1b77d04e11`` for messages."""
    return f"key {key_id(public_text)}"
