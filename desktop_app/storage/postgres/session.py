"""Who a server connection is: the login the server authenticated and its Lika roles.

The audit log and the approval record name ``session_user`` (written by the server's
own functions), so the store's ``actor`` is that login, never a name typed in Settings.
"""

from __future__ import annotations

from typing import Any

from desktop_app.domain.identity import Identity
from desktop_app.storage.postgres.roles_v1 import ROLES

# The group roles IT grants, as the window and the CLI name them.
ROLE_TITLES = {
    "lika_caseworker": "caseworker",
    "lika_reviewer": "reviewer",
    "lika_strategist": "strategist",
    "lika_admin": "administrator",
}


def session_identity(conn: Any) -> tuple[Identity, tuple[str, ...]]:
    """The login of ``conn`` as an ``Identity`` (its role: the granted Lika roles'
    titles) and those group roles' names."""
    found = conn.execute(
        "SELECT session_user AS login, array(SELECT r FROM unnest(%s::text[]) AS r "
        "WHERE pg_has_role(session_user, r, 'MEMBER')) AS roles",
        [list(ROLES)],
    ).fetchone()
    login, roles = str(found["login"]), tuple(found["roles"])
    title = ", ".join(ROLE_TITLES[r] for r in roles)
    return Identity(name=login, os_user=login, role=title), roles
