"""Moving registers between a file and a server (issue 20): ``lika migrate`` copies a
SQLite register onto a PostgreSQL server (the first verbatim, later ones merged) and
``lika backup`` of a server register writes a portable SQLite copy. The command line
reaches ``storage.postgres`` only through here; the driver is imported only when a
copy runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.audit import ChainReport
from desktop_app.domain.errors import InputError
from desktop_app.register_location import is_server, shown

if TYPE_CHECKING:
    from desktop_app.storage.postgres.copy_in import CopyReport
    from desktop_app.storage.postgres.copy_tables import TableCount

__all__ = ["BackupReport", "CopyReport", "backup_server", "migrate"]


def migrate(source: Path, url: str, *, merge: bool = False, owner: str = "") -> CopyReport:
    """Copy the register file ``source`` onto the server register at ``url``."""
    if not is_server(url):
        raise InputError(f"{url} is not a server register (postgresql://…)")
    if not Path(source).is_file():
        raise InputError(f"No database at {source}")
    from desktop_app.storage.postgres.copy_in import copy_in

    return copy_in(Path(source), url, merge=merge, owner=owner.strip())


@dataclass(frozen=True)
class BackupReport:
    source: str
    target: Path
    counts: list[TableCount]
    server_chain: ChainReport
    file_chain: ChainReport


def backup_server(url: str, target: Path) -> BackupReport:
    """Write the server register at ``url`` to ``target``, a register file of its own."""
    target = Path(target)
    if not target.parent.is_dir():
        raise InputError(f"Cannot write {target}: the folder does not exist")
    from desktop_app.storage.postgres.copy_out import copy_out

    counts, server_chain, file_chain = copy_out(url, target)
    return BackupReport(shown(url), target, counts, server_chain, file_chain)
