"""Review mode: an assessment in review (or approved, or an earlier revision) read as
the manager reads the PDF, with the review comments beside it.

The document (``review_html``) is rebuilt from the register after every action, so
what the window shows is what is stored. The actions (comment, approve, return, new
revision) live in ``review_actions``; none of them decides anything itself: the review
service does, and the window shows its answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.checklist import Checklist
from desktop_app.domain.document import EVIDENCE_LINK
from desktop_app.domain.fingerprint import fingerprint
from desktop_app.domain.model import Assessment, Status
from desktop_app.domain.review import (
    STEP_KEYS,
    CommentTarget,
    approval_record,
    unverified_claim,
)
from desktop_app.domain.statistics_warnings import tables_that_do_not_check
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.evidence_editor import open_evidence
from desktop_app.ui.editor.widgets import wrapped_label
from desktop_app.ui.export_pdf import install_pdf_export
from desktop_app.ui.help_menu import install_help_menu
from desktop_app.ui.review.comments_model import CommentsModel
from desktop_app.ui.review.html_parts import COMMENT_SCHEME, STYLE_SHEET
from desktop_app.ui.review.review_actions import ReviewActions
from desktop_app.ui.review.review_html import ReviewData, ReviewHtml
from desktop_app.ui.review.targets import PageKey, TargetNames
from desktop_app.ui.revisions.editor_hooks import RevisionActions
from desktop_app.ui.screen_fit import fit_to_screen
from desktop_app.ui.typography import make_heading


@dataclass
class ShownAssessment:
    """What the PDF export reads: the assessment as shown (nothing to save here)."""

    assessment: Assessment
    checklists: list[Checklist]

    def save_now(self) -> bool:
        return True


class ReviewWindow(QMainWindow):
    closed = Signal(int)
    changed = Signal(int)  # a status or the comments changed: the register shows it
    revisionStarted = Signal(int)  # the id of the new draft revision

    def __init__(
        self, context: UiContext, assessment: Assessment, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.assessment = assessment
        self.checklists: list[Checklist] = context.service.checklists_for(assessment)
        self.names = TargetNames(context, assessment, self.checklists, self)
        self.html = ReviewHtml(context, self.names, self)
        self.data: ReviewData | None = None

        self.banner = wrapped_label("")
        self.banner.setStyleSheet("border: 1px solid palette(mid); padding: 6px;")
        self.banner.setAccessibleName(self.tr("About this assessment"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("The assessment"))
        self.browser.document().setDefaultStyleSheet(STYLE_SHEET)
        self.browser.anchorClicked.connect(self._on_link)

        self.comments = CommentsModel(self.names)
        self.comment_list = QListView()
        self.comment_list.setModel(self.comments)
        self.comment_list.setAccessibleName(self.tr("Review comments"))
        self.comment_list.setWordWrap(True)
        self.comment_list.setUniformItemSizes(False)
        self.comment_list.setSpacing(3)
        self.comment_list.setAlternatingRowColors(True)
        self.comment_list.activated.connect(self._on_comment_activated)
        self.comment_list.clicked.connect(self._on_comment_activated)
        self.comments_heading = QLabel()
        make_heading(self.comments_heading)
        self.comments_heading.setWordWrap(True)  # large text: wrap, do not widen the pane
        self.comments_heading.setBuddy(self.comment_list)
        self.identity = wrapped_label("", muted=True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.comments_heading)
        side_layout.addWidget(self.comment_list, 1)
        side_layout.addWidget(self.identity)

        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.browser)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([820, 380])
        self.splitter = splitter
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.shown = ShownAssessment(assessment, self.checklists)
        self.pdf_export = install_pdf_export(self, context, self.shown)
        self.actions_ = ReviewActions(self)
        self.reload(assessment)  # as just read by whoever opened the window
        # Revisions, comparison and history; the status bar's revision and fingerprint.
        self.revision_actions = RevisionActions(
            self, context, lambda window: window.assessment, lambda _window: True,
            self.actions_.export,
        )  # fmt: skip
        self.changed.connect(self.revision_actions.status_changed)
        self.revisionStarted.connect(self.revision_actions.status_changed)
        self.help_menu = install_help_menu(self, context.language, context.service.register_path)
        fit_to_screen(self, 1200, 850)
        width = self.width()  # the document gets two thirds, whatever the screen
        self.splitter.setSizes([width * 2 // 3, width // 3])
        self.browser.setFocus()

    # Loading

    @property
    def assessment_id(self) -> int:
        assert self.assessment.id is not None
        return self.assessment.id

    def reload(self, assessment: Assessment | None = None) -> None:
        """Read the assessment (unless ``assessment`` was just read), its comments and
        its history again and show them."""
        service = self.context.service
        self.assessment = assessment or service.get(self.assessment_id)
        self.names.assessment = self.shown.assessment = self.assessment
        review = service.review
        history = service.status_history(self.assessment_id)
        approved = self.assessment.status is Status.APPROVED
        self.data = ReviewData(
            assessment=self.assessment,
            checklists=self.checklists,
            comments=review.comments(self.assessment_id),
            history=history,
            approval=approval_record(self.assessment, history) if approved else None,
            fingerprint=fingerprint(self.assessment),
            gaps=len(service.gaps(self.assessment)),
            can_comment=review.can_comment(self.assessment),
            today=date.today(),
            questions=service.question_count(self.assessment),
            claim=unverified_claim(self.assessment.decision.author, history),
            statistics_problems=tables_that_do_not_check(
                self.assessment, [g.key for c in self.checklists for g in c.grounds]
            ),
        )
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(self.html.build(self.data))
        self.browser.verticalScrollBar().setValue(scroll)
        self.comments.set_comments(self.data.comments)
        count = len(self.data.comments)
        self.comments_heading.setText(self.tr("Review &comments (%n)", "", count))
        self.identity.setText(
            self.tr("You are working as %1.").replace("%1", service.identity.signature)
        )
        self._update_banner()
        self._update_title()
        self.actions_.update()

    def _update_title(self) -> None:
        title = self.assessment.decision.title or self.tr("Untitled assessment")
        self.setWindowTitle(self.tr("Review: %1").replace("%1", title) + " – Lika")

    def _update_banner(self) -> None:
        a, data = self.assessment, self.data
        assert data is not None
        if a.status is Status.IN_REVIEW:
            text = self.tr(
                "In review: read the assessment, comment on its steps, grounds and measures "
                "(the Comment… links), then approve it or return it with your comments."
            )
        elif a.status is Status.APPROVED and data.approval is not None:
            text = (
                self.tr(
                    "Approved by %1, %2. The assessment is locked; to change it, start a "
                    "new revision."
                )
                .replace("%1", data.approval.signed_by)
                .replace("%2", self.context.short_date(data.approval.at))
            )
            if data.approval.self_approved:
                text += " " + self.tr("Self-approved: the approver also wrote or submitted it.")
        elif a.status is Status.APPROVED:
            text = self.tr(
                "Approved. The assessment is locked; to change it, start a new revision."
            )
        elif a.status is Status.RETURNED:
            text = self.tr("Returned to the caseworker with the comments below.")
        else:
            text = self.tr("Revision %1: a newer revision of this assessment exists.").replace(
                "%1", str(a.revision)
            )
        self.banner.setText(text)

    # Moving around the document

    def show_page(self, key: PageKey) -> None:
        """Scroll to the section of an editor page key (as the session restores it)."""
        kind, name = key
        if kind == "ground" or (kind == "step" and name in STEP_KEYS):
            self._scroll_to(f"{kind}:{name}")

    def show_target(self, target: CommentTarget) -> None:
        self._scroll_to(str(target))

    def _scroll_to(self, anchor: str) -> None:
        """Scroll to ``anchor`` with a line of room above, so its heading shows whole."""
        self.browser.scrollToAnchor(anchor)
        bar = self.browser.verticalScrollBar()
        if bar.value() < bar.maximum():
            bar.setValue(bar.value() - self.browser.fontMetrics().lineSpacing())

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == COMMENT_SCHEME:
            self.actions_.comment_on(CommentTarget.parse(url.path()))
        elif url.scheme() == EVIDENCE_LINK:
            self.open_evidence(url.path())
        elif url.hasFragment():
            self._scroll_to(url.fragment())

    def open_evidence(self, uid: str) -> bool:
        """Open an attached file (a read-only copy) or a link with the system."""
        item = next((e for e in self.assessment.evidence if e.uid == uid), None)
        if item is None:
            return False
        return open_evidence(self, self.context, self.context.service.evidence, item)

    def _on_comment_activated(self, index: QModelIndex) -> None:
        self.show_target(self.comments.comment(index.row()).target)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit(self.assessment_id)
        event.accept()
