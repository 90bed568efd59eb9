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
from instapgids.errors import UserError
from instapgids.language import N_, _
from instapgids.presentation.exports import UnknownFormat, check_format
from instapgids.presentation.exports import export as export_as
from instapgids.presentation.terminal.console import literal, out, tell
from instapgids.store import usecases
from instapgids.store.changes import GuideChange, guide_change
from instapgids.store.profiles import Profile, ProfileError, open_profile, profile_path

if TYPE_CHECKING:
    from instapgids.presentation.mails import Draft


def profile_flag(profile: str | None) -> str:
    return f" --profile {profile}" if profile else ""


@contextmanager
def hints(profile: str | None) -> Iterator[None]:
    """A use case's error, with the command that helps: `instapgids start --profile X`, `--force`, ..."""
    flag = profile_flag(profile)
    try:
        yield
    except usecases.NoProfile as exc:
        others = [] if profile else _other_profiles(exc.path)
        if others:
            told = _("Er zijn wel andere profielen: {names}. Kies er een met --profile, bv.: {command}")
            raise UserError(
                f"{exc}\n" + told.format(names=", ".join(others), command=f"instapgids status --profile {others[0]}")
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
        tell(f"[yellow]{_(_MIND)}[/yellow] {literal(notice)}")
    profile.notices = []


def opened(content: Content, path: Path) -> Profile | None:
    """The saved profile at ``path`` with what its reader noticed and what a new guide changed, told once."""
    saved = open_profile(content, path)
    if saved is None:
        return None
    show_notices(saved)
    if (change := guide_change(content, saved)) is not None:
        tell_guide_change(content, change)
        usecases.remember_guide_version(content, saved, waiting)
    return saved


def tell_guide_change(content: Content, change: GuideChange) -> None:
    """Say once what a newer version of the guide changed on this checklist."""
    titles = {i.id: i.title for p in content.journey.phases for s in p.steps for i in s.items}
    told = _("[yellow]De gids is bijgewerkt[/yellow] van versie {old} naar {new}. Voor uw checklist betekent dat:")
    tell(told.format(old=change.old_version, new=change.new_version))
    parts = [(_("Nieuw"), change.added), (_("Gewijzigd"), change.changed), (_("Vervallen"), change.removed)]
    for word, ids in parts:
        for item_id in ids:
            tell(f"  {word}: {titles.get(item_id, item_id)} ({item_id})")
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
        tell(f"[yellow]{_(_MIND)}[/yellow] " + told.format(command=_start(literal(profile_flag(profile)))))
    return saved


def show_next_of(content: Content, saved: Profile, profile: str | None) -> None:
    """The next step first: what to do now, progress per phase, and where the full checklist is."""
    from instapgids.presentation.next_steps import summary
    from instapgids.presentation.terminal.console import show, width
    from instapgids.presentation.terminal.next import next_lines

    found = summary(content, usecases.checklist_of(content, saved))
    show(next_lines(found, width(), profile_flag(profile)))


def show_next(content: Content, profile: str | None) -> None:
    """`next`: the first things to do now, each complete, then the progress per phase."""
    show_next_of(content, saved_profile(content, profile), profile)


def org_kind_of(content: Content, profile: str | None) -> str | None:
    """The organisation kind from a saved profile, if there is one (for look-ups)."""
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
    kind = content.role_answer("organisation_kind", saved.answers) if saved is not None else None
    return kind if isinstance(kind, str) else None


def show_checklist(content: Content, profile: str | None, export: str | None, output: str | None, force: bool) -> None:
    """`checklist`: the checklist of a saved profile, on screen or exported."""
    fmt = _check_format(export) if export is not None else None
    saved = saved_profile(content, profile)
    checklist = usecases.checklist_of(content, saved)
    if fmt is None:
        from instapgids.presentation.terminal.checklist import checklist_lines
        from instapgids.presentation.terminal.console import show, width

        show(checklist_lines(content, checklist, width()))
        return
    text = export_as(content, checklist, fmt)
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    target = Path(output).expanduser()
    with hints(profile):
        usecases.write_export(target, text, force)
    tell(_("Checklist geschreven naar {path}").format(path=literal(target)))


def mark(content: Content, profile: str | None, item_ids: list[str], status: str | None, shown: Content) -> None:
    """`done` / `doing` / `undo`: record progress on checklist items in the profile, under its lock;
    the titles confirmed are those of ``shown`` (the content in the language of this run)."""
    from instapgids.presentation.words import STATUS_WORDS

    saved_profile(content, profile)  # says so when there is none, and shows what the profile's reader noticed
    with hints(profile):
        after = usecases.mark_items(content, profile_path(profile), item_ids, status, waiting)
    entries = {e.item.id: e for e in after.items()}
    titles = {i.id: i.title for p in shown.journey.phases for s in p.steps for i in s.items}
    for item_id in item_ids:
        entry = entries[item_id]
        title = titles.get(item_id, entry.item.title)  # Dutch when ``shown`` lacks it
        out().print(f"{literal(item_id)}: [bold]{_(STATUS_WORDS[entry.status])}[/bold] — {literal(title)}")


def show_status(content: Content, profile: str | None) -> None:
    """`status`: progress per phase and what can be started now."""
    from instapgids.presentation.terminal.status import status_view

    checklist = usecases.checklist_of(content, saved_profile(content, profile))
    out().print(status_view(content, checklist, flag=profile_flag(profile)))


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
    write_drafts(content, output, found, force)


def write_drafts(content: Content, folder: Path, found: list[Draft], force: bool) -> None:
    """Write the drafts as one set: afterwards the folder holds exactly the current drafts of instapgids.

    File names follow the mail's place in mails.yaml, so a draft keeps its name when another one no
    longer applies. Drafts that instapgids wrote before and that no longer apply are removed (with
    --force); other files are left alone.
    """
    from instapgids.presentation.mails import draft_file_name, eml, written_draft

    targets: dict[Path, str | bytes] = {folder / draft_file_name(content, d): eml(d) for d in found}
    ours = {p for p in (folder.glob("*.eml") if folder.is_dir() else []) if written_draft(p)}
    try:
        stale = usecases.write_set(targets, ours, force)
    except usecases.TargetsExist as exc:
        raise UserError(f"{exc}\n{_(_DRAFTS_HINT)}") from None
    tell(_("{count} mails geschreven naar {folder}").format(count=len(targets), folder=literal(folder)))
    if stale:
        names = literal(", ".join(p.name for p in stale))
        tell(_("Verwijderd (geldt niet meer): {files}").format(files=names))


def _check_format(export: str) -> str:
    """The export format, or a message in the language of this run (``presentation.exports`` words it in Dutch)."""
    try:
        return check_format(export)
    except UnknownFormat as exc:
        from instapgids.presentation.exports import FORMATS

        message = _("Onbekend exportformaat '{format}'. Kies uit: {choices}.")
        raise UserError(message.format(format=exc.format, choices=", ".join(FORMATS))) from None
