"""storage/lazy_imports.defer_until_used: a module that sqlite-utils imports at the top
but a start does not use (``hashlib``, ``secrets``: OpenSSL's libcrypto, about 3.5 MB
resident) runs its code only when a name in it is first read, once, whichever thread
reads first (issue 18)."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop_app.storage.lazy_imports import defer_until_used

PROBE = """
import time
import builtins
builtins.__dict__.setdefault("_lika_probe_runs", []).append(__name__)
time.sleep(0.05)  # a wide window for a second thread to come in while this runs
VALUE = 42
"""


@pytest.fixture
def probe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A module of its own, deferred; yields its name and the list of its runs."""
    name = f"lika_probe_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text(PROBE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    runs: list[str] = []
    monkeypatch.setattr("builtins._lika_probe_runs", runs, raising=False)
    defer_until_used(name)
    yield name, runs
    sys.modules.pop(name, None)


def test_importing_does_not_run_it_reading_a_name_does_once(probe) -> None:
    name, runs = probe
    module = __import__(name)  # ``import name``: reads the module's __spec__
    assert runs == []
    assert not hasattr(module, "__wrapped__")  # inspect's question, as PySide6 asks it
    assert runs == []
    assert module.VALUE == 42
    assert module.VALUE == 42
    assert runs == [name]
    assert type(module).__name__ == "module"  # an ordinary module from then on
    with pytest.raises(AttributeError):
        _ = module.NOT_THERE


def test_from_import_loads_it(probe) -> None:
    name, runs = probe
    namespace: dict[str, object] = {}
    exec(f"from {name} import VALUE", namespace)
    assert namespace["VALUE"] == 42 and runs == [name]


def test_threads_that_read_first_at_once_all_get_it_loaded_once(probe) -> None:
    name, runs = probe
    module = sys.modules[name]
    seen: list[object] = []
    start = threading.Barrier(6)

    def read() -> None:
        start.wait()
        seen.append(module.VALUE)

    threads = [threading.Thread(target=read) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [42] * 6
    assert runs == [name]


def test_storage_leaves_openssl_unloaded_until_hashlib_or_secrets_is_used() -> None:
    """What the register needs to open (sqlite-utils) loads no OpenSSL; hashing and
    sqlite-utils' savepoints (named with ``secrets``) work as before once used."""
    code = (
        "import sys\n"
        "import desktop_app.storage.repository\n"
        "import sqlite_utils\n"
        "assert '_hashlib' not in sys.modules and 'hmac' not in sys.modules, 'loaded'\n"
        "import hashlib\n"
        "assert hashlib.sha256(b'lika').hexdigest().startswith('aba857ab'), 'digest'\n"
        "db = sqlite_utils.Database(memory=True)\n"
        "db.execute('create table t (id integer primary key)')\n"
        "db.conn.execute('BEGIN')\n"
        "db.execute('insert into t values (1)')\n"
        "with db.atomic():\n"  # nested: a savepoint named with secrets.token_hex
        "    db.execute('insert into t values (2)')\n"
        "db.conn.execute('COMMIT')\n"
        "assert db['t'].count == 2\n"
        "assert '_hashlib' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
