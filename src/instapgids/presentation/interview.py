"""What the interview says around its questions, for every front-end (the terminal's questionary prompts,
the library): the welcome, where the user is, the glossary terms under a question, and the notice of
an answer. Which question comes next is ``engine.routing``; how it is asked is the front-end's.

Everything is worded in the language of ``content`` (bound here, whatever the caller's language).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from instapgids.content.bundle import Content
from instapgids.content.glossary import Term, terms_in
from instapgids.content.questions import Answers, AnswerValue, Question
from instapgids.engine.conditions import chosen_options
from instapgids.engine.routing import likely_questions
from instapgids.language import _, speaking


@dataclass(frozen=True)
class Welcome:
    """The screen before the first question: what it is for, how long it takes, what to have at hand."""

    title: str
    text: str
    have_at_hand_title: str
    have_at_hand: tuple[str, ...]
    about: int  # about this many questions (those of the most likely path: ``likely:`` in interview.yaml)


def welcome(content: Content) -> Welcome:
    about = len(likely_questions(content, {}))
    with speaking(content.language):
        return Welcome(
            title=_("Welkom bij instapgids."),
            text=_(
                "U beantwoordt ongeveer {about} korte vragen over uw organisatie en wat ze nodig heeft (een vijftal "
                "minuten); daarna krijgt u een checklist met enkel wat voor u geldt, volgens de Instapgids "
                "ICT-raamcontracten 2022."
            ).format(about=about),
            have_at_hand_title=_("Houd bij de hand:"),
            have_at_hand=(
                _(
                    "de naam van uw organisatie en wat voor organisatie het is (Vlaamse overheid, lokaal bestuur, "
                    "andere)"
                ),
                _("welke dienstverlening u nodig heeft (werkplekken, cloud, netwerk, applicaties of andere)"),
                _("of uw organisatie het toegangs- en gebruikersbeheer ACM/IDM al gebruikt"),
                _("of u uw digitale sleutels al geactiveerd heeft, en tot welke systemen u al toegang heeft"),
            ),
            about=about,
        )


def position(content: Content, answers: Answers, question: Question) -> tuple[int, int]:
    """Where ``question`` stands: (position, about how many), on the most likely path from the answers so far
    (``likely:`` in interview.yaml): the count changes only when an answer leaves that path."""
    active = likely_questions(content, answers)
    at = next((i for i, q in enumerate(active) if q.id == question.id), len(active) - 1) + 1
    return at, max(len(active), at)


def progress_text(content: Content, answers: Answers, question: Question) -> str:
    """'Vraag 4 van ongeveer 12'."""
    at, total = position(content, answers, question)
    with speaking(content.language):
        return _("Vraag {position} van ongeveer {total}").format(position=at, total=total)


_DUTCH_TERMS: dict[Path, list[Term]] = {}


def _dutch_terms(content: Content) -> list[Term] | None:
    """The Dutch glossary beside the shown one when that is not Dutch: an English question is also searched
    for the Dutch names it keeps and the English glosses of the terms (``terms_in``). Read once."""
    if content.language == "nl":
        return None
    if content.directory not in _DUTCH_TERMS:
        from instapgids.content.load import load_content

        _DUTCH_TERMS[content.directory] = load_content(content.directory).glossary.terms
    return _DUTCH_TERMS[content.directory]


def question_terms(content: Content, question: Question) -> list[Term]:
    """The glossary terms a question uses (its prompt, its help and its options), in the order they are shown
    under it."""
    texts = [question.prompt, question.help or "", *(o.label for o in question.options)]
    return terms_in(content.glossary.terms, texts, _dutch_terms(content))


def notices(content: Content, question: Question, value: AnswerValue) -> list[str]:
    """What the chosen options mean right away (a blocker; ``notice:`` in interview.yaml), each with where the
    guide says it: shown after "Let op: "."""
    with speaking(content.language):
        where = _(" (gids, {section})").format(section=question.section) if question.section else ""
    return [option.notice + where for option in chosen_options(question, value) if option.notice]
