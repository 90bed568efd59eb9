"""The profile commands on the terminal: the use cases of ``store/usecases.py``, printed, with the commands to type.

``next``, ``checklist``, ``status``, ``done``/``doing``/``undo``, ``mails`` and the profile of a
look-up. The use cases return results and raise typed errors; here they are shown, and an error
gets the command that helps (``hints``). ``start`` is in ``cli/start.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from instapgids.content.bundle import Content
from instapgids.content.questions import AnswerValue
from instapgids.errors import UserError
from instapgids.language import N_, _
from instapgids.presentation.terminal.console import literal, out, tell
from instapgids.store import usecases
from instapgids.store.profiles import Profile, ProfileError, open_profile, profile_path

if TYPE_CHECKING:
    from instapgids.presentation.mails import Draft
    from instapgids.store.changes import GuideChange


def profile_flag(profile: str | None) -> str:
    from instapgids.presentation.commands import profile_flag as written

    return written(profile)


@contextmanager
def hints(profile: str | None) -> Iterator[None]:
    """A use case's error, with the command that helps: `instapgids start --profile X`, `--force`, ..."""
    flag = profile_flag(profile)
    try:
        yield
    except usecases.NoProfile as exc:
        others = [] if profile else _other_profiles(exc.path)
        if others:
            from instapgids.presentation.commands import as_typed

            told = _("Er zijn wel andere profielen: {names}. Kies er een met --profile, bv.: {command}")
            raise UserError(
                f"{exc}\n"
                + told.format(
                    names=", ".join(others),
                    command=f"{as_typed(sys.argv[1:]) or 'instapgids status'} --profile {others[0]}",
                )
            ) from None
        raise UserError(
            f"{exc}\n" + _("Beantwoord eerst de vragen met: {command}").format(command=_start(flag))
        ) from None
    except usecases.MarksRefused as exc:
        ids_hint = _(_IDS_HINT).format(command=f"instapgids checklist{flag}")
        raise UserError("\n".join([*map(_refused_line(flag), exc.refused), ids_hint])) from None
    except usecases.TargetsExist as exc:  # an export (the drafts say it their own way: write_drafts)
        raise UserError(
            _("'{path}' bestaat al. Kies een andere naam of overschrijf met --force.").format(path=exc.paths[0])
        ) from None
    except ProfileError as exc:
        if exc.hint:
            raise
        hint = _("Herstel het bestand, of zet het opzij en begin opnieuw met: {command} (het bestand blijft bewaard).")
        raise ProfileError(exc.problems, hint.format(command=_start(flag))) from None


def _other_profiles(default: Path) -> list[str]:
    """The names of the other profiles beside the missing default one (at most ten), for --profile."""
    try:
        found = sorted(p.stem for p in default.parent.glob("*.yaml") if p != default)
    except OSError:
        return []
    return found[:10] + (["…"] if len(found) > 10 else [])


def _start(flag: str) -> str:
    return f"instapgids start{flag}"


_IDS_HINT = N_("De ids staan in uw checklist: {command}")
_DRAFTS_HINT = N_("Overschrijf met --force; concepten van instapgids die niet meer gelden, worden dan verwijderd.")
_MIND = N_("Let op:")


def _refused_line(flag: str) -> Callable[[usecases.RefusedMark], str]:
    def line(refused: usecases.RefusedMark) -> str:
        if refused.why == "by_answers":
            told = _("'{item}' is klaar volgens uw antwoorden; wijzig die met: {command}")
            return told.format(item=refused.item_id, command=_start(flag))
        why = _(usecases.MarksRefused.WORDS[refused.why]).format(item=refused.item_id)
        hint = _("Bedoelt u: {ids}?").format(ids=", ".join(refused.close)) if refused.close else ""
        return f"{why} {hint}" if hint else why

    return line


def waiting() -> None:
    tell(_("Een ander instapgids-proces gebruikt dit profiel nu; even wachten…"))


def show_notices(profile: Profile) -> None:
    for notice in profile.notices:
        tell(f"[yellow]{_(_MIND)}[/yellow] {{notice}}", notice=notice)
    profile.notices = []


def opened(content: Content, path: Path) -> Profile | None:
    """The saved profile at ``path`` with what its reader noticed and what a new guide changed, told once."""
    saved = open_profile(content, path)
    if saved is None:
        return None
    show_notices(saved)
    if saved.guide_version and saved.guide_version != content.guide.guide.version:
        from instapgids.cli.lines import read_content
        from instapgids.store.changes import guide_change

        dutch = read_content()  # what an item says is fingerprinted in Dutch, whatever the language of this run
        if (change := guide_change(dutch, saved)) is not None:
            tell_guide_change(content, change)
            usecases.remember_guide_version(dutch, saved, waiting)
    return saved


