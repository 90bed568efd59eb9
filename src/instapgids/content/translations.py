"""English next to the Dutch content: which texts there are, and which translations are missing or stale.

Dutch (``data/*.yaml``) stays the source of truth. ``data/en/<file>.yaml`` holds, per translatable text,
the Dutch it translates (``nl``) and the English (``en``); a name (a system, right, role, document, page,
contact, …) keeps its Dutch name and may carry an English ``gloss`` instead::

    phases.fase-1.title:
      nl: Definitie van de dienstverleningsbehoefte
      en: Defining the service need
    rights.servicenow-gebruiker.roles.klantportaalgebruiker.name:
      nl: Klantportaalgebruiker
      gloss: customer portal user

A key is the place of the text in its file: mapping keys, and for a list element its ``id`` (else its
``value``, ``type``, ``number`` or ``version``, when every element of the list has a distinct one), else
its index. Every string in a content file is either a text, a name, or one of the fields that are never
translated (:data:`KEPT`); :func:`unclassified` finds any string that is none of these, so that a new
field cannot go untranslated unnoticed.

Only the standard library and PyYAML. ``python -m instapgids.content.translations [--data-dir data] [--write]``
lists the problems; ``--write`` adds the missing entries (with an empty ``en``) and changes nothing else.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import yaml

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
        "scope", "applies_to", "system", "level", "granted_by", "available_after", "item", "to",
        "partners.*.name", "aliases", "see",
    }
)  # fmt: skip
SKIPPED_SUBTREES: frozenset[str] = frozenset({"when", "done_when"})  # conditions: plain data, no text

_ID_FIELDS = ("id", "value", "type", "number", "version")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")

HEADER = (
    "# English translations of data/{name}. Each entry: the Dutch text it translates (nl) and the English (en);\n"
    "# a name stays Dutch and may carry an English gloss instead of en.\n"
    "# Add missing keys with: python -m instapgids.content.translations --write (see README).\n"
    "# Never edit nl by hand: when the Dutch changes, update nl and en together.\n"
)


class Translatable(NamedTuple):
    key: str
    text: str  # the current Dutch
    kind: str  # TEXT or NAME


class Problem(NamedTuple):
    key: str
    message: str


class LocatedStr(str):
    """A string that remembers its 1-based line and column in the YAML it came from."""

    line: int = 0
    column: int = 0


class _Loader(yaml.SafeLoader):
    pass


def _construct_str(loader: yaml.SafeLoader, node: yaml.Node) -> LocatedStr:
    assert isinstance(node, yaml.ScalarNode)
    value = LocatedStr(loader.construct_scalar(node))
    value.line, value.column = node.start_mark.line + 1, node.start_mark.column + 1
    return value


_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)


def load_located(text: str) -> Any:
    """Like ``yaml.safe_load``, with every string a :class:`LocatedStr` (mapping keys too)."""
    return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass: safe


def position(value: object) -> tuple[int, int] | None:
    """The (line, column) of a string loaded by :func:`load_located`, else None."""
    if isinstance(value, LocatedStr) and value.line:
        return (value.line, value.column)
    return None


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


def placeholders(text: str) -> list[str]:
    """The placeholders (``{organisatie}``) in a text, sorted."""
    return sorted(_PLACEHOLDER.findall(text))


# Each problem's message: in English for the content team's tool (below), in Dutch for `instapgids validate`.
MESSAGES: dict[str, tuple[str, str]] = {
    "missing": (
        "no English text: add it to the English file",
        "Engelse tekst ontbreekt: voeg ze toe aan het Engelse bestand",
    ),
    "shape": (
        "an entry needs nl (the Dutch it translates) and en (or gloss for a name)",
        "een vertaling heeft nl (de Nederlandse tekst die ze vertaalt) en en nodig (of gloss voor een naam)",
    ),
    "stale": (
        "older than the Dutch text, which is now: {text!r}",
        "Engelse tekst ouder dan de Nederlandse: die luidt nu '{text}'",
    ),
    "empty": ("no English text: en is empty", "Engelse tekst ontbreekt: en is leeg"),
    "placeholders": ("en must keep the placeholders {names}", "en moet dezelfde plaatshouders hebben: {names}"),
    "name": (
        "a name stays Dutch: give an English gloss, not en",
        "een naam blijft Nederlands: geef een Engelse gloss, geen en",
    ),
    "gloss": ("gloss is only for names, and must not be empty", "gloss is enkel voor een naam en mag niet leeg zijn"),
    "fields": ("unknown field(s): {names}", "onbekend veld: {names}"),
    "unknown": (
        "no Dutch text has this key any more: remove the entry",
        "Engelse tekst voor een sleutel die niet meer bestaat: verwijder ze",
    ),
}


def _short(text: str, width: int = 100) -> str:
    """A Dutch text on one line, shortened, for a message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def check(
    dutch: Sequence[tuple[str, str] | Translatable], translation_doc: Any, *, language: str = "en"
) -> list[Problem]:
    """Missing, unknown and stale translations of one file.

    ``dutch`` is what :func:`translatable` gives (plain ``(key, text)`` pairs count as texts);
    ``translation_doc`` is the loaded ``data/en/<file>.yaml`` (None for an empty or absent file).
    The messages are English, or Dutch with ``language="nl"`` (for ``instapgids validate``).
    """
    nl = language == "nl"

    def say(what: str, **values: Any) -> str:
        return MESSAGES[what][nl].format(**values)

    doc: Mapping[Any, Any] = translation_doc if isinstance(translation_doc, Mapping) else {}
    problems: list[Problem] = []
    current: dict[str, str] = {}
    for item in dutch:
        key, text = item[0], item[1]
        kind = item[2] if isinstance(item, Translatable) else TEXT
        current[key] = text
        entry = doc.get(key)
        if entry is None:
            problems.append(Problem(key, say("missing")))
            continue
        if not isinstance(entry, Mapping) or not isinstance(entry.get("nl"), str):
            problems.append(Problem(key, say("shape")))
            continue
        if entry["nl"] != text:
            problems.append(Problem(key, say("stale", text=_short(text) if nl else text)))
        english, gloss = entry.get("en"), entry.get("gloss")
        if kind == TEXT:
            if not isinstance(english, str) or not english.strip():
                problems.append(Problem(key, say("empty")))
            elif placeholders(english) != placeholders(entry["nl"]):
                problems.append(Problem(key, say("placeholders", names=placeholders(entry["nl"]))))
        elif english is not None:
            problems.append(Problem(key, say("name")))
        if gloss is not None and (kind != NAME or not isinstance(gloss, str) or not gloss.strip()):
            problems.append(Problem(key, say("gloss")))
        extra = set(entry) - {"nl", "en", "gloss"}
        if extra:
            problems.append(Problem(key, say("fields", names=", ".join(sorted(map(str, extra))))))
    for key in doc:
        if key not in current:
            problems.append(Problem(str(key), say("unknown")))
    return problems


