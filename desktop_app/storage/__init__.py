"""The register in SQLite through sqlite-utils, exchange files and backups.

Before any of it imports sqlite-utils, the parts of that library's imports which Lika
never uses are deferred (``lazy_imports``).
"""

from desktop_app.storage.lazy_imports import UNUSED_BY_LIKA, defer

for _name in UNUSED_BY_LIKA:
    defer(_name)
