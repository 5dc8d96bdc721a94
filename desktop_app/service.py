"""Use cases shared by the GUI and the command line.

The service joins the three inner pieces (content, domain rules, repository) so that
neither the widgets nor the CLI repeat how a status change is checked or which
checklists an assessment uses.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from desktop_app.checklists.guide import Content
from desktop_app.domain.checklist import Checklist
from desktop_app.domain.completeness import Gap, find_gaps
from desktop_app.domain.errors import ContentError
from desktop_app.domain.model import Assessment, Language, Status, StatusChange
from desktop_app.domain.workflow import change_status
from desktop_app.storage.repository import AssessmentRepository, Clock, utc_now

DEFAULT_FRAMEWORK = "se-dl"


def os_user() -> str:
    """The operating-system account name, recorded beside the display name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass(frozen=True)
class Identity:
    """Who is working: the display name from settings and the OS account."""

    name: str
    os_user: str

    @classmethod
    def default(cls) -> Identity:
        user = os_user()
        return cls(name=user, os_user=user)


class AssessmentService:
    def __init__(
        self,
        repository: AssessmentRepository,
        content: Content,
        identity: Identity,
        *,
        clock: Clock = utc_now,
    ) -> None:
        self.repository = repository
        self.content = content
        self.identity = identity
        self._clock = clock

    def new_assessment(
        self, *, framework_id: str = DEFAULT_FRAMEWORK, language: Language = Language.SV
    ) -> Assessment:
        """Create and store an empty draft, with the caseworker as author."""
        framework = self.content.checklists.get(framework_id)
        assessment = Assessment(
            framework_id=framework.id, framework_version=framework.version, language=language
        )
        assessment.decision.author = self.identity.name
        return self.repository.create(assessment)

    def checklists_for(self, assessment: Assessment) -> list[Checklist]:
        """The framework and switched-on modules, in their newest loaded versions."""
        ids = [assessment.framework_id, *assessment.modules]
        missing = [i for i in ids if i not in self.content.checklists.checklists]
        if missing:
            raise ContentError(
                f"Assessment {assessment.id} uses checklist {missing[0]!r}, which is not installed"
            )
        return [self.content.checklists.get(i) for i in ids]

    def gaps(self, assessment: Assessment) -> list[Gap]:
        return find_gaps(assessment, self.checklists_for(assessment))

    def save(self, assessment: Assessment) -> None:
        """Store edits; editing a returned assessment makes it a draft again."""
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
        change = self._change(assessment, to, comment)
        try:
            self.repository.record_status_change(assessment, change)
        except Exception:
            assessment.status = change.from_status or to
            raise
        return change

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
