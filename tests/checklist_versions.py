"""A newer version of the Swedish checklist, written to a folder, for tests of
assessments made with an older version."""

from __future__ import annotations

from pathlib import Path

import yaml

from desktop_app.checklists.loader import BUILTIN_DIR
from desktop_app.checklists.yamlfile import YamlDocument

DROPPED_QUESTION = "age.limits"
RENAMED_GROUND = ("religion", "religion_or_belief")


def write_newer_swedish_checklist(folder: Path) -> Path:
    """se-dl 1.1: one question of "age" dropped, the ground "religion" renamed."""
    data = YamlDocument(BUILTIN_DIR / "se-diskrimineringslagen.yaml").data
    data["version"] = "1.1"
    for ground in data["grounds"]:
        if ground["key"] == "age":
            ground["questions"] = [q for q in ground["questions"] if q["id"] != DROPPED_QUESTION]
        if ground["key"] == RENAMED_GROUND[0]:
            ground["key"] = RENAMED_GROUND[1]
            for question in ground["questions"]:
                question["id"] = question["id"].replace(
                    f"{RENAMED_GROUND[0]}.", f"{RENAMED_GROUND[1]}."
                )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "se-dl-1.1.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
