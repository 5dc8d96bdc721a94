"""Statistics findings and attachment refusals in words, in a given language.

One wording for the editor, the PDF and the memo, so they never disagree about why a
table does not add up or why a file was refused.
"""

from __future__ import annotations

from desktop_app.domain.evidence import (
    MAX_FILE_BYTES,
    MAX_TOTAL_BYTES,
    AttachmentRefusedError,
    RefusalReason,
)
from desktop_app.domain.language import Language
from desktop_app.domain.statistics import Finding, StatisticsTable, check_table, format_number
from desktop_app.domain.vocabulary import Vocabulary


def number(value: float | None, language: Language | str) -> str:
    """A figure as written in ``language``: a decimal comma in Swedish and Norwegian."""
    text = format_number(value)
    return text if Language(language) is Language.EN else text.replace(".", ",")


def row_label(vocabulary: Vocabulary, row: str, language: Language | str) -> str:
    return vocabulary.text(f"statistics.row.{row}", language)


def finding_text(vocabulary: Vocabulary, finding: Finding, language: Language | str) -> str:
    row = row_label(vocabulary, finding.row, language) if finding.row else ""
    return vocabulary.text(
        f"statistics.problem.{finding.problem.value}",
        language,
        row=row,
        found=number(finding.found, language),
        expected=number(finding.expected, language),
    )


def table_findings(
    vocabulary: Vocabulary, table: StatisticsTable, language: Language | str
) -> list[str]:
    return [finding_text(vocabulary, f, language) for f in check_table(table)]


def refusal_text(
    vocabulary: Vocabulary, error: AttachmentRefusedError, language: Language | str
) -> str:
    limit = MAX_TOTAL_BYTES if error.reason is RefusalReason.TOTAL_TOO_LARGE else MAX_FILE_BYTES
    return vocabulary.text(
        f"evidence.refused.{error.reason.value}",
        language,
        name=error.name,
        limit=limit // (1024 * 1024),
    )


def size_text(size: int, language: Language | str) -> str:
    """A file size in kB or MB, as people read it."""
    if size < 1024 * 1024:
        return f"{number(max(1, round(size / 1024)), language)} kB"
    return f"{number(round(size / (1024 * 1024), 1), language)} MB"
