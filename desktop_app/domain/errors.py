"""The error types every layer raises, so the CLI and the GUI can tell a user's
mistake (say so, exit 2) from a failure of the program or the machine (exit 1)."""


class LikaError(Exception):
    """Something went wrong that the user should be told about in one sentence."""

    exit_code = 1


class InputError(LikaError):
    """The user asked for something impossible: bad id, bad file, bad value."""

    exit_code = 2


class NotFoundError(InputError):
    """No assessment (or other record) with the given id."""


class WorkflowError(InputError):
    """A status change or edit that the review workflow does not allow."""


class OpenCommentsError(WorkflowError):
    """A submit refused because review comments are not yet marked as addressed."""

    def __init__(self, message: str, count: int) -> None:
        super().__init__(message)
        self.count = count


class ContentError(InputError):
    """A checklist or guide file is broken; the message names the file and place."""


class UnreadableDataError(LikaError):
    """The register holds a value Lika cannot read (changed outside Lika, or a fault).

    Not the user's mistake, so exit code 1; the message names the row and points to
    ``lika check``, which lists every such row."""
