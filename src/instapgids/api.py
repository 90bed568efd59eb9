"""The library: personal checklists, the interview and profiles from code, without the command line
(see docs/library.md; a web front-end stands on it).

    from instapgids import api

    content = api.load_content(language="en")
    answers = api.read_answers("examples/lokaal-bestuur-netwerk.yaml", content)
    checklist = api.build_checklist(content, answers, progress={"ddc-dms-toegang": "done"})
    for item in checklist.items:
        print(item.id, item.status, item.title, item.why)
    print(api.export(checklist, "md"))

Everything a function returns is worded in the language of the content it was given (``content.language``),
whatever another thread or caller speaks at the same time: the language is a value, not a setting of the
process. Nothing here prints, prompts or exits; what goes wrong raises an :class:`Error` (a typed subclass),
whose ``str()`` is the message in the content's language (Dutch by default) and names no command-line
option. Importing this module loads neither Typer, click, Rich, questionary nor a web library.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from instapgids.content.bundle import Content
from instapgids.content.questions import Answers, AnswerValue
from instapgids.engine import checklist as _engine_checklist
from instapgids.engine.conditions import Reason
from instapgids.errors import ContentError
from instapgids.errors import UserError as Error
from instapgids.language import DEFAULT, Language, UnknownLanguage, _, speaking
from instapgids.store.profiles import AnswersError, ProfileError
from instapgids.store.usecases import MarksRefused
from instapgids.store.usecases import NoProfile as ProfileNotFound

if TYPE_CHECKING:
    from instapgids.presentation.items import ItemText
    from instapgids.presentation.mails import Draft

__all__ = [
    "AnswerValue",
    "AnswersError",
    "Checklist",
    "Contact",
    "Content",
    "ContentError",
    "Document",
    "Error",
    "Item",
    "Mail",
    "Option",
    "Phase",
    "Profile",
    "ProfileError",
    "ProfileNotFound",
    "ProfileRow",
    "Question",
    "Reason",
    "Role",
    "Status",
    "Step",
    "Term",
    "UnknownItem",
    "UnknownLanguage",
    "UnknownStatus",
    "Welcome",
    "active_questions",
    "answer_text",
    "applicable_answers",
    "build_checklist",
    "check_answer",
    "export",
    "list_profiles",
    "load_content",
    "mails",
    "mark",
    "next_question",
    "notices",
    "open_profile",
    "outcome",
    "profile_path",
    "question",
    "read_answers",
    "save_answers",
    "welcome",
]

Status = Literal["open", "doing", "done", "blocked"]  # the same words as the JSON export (schema 3)
MARKS = ("open", "doing", "done")  # what a user can mark an item as


# --------------------------------------------------------------------------- errors


class UnknownItem(Error):
    """An item id that the content does not have (or, for :func:`mark`, that is not on this checklist)."""

    def __init__(self, message: str, item_id: str) -> None:
        super().__init__(message)
        self.item_id = item_id


class UnknownStatus(Error):
    """A status other than "open", "doing" or "done"."""

    def __init__(self, status: object) -> None:
        super().__init__(
            _("Onbekende status '{status}'. Kies uit: {choices}.").format(status=status, choices=", ".join(MARKS))
        )
        self.status = status


# --------------------------------------------------------------------------- content


def load_content(data_dir: str | Path | None = None, language: str = "nl") -> Content:
    """The validated content: the shipped guide, or the one in ``data_dir`` (or INSTAPGIDS_DATA_DIR).

    ``language="en"``: the same content with its English texts, names kept Dutch with an English gloss
    ("Klantportaalgebruiker (customer portal user)"); ids and values are the same in both. Another
    language raises :class:`UnknownLanguage`. ``content.language`` says which it is.
    """
    from instapgids.content.load import load_content as load
    from instapgids.language import parse
    from instapgids.paths import data_dir as find

    chosen = parse(language)
    with speaking(chosen):  # a ContentError in the language asked for
        return load(find(Path(data_dir) if data_dir is not None else None), language=chosen)


def _dutch(content: Content) -> Content:
    """The Dutch content of the same folder (profiles are checked and written with it, as the commands do)."""
    if content.language == DEFAULT:
        return content
    from instapgids.content.load import load_content as load

    return load(content.directory)


def read_answers(path: str | Path, content: Content | None = None) -> dict[str, AnswerValue]:
    """The answers of an answers file (as in examples/), checked as ``instapgids start --answers`` does."""
    from instapgids.store.answers import read_answers_file

    content = content or load_content()
    with speaking(content.language):
        return dict(read_answers_file(Path(path), _dutch(content)).answers)


# --------------------------------------------------------------------------- the checklist


@dataclass(frozen=True)
class Contact:
    """Whom to contact: a name, how to reach them, and what for (the guide's words)."""

    name: str
    email: str | None
    phone: str | None
    url: str | None
    how_to_reach: str | None
    purposes: tuple[str, ...]  # what for
    text: str  # as the checklist prints it ("Name — address — …")


@dataclass(frozen=True)
class Role:
    """A right to ask for (``right``), the roles under it, the system it is for, and who grants it."""

    right: str
    roles: tuple[str, ...]
    system: str  # the system's name
    granted_by: str  # the contact's name
    text: str  # as the checklist prints it ("recht 'X' met rol 'Y'")


@dataclass(frozen=True)
class Document:
    title: str
    url: str | None
    where: str | None  # without an address: where to find it or whom to ask
    text: str  # as the checklist prints it


@dataclass(frozen=True)
class Mail:
    """A mail to send for an open item: always Dutch (it goes to a Flemish service desk).

    From English content, ``reading_en`` holds the mail in English, for the sender to read, never to send.
    """

    id: str
    item: str  # the checklist item it belongs to
    number: int  # its place in mails.yaml (the file names are numbered by it)
    filename: str  # as ``instapgids mails --export eml`` names it
    to: str  # an address, or empty when the guide gives none (then ``to_hint``)
    to_name: str  # the recipient's name, in the content's language
    to_hint: str  # how to find the recipient without an address
    cc: tuple[str, ...]  # the guide names no copy recipient: always empty
    subject: str
    body: str
    mailto_url: str
    section: str
    reading_en: tuple[str, str] | None  # (subject, body) in English, from English content; else None
    translated_subject: str  # " (in English: …)" after the Dutch subject, from English content; else ""

    def eml_bytes(self) -> bytes:
        """The mail as an .eml file (opens as a new, unsent mail in most mail programs)."""
        from instapgids.presentation.mails import Draft, eml

        return eml(Draft(self.id, self.item, self.to, self.to_name, self.to_hint, self.subject, self.body, ""))


@dataclass(frozen=True)
class Item:
    """One item of a personal checklist, every text in the checklist's language.

    ``details``, ``contacts``, ``roles``, ``systems``, ``documents`` and ``mail`` are what the checklist
    shows: a finished item ("done") shows none of them, as in every export.
    """

    id: str
    title: str
    status: Status  # "open", "doing", "done" or "blocked"
    status_text: str  # the status in words ("niet gestart", "not started")
    phase: int  # the phase's number (from 1, in journey order)
    step: int  # the step's number within its phase
    section: str  # the guide's section, e.g. "6.2.1.3"
    section_title: str
    waits_for: tuple[str, ...]  # ids of items that must be done first
    waits_for_titles: tuple[str, ...]
    done_by_answers: bool  # done because the answers say so (not marked by the user)
    reasons: tuple[Reason, ...]  # why it applies (or why it is done), as data
    why: tuple[str, ...]  # the same as sentences, as the checklist prints them ("Waarom")
    everyone: bool  # applies to every new customer (then ``why`` says so and the checklist prints no "Waarom")
    details: tuple[str, ...]  # what to do, a paragraph each
    contacts: tuple[Contact, ...]
    roles: tuple[Role, ...]
    roles_label: str  # "Rechten en rollen", or "Vraag aan uw lokale beheerder" for a request that gathers them
    systems: tuple[tuple[str, str | None], ...]  # (name, address) of the systems it is about
    documents: tuple[Document, ...]
    mail: Mail | None  # the mail to send for it, while it is not done
    fields: tuple[tuple[str, tuple[str, ...]], ...]  # the labelled lines the checklist prints, in order


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    section: str
    items: tuple[str, ...]  # item ids


@dataclass(frozen=True)
class Phase:
    number: int
    title: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Checklist:
    """A personal checklist: its items in checklist order (phase, step, item), in ``language``."""

    language: Language
    items: tuple[Item, ...]
    lots: tuple[int, ...]  # the numbers of the lots these answers need
    startable: tuple[str, ...]  # ids of what can be worked on now: in progress first, then open (as `next`)
    phases: tuple[Phase, ...]
    organisation: str | None  # None when the answers give no name
    answers: Mapping[str, AnswerValue]
    _content: Content = field(repr=False, compare=False)  # what export() renders from; not part of the API
    _engine: _engine_checklist.Checklist = field(repr=False, compare=False)

    def item(self, item_id: str) -> Item:
        """The item with this id, or :class:`UnknownItem`."""
        for found in self.items:
            if found.id == item_id:
                return found
        with speaking(self.language):
            raise UnknownItem(_(MarksRefused.WORDS["not_on_list"]).format(item=item_id), item_id)

    @property
    def done(self) -> int:
        return sum(1 for i in self.items if i.status == "done")


def _check_progress(content: Content, progress: Mapping[str, str]) -> dict[str, str]:
    everywhere = {i.id for p in content.journey.phases for s in p.steps for i in s.items}
    for item_id, status in progress.items():
        if item_id not in everywhere:
            raise UnknownItem(_(MarksRefused.WORDS["unknown"]).format(item=item_id), item_id)
        if status not in MARKS:
            raise UnknownStatus(status)
    return {item_id: status for item_id, status in progress.items() if status != "open"}


def build_checklist(content: Content, answers: Answers, progress: Mapping[str, str] | None = None) -> Checklist:
    """The checklist for these answers; ``progress`` maps item ids to "open", "doing" or "done".

    An answer its question cannot take raises :class:`AnswersError`-like :class:`Error` with the same words as
    the prompt and the answers file; an id the content does not have raises :class:`UnknownItem`, a status
    other than those three :class:`UnknownStatus`. Progress for an item the content has but these answers
    do not put on the checklist is ignored (a profile keeps it for when the answers change back).
    """
    with speaking(content.language):
        for qid, value in answers.items():
            question = content.question_by_id.get(qid)
            if question is not None and (problem := question.problem(value)) is not None:
                raise Error(f"answers.{qid}: {problem}")
        marked = _check_progress(content, progress or {})
        built = _engine_checklist.build_checklist(content, answers, marked)
        return _wrap(content, built)


def _wrap(content: Content, built: _engine_checklist.Checklist) -> Checklist:
    """The library's checklist of an engine checklist (in the language bound by the caller)."""
    from instapgids.presentation.items import walk
    from instapgids.presentation.mails import drafts

    found = {d.item: d for d in drafts(content, built)}
    titles = {e.item.id: e.item.title for e in built.items()}
    items = [
        _item(content, phase.phase.number, step.step.number, text, found.get(text.id), titles)
        for phase in walk(content, built)
        for step in phase.steps
        for text in step.items
    ]
    return Checklist(
        language=content.language,
        items=tuple(items),
        lots=tuple(lot.number for lot in built.lots),
        startable=tuple(e.item.id for e in built.startable()),
        phases=tuple(
            Phase(
                p.phase.number,
                p.phase.title,
                tuple(
                    Step(s.step.number, s.step.title, s.step.section, tuple(e.item.id for e in s.items))
                    for s in p.steps
                ),
            )
            for p in built.phases
        ),
        organisation=built.organisation,
        answers=dict(built.answers),
        _content=content,
        _engine=built,
    )


def _item(content: Content, phase: int, step: int, text: ItemText, draft: Draft | None, titles: dict[str, str]) -> Item:
    """One item as the checklist shows it (``presentation.items``: a finished item shows only why and where)."""
    from instapgids.presentation.mails import draft_file_name
    from instapgids.presentation.words import contact_text, document_text, role_texts

    entry, item = text.entry, text.entry.item
    shown = text.code != "done"
    roles = tuple(
        Role(
            right=line.right.name,
            roles=tuple(r.name for r in line.roles),
            system=content.system_by_id[line.right.system].name,
            granted_by=content.contact_by_id[line.right.granted_by].name,
            text=role_text,
        )
        for line, role_text in zip(text.roles, role_texts(entry) if text.roles else [], strict=True)
    )
    systems = [content.system_by_id[s] for s in item.systems] if shown else []
    return Item(
        id=item.id,
        title=item.title,
        status=text.code,
        status_text=text.status,
        phase=phase,
        step=step,
        section=item.section,
        section_title=content.section_by_number[item.section].title,
        waits_for=tuple(entry.waits_for),
        waits_for_titles=tuple(titles[i] for i in entry.waits_for),
        done_by_answers=entry.done_by_answers,
        reasons=tuple(entry.reasons),
        why=tuple(text.reasons),
        everyone=text.everyone,
        details=tuple(text.details),
        contacts=tuple(
            Contact(c.name, c.email, c.phone, c.url, c.how_to_reach, tuple(c.purposes), contact_text(c))
            for c in text.contacts
        ),
        roles=roles,
        roles_label=_("Vraag aan uw lokale beheerder") if item.gathers_roles else _("Rechten en rollen"),
        systems=tuple((system.name, system.url) for system in systems),
        documents=tuple(Document(d.title, d.url, d.where, document_text(d)) for d in text.documents),
        mail=_mail(draft, draft_file_name(content, draft)) if draft and shown else None,
        fields=tuple((label, tuple(values)) for label, values in text.fields),
    )


def _mail(draft: Draft, filename: str) -> Mail:
    return Mail(
        id=draft.id,
        item=draft.item,
        number=int(filename.split("-", 1)[0]),
        filename=filename,
        to=draft.to,
        to_name=draft.to_name,
        to_hint=draft.to_hint,
        cc=(),
        subject=draft.subject,
        body=draft.body,
        mailto_url=draft.mailto,
        section=draft.section,
        reading_en=(draft.reading.subject, draft.reading.body) if draft.reading else None,
        translated_subject=draft.translated_subject,
    )


def mails(checklist: Checklist) -> list[Mail]:
    """The mails to send for this checklist's open items, in the order of mails.yaml."""
    return sorted((i.mail for i in checklist.items if i.mail is not None), key=lambda m: m.number)


_FORMATS = ("md", "html", "json")


def export(*args: object) -> str:
    """``export(checklist, fmt)``: the checklist as a Markdown ("md"), HTML ("html") or JSON ("json") document,
    wholly in the checklist's language. (``export(content, checklist, fmt)`` still works.)"""
    from instapgids.presentation.exports import check_format
    from instapgids.presentation.exports import export as render

    checklist, fmt = (args[1], args[2]) if len(args) == 3 else (args[0], args[1])
    if not isinstance(checklist, Checklist) or not isinstance(fmt, str):
        raise TypeError("export(checklist, fmt)")
    with speaking(checklist.language):
        return render(checklist._content, checklist._engine, check_format(fmt))  # UnknownFormat: an Error


# --------------------------------------------------------------------------- the interview


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    notice: str | None  # said right after it is chosen (a blocker)
    exclusive: bool  # in a checkbox question: cannot be ticked with others
    ends_interview: bool  # choosing it ends the interview (an outcome)


@dataclass(frozen=True)
class Term:
    """A glossary term a question uses, with what the guide says about it."""

    term: str
    short: str
    more: str | None
    section: str


@dataclass(frozen=True)
class Question:
    id: str
    kind: Literal["text", "select", "checkbox", "confirm"]
    label: str  # short, for the check-answers screen
    prompt: str  # the question itself
    help: str | None  # a hint under it
    options: tuple[Option, ...]
    terms: tuple[Term, ...]  # the glossary words it uses, in the order the terminal shows them under it
    section: str | None  # the guide's section
    position: int  # "Vraag {position} van ongeveer {total}", following the answers so far
    total: int


def _question(content: Content, answers: Answers, found: object) -> Question:
    from instapgids.content.questions import Question as Asked
    from instapgids.presentation.interview import position, question_terms

    assert isinstance(found, Asked)
    at, total = position(content, answers, found)
    return Question(
        id=found.id,
        kind=found.kind,
        label=found.label,
        prompt=found.prompt,
        help=found.help,
        options=tuple(Option(o.value, o.label, o.notice, o.exclusive, bool(o.outcome)) for o in found.options),
        terms=tuple(Term(t.term, t.short, t.more, t.section) for t in question_terms(content, found)),
        section=found.section,
        position=at,
        total=total,
    )


def _asked(content: Content, question_id: str) -> object:
    found = content.question_by_id.get(question_id)
    if found is None:
        with speaking(content.language):
            raise Error(_("Onbekende vraag '{question}'.").format(question=question_id))
    return found


def question(content: Content, question_id: str, answers: Answers | None = None) -> Question:
    """One question by id (to show it again, e.g. to change an answer); an unknown id raises :class:`Error`."""
    return _question(content, answers or {}, _asked(content, question_id))


def next_question(content: Content, answers: Answers) -> Question | None:
    """The first question that applies to these answers and has none yet; None when the interview is complete."""
    from instapgids.engine.routing import next_question as following

    found = following(content, answers)
    return None if found is None else _question(content, answers, found)


def active_questions(content: Content, answers: Answers) -> list[Question]:
    """The questions that apply to these answers, in interview order (as the check-answers screen lists them)."""
    from instapgids.engine.routing import active_questions as active

    return [_question(content, answers, q) for q in active(content, answers)]


def applicable_answers(content: Content, answers: Answers) -> dict[str, AnswerValue]:
    """Only the answers whose question still applies (a changed answer may drop follow-ups): keep these."""
    from instapgids.engine.routing import applicable_answers as applicable

    return applicable(content, answers)


def check_answer(content: Content, question_id: str, value: object) -> str | None:
    """What is wrong with ``value`` as the answer to this question (one sentence in the content's language),
    or None: the one validator the terminal's prompt and the answers file use."""
    from instapgids.content.questions import Question as Asked

    found = _asked(content, question_id)
    assert isinstance(found, Asked)
    with speaking(content.language):
        return found.problem(value)


def answer_text(content: Content, question_id: str, value: AnswerValue) -> str:
    """How an answer reads on the check-answers screen: the option's label, yes or no, or the text."""
    from instapgids.content.questions import Question as Asked
    from instapgids.presentation.words import describe_answer

    found = _asked(content, question_id)
    assert isinstance(found, Asked)
    with speaking(content.language):
        return describe_answer(found, value)


def notices(content: Content, question_id: str, value: AnswerValue) -> list[str]:
    """What the chosen options mean right away (a blocker), as the terminal says them after "Let op: "."""
    from instapgids.content.questions import Question as Asked
    from instapgids.presentation.interview import notices as said

    found = _asked(content, question_id)
    assert isinstance(found, Asked)
    return said(content, found, value)


def outcome(content: Content, answers: Answers) -> list[str] | None:
    """The item ids of the outcome an answer leads to (the interview ends there), or None for a full checklist."""
    from instapgids.engine.routing import outcome as ends

    return ends(content, answers)


@dataclass(frozen=True)
class Welcome:
    title: str
    text: str  # what it is for and how long it takes
    have_at_hand_title: str
    have_at_hand: tuple[str, ...]
    about: int  # the expected number of questions


def welcome(content: Content) -> Welcome:
    """The words before the first question, as the terminal shows them."""
    from instapgids.presentation.interview import welcome as said

    found = said(content)
    return Welcome(found.title, found.text, found.have_at_hand_title, found.have_at_hand, found.about)


# --------------------------------------------------------------------------- profiles


@dataclass(frozen=True)
class Profile:
    path: Path
    answers: Mapping[str, AnswerValue]
    progress: Mapping[str, str]  # item id -> "doing" | "done" (an item not in it is "open")
    language: Language | None  # the language of its interview (None: not said, which reads as Dutch)
    complete: bool  # the interview was finished
    updated: datetime | None  # when the file last changed
    notices: tuple[str, ...]  # what its reader noticed (answers the content can no longer use, …)


def profile_path(name_or_path: str | Path | None = None, folder: str | Path | None = None) -> Path:
    """A profile as ``--profile`` names it: a bare name is a file in the profile folder (``folder``, else the
    default one), a path is that file; None is the default profile."""
    from instapgids.store.profiles import profile_path as resolve

    if isinstance(name_or_path, Path):
        return name_or_path
    path = resolve(name_or_path)
    return Path(folder) / path.name if folder is not None and path.parent == _folder(None) else path


def _folder(folder: str | Path | None) -> Path:
    from instapgids.store.overview import profile_folder

    return Path(folder) if folder is not None else profile_folder()


def _profile(saved: object) -> Profile:
    from instapgids.store.profiles import Profile as Saved

    assert isinstance(saved, Saved)
    try:
        updated: datetime | None = datetime.fromtimestamp(saved.path.stat().st_mtime)
    except OSError:
        updated = None
    return Profile(
        path=saved.path,
        answers=dict(saved.answers),
        progress=saved.statuses(),
        language=saved.language,
        complete=saved.complete,
        updated=updated,
        notices=tuple(saved.notices),
    )


def open_profile(path: str | Path, content: Content | None = None) -> Profile:
    """The saved profile at ``path``: its answers, progress and language. None there raises
    :class:`ProfileNotFound`; one that cannot be used :class:`ProfileError` (every problem, at its line)."""
    from instapgids.store.usecases import saved_profile

    content = content or load_content()
    with speaking(content.language):
        return _profile(saved_profile(_dutch(content), Path(path)))


def _no_wait() -> None:
    """Another process holds the profile's lock: the library waits without a word (as long as it takes)."""


def save_answers(
    path: str | Path, answers: Answers, *, content: Content | None = None, complete: bool = True
) -> Profile:
    """Save ``answers`` in the profile at ``path`` (made when there is none), under its lock and atomically,
    as ``instapgids start`` does: the progress and the user's comments in the file are kept.

    Only the answers that apply are kept (:func:`applicable_answers`); an answer its question cannot take
    raises :class:`AnswersError`. ``complete``: the interview is finished (else ``start`` resumes it).
    A new profile takes ``content.language`` as its language.
    """
    from instapgids.errors import Problem
    from instapgids.store.profiles import Profile as Saved
    from instapgids.store.usecases import take_answers

    content = content or load_content()
    target = Path(path)
    with speaking(content.language):
        problems = [
            Problem(target, 1, 1, f"answers.{qid}", problem)
            for qid, value in answers.items()
            if (q := content.question_by_id.get(qid)) is not None and (problem := q.problem(value)) is not None
        ]
        if problems:
            raise AnswersError(problems)
        dutch = _dutch(content)
        given = Saved(path=target, answers=applicable_answers(dutch, answers))
        return _profile(take_answers(dutch, target, given, _no_wait, complete=complete))


def mark(path: str | Path, item_id: str, status: str, *, content: Content | None = None) -> Checklist:
    """Mark one item of the profile at ``path`` as "open", "doing" or "done", under its lock and atomically,
    as ``instapgids done``, ``doing`` and ``undo`` do; returns the checklist afterwards (in ``content``'s
    language). An item not on this checklist raises :class:`UnknownItem`, another status
    :class:`UnknownStatus`; "open" for an item the answers settle raises :class:`Error`; nothing is written then.
    """
    from instapgids.store.usecases import mark_items, saved_profile

    content = content or load_content()
    if status not in MARKS:
        with speaking(content.language):
            raise UnknownStatus(status)
    target = Path(path)
    dutch = _dutch(content)
    with speaking(content.language):
        saved_profile(dutch, target)  # ProfileNotFound when there is none
        try:
            after = mark_items(dutch, target, [item_id], None if status == "open" else status, _no_wait)
        except MarksRefused as refused:
            if refused.refused[0].why != "by_answers":
                raise UnknownItem(str(refused), item_id) from None
            raise
        if dutch is content:
            return _wrap(content, after)
        marked = {e.item.id: e.status for e in after.items() if e.status in MARKS and not e.done_by_answers}
        return build_checklist(content, after.answers, marked)


@dataclass(frozen=True)
class ProfileRow:
    """One profile as ``instapgids profiles`` shows it."""

    name: str  # what ``profile_path`` (and ``--profile``) take
    path: Path
    organisation: str | None
    lots: tuple[int, ...]
    done: int
    total: int
    waits_on: str | None  # the title of the first thing to do now; None when all is done
    complete: bool  # the interview was finished
    updated: datetime  # the file's last change
    problem: str | None  # why it cannot be read (the other fields are empty then); None when it can


def list_profiles(folder: str | Path | None = None, *, content: Content | None = None) -> list[ProfileRow]:
    """Every profile in ``folder`` (else the profile folder), the one that has not moved longest first, as
    ``instapgids profiles`` lists them; one that cannot be read is a row with its ``problem``."""
    from instapgids.store.overview import overview

    content = content or load_content()
    where = _folder(folder)
    with speaking(content.language):
        rows = overview(content, where)
    return [
        ProfileRow(
            r.name,
            where / f"{r.name}.yaml",
            r.organisation,
            r.lots,
            r.done,
            r.total,
            r.waits_on,
            r.complete,
            r.changed,
            r.problem,
        )
        for r in rows
    ]
