"""The memo's sentences and the placeholders each must use, apart from the memo itself.

Loading the content checks ``resources/guide/memo.yaml`` against these
(``checklists/guide.load_memo``); the window loads the content before it lists the
register's first page (``ui/first_list.py``), and importing ``domain.memo`` for them
brought in the memo's composition (completeness, dates, statistics text) the list
never uses (issue 18).
"""

from __future__ import annotations

from string import Formatter

from desktop_app.domain.codes import Outcome

_IMPACT = ("memo.impact.negative", "memo.impact.mixed")
_SEVERITIES = ("low", "medium", "high", "unset")

# Every memo sentence and the placeholders it must use (checked when the file loads).
TEMPLATE_FIELDS: dict[str, frozenset[str]] = {
    "memo.intro": frozenset({"framework"}),
    "memo.intro.modules": frozenset({"framework", "modules"}),
    **{f"{kind}.{s}": frozenset({"ground"}) for kind in _IMPACT for s in _SEVERITIES},
    **{
        f"memo.impact.{d}": frozenset({"ground"})
        for d in ("positive", "neutral", "unknown", "unset")
    },
    "memo.groups": frozenset({"groups"}),
    "memo.risks": frozenset({"risks"}),
    "memo.not_relevant": frozenset({"grounds"}),
    "memo.not_relevant.reason": frozenset({"grounds", "justification"}),
    "memo.evidence_missing": frozenset({"missing"}),
    "memo.draft": frozenset(),
    "memo.none_relevant": frozenset(),
    "memo.unassessed": frozenset({"grounds"}),
    "memo.nothing_assessed": frozenset(),
    **{
        f"memo.measures.{lead}.{n}": frozenset()
        for lead in ("lead", "lead_adverse")
        for n in ("one", "many")
    },
    "memo.measure.item": frozenset({"description", "details"}),
    "memo.measure.undescribed": frozenset(),
    "memo.measure.owner": frozenset({"owner"}),
    "memo.measure.no_owner": frozenset(),
    "memo.measure.deadline": frozenset({"date"}),
    "memo.measure.no_deadline": frozenset(),
    **{f"memo.measure.status.{s}": frozenset() for s in ("ongoing", "done", "dropped")},
    "memo.no_measure.justified": frozenset({"ground", "justification"}),
    "memo.no_measure.missing": frozenset({"grounds"}),
    "memo.no_measures_needed": frozenset(),
    **{f"memo.outcome.{o.value}": frozenset() for o in Outcome},
    "memo.outcome.missing": frozenset(),
    "memo.outcome.justification": frozenset({"justification"}),
    "memo.outcome.justification_missing": frozenset(),
    "memo.followup": frozenset({"date"}),
    "memo.followup.missing": frozenset(),
    "memo.followup.past": frozenset({"date"}),
    # The Word document and the clipboard's HTML: the section heading and table headers.
    "memo.heading": frozenset(),
    **{
        f"memo.table.{column}": frozenset()
        for column in ("ground", "impact", "severity", "measures", "measure", "owner")
    },
    "memo.table.deadline": frozenset(),
    "memo.table.status": frozenset(),
    "memo.table.number": frozenset(),
    "memo.statistics.table": frozenset({"label", "figures", "source"}),
    "memo.statistics.table.no_source": frozenset({"label", "figures"}),
    "memo.statistics.evidence": frozenset({"items"}),
}

KEEP_CAPITAL = "memo.keep_capital"


def placeholders(template: str) -> set[str]:
    """The ``{names}`` a template uses; ``ValueError`` if its braces are broken."""
    return {name for _text, name, _spec, _conv in Formatter().parse(template) if name is not None}
