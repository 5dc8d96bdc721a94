"""Use cases shared by the GUI and the command line.

The service joins the three inner pieces (content, domain rules, repository) so that
neither the widgets nor the CLI repeat how a status change is checked or which
checklists an assessment uses.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.checklists.guide import Content
from desktop_app.defaults import DEFAULT_FRAMEWORK
from desktop_app.domain.checklist import Checklist, ChecklistKind
from desktop_app.domain.completeness import Gap, find_gaps
from desktop_app.domain.errors import ContentError, WorkflowError
from desktop_app.domain.identity import Identity
from desktop_app.domain.model import Assessment, Language, Status, StatusChange
from desktop_app.domain.obsolete import KeptContent, find_kept
from desktop_app.domain.workflow import change_status
from desktop_app.keys import KeyStore
from desktop_app.review import ReviewService
from desktop_app.storage.repository import AssessmentRepository, Clock, utc_now


class AssessmentService:
    def __init__(
        self,
        repository: AssessmentRepository,
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
        self._clock = clock
        self.identity = identity
        # Pre-filled in new assessments (settings, else the organisation's defaults file).
        self.organisation = organisation
        self.default_framework = default_framework
        # The approver's own key pair, which signs the approvals made here.
        self.keys = keys if keys is not None else KeyStore()
        # Review and sign-off: statuses, comments, revisions, fingerprints, audit trail.
        self.review = ReviewService(self)

    @property
    def identity(self) -> Identity:
        """Who is working; the repository names them in the audit log."""
        return self._identity

    @identity.setter
    def identity(self, identity: Identity) -> None:
        self._identity = identity
        self.repository.actor = identity

    def new_assessment(
        self,
        *,
        framework_id: str | None = None,
        language: Language = Language.SV,
        title: str = "",
        modules: Iterable[str] = (),
    ) -> Assessment:
        """Create and store an empty draft, with the caseworker as author and the
        organisation filled in; without a framework, the default one."""
        framework_id = framework_id or self.default_framework
        framework = self.content.checklists.get(framework_id)
        if framework.kind is not ChecklistKind.FRAMEWORK:
            raise ContentError(f"{framework_id!r} is a module, not a framework")
        assessment = Assessment(
            framework_id=framework.id,
            framework_version=framework.version,
            language=language,
            modules=self.module_versions(modules),
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

    def checklists_for(self, assessment: Assessment) -> list[Checklist]:
        """The framework and switched-on modules, in their newest loaded versions."""
        ids = [assessment.framework_id, *assessment.modules]
        missing = [i for i in ids if i not in self.content.checklists.checklists]
        if missing:
            raise ContentError(
                f"Assessment {assessment.id} uses checklist {missing[0]!r}, which is not installed"
            )
        return [self.content.checklists.get(i) for i in ids]

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
        return find_kept(
            assessment,
            self.checklists_for(assessment),
            earlier=[c for c in earlier if c is not None],
            switched_off=switched_off,
        )

    def gaps(self, assessment: Assessment) -> list[Gap]:
        return find_gaps(assessment, self.checklists_for(assessment))

    def save(self, assessment: Assessment) -> None:
        """Store edits; editing a returned assessment makes it a draft again. Refused
        (``WorkflowError``) while it is in review, approved or not the newest revision."""
        reason = self.review.read_only_reason(assessment)
        if reason:
            raise WorkflowError(reason)
        if assessment.status is not Status.RETURNED:
            self.repository.save(assessment)
            return
        change = self._change(assessment, Status.DRAFT, "")
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
        return self.review._status(assessment, to, comment)

    def _change(self, assessment: Assessment, to: Status, comment: str) -> StatusChange:
        return change_status(
            assessment,
            to,
            actor=self.identity.name,
            os_user=self.identity.os_user,
            at=self._clock(),
            gaps=self.gaps(assessment),
            comment=comment,
        )
