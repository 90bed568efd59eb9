"""What `start` and `checklist` do, step by step: profile in, checklist out.

Glue between the profile (files), the interview (prompts), the rules and the
renderers; the CLI only parses options and calls in here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .console import err, out
from .content import Content
from .errors import Problem, UserError
from .profile import AnswersError, Profile, profile_path, read_profile, write_atomic, write_profile
from .rules import Answers, applicable_answers, build_checklist, next_question

EXPORT_FORMATS = {"md": "Markdown"}


def _profile_flag(profile: str | None) -> str:
    return f" --profile {profile}" if profile else ""


def _show(content: Content, answers: Answers) -> None:
    from .render_checklist import checklist_view

    out().print(checklist_view(content, build_checklist(content, answers)))


def run_with_answers(content: Content, profile: str | None, answers_file: Path) -> None:
    """`start --answers FILE`: no prompts; the answers must be complete."""
    given = read_profile(answers_file, content, strict=True)
    answers = applicable_answers(content, given.answers)
    missing = []
    probe = dict(answers)
    line = given.answers_line
    while (question := next_question(content, probe)) is not None:
        missing.append(
            Problem(answers_file, line, 1, f"answers.{question.id}", f"antwoord ontbreekt ({question.label})")
        )
        probe[question.id] = "?" if question.kind != "checkbox" else ["?"]
    if missing:
        raise AnswersError(missing)
    path = profile_path(profile)
    write_profile(Profile(path=path, answers=answers, complete=True), content)
    _show(content, answers)
    err().print(f"[dim]Antwoorden bewaard in {path}[/dim]")


def run_interview(content: Content, profile: str | None) -> None:
    """`start`: the interview, the review screen, then the checklist; answers saved after every question."""
    if not (sys.stdin is not None and sys.stdin.isatty() and sys.stdout is not None and sys.stdout.isatty()):
        raise UserError(
            "instapgids start stelt vragen en heeft daarvoor een terminal nodig.\n"
            "Zonder terminal geeft u de antwoorden in een bestand mee:\n"
            "  instapgids start --answers antwoorden.yaml\n"
            "Voorbeelden staan in de map examples/ en het formaat in de README."
        )
    from . import interview

    path = profile_path(profile)
    existing = read_profile(path, content, strict=False) if path.exists() else None
    answers: Answers = {}
    stale = {}
    if existing is not None:
        for notice in existing.notices:
            err().print(f"[yellow]Let op:[/yellow] {notice}")
        stale = existing.stale
        choice = interview.choose_resume(existing.complete)
        if choice != "restart":
            answers = existing.answers
        else:
            stale = {}
    else:
        out().print(
            "[bold]Welkom bij instapgids.[/bold] Enkele vragen over uw organisatie en uw behoefte; "
            "daarna krijgt u een checklist met enkel wat voor u geldt.\n"
            "[dim]Uw antwoorden worden na elke vraag bewaard. Stoppen kan altijd met Ctrl-C.[/dim]\n"
        )

    def save(current: Answers, complete: bool = False) -> None:
        write_profile(Profile(path=path, answers=dict(current), complete=complete, stale=stale), content)

    try:
        answers = interview.review(content, dict(answers), save)
    except KeyboardInterrupt:
        if not path.exists():
            raise Interrupted("\nOnderbroken. Er was nog niets te bewaren.") from None
        raise Interrupted(
            f"\nOnderbroken. Uw antwoorden tot nu toe zijn bewaard in {path}.\n"
            f"Met 'instapgids start{_profile_flag(profile)}' gaat u verder waar u stopte."
        ) from None
    save(answers, complete=True)
    out().print()
    _show(content, answers)
    out().print(
        f"\n[dim]Uw antwoorden staan in {path}. Opnieuw bekijken: instapgids checklist{_profile_flag(profile)}; "
        f"als Markdown: instapgids checklist{_profile_flag(profile)} --export md -o checklist.md[/dim]"
    )


def org_kind_of(content: Content, profile: str | None) -> str | None:
    """The organisation kind from a saved profile, if there is one (for look-ups)."""
    path = profile_path(profile)
    if not path.exists():
        if profile:
            raise UserError(
                f"Er is geen profiel '{profile}' ({path}). Beantwoord eerst de vragen met: instapgids start"
            )
        return None
    kind = read_profile(path, content, strict=False).answers.get("org_kind")
    return kind if isinstance(kind, str) else None


class Interrupted(UserError):
    exit_code = 130


def show_checklist(content: Content, profile: str | None, export: str | None, output: str | None, force: bool) -> None:
    """`checklist`: the checklist of a saved profile, on screen or exported."""
    if export is not None and export.lower() not in EXPORT_FORMATS:
        raise UserError(f"Onbekend exportformaat '{export}'. Kies uit: {', '.join(EXPORT_FORMATS)}.")
    path = profile_path(profile)
    if not path.exists():
        raise UserError(
            f"Er is nog geen profiel ({path}).\n"
            f"Beantwoord eerst de vragen met: instapgids start{_profile_flag(profile)}"
        )
    saved = read_profile(path, content, strict=False)
    for notice in saved.notices:
        err().print(f"[yellow]Let op:[/yellow] {notice}")
    if next_question(content, saved.answers) is not None:
        err().print(
            "[yellow]Let op:[/yellow] het gesprek is nog niet afgerond; de checklist is onvolledig. "
            f"Vul aan met: instapgids start{_profile_flag(profile)}"
        )
    if export is None:
        _show(content, saved.answers)
        return
    from .render_markdown import checklist_markdown

    text = checklist_markdown(content, build_checklist(content, saved.answers))
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    target = Path(output).expanduser()
    if target.exists() and not force:
        raise UserError(f"'{target}' bestaat al. Kies een andere naam of overschrijf met --force.")
    if target.is_dir():
        raise UserError(f"'{target}' is een map; geef een bestandsnaam op.")
    write_atomic(target, text)
    err().print(f"Checklist geschreven naar {target}")
