"""Which strings of a content file are texts to translate, names that stay Dutch, or kept as they are.

A text's key is its place in its file: mapping keys, and for a list element its ``id`` (else its
``value``, ``type``, ``number`` or ``version``, when every element of the list has a distinct one), else
its index. Every string in a content file is either a text, a name, or one of the fields that are never
translated (:data:`KEPT`); :func:`unclassified` finds any string that is none of these, so that a new
field cannot go untranslated unnoticed.

Only the standard library.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple

TEXT = "text"  # translated: the entry needs a non-empty `en`
NAME = "name"  # stays Dutch: the entry may carry an English `gloss`

# Per content file: the place of each translatable string, with list elements written as `*`.
FIELDS: dict[str, dict[str, str]] = {
    "guide.yaml": {
        "guide.title": NAME,
        "guide.subtitle": TEXT,
        "guide.history.*.note": TEXT,
        "sections.*.title": NAME,  # the guide's own headings: the reader looks them up in the Dutch guide
        "gaps.*.note": TEXT,
        "support.summary": TEXT,
        "support.portal_functions.*.name": NAME,  # menu labels of the Klantenportaal
        "support.portal_functions.*.description": TEXT,
        "support.fora.*.name": NAME,
        "support.fora_summary": TEXT,
        "support.fora_reports": TEXT,
        "support.contact_list": TEXT,
        "other_services.summary": TEXT,
        "other_services.categories.*": NAME,  # headings on the Digitaal Vlaanderen website
    },
    "lots.yaml": {
        "service_types.*.name": TEXT,
        "service_types.*.summary": TEXT,
        "service_types.*.details.*": TEXT,
        "multiple_lots.text": TEXT,
        "lots.*.name": TEXT,  # descriptive ("Werkplekdiensten"), translated
        "lots.*.partners.*.note": TEXT,
        "lots.*.summary": TEXT,
        "lots.*.description": TEXT,
        "lots.*.domains.*.title": TEXT,
        "lots.*.domains.*.summary": TEXT,
        "lots.*.domains.*.bullets.*": TEXT,
        "lots.*.service_types.*.note": TEXT,
        "lots.*.how_to_start.*.text": TEXT,
    },
    "journey.yaml": {
        "summary": TEXT,
        "phases.*.title": TEXT,
        "phases.*.summary": TEXT,
        "phases.*.steps.*.title": TEXT,
        "phases.*.steps.*.summary": TEXT,
        "phases.*.steps.*.items.*.title": TEXT,
        "phases.*.steps.*.items.*.details.*": TEXT,
        "phases.*.steps.*.items.*.details.*.text": TEXT,
        "phases.*.steps.*.items.*.done_note": TEXT,
        "guide_order.*.note": TEXT,
    },
    "interview.yaml": {
        "questions.*.label": TEXT,
        "questions.*.prompt": TEXT,
        "questions.*.help": TEXT,
        "questions.*.options.*.label": TEXT,
        "questions.*.options.*.notice": TEXT,
    },
    "systems.yaml": {
        "systems.*.name": NAME,
        "systems.*.aliases.*": NAME,
        "systems.*.purpose": TEXT,
        "systems.*.features.*": TEXT,
        "systems.*.optional_note": TEXT,
        "systems.*.prerequisites.*": TEXT,
        "systems.*.access.*.label": TEXT,
        "systems.*.access.*.steps.*": TEXT,
    },
    "roles.yaml": {
        "rights.*.name": NAME,
        "rights.*.note": TEXT,
        "rights.*.roles.*.name": NAME,
        "rights.*.roles.*.allows": TEXT,
    },
    "contacts.yaml": {
        "contacts.*.name": NAME,
        "contacts.*.how_to_reach": TEXT,
        "contacts.*.purposes.*": TEXT,
    },
    "documents.yaml": {
        "documents.*.title": NAME,
        "documents.*.note": TEXT,
        "documents.*.where": TEXT,
    },
    # The mail itself stays Dutch (it goes to a Flemish service desk); the English says what it says.
    "mails.yaml": {
        "mails.*.subject": TEXT,
        "mails.*.paragraphs.*.text": TEXT,
        "follow_up.subject": TEXT,
        "follow_up.paragraphs.*.text": TEXT,
    },
    # A term keeps its Dutch form (the reader meets it in the guide) with an English gloss; its aliases are
    # Dutch search words and stay as they are (KEPT).
    "glossary.yaml": {
        "terms.*.term": NAME,
        "terms.*.short": TEXT,
        "terms.*.more": TEXT,
    },
}

# Fields whose strings are never translated: ids and references, values, sections, addresses, dates,
# version numbers, proper names of organisations, companies and persons, and the glossary's Dutch search
# words (aliases) and references to other terms (see).
KEPT: frozenset[str] = frozenset(
    {
        "id", "kind", "value", "type", "number", "version", "date", "section", "sections", "url", "email",
        "phone", "phone_internal", "publisher", "author", "documents", "systems", "contacts", "support",
        "phases", "waits_for", "asked_in", "right", "role", "rights", "first", "then", "outcome", "holds",
        "scope", "system", "level", "granted_by", "available_after", "item", "to",
        "partners.*.name", "aliases", "see", "likely",
    }
)  # fmt: skip
SKIPPED_SUBTREES: frozenset[str] = frozenset({"when", "done_when"})  # conditions: plain data, no text


_ID_FIELDS = ("id", "value", "type", "number", "version")


class Translatable(NamedTuple):
    key: str
    text: str  # the current Dutch
    kind: str  # TEXT or NAME


def _field(element: Any, name: str) -> Any:
    """A field of a list element: a mapping's value, or a model's attribute (the loaded content)."""
    if isinstance(element, Mapping):
        return element.get(name)
    return getattr(element, name, None) if hasattr(element, "__dataclass_fields__") else None


def element_keys(items: Sequence[Any]) -> list[str]:
    """The key part of each list element: its ``id`` (else ``value``, ``type``, ``number``, ``version``) when
    every element has a distinct one, else its index. Works on the YAML and on the validated models alike."""
    for field in _ID_FIELDS:
        ids = [_field(item, field) for item in items]
        if all(isinstance(i, str | int) and not isinstance(i, bool) for i in ids):
            names = [str(i) for i in ids]
            if len(set(names)) == len(names):
                return names
    return [str(index) for index in range(len(items))]


def _strings(raw: Any, key: tuple[str, ...] = (), generic: tuple[str, ...] = ()) -> Iterator[tuple[str, str, str]]:
    """Every string in the document: (key, generic place, value)."""
    if isinstance(raw, Mapping):
        for name, value in raw.items():
            if str(name) not in SKIPPED_SUBTREES:
                yield from _strings(value, (*key, str(name)), (*generic, str(name)))
    elif isinstance(raw, list):
        for element_key, value in zip(element_keys(raw), raw, strict=True):
            yield from _strings(value, (*key, element_key), (*generic, "*"))
    elif isinstance(raw, str):
        yield ".".join(key), ".".join(generic), raw


def _kept(generic: str) -> bool:
    named = [part for part in generic.split(".") if part != "*"]
    return bool(named) and (named[-1] in KEPT or ".".join(generic.split(".")[-3:]) in KEPT)


def translatable(file_name: str, raw: Any) -> list[Translatable]:
    """Every user-visible Dutch text of one content file (as ``yaml.safe_load`` gives it), in file order."""
    fields = FIELDS.get(file_name, {})
    return [Translatable(key, text, fields[generic]) for key, generic, text in _strings(raw) if generic in fields]


def unclassified(file_name: str, raw: Any) -> list[tuple[str, str]]:
    """Strings that are neither a text, nor a name, nor a kept field: (key, value). Should be empty."""
    fields = FIELDS.get(file_name, {})
    return [(key, text) for key, generic, text in _strings(raw) if generic not in fields and not _kept(generic)]
