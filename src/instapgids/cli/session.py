"""What `start` and `checklist` do, step by step: profile in, checklist out.

Glue between the profile (files), the interview (prompts), the rules and the
renderers; the CLI only parses options and calls in here.
"""

from __future__ import annotations

import contextlib
import difflib
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from instapgids.cli.signals import Stopped, stop_on_signals
from instapgids.content.bundle import Content
from instapgids.content.questions import Answers, AnswerValue
from instapgids.engine.checklist import build_checklist
from instapgids.engine.routing import applicable_answers, next_question
from instapgids.errors import UserError
from instapgids.presentation.exports import FORMATS
from instapgids.presentation.exports import export as export_as
from instapgids.presentation.terminal.console import err, literal, out
from instapgids.store.answers import read_answers_file
from instapgids.store.files import check_writable, locked, write_file, write_files
from instapgids.store.profiles import (
    GuideChange,
    Profile,
    ProfileError,
    guide_change,
    profile_path,
    read_profile,
    set_aside_broken,
    update_profile,
    write_profile,
)

if TYPE_CHECKING:
    from instapgids.presentation.mails import Draft


def _profile_flag(profile: str | None) -> str:
    return f" --profile {profile}" if profile else ""


def _show(content: Content, answers: Answers, progress: dict[str, str] | None = None) -> None:
    from instapgids.presentation.terminal.checklist import checklist_lines
    from instapgids.presentation.terminal.console import show

    show(checklist_lines(content, build_checklist(content, answers, progress), out().width))


def _show_next(content: Content, answers: Answers, progress: dict[str, str], profile: str | None) -> None:
    """The next step first: what to do now, progress per phase, and where the full checklist is."""
    from instapgids.presentation.next_steps import summary
    from instapgids.presentation.terminal.console import show
    from instapgids.presentation.terminal.next import next_lines

    found = summary(content, build_checklist(content, answers, progress))
    show(next_lines(found, out().width, _profile_flag(profile)))


def show_next(content: Content, profile: str | None) -> None:
    """`next`: the first things to do now, each complete, then the progress per phase."""
    saved = saved_profile(content, profile)
    _show_next(content, saved.answers, saved.statuses(), profile)


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
    _show_notices(saved)
    if (change := guide_change(content, saved)) is not None:
        _tell_guide_change(content, change)
        with contextlib.suppress(UserError):  # a read-only profile: it is said again next time
            update_profile(path, content, lambda current: current or saved, _waiting)  # told once
    return saved


def _tell_guide_change(content: Content, change: GuideChange) -> None:
    """Say once what a newer version of the guide changed on this checklist."""
    titles = {i.id: i.title for p in content.journey.phases for s in p.steps for i in s.items}
    err().print(
        f"[yellow]De gids is bijgewerkt[/yellow] van versie {change.old_version} naar {change.new_version}. "
        "Voor uw checklist betekent dat:"
    )
    parts = [("Nieuw", change.added), ("Gewijzigd", change.changed), ("Vervallen", change.removed)]
    for word, ids in parts:
        for item_id in ids:
            err().print(f"  {word}: {titles.get(item_id, item_id)} ({item_id})")
    if not change.known:
        err().print("  dat kan instapgids niet zeggen voor dit oudere profiel; bekijk uw checklist opnieuw.")
    elif not any(ids for _, ids in parts):
        err().print("  niets: uw checklist blijft dezelfde.")


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


def _waiting() -> None:
    err().print("Een ander instapgids-proces gebruikt dit profiel nu; even wachten…")


def run_with_answers(content: Content, profile: str | None, answers_file: Path) -> None:
    """`start --answers FILE`: no prompts; the answers must be complete. Progress in the file is taken over."""
    given = read_answers_file(answers_file, content)
    answers = given.answers

    def replace_answers(current: Profile | None) -> Profile:
        saved = Profile(path=path, answers=answers, complete=True)
        if current is not None:  # progress marked before, and the user's comments, are kept
            _show_notices(current)
            saved.progress, saved.stale_progress, saved.text = current.progress, current.stale_progress, current.text
        saved.progress = {**saved.progress, **given.progress}
        return saved

    path = profile_path(profile)
    saved = update_profile(path, content, replace_answers, _waiting)
    _show_next(content, answers, saved.statuses(), profile)
    if given.progress:
        err().print(f"Voortgang van {len(given.progress)} punt(en) overgenomen uit {literal(answers_file)}.")
    err().print(f"[dim]Antwoorden bewaard in {literal(path)}[/dim]")


class Interrupted(UserError):
    """The user stopped the interview (Ctrl-C: 130) or the process was stopped (SIGTERM: 143, SIGHUP: 129)."""

    def __init__(self, message: str, exit_code: int = 130) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _show_notices(profile: Profile) -> None:
    for notice in profile.notices:
        err().print(f"[yellow]Let op:[/yellow] {literal(notice)}")
    profile.notices = []


