"""The user guide and the list of third-party software: content kept as data under
``resources/help/`` (one Markdown file per language, one YAML list), checked on load
so a broken file is named rather than shown half."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.checklists.yamlfile import YamlDocument
from desktop_app.domain.errors import ContentError
from desktop_app.domain.language import Language
from desktop_app.resources import resource_path

HELP_DIR = resource_path("help")


@dataclass(frozen=True)
class Component:
    """A piece of third-party software or a font Lika ships with."""

    name: str
    licence: str
    url: str
    notice: str = ""


def guide_markdown(language: Language, folder: Path = HELP_DIR) -> str:
    """The offline user guide in ``language`` (Markdown)."""
    path = folder / f"guide.{Language(language).value}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(f"{path}: cannot be read ({error})") from None
    if not text.lstrip().startswith("# "):
        raise ContentError(f"{path}, line 1: the guide must start with a '# ' title")
    return text


def third_party(folder: Path = HELP_DIR) -> list[Component]:
    """Third-party components and their licences, in the order of the file."""
    document = YamlDocument(folder / "third-party.yaml")
    data = document.data
    if not isinstance(data, dict) or data.get("format") != "lika-third-party":
        raise document.error([], "not a lika-third-party file")
    found = []
    for index, item in enumerate(data.get("components") or []):
        place: list[str | int] = ["components", index]
        if not isinstance(item, dict) or not all(
            isinstance(item.get(key), str) and item[key].strip()
            for key in ("name", "licence", "url")
        ):
            raise document.error(place, "needs name, licence and url")
        notice = str(item.get("notice", ""))
        if "notice_file" in item:
            notice_path = folder.parent / str(item["notice_file"])
            try:
                notice = notice_path.read_text(encoding="utf-8")
            except OSError as error:
                raise document.error([*place, "notice_file"], str(error)) from None
        found.append(Component(item["name"], item["licence"], item["url"], notice.strip()))
    if not found:
        raise document.error(["components"], "lists no components")
    return found