class Located(NamedTuple):
    """A problem at its place: the English file for an entry it has, else the Dutch text."""

    path: Path
    line: int
    column: int
    key: str
    message: str


def located(
    dutch_file: Path,
    dutch_raw: Any,
    en_file: Path,
    en_doc: Any,
    *,
    language: str = "en",
    skip: frozenset[str] = frozenset(),
) -> list[Located]:
    """:func:`check` for one file, each problem at its ``file:line:column`` (both documents loaded with
    :func:`load_located`); problems of the keys in ``skip`` are left out."""
    items = translatable(dutch_file.name, dutch_raw)
    doc = en_doc if isinstance(en_doc, Mapping) else {}
    keys = {str(k): k for k in doc}
    texts = {item.key: item.text for item in items}
    found: list[Located] = []
    for problem in check(items, doc, language=language):
        if problem.key in skip:
            continue
        where = keys.get(problem.key)
        if where is None:  # not in the English file: point at the Dutch text
            path, (line, column) = dutch_file, position(texts.get(problem.key)) or (1, 1)
        else:
            path, (line, column) = en_file, position(where) or (1, 1)
        found.append(Located(path, line, column, problem.key, problem.message))
    return found


def english(translation_doc: Any, key: str, dutch_text: str) -> str | None:
    """The English of a text for display: None when missing or stale (then show the Dutch)."""
    entry = translation_doc.get(key) if isinstance(translation_doc, Mapping) else None
    if isinstance(entry, Mapping) and entry.get("nl") == dutch_text and isinstance(entry.get("en"), str):
        return entry["en"] or None
    return None


def with_gloss(translation_doc: Any, key: str, name: str) -> str:
    """A name as shown in English: ``Klantportaalgebruiker (customer portal user)``, or the name alone."""
    entry = translation_doc.get(key) if isinstance(translation_doc, Mapping) else None
    if isinstance(entry, Mapping) and entry.get("nl") == name and isinstance(entry.get("gloss"), str):
        return f"{name} ({entry['gloss']})"
    return name


def _dump_entries(entries: Sequence[Translatable]) -> str:
    data = {
        str(item.key): ({"nl": str(item.text), "en": ""} if item.kind == TEXT else {"nl": str(item.text)})
        for item in entries
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


# ---------------------------------------------------------------- command line


def _report(data_dir: Path, write: bool) -> int:
    found = 0
    for dutch_file in sorted(data_dir.glob("*.yaml")):
        if dutch_file.name not in FIELDS:
            continue
        dutch_raw = load_located(dutch_file.read_text(encoding="utf-8"))
        items = translatable(dutch_file.name, dutch_raw)
        en_file = data_dir / "en" / dutch_file.name
        en_text = en_file.read_text(encoding="utf-8") if en_file.exists() else ""
        en_doc = load_located(en_text) or {}
        for key, value in unclassified(dutch_file.name, dutch_raw):
            line, column = position(value) or (1, 1)
            print(f"{dutch_file}:{line}:{column}: {key}: not classified as text, name or kept field (FIELDS/KEPT)")
            found += 1
        missing = [item for item in items if item.key not in en_doc]
        skip = frozenset(item.key for item in missing) if write else frozenset()
        for problem in located(dutch_file, dutch_raw, en_file, en_doc, skip=skip):
            print(f"{problem.path}:{problem.line}:{problem.column}: {problem.key}: {problem.message}")
            found += 1
        if write and missing:
            en_file.parent.mkdir(parents=True, exist_ok=True)
            start = en_text if en_text else HEADER.format(name=dutch_file.name)
            if start and not start.endswith("\n"):
                start += "\n"
            en_file.write_text(start + _dump_entries(missing), encoding="utf-8")
            print(f"{en_file}: added {len(missing)} entries with an empty en")
    return 1 if found else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m instapgids.content.translations",
        description="List missing, unknown and stale English translations of the content in DATA_DIR/en/.",
    )
    parser.add_argument("--data-dir", type=Path, default=Path("data"), help="the content folder (default: data)")
    parser.add_argument(
        "--write", action="store_true", help="add the missing entries with an empty en; changes nothing else"
    )
    args = parser.parse_args(argv)
    return _report(args.data_dir, args.write)


if __name__ == "__main__":
    sys.exit(main())
