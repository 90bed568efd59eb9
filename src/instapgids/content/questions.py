"""The interview's questions (``interview.yaml``): their shape, and what makes an answer valid."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from instapgids.content.fields import STRICT, Condition, Id, LotNo, SectionNo, Text
from instapgids.errors import control_char
from instapgids.language import N_, _

# A text answer (a name) is one line: an organisation's full name is well under this. The same limit at
# the prompt, in an answers file or profile and in the library, so that nothing is saved that is refused later.
MAX_TEXT_LENGTH = 200

# --------------------------------------------------------------------------- interview.yaml


@dataclass(kw_only=True, eq=False, repr=False)
class Option:
    """One answer a question offers, and what choosing it means for lots, systems and the interview."""

    __pydantic_config__ = STRICT

    value: Id
    label: Text
    lots: list[LotNo] = field(default_factory=list)
    holds: list[Id] = field(default_factory=list)
    exclusive: bool = False
    # choosing this option ends the interview; the checklist then holds only these items
    outcome: list[Id] = field(default_factory=list)
    # said right after this option is chosen: what it means and what comes first (a blocker)
    notice: Text | None = None


@dataclass(kw_only=True, eq=False, repr=False)
class Question:
    """One question of the interview: its kind, options, when it is asked, and the guide's section."""

    __pydantic_config__ = STRICT

    id: Id
    kind: Literal["text", "select", "checkbox", "confirm"]
    label: Text
    prompt: Text
    help: Text | None = None
    options: list[Option] = field(default_factory=list)
    when: Condition | None = None
    section: SectionNo | None = None
    # what the answer is to other parts of instapgids (see ``bundle.ROLES``)
    role: Literal["organisation_name", "organisation_kind"] | None = None
    # the answer most customers give: the welcome counts the questions of the path of these answers
    likely: bool | list[Id] | Id | None = None

    def __post_init__(self) -> None:
        if self.kind in ("select", "checkbox") and len(self.options) < 2:
            raise ValueError(_("een vraag van soort '{kind}' heeft minstens twee opties nodig").format(kind=self.kind))
        if self.kind in ("text", "confirm") and self.options:
            raise ValueError(_("een vraag van soort '{kind}' heeft geen opties").format(kind=self.kind))
        if self.likely is not None and (problem := self.problem(self.likely)) is not None:
            raise ValueError(_("likely is geen geldig antwoord op deze vraag: {problem}").format(problem=problem))

    def problem(self, value: object) -> str | None:
        """What is wrong with ``value`` as an answer to this question, or None: one Dutch sentence.

        The one validator of answers: the prompt shows it under the question, an answers file or
        profile shows it as ``file:line:col: answers.<id>: <sentence>``, the library raises it.
        """
        if self.kind == "text":
            if not isinstance(value, str) or not value.strip():
                return _("Vul hier een tekst in.")
            if len(value) > MAX_TEXT_LENGTH:
                told = _("Uw antwoord is te lang ({length} tekens); houd het bij hoogstens {most} tekens.")
                return told.format(length=len(value), most=MAX_TEXT_LENGTH)
            problem = text_problem(value)
            return _("Uw antwoord {problem}.").format(problem=problem) if problem else None
        if self.kind == "confirm":
            return None if isinstance(value, bool) else _("Antwoord met true (ja) of false (nee).")
        values = [o.value for o in self.options]
        if self.kind == "select":
            return (
                None if value in values else _("Kies een van deze waarden: {values}.").format(values=", ".join(values))
            )
        return self._checkbox_problem(value, values)

    def _checkbox_problem(self, value: object, values: list[str]) -> str | None:
        if not isinstance(value, list):
            return _("Geef een lijst met waarden uit: {values}.").format(values=", ".join(values))
        if not value:
            return _("Kies minstens één antwoord.")
        if wrong := [str(v) for v in value if v not in values]:
            return _("Onbekende waarde(n) {wrong}; kies uit: {values}.").format(
                wrong=", ".join(wrong), values=", ".join(values)
            )
        if len(set(value)) != len(value):
            return _("Er staat een waarde twee keer in de lijst.")
        alone = [o.label for o in self.options if o.exclusive and o.value in value]
        if alone and len(value) > 1:
            return _("'{option}' kan niet samen met andere antwoorden.").format(option=alone[0])
        return None


@dataclass(kw_only=True, eq=False, repr=False)
class InterviewFile:
    """interview.yaml: the questions, in the order they are asked."""

    __pydantic_config__ = STRICT

    questions: list[Question]


AnswerValue = str | bool | list[str]
Answers = Mapping[str, AnswerValue]


# --------------------------------------------------------------------------- wording

CHAR_NAMES = {"\t": N_("tab"), "\n": N_("regeleinde"), "\r": N_("regeleinde"), "\x1b": "Esc", "\x00": N_("nulteken")}
CHAR_NAMES.update({"\x07": N_("belsignaal"), "\u2028": N_("regelscheiding"), "\u2029": N_("alineascheiding")})
CHAR_NAMES.update(
    {"\u200b": N_("onzichtbare spatie"), "\ufeff": N_("onzichtbare spatie"), "\u00ad": N_("zacht koppelteken")}
)
BIDI_CONTROLS = {"\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}


def text_problem(value: str) -> str | None:
    """What makes a typed text unusable besides being empty, or None; the same words at the prompt and in a file.

    A text answer is one line of visible text: control characters (a tab, a line end, Esc, …), format
    characters (the bidi marks, a zero-width space, …) and the Unicode line separators are refused, by their
    Unicode category (see ``errors.control_char``); so a name of only invisible characters is refused too.
    """
    char = control_char(value)
    if char is None:
        return None
    bidi = N_("richtingsteken") if char in BIDI_CONTROLS else ""
    name = CHAR_NAMES.get(char, bidi)
    name = _(name) if name else ""  # gettext's "" is the catalog's header
    code = f"U+{ord(char):04X}{', ' + name if name else ''}"
    return _("bevat een onzichtbaar stuurteken ({code}) dat hier niet mag").format(code=code)
