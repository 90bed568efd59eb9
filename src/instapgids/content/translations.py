"""English next to the Dutch content: which translations are missing or stale, and the English to show.

Dutch (``data/*.yaml``) stays the source of truth. ``data/en/<file>.yaml`` holds, per translatable text,
the Dutch it translates (``nl``) and the English (``en``); a name (a system, right, role, document, page,
contact, …) keeps its Dutch name and may carry an English ``gloss`` instead::

    phases.fase-1.title:
      nl: Definitie van de dienstverleningsbehoefte
      en: Defining the service need
    rights.servicenow-gebruiker.roles.klantportaalgebruiker.name:
      nl: Klantportaalgebruiker
      gloss: customer portal user

A key is the place of the text in its file; :mod:`instapgids.content.texts` says which strings are texts,
which are names and which are kept as they are.

Only the standard library and PyYAML. ``python -m instapgids.content.translations [--data-dir data] [--write]``
lists the problems; ``--write`` adds the missing entries (with an empty ``en``) and changes nothing else.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from instapgids.content.texts import FIELDS, NAME, TEXT, Translatable, translatable, unclassified
from instapgids.language import N_, _

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")

HEADER = (
    "# English translations of data/{name}. Each entry: the Dutch text it translates (nl) and the English (en);\n"
    "# a name stays Dutch and may carry an English gloss instead of en.\n"
    "# Add missing keys with: python -m instapgids.content.translations --write (see README).\n"
    "# Never edit nl by hand: when the Dutch changes, update nl and en together.\n"
)


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


def placeholders(text: str) -> list[str]:
    """The placeholders (``{organisatie}``) in a text, sorted."""
    return sorted(_PLACEHOLDER.findall(text))


# Each problem's message: in English for the content team's tool (below), and for `instapgids validate` the
# Dutch, which ``_`` gives in the language of the run (the catalog's English may word it otherwise).
MESSAGES: dict[str, tuple[str, str]] = {
    "missing": (
        "no English text: add it to the English file",
        N_("Engelse tekst ontbreekt: voeg ze toe aan het Engelse bestand"),
    ),
    "shape": (
        "an entry needs nl (the Dutch it translates) and en (or gloss for a name)",
        N_("een vertaling heeft nl (de Nederlandse tekst die ze vertaalt) en en nodig (of gloss voor een naam)"),
    ),
    "stale": (
        "older than the Dutch text, which is now: {text!r}",
        N_("Engelse tekst ouder dan de Nederlandse: die luidt nu '{text}'"),
    ),
    "empty": ("no English text: en is empty", N_("Engelse tekst ontbreekt: en is leeg")),
    "placeholders": (
        "en must keep the placeholders {names}",
        N_("en moet dezelfde plaatshouders hebben: {names}"),
    ),
    "name": (
        "a name stays Dutch: give an English gloss, not en",
        N_("een naam blijft Nederlands: geef een Engelse gloss, geen en"),
    ),
    "gloss": (
        "gloss is only for names, and must not be empty",
        N_("gloss is enkel voor een naam en mag niet leeg zijn"),
    ),
    "fields": ("unknown field(s): {names}", N_("onbekend veld: {names}")),
    "unknown": (
        "no Dutch text has this key any more: remove the entry",
        N_("Engelse tekst voor een sleutel die niet meer bestaat: verwijder ze"),
    ),
}


def _short(text: str, width: int = 100) -> str:
    """A Dutch text on one line, shortened, for a message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _say(what: str, nl: bool, **values: Any) -> str:
    """A problem's message (see :data:`MESSAGES`): the tool's English, or (``nl``) validate's, in the run's language."""
    return (_(MESSAGES[what][1]) if nl else MESSAGES[what][0]).format(**values)


def _english_problems(entry: Mapping[Any, Any], kind: str, nl: bool) -> list[str]:
    """A text needs a non-empty ``en`` with the Dutch's placeholders; a name has no ``en``; only a name a gloss."""
    english, gloss = entry.get("en"), entry.get("gloss")
    found = []
    if kind == TEXT:
        if not isinstance(english, str) or not english.strip():
            found.append(_say("empty", nl))
        elif placeholders(english) != placeholders(entry["nl"]):
            found.append(_say("placeholders", nl, names=placeholders(entry["nl"])))
    elif english is not None:
        found.append(_say("name", nl))
    if gloss is not None and (kind != NAME or not isinstance(gloss, str) or not gloss.strip()):
        found.append(_say("gloss", nl))
    return found


def _entry_problems(entry: Any, text: str, kind: str, nl: bool) -> list[str]:
    """What is wrong with the English file's entry (None: there is none) for one Dutch text."""
    if entry is None:
        return [_say("missing", nl)]
    if not isinstance(entry, Mapping) or not isinstance(entry.get("nl"), str):
        return [_say("shape", nl)]
    found = []
    if entry["nl"] != text:
        found.append(_say("stale", nl, text=_short(text) if nl else text))
    found += _english_problems(entry, kind, nl)
    extra = set(entry) - {"nl", "en", "gloss"}
    if extra:
        found.append(_say("fields", nl, names=", ".join(sorted(map(str, extra)))))
    return found


def check(
    dutch: Sequence[tuple[str, str] | Translatable], translation_doc: Any, *, language: str = "en"
) -> list[Problem]:
    """Missing, unknown and stale translations of one file.

    ``dutch`` is what :func:`translatable` gives (plain ``(key, text)`` pairs count as texts);
    ``translation_doc`` is the loaded ``data/en/<file>.yaml`` (None for an empty or absent file).
    The messages are the tool's English, or with ``language="nl"`` those of ``instapgids validate``: Dutch,
    or English from the catalog when the run is in English (``--lang en``).
    """
    nl = language == "nl"
    doc: Mapping[Any, Any] = translation_doc if isinstance(translation_doc, Mapping) else {}
    problems: list[Problem] = []
    for item in dutch:
        key, text = item[0], item[1]
        kind = item[2] if isinstance(item, Translatable) else TEXT
        problems += [Problem(key, message) for message in _entry_problems(doc.get(key), text, kind, nl)]
    current = {item[0] for item in dutch}
    problems += [Problem(str(key), _say("unknown", nl)) for key in doc if key not in current]
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
