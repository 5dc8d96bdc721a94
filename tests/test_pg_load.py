"""Many people at once on a server register (issue 20): the short version of
``benchmarks/pg_load.py``, asserting correctness only (never timings)."""

from __future__ import annotations

import pytest

from benchmarks.pg_load_clients import lost_updates


def test_an_acknowledged_save_missing_from_the_register_is_a_lost_update() -> None:
    stored = {7: {"sex": "Ingen påverkan. [1-1] [2-1]"}}
    assert lost_updates([(7, 2, "sex", " [1-1]"), (7, 3, "sex", " [2-1]")], stored) == []
    found = lost_updates([(7, 2, "sex", " [1-1]"), (7, 3, "sex", " [3-1]")], stored)
    assert found == ["assessment 7: saved ' [3-1]' in sex is missing"]


def test_two_saves_acknowledged_as_one_version_are_a_lost_update() -> None:
    stored = {7: {"sex": "Ingen. [1-1] [2-1]"}}
    found = lost_updates([(7, 2, "sex", " [1-1]"), (7, 2, "sex", " [2-1]")], stored)
    assert found == ["assessment 7: ' [1-1]' and ' [2-1]' both acknowledged as version 2"]


@pytest.mark.postgres
def test_eight_clients_for_five_seconds_lose_nothing_and_keep_the_chain(pg_cluster) -> None:
    from benchmarks.pg_load import run

    url = pg_cluster.url_for(pg_cluster.new_database())
    result = run(url, clients=8, seconds=5, pause=0.02)

    assert result.problems == [], result.counts
    assert result.acks == result.counts["autosave"] > 0
    # The run did what it is for: saves raced, work was submitted and reviewed.
    assert result.counts["submitted"] > 0, result.counts
    assert result.counts["approved"] + result.counts["returned"] > 0, result.counts
    assert result.audit_entries > result.acks
