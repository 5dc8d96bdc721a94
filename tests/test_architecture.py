"""The layers stay layered: the core never imports Qt, the domain imports no I/O."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "desktop_app.domain.model",
    "desktop_app.domain.completeness",
    "desktop_app.domain.workflow",
    "desktop_app.domain.fingerprint",
    "desktop_app.domain.vocabulary",
    "desktop_app.domain.obsolete",
    "desktop_app.checklists.guide",
    "desktop_app.storage.repository",
    "desktop_app.reports.assessment_pdf",
    "desktop_app.service",
    "desktop_app.demo",
    "desktop_app.cli",
    "desktop_app.commands.assessments",
    "desktop_app.commands.memo",
    "desktop_app.checklists.screener_lexicon",
    "desktop_app.storage.register",
    "desktop_app.storage.followup",
    "desktop_app.storage.bulk",
    "desktop_app.storage.portfolio",
    "desktop_app.generator",
    "desktop_app.register_export",
    "desktop_app.followup_service",
    "desktop_app.reporting",
    "desktop_app.reports.portfolio_pdf",
    "desktop_app.reports.portfolio_csv",
    "desktop_app.commands.report",
    "desktop_app.commands.data",
    "desktop_app.storage.backup",
    "desktop_app.storage.checks",
    "desktop_app.storage.exchange",
    "desktop_app.storage.restore",
    "desktop_app.transfer",
]


def _imported_after(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_modules_do_not_import_qt(module: str) -> None:
    assert not any(name.startswith("PySide6") for name in _imported_after(module))


def test_domain_imports_no_storage_reports_or_ui() -> None:
    loaded = _imported_after(
        "desktop_app.domain.workflow, desktop_app.domain.serialize, "
        "desktop_app.domain.memo, desktop_app.domain.screener, "
        "desktop_app.domain.register, desktop_app.domain.evaluation, desktop_app.domain.followup"
    )
    forbidden = (
        "sqlite_utils",
        "sqlite3",
        "reportlab",
        "desktop_app.storage",
        "desktop_app.reports",
        "desktop_app.ui",
        "yaml",
    )
    assert not [name for name in loaded if name.startswith(forbidden)]
