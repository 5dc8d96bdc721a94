"""Who is working. Lika has no login: the display name comes from settings (or the
command line's ``--as``), and the operating-system account is recorded beside it in
every status change and audit entry."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass


def os_user() -> str:
    """The operating-system account name, recorded beside the display name."""
    import getpass  # here: lika list names nobody

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def os_full_name() -> str:
    """The user's full name as the operating system knows it ("" when it has none):
    the GECOS field on Linux and macOS, the display name on Windows."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_display_name()
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos
    except (ImportError, KeyError, OSError):
        return ""
    name = gecos.split(",")[0].strip()
    return "" if name == os_user() else name


def _windows_display_name() -> str:  # pragma: no cover - Windows only
    import ctypes

    size = ctypes.c_ulong(0)
    secur32 = ctypes.windll.secur32  # type: ignore[attr-defined]
    name_display = 3
    secur32.GetUserNameExW(name_display, None, ctypes.byref(size))
    if not size.value:
        return ""
    buffer = ctypes.create_unicode_buffer(size.value)
    if not secur32.GetUserNameExW(name_display, buffer, ctypes.byref(size)):
        return ""
    return buffer.value.strip()


def with_role(name: str, role: str) -> str:
    """A name with its role title, as signed and shown: "Anna Berg, utredare"."""
    return f"{name}, {role}" if role.strip() else name


@dataclass(frozen=True)
class Identity:
    """A display name and the OS account; the default uses the account for both.
    ``role`` is the user's title, shown beside the name where they act."""

    name: str
    os_user: str
    role: str = ""

    @property
    def signature(self) -> str:
        """The name with the role title: "Anna Berg, utredare"."""
        return with_role(self.name, self.role)

    @classmethod
    def default(cls) -> Identity:
        user = os_user()
        return cls(name=user, os_user=user)
