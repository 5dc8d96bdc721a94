"""Who is working. Lika has no login: the display name comes from settings (or the
command line's ``--as``), and the operating-system account is recorded beside it in
every status change and audit entry."""

from __future__ import annotations

import getpass
from dataclasses import dataclass


def os_user() -> str:
    """The operating-system account name, recorded beside the display name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass(frozen=True)
class Identity:
    """A display name and the OS account; the default uses the account for both."""

    name: str
    os_user: str

    @classmethod
    def default(cls) -> Identity:
        user = os_user()
        return cls(name=user, os_user=user)
