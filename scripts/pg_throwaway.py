"""A throwaway PostgreSQL cluster in a folder, reached only through a Unix socket there.

    python scripts/pg_throwaway.py start DIR   # prints a libpq connection string
    python scripts/pg_throwaway.py start DIR --tcp   # also on 127.0.0.1, a free port
    python scripts/pg_throwaway.py stop DIR    # stops it (the folder stays; remove it)

For trying the server schema (``lika server-schema``) and for the tests
(``tests/postgres_cluster.py``). The server listens on no TCP port (with ``--tcp``: on
127.0.0.1 only, at a port the system picked free, for the test that watches which
address Lika connects to), trusts whoever can reach it, and syncs nothing to disk: it
is for a developer's machine and CI, never for a real register.

``initdb`` refuses to run as root, and CI runs as root in a fresh clone. As root, the
cluster therefore runs as the unprivileged user ``nobody`` (``LIKA_PG_USER`` names
another one): the folder is handed to that user, so every folder above it must be
enterable by others (``/tmp`` is; a folder under a root-only home is not, and ``start``
says so rather than failing inside ``initdb``). The binaries are taken from
``LIKA_PG_BINDIR``, else the newest ``/usr/lib/postgresql/*/bin`` (Debian's package
``postgresql``), else ``PATH``.
"""

from __future__ import annotations

import argparse
import os
import pwd
import shutil
import socket
import stat
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

PORT = 5432  # only names the socket file (.s.PGSQL.5432) inside the folder
SUPERUSER = "lika_test_superuser"
DATA = "data"
LOG = "server.log"


class ClusterError(RuntimeError):
    """The cluster could not be started or stopped; the message says why."""


def bindir() -> Path:
    """The folder with ``initdb`` and ``pg_ctl``."""
    chosen = os.environ.get("LIKA_PG_BINDIR")
    if chosen:
        return Path(chosen)
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if debian:
        return debian[-1].parent
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise ClusterError(
        "PostgreSQL's initdb was not found: install the server (Debian: apt-get install "
        "postgresql) or set LIKA_PG_BINDIR"
    )


def _run_as() -> pwd.struct_passwd | None:
    """The user the server runs as when we are root (``initdb`` refuses root)."""
    if os.geteuid() != 0:
        return None
    name = os.environ.get("LIKA_PG_USER", "nobody")
    try:
        return pwd.getpwnam(name)
    except KeyError:
        raise ClusterError(f"no user {name!r} to run PostgreSQL as (set LIKA_PG_USER)") from None


def _run(args: Sequence[str], user: pwd.struct_passwd | None) -> None:
    kwargs: dict[str, object] = {}
    if user is not None:
        kwargs = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["LC_ALL"] = "C.UTF-8"
    done = subprocess.run(
        list(args), capture_output=True, text=True, env=env, cwd="/", check=False, **kwargs
    )  # type: ignore[call-overload]
    if done.returncode != 0:
        raise ClusterError(f"{Path(args[0]).name} failed:\n{done.stdout}{done.stderr}")


def _check_reachable(folder: Path, user: pwd.struct_passwd) -> None:
    """Every folder above ``folder`` must let ``user`` pass, or the server cannot reach
    its data and socket."""
    for parent in folder.parents:
        mode = parent.stat().st_mode
        if not mode & stat.S_IXOTH:
            raise ClusterError(
                f"{parent} cannot be entered by the user {user.pw_name!r} the cluster runs "
                "as (initdb refuses root): choose a folder under /tmp"
            )


def connection_string(folder: Path, port: int = PORT) -> str:
    """The libpq connection string of the cluster in ``folder`` (as its superuser)."""
    return f"host={folder.resolve()} port={port} user={SUPERUSER} dbname=postgres"


def free_tcp_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now (the system's pick)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(folder: Path, *, tcp: bool = False) -> str:
    """Create (first time) and start the cluster in ``folder``; its connection string.

    With ``tcp`` it also listens on 127.0.0.1 at a free port, and the string names that
    address and port (the Unix socket in ``folder`` then carries the same port number)."""
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    # The socket's path has to fit in 107 bytes (sun_path).
    if len(str(folder / f".s.PGSQL.{PORT}")) > 100:
        raise ClusterError(f"{folder} is too long a path for a Unix socket: choose a shorter one")
    user = _run_as()
    if user is not None:
        _check_reachable(folder, user)
        os.chown(folder, user.pw_uid, user.pw_gid)
    folder.chmod(0o700 if user is None else 0o755)
    binaries = bindir()
    data = folder / DATA
    if not (data / "PG_VERSION").exists():
        _run(
            [
                str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync",
            ],
            user,
        )  # fmt: skip
    port = free_tcp_port() if tcp else PORT
    listen = "127.0.0.1" if tcp else ""
    options = (
        f"-k {folder} -p {port} -c listen_addresses='{listen}' -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off"
    )
    _run(
        [str(binaries / "pg_ctl"), "start", "-w", "-t", "60", "-D", str(data),
         "-l", str(folder / LOG), "-o", options],
        user,
    )  # fmt: skip
    if tcp:
        return f"host=127.0.0.1 port={port} user={SUPERUSER} dbname=postgres"
    return connection_string(folder)


def stop(folder: Path) -> None:
    """Stop the cluster in ``folder`` (nothing to do if it is not running)."""
    data = folder.resolve() / DATA
    if not (data / "postmaster.pid").exists():
        return
    _run([str(bindir() / "pg_ctl"), "stop", "-w", "-m", "fast", "-D", str(data)], _run_as())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("start", "stop"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--tcp", action="store_true", help="also listen on 127.0.0.1")
    args = parser.parse_args(argv)
    try:
        if args.action == "start":
            print(start(args.folder, tcp=args.tcp))
        else:
            stop(args.folder)
    except ClusterError as error:
        print(f"pg_throwaway: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
