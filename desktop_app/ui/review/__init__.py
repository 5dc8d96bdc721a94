"""Review mode: the read-only review window and the review comments shown in the editor."""