def tell_guide_change(content: Content, change: GuideChange) -> None:
    """Say once what a newer version of the guide changed on this checklist, with the items' titles in the language
    of the run (`start` reads the Dutch content and shows it translated)."""
    from instapgids.cli.lines import in_language

    content = in_language(content) if content.language == "nl" else content
    titles = {i.id: i.title for p in content.journey.phases for s in p.steps for i in s.items}
    told = _("[yellow]De gids is bijgewerkt[/yellow] van versie {old} naar {new}. Voor uw checklist betekent dat:")
    if change.older:  # e.g. an older instapgids on a profile that a newer one wrote
        told = _(
            "[yellow]Let op:[/yellow] Dit profiel werd bewaard met versie {old} van de gids; deze instapgids volgt "
            "de oudere versie {new}. Voor uw checklist betekent dat:"
        )
    tell(told, old=change.old_version, new=change.new_version)
    parts = [(_("Nieuw"), change.added), (_("Gewijzigd"), change.changed), (_("Vervallen"), change.removed)]
    for word, ids in parts:
        for item_id in ids:
            tell("  {word}: {title} ({item})", word=word, title=titles.get(item_id, item_id), item=item_id)
    if not change.known:
        tell("  " + _("dat kan instapgids niet zeggen voor dit oudere profiel; bekijk uw checklist opnieuw."))
    elif not any(ids for _word, ids in parts):
        tell("  " + _("niets: uw checklist blijft dezelfde."))


def saved_profile(content: Content, profile: str | None) -> Profile:
    """The saved profile, told as ``opened`` tells it, with a warning when its interview is not finished."""
    path = profile_path(profile)
    with hints(profile):
        saved = opened(content, path)
        if saved is None:
            raise usecases.NoProfile(path)
    if usecases.is_incomplete(content, saved):
        told = _("het gesprek is nog niet afgerond; de checklist is onvolledig. Vul aan met: {command}")
        tell(f"[yellow]{_(_MIND)}[/yellow] " + told, command=_start(profile_flag(profile)))
    elif not saved.complete:  # every answer given, the review never confirmed (Ctrl-C there)
        told = _("uw antwoorden zijn nog niet bevestigd. Bekijk en bevestig ze met: {command}")
        tell(f"[yellow]{_(_MIND)}[/yellow] " + told, command=_start(profile_flag(profile)))
    return saved


def show_next_of(content: Content, saved: Profile, profile: str | None, everything: bool = False) -> None:
    """The next step first: what to do now (``everything``: all of it), progress per phase, the full checklist."""
    from instapgids.presentation.next_steps import NEXT_COUNT, summary
    from instapgids.presentation.terminal.console import show, width
    from instapgids.presentation.terminal.next import next_lines

    found = summary(content, usecases.checklist_of(content, saved), None if everything else NEXT_COUNT)
    show(next_lines(found, width(), profile_flag(profile)))


def show_next(content: Content, profile: str | None, everything: bool = False) -> None:
    """`next`: the first things to do now (``everything``: all), each complete, then the progress per phase."""
    show_next_of(content, saved_profile(content, profile), profile, everything)


def answers_of(content: Content, profile: str | None) -> dict[str, AnswerValue] | None:
    """The answers of a saved profile, if there is one (for look-ups)."""
    path = profile_path(profile)
    if not path.exists():
        if profile:
            raise UserError(
                _("Er is geen profiel '{profile}' ({path}). Beantwoord eerst de vragen met: {command}").format(
                    profile=profile, path=path, command=_start(profile_flag(profile))
                )
            )
        return None
    with hints(profile):
        saved = opened(content, path)
    return dict(saved.answers) if saved is not None else None


def show_checklist(content: Content, profile: str | None, export: str | None, output: str | None, force: bool) -> None:
    """`checklist`: the checklist of a saved profile, on screen or exported."""
    fmt = None
    if export is not None or output not in (None, "-"):  # an export: its module loads only then
        from instapgids.presentation.exports import check_format, format_of

        fmt = check_format(export) if export is not None else None
        if fmt is None and (fmt := format_of(str(output))) is None:
            told = _(
                "Uit de naam '{path}' kan instapgids het formaat niet afleiden. "
                "Geef het formaat mee met --export: {choices}."
            )
            raise UserError(told.format(path=output, choices=_("md, html of json")))
    saved = saved_profile(content, profile)
    checklist = usecases.checklist_of(content, saved)
    if fmt is None:
        from instapgids.presentation.terminal.checklist import checklist_lines
        from instapgids.presentation.terminal.console import show, width

        show(checklist_lines(content, checklist, width()))
        return
    from instapgids.presentation.exports import export as export_as

    text = export_as(content, checklist, fmt)
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    target = Path(output).expanduser()
    with hints(profile):
        usecases.write_export(target, text, force, usecases.read_by(content, profile_path(profile)))
    tell(_("Checklist geschreven naar {path}"), path=target)


