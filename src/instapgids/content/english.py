"""The content in English: the same validated content, with its user-visible texts from ``data/en/``.

:func:`in_english` copies the Dutch content and replaces, at the same keys as ``texts`` gives them
(the place of the text in its file), every text (``TEXT``) by its English and every name (``NAME``) by
``Naam (gloss)`` where the English file gives a gloss. Ids, values, sections, addresses, company names
and conditions are untouched, so the rules give the same checklist in either language. A missing or
stale English text (its ``nl`` no longer the Dutch) shows the Dutch; ``instapgids validate`` reports it.

Names that keep their Dutch bare: the guide's title (it is always followed by its version and date:
"Instapgids ICT-raamcontracten 2022 v1.01"). Every other name with a gloss shows it: systems and their
aliases, rights, roles, contacts, documents and pages, the guide's section titles, the Klantenportaal's
menu labels, the fora and Digitaal Vlaanderen's service categories.

The Dutch content is never changed. Only the standard library and PyYAML (to read ``data/en/``).
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from instapgids.content.bundle import ATTRIBUTES, Content
from instapgids.content.texts import FIELDS, NAME, SKIPPED_SUBTREES, TEXT, element_keys

BARE_NAMES = frozenset({"guide.title"})  # names shown without their gloss (see above)


def read_translations(directory: Path) -> dict[str, Any]:
    """Each ``data/en/<file>.yaml`` as loaded; an absent or unreadable file is empty (validate reports it)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    docs: dict[str, Any] = {}
    for name in ATTRIBUTES:
        try:
            doc = yaml.load((directory / "en" / name).read_bytes(), Loader=loader)  # a safe loader
        except (OSError, yaml.YAMLError):
            doc = None
        docs[name] = doc if isinstance(doc, Mapping) else {}
    return docs


def strings(model: Any, file_name: str) -> list[tuple[str, str, Any, Any]]:
    """Every translatable string of a file's model: (key, kind, holder, place), where ``holder[place]``
    (a list) or ``getattr(holder, place)`` (a model) is the string. The keys are those of
    ``texts.translatable`` on the YAML (a test holds them equal)."""
    fields = FIELDS[file_name]
    found: list[tuple[str, str, Any, Any]] = []

    def walk(value: Any, key: tuple[str, ...], generic: tuple[str, ...], holder: Any, place: Any) -> None:
        if isinstance(value, str):
            kind = fields.get(".".join(generic))
            if kind is not None:
                found.append((".".join(key), kind, holder, place))
        elif isinstance(value, list):
            for index, (part, element) in enumerate(zip(element_keys(value), value, strict=True)):
                walk(element, (*key, part), (*generic, "*"), value, index)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                if field.name not in SKIPPED_SUBTREES:
                    walk(getattr(value, field.name), (*key, field.name), (*generic, field.name), value, field.name)

    walk(model, (), (), None, None)
    return found


def _shown(entry: Any, kind: str, key: str, dutch: str) -> str | None:
    """What the English content shows for one Dutch string, or None to keep the Dutch."""
    if not isinstance(entry, Mapping) or not isinstance(entry.get("nl"), str) or entry["nl"].strip() != dutch:
        return None  # missing or stale: the Dutch (the models hold texts stripped)
    if kind == TEXT:
        english = entry.get("en")
        return english.strip() if isinstance(english, str) and english.strip() else None
    gloss = entry.get("gloss")
    if kind == NAME and key not in BARE_NAMES and isinstance(gloss, str) and gloss.strip():
        if dutch.endswith(")"):  # "Werkaanvragenbeheer (Atos)": one pair of brackets, the gloss inside it
            return f"{dutch[:-1]}; {gloss.strip()})"
        return f"{dutch} ({gloss.strip()})"
    return None


def in_english(content: Content, translations: Mapping[str, Any]) -> Content:
    """A copy of ``content`` with the English texts and glossed names of ``translations`` (file → doc)."""
    english = copy.deepcopy(dataclasses.replace(content, raw={}))  # a new Content: no cached look-ups
    for file_name, attribute in ATTRIBUTES.items():
        doc = translations.get(file_name) or {}
        for key, kind, holder, place in strings(getattr(english, attribute), file_name):
            dutch = holder[place] if isinstance(holder, list) else getattr(holder, place)
            shown = _shown(doc.get(key), kind, key, dutch)
            if shown is None:
                continue
            if isinstance(holder, list):
                holder[place] = shown
            else:
                setattr(holder, place, shown)
    return english
