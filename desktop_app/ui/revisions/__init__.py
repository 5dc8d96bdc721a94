"""Revisions of an assessment: the list, the comparison of two, and the history."""
