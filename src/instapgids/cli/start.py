"""`start`: the interview on a terminal, or the answers from a file; then the next step first.

The answers are saved after every question, merged with what is on disk at that moment
(``store.usecases.InterviewStore``); SIGTERM and SIGHUP end the interview the way Ctrl-C does.
"""

from __future__ import annotations

import sys
from pathlib import Path

from instapgids.cli import session
from instapgids.cli.lines import in_language
from instapgids.cli.signals import Stopped, stop_on_signals
from instapgids.content.bundle import Content
from instapgids.content.questions import Answers
from instapgids.errors import UserError
from instapgids.language import N_, _
from instapgids.presentation.terminal.console import literal, out, tell
from instapgids.store import usecases
from instapgids.store.profiles import Profile, ProfileError, profile_path, read_profile, set_aside_broken

NO_TERMINAL = N_(
    "instapgids start stelt vragen en heeft daarvoor een terminal nodig.\n"
    "Zonder terminal geeft u de antwoorden in een bestand mee:\n"
    "  instapgids start --answers antwoorden.yaml{flag}\n"
    "Voorbeelden staan in de map examples/ en het formaat in de README."
)


class Interrupted(UserError):
    """The user stopped the interview (Ctrl-C: 130) or the process was stopped (SIGTERM: 143, SIGHUP: 129)."""

    def __init__(self, message: str, exit_code: int = 130) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def start_command(profile: str | None, answers: Path | None = None, force: bool = False) -> None:
    """`start` as typed (through Typer, or without it on the fast path of ``cli/main.py``)."""
    import contextlib

    from instapgids import language
    from instapgids.cli.lines import read_content
    from instapgids.store.profiles import read_profile

    content = read_content()
    if answers is not None:
        run_with_answers(content, profile, answers, force)
        return
    if not language.explicit() and (path := profile_path(profile)).exists():
        with contextlib.suppress(UserError):  # the session reports a profile that cannot be read
            language.use(read_profile(path, content, strict=False).language)  # goes on in its language
    run_interview(content, profile)


def run_with_answers(content: Content, profile: str | None, answers_file: Path, force: bool = False) -> None:
    """`start --answers FILE`: no prompts; the answers must be complete. Progress in the file is taken over.
    Answers that would change those of a saved profile need ``force`` (the interactive `start` asks first)."""
    from instapgids.store.answers import read_answers_file  # with the engine: not before the first question

    given = read_answers_file(answers_file, content)
    path = profile_path(profile)
    try:
        saved = usecases.take_answers(content, path, given, session.waiting, force=force)
    except usecases.AnswersWouldChange as exc:
        raise UserError(_would_change(content, exc, answers_file, profile)) from None
    session.show_notices(saved)
    session.show_next_of(in_language(content), saved, profile)
    if given.progress:
        told = _("Voortgang van {count} punt(en) overgenomen uit {file}.")
        tell(told, count=len(given.progress), file=answers_file)
    tell("[dim]" + _("Antwoorden bewaard in {path}") + "[/dim]", path=path)


def _would_change(content: Content, exc: usecases.AnswersWouldChange, answers_file: Path, profile: str | None) -> str:
    """Which answers `start --answers` would change, as the user saw them, and the command that does it."""
    from instapgids.cli.lines import describe

    shown = in_language(content)
    lines = [str(exc), _("Met {file} veranderen deze antwoorden:").format(file=answers_file)]
    for qid, old, new in exc.changes:
        question = shown.question_by_id[qid]
        before = describe(question, old) if old is not None else _("(geen antwoord)")
        after = describe(question, new) if new is not None else _("(geen antwoord)")
        lines.append(f"  {question.label}: {before} → {after}")
    command = f"instapgids start --answers {answers_file}{session.profile_flag(profile)} --force"
    lines.append(_("Vervang ze met: {command} (uw voortgang blijft bewaard).").format(command=command))
    return "\n".join(lines)