class InterviewStore:
    """Saves the interview's answers after every question, merged with what is on disk at that moment.

    Progress marked meanwhile (`instapgids done` in another terminal) is kept; an answer changed
    elsewhere since this interview read the profile is never silently overwritten: the user chooses.
    """

    def __init__(self, content: Content, path: Path, on_disk: Profile | None) -> None:
        self.content, self.path = content, path
        self.base = dict(on_disk.answers) if on_disk else {}  # the answers as this interview found them
        self.stale = dict(on_disk.stale) if on_disk else {}

    def save(self, answers: Answers, complete: bool = False) -> dict[str, AnswerValue]:
        """Write ``answers``; returns the answers to go on with (changed when the user takes over others)."""
        from instapgids.cli import interview

        while True:
            with locked(self.path, _waiting):
                disk = read_profile(self.path, self.content, strict=False) if self.path.exists() else None
                theirs = dict(disk.answers) if disk else {}
                conflicts = [
                    q.id
                    for q in self.content.interview.questions
                    if theirs.get(q.id) != self.base.get(q.id) and theirs.get(q.id) != answers.get(q.id)
                ]
                if not conflicts:
                    kept = Profile(path=self.path, answers=dict(answers), complete=complete, stale=self.stale)
                    if disk is not None:
                        kept.progress, kept.stale_progress, kept.text = disk.progress, disk.stale_progress, disk.text
                        kept.stale = {**disk.stale, **self.stale}
                    write_profile(kept, self.content)
                    self.base = dict(answers)
                    return dict(answers)
            # outside the lock: the user may take their time to choose
            if interview.choose_conflict(self.content, conflicts, answers, theirs) == "theirs":
                changed = dict(answers)
                for qid in conflicts:
                    if qid in theirs:
                        changed[qid] = theirs[qid]
                    else:
                        changed.pop(qid, None)
                answers = applicable_answers(self.content, changed)
            self.base = theirs  # what is on disk now has been seen: no question about it again


def run_interview(content: Content, profile: str | None) -> None:
    """`start`: the interview, the review screen, then the checklist; answers saved after every question."""
    if not (sys.stdin is not None and sys.stdin.isatty() and sys.stdout is not None and sys.stdout.isatty()):
        raise UserError(
            "instapgids start stelt vragen en heeft daarvoor een terminal nodig.\n"
            "Zonder terminal geeft u de antwoorden in een bestand mee:\n"
            "  instapgids start --answers antwoorden.yaml\n"
            "Voorbeelden staan in de map examples/ en het formaat in de README."
        )
    from instapgids.cli import interview

    path = profile_path(profile)
    existing = _existing_or_set_aside(content, path, profile)
    store = InterviewStore(content, path, existing)
    answers: Answers = {}
    try:
        with stop_on_signals():
            if existing is not None:
                if interview.choose_resume(existing.complete) != "restart":
                    answers = existing.answers
                else:
                    store.stale = {}
            else:
                interview.welcome(content)
            while True:
                answers = interview.review(content, dict(answers), store.save)
                confirmed = store.save(answers, complete=True)
                if confirmed == answers:
                    break
                answers = confirmed  # the user took over answers changed elsewhere: review them
    except (KeyboardInterrupt, Stopped) as exc:
        code = exc.exit_code if isinstance(exc, Stopped) else 130
        word = "Gestopt" if isinstance(exc, Stopped) else "Onderbroken"
        if not path.exists():
            raise Interrupted(f"\n{word}. Er was nog niets te bewaren.", code) from None
        raise Interrupted(
            f"\n{word}. Uw antwoorden tot nu toe zijn bewaard in {path}.\n"
            f"Met 'instapgids start{_profile_flag(profile)}' gaat u verder waar u stopte.",
            code,
        ) from None
    saved = read_profile(path, content, strict=False)
    out().print()
    _show_next(content, answers, saved.statuses(), profile)
    flag = literal(_profile_flag(profile))
    out().print(
        f"[dim]Uw antwoorden staan in {literal(path)}.[/dim]\n"
        f"Om af te drukken: [bold]instapgids checklist{flag} --export html -o checklist.html[/bold]"
    )


def _existing_or_set_aside(content: Content, path: Path, profile: str | None) -> Profile | None:
    """`start` on a terminal: a profile that cannot be read can be set aside (never deleted) to begin anew."""
    try:
        return _existing(content, path, profile)
    except ProfileError as exc:
        from instapgids.cli import interview

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
    kind = content.role_answer("organisation_kind", saved.answers) if saved is not None else None
    return kind if isinstance(kind, str) else None


