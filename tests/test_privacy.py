"""Nothing is sent over the network: a full session (command line and window) is
watched for sockets, by Python's audit hooks and, where strace exists, by the kernel."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow
DRIVER = [sys.executable, "-m", "tests.drivers.full_session"]


def environment(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONPATH=str(ROOT),
    )
    return env


def run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        args, cwd=ROOT, env=environment(tmp_path), capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def test_a_full_session_opens_no_socket(tmp_path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    done = run([*DRIVER, str(work)], tmp_path)
    assert json.loads(done.stdout.splitlines()[-1]) == []
    # The session really happened: every command and the window left their files.
    for name in ("lika.db", "one.json", "copy.db", "one.pdf", "two.json", "two.pdf"):
        assert (work / name).stat().st_size > 0
    assert any((work / "lika.db.backups").iterdir())


def test_the_watcher_sees_a_program_that_does_use_the_network(tmp_path) -> None:
    done = run([*DRIVER, "--canary"], tmp_path)
    seen = json.loads(done.stdout.splitlines()[-1])
    assert any(event.startswith("socket.connect") for event in seen)


def _strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run(["strace", "-qq", "-e", "trace=none", "true"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _strace_works(), reason="strace is not installed or not allowed here")
def test_the_kernel_sees_no_network_socket(tmp_path) -> None:
    """Also sockets opened below Python (Qt, C libraries): only local Unix sockets
    (the C library asking the name-service cache who the user is) may appear."""
    work = tmp_path / "work"
    work.mkdir()
    trace = tmp_path / "strace.txt"
    run(
        ["strace", "-f", "-qq", "-e", "trace=socket", "-o", str(trace), *DRIVER, str(work)],
        tmp_path,
    )
    assert _families(trace) <= {"AF_UNIX"}, trace.read_text()[-2000:]
    # And the same watch does see a program that uses the network.
    run(["strace", "-f", "-qq", "-e", "trace=socket", "-o", str(trace), *DRIVER, "--canary"],
        tmp_path)  # fmt: skip
    assert "AF_INET" in _families(trace)


def _families(trace: Path) -> set[str]:
    return {
        m.group(1)
        for line in trace.read_text().splitlines()
        if (m := re.search(r"socket\((AF_\w+)", line))
    }


@pytest.mark.postgres
@pytest.mark.skipif(not _strace_works(), reason="strace is not installed or not allowed here")
def test_on_a_server_register_the_only_connection_is_to_that_server(tmp_path, content) -> None:
    """With a server register over TCP (on loopback here), the kernel sees Lika connect
    to exactly that address and port: no name lookup, no other host, nothing else."""
    import tempfile

    from scripts import pg_throwaway
    from tests.postgres_cluster import unavailable

    folder = Path(tempfile.mkdtemp(prefix="lika-pgtcp-", dir="/tmp"))
    try:
        try:
            dsn = pg_throwaway.start(folder, tcp=True)
        except (pg_throwaway.ClusterError, OSError) as error:
            unavailable(str(error))
        port = int(re.search(r"port=(\d+)", dsn).group(1))
        url = _server_with_an_assessment(dsn, port, content)
        work = tmp_path / "work"
        work.mkdir()
        trace = tmp_path / "strace.txt"
        for command in (
            ["list", "--format", "json"],
            ["history", "1"],
            ["export-pdf", "1", "--out", str(work / "one.pdf")],
        ):
            trace.unlink(missing_ok=True)
            run(["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace),
                 sys.executable, "-m", "desktop_app", "--db", url, *command], tmp_path)  # fmt: skip
            assert _families(trace) <= {"AF_UNIX", "AF_INET"}, trace.read_text()[-2000:]
            assert _inet_connections(trace) == {("127.0.0.1", port)}, trace.read_text()[-2000:]
        assert (work / "one.pdf").stat().st_size > 0
        # And the same watch reads the address of a connection to somewhere else.
        run(["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace), *DRIVER,
             "--canary"], tmp_path)  # fmt: skip
        assert ("192.0.2.1", 9) in _inet_connections(trace)
    finally:
        try:
            pg_throwaway.stop(folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def _server_with_an_assessment(dsn: str, port: int, content) -> str:
    """A migrated database ``lika`` holding one assessment; the URL of a login on it."""
    import psycopg

    from desktop_app.app import registers, server_schema
    from desktop_app.register_location import ServerUrl
    from tests.helpers import complete_assessment

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE DATABASE lika TEMPLATE template0 ENCODING 'UTF8'")
    server_schema.install(dsn.replace("dbname=postgres", "dbname=lika"))
    with psycopg.connect(dsn.replace("dbname=postgres", "dbname=lika"), autocommit=True) as conn:
        conn.execute("CREATE ROLE solo LOGIN IN ROLE lika_caseworker, lika_reviewer")
    url = ServerUrl(f"postgresql://solo@127.0.0.1:{port}/lika")
    store = registers.open_store(url)
    try:
        store.create(complete_assessment(content))
    finally:
        store.close()
    return url


def _inet_connections(trace: Path) -> set[tuple[str, int]]:
    """Every (address, port) an AF_INET/AF_INET6 socket was connected to."""
    found = set()
    for line in trace.read_text().splitlines():
        if "connect(" not in line or "sa_family=AF_UNIX" in line:
            continue
        pattern = r'sin6?_port=htons\((\d+)\).*?inet_(?:addr|pton)\((?:AF_INET6?, )?"([^"]+)"'
        if m := re.search(pattern, line):
            found.add((m.group(2), int(m.group(1))))
        elif "sa_family=AF_INET" in line:
            found.add((line, 0))  # a connection this parser cannot read is a failure
    return found
