"""Use cases shared by the GUI and the command line.

The service joins the three inner pieces (content, domain rules, repository) so that
neither the widgets nor the CLI repeat how a status change is checked or which
checklists an assessment uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from desktop_app.app import registers
from desktop_app.app.evidence_service import EvidenceService
from desktop_app.app.ports import AssessmentStore, Clock, ReaderFactory, RegisterReader
from desktop_app.app.review import ReviewService
from desktop_app.checklists.guide import Content
from desktop_app.defaults import DEFAULT_FRAMEWORK
from desktop_app.domain.checklist import Checklist, ChecklistKind
from desktop_app.domain.clock import utc_now
from desktop_app.domain.completeness import Gap, QuestionCount, count_questions, find_gaps
from desktop_app.domain.date_sense import find_date_warnings
from desktop_app.domain.decision_types import DecisionType, find_type, with_decision_type
from desktop_app.domain.errors import ContentError, WorkflowError
from desktop_app.domain.identity import Identity
from desktop_app.domain.model import (
    Assessment,
    Language,
    Status,
    StatusChange,
)
from desktop_app.domain.obsolete import KeptContent, find_kept
from desktop_app.domain.register import RegisterRow
from desktop_app.domain.statistics_warnings import find_statistics_warnings
from desktop_app.keys import KeyStore

if TYPE_CHECKING:
    from desktop_app.app.followup_service import FollowUpService
    from desktop_app.app.transfer import TransferService
    from desktop_app.domain.portfolio import Period, PortfolioEntry


class AssessmentService:
    def __init__(
        self,
        repository: AssessmentStore,
        content: Content,
        identity: Identity,
        *,
        clock: Clock = utc_now,
        organisation: str = "",
        default_framework: str = DEFAULT_FRAMEWORK,
        keys: KeyStore | None = None,
    ) -> None:
        self.repository = repository
        self.content = content
        self.clock = clock
        self.identity = identity
        # Pre-filled in new assessments (settings, else the organisation's defaults file).
        self.organisation = organisation
        self.default_framework = default_framework
        # The approver's own key pair, which signs the approvals made here.
        self.keys = keys if keys is not None else KeyStore()
        # Review and sign-off: statuses, comments, revisions, fingerprints, audit trail.
        self.review = ReviewService(self)
        # Attached files and references: checked, stored, opened from read-only copies.
        self.evidence = EvidenceService(repository)

    @property
    def identity(self) -> Identity:
        """Who is working; the repository names them in the audit log."""
        return self._identity

    @identity.setter
    def identity(self, identity: Identity) -> None:
        self._identity = identity
        self.repository.actor = identity

    # The register: what the window and the CLI read and delete through the service.

    def last_restore(self) -> str:
        """A mark of the register's newest restore (open windows watch it)."""
        return self.repository.last_restore()

    @property
    def register_path(self) -> str:
        """Where the register lives, for titles, messages and worker connections."""
        return self.repository.path

    def get(self, assessment_id: int) -> Assessment:
        """The stored assessment (``NotFoundError`` for an unknown id)."""
        return self.repository.get(assessment_id)

    def find_uid(self, uid: str) -> RegisterRow | None:
        """The register entry with ``uid``, if any."""
        return self.repository.find_uid(uid)

    def approval_states(self) -> dict[int, str]:
        """Per approved assessment, how its newest approval is known (``Trust`` value, or
        ``unrecorded``), for ``lika list --format json``."""
        return self.repository.approval_states()

    def delete(self, assessment_id: int) -> None:
        """Remove an assessment with everything stored about it (audited)."""
        self.repository.delete(assessment_id)

    def count(self) -> int:
        return self.repository.count()

    def units(self) -> list[str]:
        """Every department or unit named in the register, for report filters."""
        return self.repository.units()

    def status_history(self, assessment_id: int) -> list[StatusChange]:
        return self.repository.status_history(assessment_id)

    def portfolio_entries(
        self, period: Period | None = None, unit: str | None = None
    ) -> list[PortfolioEntry]:
        """The assessments of a period and unit, for the portfolio report."""
        return self.repository.portfolio_entries(period, unit)

    def readers(self) -> ReaderFactory:
        """Opens register queries on a read-only connection of their own, on whichever
        (worker) thread calls it; made here, where the register's connection lives."""
        return registers.reader_factory(self.repository)

    def reader_here(self) -> RegisterReader:
        """Register queries on this service's connection (one thread: the CLI)."""
        return registers.reader_on(self.repository)

    @property
    def transfer(self) -> TransferService:
        """Moving assessments between registers (exchange files)."""
        from desktop_app.app.transfer import TransferService  # not needed at start-up

        return TransferService(self.repository)

    def followups(self, today: Callable[[], date] = date.today) -> FollowUpService:
        """Evaluations (step 4) of this register, by the same person."""
        from desktop_app.app.followup_service import FollowUpService

        return FollowUpService(self.repository, self.identity, clock=self.clock, today=today)

    def close(self) -> None:
        self.repository.close()

    def new_assessment(
        self,
        *,
        framework_id: str | None = None,
        language: Language = Language.SV,
        title: str = "",
        modules: Iterable[str] = (),
        decision_type: str = "",
    ) -> Assessment:
        """Create and store an empty draft, with the caseworker as author and the
        organisation filled in; without a framework, the default one. ``decision_type``
        is a key of ``decision_types()`` ("" for none); its modules are only suggested
        (the New dialog ticks them), so pass them in ``modules`` too."""
        framework_id = framework_id or self.default_framework
        framework = self.content.checklists.get(framework_id)
        if framework.kind is not ChecklistKind.FRAMEWORK:
            raise ContentError(f"{framework_id!r} is a module, not a framework")
        assessment = Assessment(
            framework_id=framework.id,
            framework_version=framework.version,
            language=language,
            modules=self.module_versions(modules),
            decision_type=self.decision_type(decision_type).key if decision_type else "",
        )
        assessment.decision.title = title.strip()
        assessment.decision.author = self.identity.name
        assessment.decision.organisation = self.organisation
        return self.repository.create(assessment)

    def module_versions(self, module_ids: Iterable[str]) -> dict[str, str]:
        """``{id: version}`` of the named modules as installed now, for Assessment.modules."""
        versions: dict[str, str] = {}
        for module_id in module_ids:
            module = self.content.checklists.get(module_id)
            if module.kind is not ChecklistKind.MODULE:
                raise ContentError(f"{module_id!r} is a framework, not a module")
            versions[module.id] = module.version
        return versions

    def decision_types(self) -> list[DecisionType]:
        """The decision types to choose from: built in, then the organisation's."""
        return list(self.content.checklists.decision_types.values())

    def decision_type(self, key: str) -> DecisionType:
        """The installed type of that key; ``ContentError`` for an unknown one."""
        found = self.content.checklists.decision_types.get(key)
        if found is None:
            known = ", ".join(self.content.checklists.decision_types) or "none"
            raise ContentError(f"{key!r} is not a decision type (known: {known})")
        return found

    def checklists_for(self, assessment: Assessment) -> list[Checklist]:
        """The framework and switched-on modules, in their newest loaded versions, with
        the questions the assessment's decision type adds or emphasises."""
        ids = [assessment.framework_id, *assessment.modules]
        missing = [i for i in ids if i not in self.content.checklists.checklists]
        if missing:
            raise ContentError(
                f"Assessment {assessment.id} uses checklist {missing[0]!r}, which is not installed"
            )
        checklists = [self.content.checklists.get(i) for i in ids]
        types = self.content.checklists.decision_types
        return with_decision_type(checklists, find_type(types, assessment.decision_type))

    def kept_content(self, assessment: Assessment) -> KeptContent:
        """Answers the current checklists no longer ask for (kept, shown as such)."""
        library = self.content.checklists
        earlier = [
            library.version(checklist_id, version)
            for checklist_id, version in [
                (assessment.framework_id, assessment.framework_version),
                *assessment.modules.items(),
            ]
        ]
        switched_off = [m for m in library.modules() if m.id not in assessment.modules]
        current = self.checklists_for(assessment)
        # The wording of questions a decision type added, should the type have changed.
        other_types = [
            checklist
            for decision_type in library.decision_types.values()
            if decision_type.key != assessment.decision_type
            for checklist in with_decision_type(current, decision_type)
        ]
        return find_kept(
            assessment,
            current,
            earlier=[c for c in earlier if c is not None] + other_types,
            switched_off=switched_off,
        )

    def gaps(self, assessment: Assessment) -> list[Gap]:
        return find_gaps(assessment, self.checklists_for(assessment))

    def question_count(self, assessment: Assessment) -> QuestionCount:
        """Checklist questions of the relevant grounds, and how many are unanswered."""
        return count_questions(assessment, self.checklists_for(assessment))

    def date_warnings(self, assessment: Assessment) -> list[Gap]:
        """Dates that make no sense (``domain.date_sense``): remarks, not refusals."""
        return find_date_warnings(assessment, self.clock().astimezone().date())

    def warnings(self, assessment: Assessment) -> list[Gap]:
        """Remarks shown with the gaps that do not stop a submission: statistics tables
        that do not check (``domain.statistics_warnings``), then dates that make no sense."""
        keys = [g.key for checklist in self.checklists_for(assessment) for g in checklist.grounds]
        return [
            *find_statistics_warnings(assessment, keys),
            *self.date_warnings(assessment),
        ]

    def save(self, assessment: Assessment) -> None:
        """Store edits; editing a returned assessment makes it a draft again. Refused
        (``WorkflowError``) while it is in review, approved or not the newest revision."""
        reason = self.review.read_only_reason(assessment)
        if reason:
            raise WorkflowError(reason)
        if assessment.status is not Status.RETURNED:
            self.repository.save(assessment)
            return
        change = self.review.status_change(assessment, Status.DRAFT)
        try:
            self.repository.save(assessment, status_change=change)
        except Exception:
            assessment.status = Status.RETURNED
            raise

    def change_status(self, assessment: Assessment, to: Status, comment: str = "") -> StatusChange:
        """Move to ``to`` by the review rules (``review.submit`` / ``approve`` /
        ``return_for_changes``; returned -> draft directly)."""
        if to is Status.IN_REVIEW:
            return self.review.submit(assessment, comment)
        if to is Status.APPROVED:
            return self.review.approve(assessment, comment)
        if to is Status.RETURNED:
            return self.review.return_for_changes(assessment, comment)
        return self.review.record_status(assessment, to, comment)
