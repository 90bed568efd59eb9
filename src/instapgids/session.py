"""What `start` and `checklist` do, step by step: profile in, checklist out.

Glue between the profile (files), the interview (prompts), the rules and the
renderers; the CLI only parses options and calls in here.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .console import err, literal, out
from .content import Content
from .errors import Problem, UserError
from .profile import (
    AnswersError,
    Profile,
    ProfileError,
    profile_path,
    read_profile,
    set_aside_broken,
    write_atomic,
    write_profile,
)
from .rules import Answers, Checklist, applicable_answers, build_checklist, next_question


def _profile_flag(profile: str | None) -> str:
    return f" --profile {profile}" if profile else ""


def _show(content: Content, answers: Answers, progress: dict[str, str] | None = None) -> None:
    from .render_checklist import checklist_view

    out().print(checklist_view(content, build_checklist(content, answers, progress)))


def _existing(content: Content, path: Path, profile: str | None) -> Profile | None:
    """The saved profile at ``path``, with its notices shown; None when there is none.

    A profile that cannot be read is reported with the way out: `start` sets it aside and begins anew.
    """
    if not path.exists():
        return None
    try:
        saved = read_profile(path, content, strict=False)
    except ProfileError as exc:
        raise ProfileError(
            exc.problems,
            "Herstel het bestand, of zet het opzij en begin opnieuw met: "
            f"instapgids start{_profile_flag(profile)} (het bestand blijft bewaard).",
        ) from None
    for notice in saved.notices:
        err().print(f"[yellow]Let op:[/yellow] {literal(notice)}")
    return saved


def saved_profile(content: Content, profile: str | None) -> Profile:
    """The saved profile, or a Dutch message saying to run `instapgids start` first."""
    path = profile_path(profile)
    saved = _existing(content, path, profile)
    if saved is None:
        raise UserError(
            f"Er is nog geen profiel ({path}).\n"
            f"Beantwoord eerst de vragen met: instapgids start{_profile_flag(profile)}"
        )
    if next_question(content, saved.answers) is not None:
        err().print(
            "[yellow]Let op:[/yellow] het gesprek is nog niet afgerond; de checklist is onvolledig. "
            f"Vul aan met: instapgids start{literal(_profile_flag(profile))}"
        )
    return saved


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
    kept = _existing(content, path, profile)  # progress marked before is kept
    saved = Profile(path=path, answers=answers, complete=True)
    if kept is not None:
        saved.progress, saved.stale_progress = kept.progress, kept.stale_progress
    write_profile(saved, content)
    _show(content, answers, saved.statuses())
    err().print(f"[dim]Antwoorden bewaard in {literal(path)}[/dim]")


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
    existing = _existing_or_set_aside(content, path, profile)
    answers: Answers = {}
    kept = Profile(path=path)  # what is saved besides the answers: old answers, progress

    def save(current: Answers, complete: bool = False) -> None:
        kept.answers, kept.complete = dict(current), complete
        # An answer set aside as unusable is replaced by the new one (else write_profile would keep the old).
        kept.stale = {qid: value for qid, value in kept.stale.items() if qid not in current}
        write_profile(kept, content)

    try:
        if existing is not None:
            kept.progress, kept.stale_progress = existing.progress, existing.stale_progress
            if interview.choose_resume(existing.complete) != "restart":
                answers, kept.stale = existing.answers, existing.stale
        else:
            interview.welcome()
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
    _show(content, answers, kept.statuses())
    flag = literal(_profile_flag(profile))
    out().print(
        f"\n[dim]Uw antwoorden staan in {literal(path)}.[/dim]\n"
        f"Verder: [bold]instapgids mails{flag}[/bold] (de mails om te sturen), "
        f"[bold]instapgids done{flag} <id>[/bold] (een punt afvinken), "
        f"[bold]instapgids status{flag}[/bold] (uw voortgang), "
        f"[bold]instapgids checklist{flag} --export html -o checklist.html[/bold] (om af te drukken)."
    )


def _existing_or_set_aside(content: Content, path: Path, profile: str | None) -> Profile | None:
    """`start` on a terminal: a profile that cannot be read can be set aside (never deleted) to begin anew."""
    try:
        return _existing(content, path, profile)
    except ProfileError as exc:
        from . import interview

        err().print(str(ProfileError(exc.problems)), markup=False)  # without the hint: the choice follows
        try:
            if not interview.choose_broken():
                raise UserError(
                    "Er is niets gewijzigd. Herstel het bestand, of kies de volgende keer om het opzij te zetten."
                )
        except KeyboardInterrupt:
            raise Interrupted("\nOnderbroken. Er is niets gewijzigd.") from None
        aside = set_aside_broken(path)
        err().print(f"Het oude profiel staat nu in {literal(aside)}. U begint opnieuw.\n")
        return None


def org_kind_of(content: Content, profile: str | None) -> str | None:
    """The organisation kind from a saved profile, if there is one (for look-ups)."""
    path = profile_path(profile)
    if not path.exists():
        if profile:
            raise UserError(
                f"Er is geen profiel '{profile}' ({path}). Beantwoord eerst de vragen met: instapgids start"
            )
        return None
    saved = _existing(content, path, profile)
    kind = saved.answers.get("org_kind") if saved is not None else None
    return kind if isinstance(kind, str) else None


class Interrupted(UserError):
    exit_code = 130


def show_checklist(content: Content, profile: str | None, export: str | None, output: str | None, force: bool) -> None:
    """`checklist`: the checklist of a saved profile, on screen or exported."""
    if export is not None and export.lower() not in EXPORT_FORMATS:
        raise UserError(f"Onbekend exportformaat '{export}'. Kies uit: {', '.join(EXPORT_FORMATS)}.")
    saved = saved_profile(content, profile)
    if export is None:
        _show(content, saved.answers, saved.statuses())
        return
    checklist = build_checklist(content, saved.answers, saved.statuses())
    text = EXPORT_FORMATS[export.lower()](content, checklist)
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    target = Path(output).expanduser()
    if target.is_dir():
        raise UserError(f"'{target}' is een map; geef een bestandsnaam op.")
    if target.exists() and not force:
        raise UserError(f"'{target}' bestaat al. Kies een andere naam of overschrijf met --force.")
    write_atomic(target, text)
    err().print(f"Checklist geschreven naar {literal(target)}")


def _markdown(content: Content, checklist: Checklist) -> str:
    from .render_markdown import checklist_markdown

    return checklist_markdown(content, checklist)


def _html(content: Content, checklist: Checklist) -> str:
    from .render_html import checklist_html

    return checklist_html(content, checklist)


def _json(content: Content, checklist: Checklist) -> str:
    from .render_json import checklist_json

    return checklist_json(content, checklist)


EXPORT_FORMATS: dict[str, Callable[[Content, Checklist], str]] = {"md": _markdown, "html": _html, "json": _json}


def mark(content: Content, profile: str | None, item_ids: list[str], status: str | None) -> None:
    """`done` / `doing` / `undo`: record progress on checklist items, atomically, in the profile."""
    saved = saved_profile(content, profile)
    checklist = build_checklist(content, saved.answers, saved.statuses())
    on_list = {e.item.id: e for e in checklist.items()}
    everywhere = {i.id for p in content.journey.phases for s in p.steps for i in s.items}
    problems = []
    for item_id in item_ids:
        if item_id not in on_list:
            why = "staat niet op uw checklist" if item_id in everywhere else "bestaat niet"
            close = difflib.get_close_matches(item_id, list(on_list), n=3)
            hint = f" Bedoelt u: {', '.join(close)}?" if close else ""
            problems.append(f"'{item_id}' {why}.{hint}")
        elif status is None and on_list[item_id].done_by_answers:
            problems.append(
                f"'{item_id}' is klaar volgens uw antwoorden; wijzig die met: instapgids start{_profile_flag(profile)}"
            )
    if problems:
        raise UserError("\n".join([*problems, "De ids staan in uw checklist: instapgids checklist"]))
    today = date.today().isoformat()
    for item_id in item_ids:
        if status is None:
            saved.progress.pop(item_id, None)
        else:
            saved.progress[item_id] = {"status": status, "date": today}
    write_profile(saved, content)
    after = {e.item.id: e for e in build_checklist(content, saved.answers, saved.statuses()).items()}
    from .present import STATUS_WORDS

    for item_id in item_ids:
        title = after[item_id].item.title
        out().print(f"{literal(item_id)}: [bold]{STATUS_WORDS[after[item_id].status]}[/bold] — {literal(title)}")


def show_status(content: Content, profile: str | None) -> None:
    """`status`: progress per phase and what can be started now."""
    from .render_status import status_view

    saved = saved_profile(content, profile)
    out().print(status_view(content, build_checklist(content, saved.answers, saved.statuses())))


def show_mails(content: Content, profile: str | None, export: str | None, output: Path | None, force: bool) -> None:
    """`mails`: every mail this customer still has to send, on screen or as .eml files."""
    from .mails import drafts, eml

    if export is not None and export.lower() != "eml":
        raise UserError(f"Onbekend exportformaat '{export}'. Voor mails is er: eml.")
    if export is None and output is not None:
        raise UserError("Met -o geeft u een map op voor --export eml.")
    saved = saved_profile(content, profile)
    found = drafts(content, build_checklist(content, saved.answers, saved.statuses()))
    if export is None:
        from .render_mails import mails_view

        for part, one_line in mails_view(found):
            out().print(part, soft_wrap=one_line)
        return
    if output is None:
        raise UserError("Geef met -o een map op voor de .eml-bestanden, bv.: instapgids mails --export eml -o mails")
    if output.exists() and not output.is_dir():
        raise UserError(f"'{output}' is een bestand, geen map.")
    targets = [(output / f"{n:02d}-{d.id}.eml", d) for n, d in enumerate(found, 1)]
    existing = [str(t) for t, _ in targets if t.exists()]
    if existing and not force:
        raise UserError(f"Deze bestanden bestaan al: {', '.join(existing)}. Overschrijf met --force.")
    for target, draft in targets:
        write_atomic(target, eml(draft).decode("utf-8"), make_folder=True)
    err().print(f"{len(targets)} mails geschreven naar {literal(output)}")