def mark(
    content: Content, profile: str | None, item_ids: list[str], status: str | None, shown: Content, force: bool = False
) -> None:
    """`done` / `doing` / `undo`: record progress on checklist items in the profile, under its lock;
    the titles confirmed are those of ``shown`` (the content in the language of this run).

    Done on an item that still waits: asked on a terminal, refused without one unless ``force``.
    Afterwards: what can start now that could not before, and what went back on hold.
    """
    from instapgids.engine.checklist import shift
    from instapgids.presentation.terminal.console import show, width
    from instapgids.presentation.terminal.marks import mark_lines, shift_lines

    saved_profile(content, profile)  # says so when there is none, and shows what the profile's reader noticed
    titles = {i.id: i.title for p in shown.journey.phases for s in p.steps for i in s.items}
    with hints(profile):
        try:
            marking = usecases.mark_items(content, profile_path(profile), item_ids, status, waiting, force)
        except usecases.OutOfOrder as exc:
            waits = [
                _("'{item}' wacht nog op: {others}.").format(
                    item=titles.get(e.item.id, e.item.title), others="; ".join(titles.get(w, w) for w in e.waits_for)
                )
                for e in exc.waiting
            ]
            again = f"instapgids done {' '.join(dict.fromkeys(item_ids))} --force{profile_flag(profile)}"
            if not _confirmed(waits, again):
                raise UserError(_("Er is niets gewijzigd.")) from None
            marking = usecases.mark_items(content, profile_path(profile), item_ids, status, waiting, True)
    flag = profile_flag(profile)
    change = shift(marking.before, marking.after)
    show(mark_lines(marking.after, item_ids, titles, width()) + shift_lines(change, titles, width(), flag))


def _confirmed(waits: list[str], again: str) -> bool:
    """Ask on a terminal whether items that still wait may be marked done; without one, say to use --force
    (``again``: the command with --force)."""
    if not (sys.stdin is not None and sys.stdin.isatty() and sys.stdout is not None and sys.stdout.isatty()):
        told = _("Toch als klaar aanduiden (buiten de volgorde): {command}").format(command=again)
        raise UserError("\n".join([*waits, told]))
    from instapgids.cli import interview

    try:
        return interview.confirm_out_of_order(waits)
    except KeyboardInterrupt:
        return False


def show_status(content: Content, profile: str | None) -> None:
    """`status`: progress per phase and what can be started now."""
    from instapgids.engine.followups import overdue
    from instapgids.presentation.terminal.console import show, width
    from instapgids.presentation.terminal.status import status_lines

    checklist = usecases.checklist_of(content, saved_profile(content, profile))
    reminders = len(overdue(content, checklist))
    show(status_lines(content, checklist, width(), flag=profile_flag(profile), reminders=reminders))


def show_mails(content: Content, profile: str | None, export: str | None, output: Path | None, force: bool) -> None:
    """`mails`: every mail this customer still has to send, on screen or as .eml files."""
    from instapgids.presentation.mails import drafts

    if export is not None and export.lower() != "eml":
        raise UserError(_("Onbekend exportformaat '{format}'. Voor mails is er: eml.").format(format=export))
    if export is None and output is not None:
        raise UserError(_("Met -o geeft u een map op voor --export eml."))
    found = drafts(content, usecases.checklist_of(content, saved_profile(content, profile)))
    if export is None:
        from instapgids.presentation.terminal.console import paged
        from instapgids.presentation.terminal.mails import mails_view

        with paged():
            for part, one_line in mails_view(found, profile_flag(profile)):
                out().print(part, soft_wrap=one_line)
        return
    if output is None:
        raise UserError(
            _("Geef met -o een map op voor de .eml-bestanden, bv.: {command}").format(
                command="instapgids mails --export eml -o mails"
            )
        )
    if output.exists() and not output.is_dir():
        raise UserError(_("'{path}' is een bestand, geen map.").format(path=output))
    write_drafts(content, output, found, force, profile)


def write_drafts(content: Content, folder: Path, found: list[Draft], force: bool, profile: str | None = None) -> None:
    """Write the drafts as one set: afterwards the folder holds exactly the current drafts of instapgids.

    File names follow the mail's place in mails.yaml, so a draft keeps its name when another one no
    longer applies. Drafts that instapgids wrote before, that no longer apply and that nobody changed
    are removed (with --force); other files, and drafts the user changed, are left alone.
    """
    from instapgids.presentation.mails import draft_file_name, eml

    targets: dict[Path, str | bytes] = {folder / draft_file_name(content, d): eml(d) for d in found}
    try:
        written = usecases.write_set(targets, folder, force, usecases.read_by(content, profile_path(profile)))
    except usecases.TargetsExist as exc:
        raise UserError(f"{exc}\n{_(_DRAFTS_HINT)}") from None
    tell(_("{count} mails geschreven naar {folder}").format(count=len(targets), folder=literal(folder)))
    if written.removed:
        names = literal(", ".join(p.name for p in written.removed))
        tell(_("Verwijderd (geldt niet meer): {files}").format(files=names))
    if written.kept:
        names = literal(", ".join(p.name for p in written.kept))
        tell(_("Bewaard, want door u gewijzigd (geldt niet meer): {files}").format(files=names))
