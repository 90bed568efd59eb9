"""The content's vocabulary: constrained field types (ids, section numbers, …) with their messages,
and the conditions that journey.yaml and interview.yaml share. ``models``, ``questions`` and
``journey`` build their file shapes from these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from instapgids.language import N_, _

# pydantic reads this on every dataclass below: unknown fields are errors.
STRICT: Any = {"extra": "forbid"}

# The content classes are @dataclass(kw_only=True, eq=False, repr=False): no
# generated __eq__/__repr__ and not frozen, because generating those for some
# thirty classes costs ~35 ms on every start (see benchmarks/startup.py).
# Nothing mutates content after validation.


@dataclass(frozen=True)
class Check:
    """An ``Annotated`` constraint with a Dutch message (marked with ``N_``, translated when raised), applied
    by pydantic after the type check."""

    message: str
    pattern: str | None = None
    low: int | None = None
    high: int | None = None
    nonempty: bool = False

    def holds(self, value: Any) -> bool:
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            return False
        if self.low is not None and value < self.low:
            return False
        if self.high is not None and value > self.high:
            return False
        return not (self.nonempty and not (value.strip() if isinstance(value, str) else value))

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        def check(value: Any) -> Any:
            if not self.holds(value):
                raise ValueError(_(self.message))
            return value.strip() if isinstance(value, str) else value

        return core_schema.no_info_after_validator_function(check, handler(source))


Id = Annotated[str, Check(N_("moet een id zijn: kleine letters, cijfers, '-' of '_'"), pattern=r"[a-z0-9][a-z0-9_-]*")]
SectionNo = Annotated[
    str, Check(N_('moet een sectienummer zijn, zoals "6.2.1.3"'), pattern=r"[1-9][0-9]*(\.[1-9][0-9]*)*")
]
Text = Annotated[str, Check(N_("mag niet leeg zijn"), nonempty=True)]
Url = Annotated[str, Check(N_("moet een adres zijn dat begint met http:// of https://"), pattern=r"https?://\S+")]
Email = Annotated[str, Check(N_("moet een e-mailadres zijn"), pattern=r"[^@\s]+@[^@\s]+\.[a-z]+")]
LotNo = Annotated[int, Check(N_("moet een perceelnummer zijn (1 of meer)"), low=1)]
Positive = Annotated[int, Check(N_("moet 1 of meer zijn"), low=1)]
DateText = Annotated[str, Check(N_("moet een datum zijn als 17-05-2024"), pattern=r"\d{2}-\d{2}-\d{4}")]


def nonempty(message: str) -> Check:
    """A list that needs at least one element; ``message`` (marked with ``N_``) says which."""
    return Check(message, nonempty=True)


# --------------------------------------------------------------------------- conditions


@dataclass(kw_only=True, eq=False, repr=False)
class Condition:
    """A declarative test on the interview answers; exactly one form is used.

    Leaves:  ``{answer: q, equals: v}``, ``{answer: q, one_of: [v, ...]}``,
             ``{answer: q, includes: v}`` (a ticked checkbox option),
             ``{lot: N}`` (lot N is needed), ``{lots_at_least: N}``,
             ``{suppliers_at_least: N}`` (the needed lots have N or more different suppliers).
    Combinators: ``{all: [...]}``, ``{any: [...]}``, ``{none: [...]}``.
    """

    __pydantic_config__ = STRICT

    all: list[Condition] | None = None
    any: list[Condition] | None = None
    none: list[Condition] | None = None
    answer: Id | None = None
    equals: str | bool | None = None
    one_of: list[str] | None = None
    includes: str | None = None
    lot: LotNo | None = None
    lots_at_least: Positive | None = None
    suppliers_at_least: Positive | None = None

    def __post_init__(self) -> None:
        combinators = {"all": self.all, "any": self.any, "none": self.none}
        forms = [*combinators.values(), self.answer, self.lot, self.lots_at_least, self.suppliers_at_least]
        if sum(form is not None for form in forms) != 1:
            raise ValueError(
                _(
                    "een voorwaarde gebruikt precies één vorm: all, any, none, answer, lot, lots_at_least"
                    " of suppliers_at_least"
                )
            )
        tests = [self.equals, self.one_of, self.includes]
        if self.answer is not None and sum(test is not None for test in tests) != 1:
            raise ValueError(_("bij 'answer' hoort precies één van: equals, one_of, includes"))
        if self.answer is None and any(test is not None for test in tests):
            raise ValueError(_("equals, one_of en includes horen bij 'answer'"))
        for name, children in combinators.items():
            if children is not None and not children:
                raise ValueError(_("'{name}' heeft minstens één voorwaarde nodig").format(name=name))
