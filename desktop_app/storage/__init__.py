"""The register in SQLite through sqlite-utils, exchange files and backups.

Before any of it imports sqlite-utils, the parts of that library's imports which Lika
never uses, or does not use to start, are deferred (``lazy_imports``).
"""

from desktop_app.storage.lazy_imports import (
    NOT_NEEDED_TO_START,
    UNUSED_BY_LIKA,
    defer,
    defer_until_used,
)

for _name in UNUSED_BY_LIKA:
    defer(_name)
for _name in NOT_NEEDED_TO_START:
    defer_until_used(_name)