def run_interview(content: Content, profile: str | None) -> None:
    """`start`: the interview, the review screen, then the checklist; answers saved after every question."""
    if not (sys.stdin is not None and sys.stdin.isatty() and sys.stdout is not None and sys.stdout.isatty()):
        raise UserError(_(NO_TERMINAL).format(flag=session.profile_flag(profile)))
    from instapgids.cli import interview

    path = profile_path(profile)
    try:
        with stop_on_signals():  # also at the menu for a broken profile: the prompt restores the terminal
            existing = _existing_or_set_aside(content, path, profile)
    except Stopped as stopped:
        raise Interrupted("\n" + _("Gestopt.") + " " + _("Er is niets gewijzigd."), stopped.exit_code) from None
    store = usecases.InterviewStore(content, existing, path, interview.choose_conflict, session.waiting)
    try:
        with stop_on_signals():
            _interview(content, existing, store)
    except interview.ChangeNotConfirmed as exc:  # Ctrl-C after a change at the review screen: put back
        store.save(exc.answers, complete=existing is not None and existing.complete and exc.answers == existing.answers)
        told = _("Onderbroken. Uw wijziging is niet bewaard: de antwoorden zijn weer zoals ervoor, in {path}.")
        raise Interrupted("\n" + told.format(path=path) + "\n" + _go_on(profile)) from None
    except (KeyboardInterrupt, Stopped) as exc:
        raise _interrupted(exc, path, profile) from None
    out().print()
    session.show_next_of(in_language(content), read_profile(path, content, strict=False), profile)
    from rich.text import Text

    from instapgids.presentation.terminal.hanging import Hanging

    flag = literal(session.profile_flag(profile))
    said = (
        "[dim]"
        + _("Uw antwoorden staan in {path}.").format(path=literal(path))
        + "[/dim]\n"
        + _("Om af te drukken: {command}").format(
            command=f"[bold]instapgids checklist{flag} --export html -o checklist.html[/bold]"
        )
    )
    out().print(Hanging("", Text.from_markup(said)), soft_wrap=True)  # wrapped here: the command never broken


def _interrupted(exc: BaseException, path: Path, profile: str | None) -> Interrupted:
    """What an interview stopped by Ctrl-C (130), SIGTERM or SIGHUP says, and its exit code."""
    code = exc.exit_code if isinstance(exc, Stopped) else 130
    word = _("Gestopt.") if isinstance(exc, Stopped) else _("Onderbroken.")
    if not path.exists():
        return Interrupted("\n" + word + " " + _("Er was nog niets te bewaren."), code)
    told = _("Uw antwoorden tot nu toe zijn bewaard in {path}.").format(path=path)
    return Interrupted("\n" + word + " " + told + "\n" + _go_on(profile), code)


def _go_on(profile: str | None) -> str:
    """How to go on after an interruption: the command that resumes the interview."""
    return _("Met '{command}' gaat u verder waar u stopte.").format(
        command=f"instapgids start{session.profile_flag(profile)}"
    )


def _interview(content: Content, existing: Profile | None, store: usecases.InterviewStore) -> Answers:
    """Welcome or resume, then questions and review until the answers are confirmed and saved."""
    from instapgids.cli import interview

    answers: Answers = {}
    if existing is not None:
        if interview.choose_resume(existing.complete) != "restart":
            answers = existing.answers
        else:
            store.stale = {}
    else:
        from instapgids.cli.lines import welcome

        welcome(content)
    while True:
        answers = interview.review(content, dict(answers), store.save)
        confirmed = store.save(answers, complete=True)
        if confirmed == answers:
            return answers
        answers = confirmed  # the user took over answers changed elsewhere: review them


def _existing_or_set_aside(content: Content, path: Path, profile: str | None) -> Profile | None:
    """`start` on a terminal: a profile that cannot be read can be set aside (never deleted) to begin anew."""
    try:
        return session.opened(content, path)
    except ProfileError as exc:
        if exc.hint:  # the way out is said already (a newer format: update instapgids), setting aside would not help
            raise
        from instapgids.cli import interview

        tell(str(ProfileError(exc.problems)), markup=False)  # without the hint: the choice follows
        try:
            if not interview.choose_broken():
                raise UserError(
                    _("Er is niets gewijzigd. Herstel het bestand, of kies de volgende keer om het opzij te zetten.")
                ) from None
        except KeyboardInterrupt:
            raise Interrupted("\n" + _("Onderbroken.") + " " + _("Er is niets gewijzigd.")) from None
        aside = set_aside_broken(path)
        tell(_("Het oude profiel staat nu in {path}. U begint opnieuw.") + "\n", path=aside)
        return None
