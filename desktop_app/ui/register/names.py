"""Names of grounds and frameworks in the window's language, from the loaded content."""

from __future__ import annotations

from desktop_app.checklists.guide import Content
from desktop_app.domain.checklist import ChecklistKind
from desktop_app.domain.decision_types import type_label
from desktop_app.domain.model import Language


class ContentNames:
    """Looks up a ground key in every checklist (frameworks first, then modules), so a
    register that mixes Swedish and Norwegian assessments names each ground once."""

    def __init__(self, content: Content, language: Language) -> None:
        self.language = language
        self._types = content.checklists.decision_types
        checklists = sorted(
            content.checklists.checklists.values(),
            key=lambda c: (c.kind is not ChecklistKind.FRAMEWORK, c.id),
        )
        self._grounds: dict[str, str] = {}
        for checklist in checklists:
            for ground in checklist.grounds:
                self._grounds.setdefault(ground.key, ground.label(language))
        self._frameworks = {
            c.id: c.name.get(language) for c in checklists if c.kind is ChecklistKind.FRAMEWORK
        }

    def ground(self, key: str) -> str:
        return self._grounds.get(key, key)

    def grounds(self) -> list[tuple[str, str]]:
        """(key, name) of every known ground, by name."""
        return sorted(self._grounds.items(), key=lambda item: item[1].casefold())

    def framework(self, framework_id: str) -> str:
        return self._frameworks.get(framework_id, framework_id)

    def decision_type(self, key: str) -> str:
        """A type's name; its key where it is not installed here; "" for none."""
        return type_label(self._types, key, self.language.value)

    def decision_types(self) -> list[tuple[str, str]]:
        """(key, name) of every installed decision type, in their files' order."""
        return [(key, t.name.get(self.language)) for key, t in self._types.items()]

    def frameworks(self) -> list[tuple[str, str]]:
        return sorted(self._frameworks.items(), key=lambda item: item[1].casefold())
