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
