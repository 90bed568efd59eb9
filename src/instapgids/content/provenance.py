"""Every fact traceable to the guide: ``instapgids validate --guide FILE`` (issue 17).

The guide as text is the source of the content. This module finds, in every content file (the Dutch
and the English texts of ``en/``), each e-mail address, URL, phone number and quoted name ('…' or
"…") and reports those the guide does not hold, at ``file:line:column: field``; likewise each cited
section that is not a heading of the guide. The few values that must differ are listed, each with its
reason, in ``provenance.yaml`` of the content folder, which also records for each section of the guide
that nothing cites whether it needs content (the coverage table).

Only the standard library, PyYAML (through ``yamlsource``) and pydantic (for ``provenance.yaml``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from instapgids.content.fields import STRICT, SectionNo, Text
from instapgids.content.located import LocatedDict, LocatedList, YamlProblem, format_path
from instapgids.errors import Problem
from instapgids.language import N_, _

DECISIONS_FILE = "provenance.yaml"

# What is looked for in a text. A quote opens after a space, a bracket or the start, and closes before
# anything that is not a letter or digit: the apostrophe of "EWA's" or "Portfolio's" is no quote.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"https?://[^\s<>)\]'\"]+")
PHONE = re.compile(r"(?<![\w/.])(?:\+32[\s/]?|0)\d{1,2}[\s/.]?\d{2,3}(?:[\s.]?\d{2}){2}(?![\w/])")
# a mail's field, filled in when the mail is written ("{onderwerp}"): what fills it is traced where it stands
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s(\[/]))(?:'([^'\n]+?)'|\"([^\"\n]+?)\"|‘([^’\n]+?)’|“([^”\n]+?)”)(?![\w])")
CITED = re.compile(r"§\s?(\d+(?:\.\d+)*)|\((\d+\.\d+(?:\.\d+)*)\)")
# A heading of the guide: in the table of contents, with its page ("6.2.2 Stap 2: Indienen Werkaanvraag.....\t26",
# "- 6.4 Fase 4: Exploitatie van de dienstverlening37"), or in the body ("6.3.1.4.1.1 Delegate365",
# "7.1 KLANTENPORTAAL").
TOC = re.compile(r"^(?:- )?(\d+(?:\.\d+)*) +(\S.*?)(?:\.{2,}\s*|\t+|(?<=[a-z]))(\d{1,2})$")
BODY = re.compile(r"^(\d+(?:\.\d+)+) +(\S.*)$|^(\d+) +([A-Z0-9][A-Z0-9 \-:]+)$")
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")

Kind = Literal["e-mailadres", "URL", "telefoonnummer", "naam"]
KINDS: dict[str, str] = {  # how each kind is said in a message, marked for translation
    "e-mailadres": N_("e-mailadres"),
    "URL": N_("URL"),
    "telefoonnummer": N_("telefoonnummer"),
    "naam": N_("naam tussen aanhalingstekens"),
}


# --------------------------------------------------------------------------- the decisions (provenance.yaml)


@dataclass(kw_only=True, eq=False, repr=False)
class Exception_:
    """A value that may differ from the guide, and why (reviewed by the content team)."""

    __pydantic_config__ = STRICT

    value: Text
    reason: Text


@dataclass(kw_only=True, eq=False, repr=False)
class Uncited:
    """A section of the guide that nothing cites, and whether it needs content."""

    __pydantic_config__ = STRICT

    section: SectionNo
    needs_content: bool
    decision: Text


@dataclass(kw_only=True, eq=False, repr=False)
class Decisions:
    """What provenance.yaml says on purpose: values that need not be in the guide, and uncited items."""

    __pydantic_config__ = STRICT

    exceptions: list[Exception_] = field(default_factory=list)
    uncited: list[Uncited] = field(default_factory=list)


def load_decisions(directory: Path) -> tuple[Decisions, Any, list[Problem]]:
    """``provenance.yaml`` of the content folder, validated: the model, the located data, the problems."""
    from pydantic import TypeAdapter, ValidationError

    from instapgids.content.load import problems_from_validation, unreadable, whole_file
    from instapgids.content.yamlsource import load
    from instapgids.errors import os_reason

    path = directory / DECISIONS_FILE
    try:
        raw = load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Decisions(), {}, []
    except (OSError, UnicodeDecodeError) as exc:
        reason = _(os_reason(exc, reading=True)) if isinstance(exc, OSError) else _("het bestand is geen UTF-8-tekst")
        return Decisions(), {}, [whole_file(path, unreadable(reason))]
    except YamlProblem as exc:
        return Decisions(), {}, [whole_file(path, exc.message, exc.position)]
    try:
        return TypeAdapter(Decisions).validate_python(raw or {}), raw, []
    except ValidationError as exc:
        return Decisions(), raw, problems_from_validation(path, raw, exc)


# --------------------------------------------------------------------------- the guide


def _plain(text: str) -> str:
    """Text as compared: straight quotes, no markdown escapes or emphasis, one space, case folded."""
    text = unicodedata.normalize("NFC", text)
    table: dict[str, str | int | None] = {"‘": "'", "’": "'", "“": '"', "”": '"', "\\": None, "*": None}
    text = text.translate(str.maketrans(table))
    return " ".join(text.split()).casefold()


def _digits(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return "0" + digits[2:] if digits.startswith("32") else digits


@dataclass
class Guide:
    """The guide as text: what it says, and its headings (number → title) in order."""

    text: str
    headings: dict[str, str]

    @classmethod
    def read(cls, path: Path) -> Guide:
        text = path.read_text(encoding="utf-8")
        return cls(text, guide_headings(text))

    @property
    def plain(self) -> str:
        return self._plain_cache

    def __post_init__(self) -> None:
        self._plain_cache = _plain(self.text)
        self._urls = {u.rstrip(".,;").casefold() for u in URL.findall(self.text)}
        self._phones = {_digits(p) for p in PHONE.findall(self.text)}

    def holds(self, kind: str, value: str) -> bool:
        if kind == "URL":
            return value.rstrip(".,;").casefold() in self._urls
        if kind == "telefoonnummer":
            return _digits(value) in self._phones
        return all(_plain(part) in self._plain_cache for part in ELLIPSIS.split(value) if part.strip())


def guide_headings(text: str) -> dict[str, str]:
    """Every numbered heading: the table of contents (with page numbers) and the numbered headings of the
    body ("6.3.1.4.1.1 Delegate365"). A numbered list line ("1. Exploitatie", "1 – Administratieve …") is none."""
    headings: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if (toc := TOC.match(line)) is not None:
            headings.setdefault(toc.group(1), toc.group(2).strip(" ."))
        elif (body := BODY.match(line)) is not None and not (body.group(2) or "").startswith(("–", "-")):
            headings.setdefault(body.group(1) or body.group(3), (body.group(2) or body.group(4)).strip())
    return dict(sorted(headings.items(), key=lambda kv: [int(p) for p in kv[0].split(".")]))


# --------------------------------------------------------------------------- the content


@dataclass(frozen=True)
class Found:
    """One value in the content, at its place."""

    file: Path
    line: int
    column: int
    path: str
    kind: str
    value: str


def _strings(
    data: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str, tuple[int, int]]]:
    """Every string value with its path and position."""
    if isinstance(data, LocatedDict):
        for key, value in data.items():
            if isinstance(value, str):
                yield (*path, key), value, data.value_pos[key]
            else:
                yield from _strings(value, (*path, key))
    elif isinstance(data, LocatedList):
        for index, value in enumerate(data):
            if isinstance(value, str):
                yield (*path, index), value, data.value_pos[index]
            else:
                yield from _strings(value, (*path, index))


def values_in(text: str) -> Iterator[tuple[str, str]]:
    """The addresses, URLs, phone numbers and quoted names in a text, as (kind, value)."""
    for url in URL.findall(text):
        yield "URL", url.rstrip(".,;:")
    without_urls = URL.sub(" ", text)
    for email in EMAIL.findall(without_urls):
        yield "e-mailadres", email.rstrip(".")
    for phone in PHONE.findall(without_urls):
        yield "telefoonnummer", phone
    for groups in QUOTED.findall(without_urls):
        name = next(g for g in groups if g)
        if not EMAIL.fullmatch(name) and not PLACEHOLDER.fullmatch(name):
            yield "naam", name


def content_files(directory: Path) -> list[Path]:
    """The Dutch content files and the English texts of ``en/``; not ``provenance.yaml`` itself."""
    from instapgids.content.bundle import FILES

    files = [directory / name for name in FILES]
    return files + [directory / "en" / name for name in FILES if (directory / "en" / name).is_file()]


def found_values(directory: Path) -> tuple[list[Found], list[Found]]:
    """Every value to trace (kinds of ``KINDS``) and every cited section, in every content file."""
    from instapgids.content.yamlsource import load

    values: list[Found] = []
    sections: list[Found] = []
    for file in content_files(directory):
        try:
            data = load(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, YamlProblem):
            continue  # `validate` reports it
        english = file.parent.name == "en" and file.parent != directory
        for path, text, (line, column) in _strings(data):
            if english and path[-1] not in ("en", "gloss"):
                continue  # the Dutch it translates is checked in the Dutch file
            where = format_path(path)
            if (not english and path[-1] in ("section", "sections")) or (len(path) > 1 and path[-2] == "sections"):
                sections.append(Found(file, line, column, where, "sectie", text))
            for kind, value in values_in(text):
                values.append(Found(file, line, column, where, kind, value))
            for match in CITED.finditer(text):
                sections.append(Found(file, line, column, where, "sectie", match.group(1) or match.group(2)))
    return values, sections


# --------------------------------------------------------------------------- the check


@dataclass
class Coverage:
    """Per heading of the guide: how many phases, steps, items, lots, systems and glossary entries cite it."""

    headings: dict[str, str]
    cited: dict[str, int]
    decisions: dict[str, Uncited]

    def uncited(self) -> list[str]:
        return [n for n in self.headings if not self.cited.get(n)]


def coverage(content: Any, guide: Guide, decisions: Decisions) -> Coverage:
    """Which sections of the guide the content cites: every phase, step, item, lot, system, contact,
    document, glossary entry and text of chapters 7 and 8; not the list of headings itself, the known gaps
    of the guide (``guide.yaml``) or the order rules (``guide_order``), which are about the guide."""
    from instapgids.content.crosscheck import walk

    about_the_guide = {("guide.yaml", "sections"), ("guide.yaml", "gaps"), ("journey.yaml", "guide_order")}
    cited: dict[str, int] = {}
    for file, model in content.file_models().items():
        for path, obj in walk(model):
            if path and (file, path[0]) in about_the_guide:
                continue
            for name in ("section", "sections"):
                value = getattr(obj, name, None)
                for section in [value] if isinstance(value, str) else value if isinstance(value, list) else []:
                    if isinstance(section, str):
                        cited[section] = cited.get(section, 0) + 1
    return Coverage(guide.headings, cited, {d.section: d for d in decisions.uncited})


NOT_IN_GUIDE = N_("{kind} '{value}' staat niet in de gids; verbeter het, of zet het met een reden in {file}")
NOT_A_HEADING = N_("sectie '{value}' is geen kop in de gids")
NO_DECISION = N_(
    "sectie {section} ('{title}') wordt door niets geciteerd: beslis of ze inhoud nodig heeft en noteer dat hier"
)
STALE_DECISION = N_("sectie {section} wordt nu geciteerd: deze beslissing mag weg")
UNUSED_EXCEPTION = N_("'{value}' komt nergens meer voor in de inhoud, of staat in de gids: deze uitzondering mag weg")


def check(directory: Path, content: Any, guide: Guide) -> tuple[list[Problem], Coverage]:
    """Everything the guide does not hold, at its place, and the coverage table."""
    decisions, raw, problems = load_decisions(directory)
    values, sections = found_values(directory)
    allowed = {e.value for e in decisions.exceptions}
    used: set[str] = set()
    for found in values:
        if guide.holds(found.kind, found.value):
            continue
        if found.value in allowed:
            used.add(found.value)
            continue
        message = _(NOT_IN_GUIDE).format(kind=_(KINDS[found.kind]), value=found.value, file=DECISIONS_FILE)
        problems.append(Problem(found.file, found.line, found.column, found.path, message))
    for found in sections:
        if found.value not in guide.headings:
            message = _(NOT_A_HEADING).format(value=found.value)
            problems.append(Problem(found.file, found.line, found.column, found.path, message))
    table = coverage(content, guide, decisions)
    return problems + _decision_problems(directory / DECISIONS_FILE, decisions, raw, used, table), table


def _decision_problems(file: Path, decisions: Decisions, raw: Any, used: set[str], table: Coverage) -> list[Problem]:
    """Exceptions no longer needed, decisions about sections that are cited or unknown, and uncited sections
    without a decision."""
    from instapgids.content.located import locate

    problems: list[Problem] = []

    def report(path: tuple[str | int, ...], message: str) -> None:
        (line, column), found = locate(raw, path)
        problems.append(Problem(file, line, column, format_path(found), message))

    for index, exception in enumerate(decisions.exceptions):
        if exception.value not in used:
            report(("exceptions", index, "value"), _(UNUSED_EXCEPTION).format(value=exception.value))
    uncited = table.uncited()
    for index, decision in enumerate(decisions.uncited):
        if decision.section not in table.headings:
            report(("uncited", index, "section"), _(NOT_A_HEADING).format(value=decision.section))
        elif decision.section not in uncited:
            report(("uncited", index, "section"), _(STALE_DECISION).format(section=decision.section))
    for number in uncited:
        if number not in table.decisions:
            report(("uncited",), _(NO_DECISION).format(section=number, title=table.headings[number]))
    return problems