def show_checklist(content: Content, profile: str | None, export: str | None, output: str | None, force: bool) -> None:
    """`checklist`: the checklist of a saved profile, on screen or exported."""
    if export is not None and export.lower() not in FORMATS:
        raise UserError(f"Onbekend exportformaat '{export}'. Kies uit: {', '.join(FORMATS)}.")
    saved = saved_profile(content, profile)
    if export is None:
        _show(content, saved.answers, saved.statuses())
        return
    checklist = build_checklist(content, saved.answers, saved.statuses())
    text = export_as(content, checklist, export.lower())
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    target = Path(output).expanduser()
    if target.is_dir():
        raise UserError(f"'{target}' is een map; geef een bestandsnaam op.")
    if target.exists() and not force:
        raise UserError(f"'{target}' bestaat al. Kies een andere naam of overschrijf met --force.")
    write_file(target, text)
    err().print(f"Checklist geschreven naar {literal(target)}")


def mark(content: Content, profile: str | None, item_ids: list[str], status: str | None) -> None:
    """`done` / `doing` / `undo`: record progress on checklist items in the profile, under its lock."""
    saved_profile(content, profile)  # says so when there is none, and shows what the profile's reader noticed

    def record(current: Profile | None) -> Profile:
        if current is None:  # removed in the meantime
            return saved_profile(content, profile)
        _check_marks(content, current, item_ids, status, profile)
        today = date.today().isoformat()
        for item_id in item_ids:
            if status is None:
                current.progress.pop(item_id, None)
            else:
                current.progress[item_id] = {"status": status, "date": today}
        return current

    saved = update_profile(profile_path(profile), content, record, _waiting)
    after = {e.item.id: e for e in build_checklist(content, saved.answers, saved.statuses()).items()}
    from instapgids.presentation.words import STATUS_WORDS

    for item_id in item_ids:
        title = after[item_id].item.title
        out().print(f"{literal(item_id)}: [bold]{STATUS_WORDS[after[item_id].status]}[/bold] — {literal(title)}")


def _check_marks(
    content: Content, saved: Profile, item_ids: list[str], status: str | None, profile: str | None
) -> None:
    """Refuse ids that are not on this checklist, or an undo of what the answers settle; nothing is written then."""
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


def show_status(content: Content, profile: str | None) -> None:
    """`status`: progress per phase and what can be started now."""
    from instapgids.presentation.terminal.status import status_view

    saved = saved_profile(content, profile)
    out().print(status_view(content, build_checklist(content, saved.answers, saved.statuses())))


def show_mails(content: Content, profile: str | None, export: str | None, output: Path | None, force: bool) -> None:
    """`mails`: every mail this customer still has to send, on screen or as .eml files."""
    from instapgids.presentation.mails import drafts

    if export is not None and export.lower() != "eml":
        raise UserError(f"Onbekend exportformaat '{export}'. Voor mails is er: eml.")
    if export is None and output is not None:
        raise UserError("Met -o geeft u een map op voor --export eml.")
    saved = saved_profile(content, profile)
    found = drafts(content, build_checklist(content, saved.answers, saved.statuses()))
    if export is None:
        from instapgids.presentation.terminal.mails import mails_view

        for part, one_line in mails_view(found):
            out().print(part, soft_wrap=one_line)
        return
    if output is None:
        raise UserError("Geef met -o een map op voor de .eml-bestanden, bv.: instapgids mails --export eml -o mails")
    if output.exists() and not output.is_dir():
        raise UserError(f"'{output}' is een bestand, geen map.")
    _write_drafts(content, output, found, force)


def _write_drafts(content: Content, folder: Path, found: list[Draft], force: bool) -> None:
    """Write the drafts as one set: afterwards the folder holds exactly the current drafts of instapgids.

    File names follow the mail's place in mails.yaml, so a draft keeps its name when another one no
    longer applies. Drafts that instapgids wrote before and that no longer apply are removed (with
    --force); other files are left alone.
    """
    from instapgids.presentation.mails import draft_file_name, eml, written_draft

    targets = {folder / draft_file_name(content, d): eml(d) for d in found}
    ours = {p for p in (folder.glob("*.eml") if folder.is_dir() else []) if written_draft(p)}
    stale = sorted(ours - set(targets))
    existing = [str(t) for t in [*targets, *stale] if t.exists()]
    if existing and not force:
        raise UserError(
            f"Deze bestanden bestaan al: {', '.join(existing)}.\n"
            "Overschrijf met --force; concepten van instapgids die niet meer gelden, worden dan verwijderd."
        )
    for target in targets:
        check_writable(target)
    write_files(dict(targets), make_folder=True, remove=tuple(stale))
    err().print(f"{len(targets)} mails geschreven naar {literal(folder)}")
    if stale:
        err().print(f"Verwijderd (geldt niet meer): {literal(', '.join(p.name for p in stale))}")
