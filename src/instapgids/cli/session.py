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
from instapgids.language import _
from instapgids.presentation.exports import check_format
from instapgids.presentation.exports import export as export_as
from instapgids.presentation.terminal.console import err, literal, out
from instapgids.store import usecases
from instapgids.store.profiles import GuideChange, Profile, ProfileError, guide_change, profile_path

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
        raise UserError(f"{exc}\nBeantwoord eerst de vragen met: instapgids start{flag}") from None
    except usecases.MarksRefused as exc:
        raise UserError("\n".join([*map(_refused_line(flag), exc.refused), _IDS_HINT])) from None
    except usecases.TargetsExist as exc:  # an export (the drafts say it their own way: write_drafts)
        raise UserError(f"'{exc.paths[0]}' bestaat al. Kies een andere naam of overschrijf met --force.") from None
    except ProfileError as exc:
        if exc.hint:
            raise
        raise ProfileError(
            exc.problems,
            "Herstel het bestand, of zet het opzij en begin opnieuw met: "
            f"instapgids start{flag} (het bestand blijft bewaard).",
        ) from None


_IDS_HINT = "De ids staan in uw checklist: instapgids checklist"
_DRAFTS_HINT = "Overschrijf met --force; concepten van instapgids die niet meer gelden, worden dan verwijderd."


def _refused_line(flag: str) -> Callable[[usecases.RefusedMark], str]:
    def line(refused: usecases.RefusedMark) -> str:
        if refused.why == "by_answers":
            return f"'{refused.item_id}' is klaar volgens uw antwoorden; wijzig die met: instapgids start{flag}"
        why = usecases.MarksRefused.WORDS[refused.why]
        hint = f" Bedoelt u: {', '.join(refused.close)}?" if refused.close else ""
        return f"'{refused.item_id}' {why}.{hint}"

    return line


def waiting() -> None:
    err().print("Een ander instapgids-proces gebruikt dit profiel nu; even wachten…")


def show_notices(profile: Profile) -> None:
    for notice in profile.notices:
        err().print(f"[yellow]Let op:[/yellow] {literal(notice)}")
    profile.notices = []


def opened(content: Content, path: Path) -> Profile | None:
    """The saved profile at ``path`` with what its reader noticed and what a new guide changed, told once."""
    saved = usecases.open_profile(content, path)
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
    """The saved profile, told as ``opened`` tells it, with a warning when its interview is not finished."""
    path = profile_path(profile)
    with hints(profile):
        saved = opened(content, path)
        if saved is None:
            raise usecases.NoProfile(path)
    if usecases.is_incomplete(content, saved):
        err().print(
            "[yellow]Let op:[/yellow] het gesprek is nog niet afgerond; de checklist is onvolledig. "
            f"Vul aan met: instapgids start{literal(profile_flag(profile))}"
        )
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
                f"Er is geen profiel '{profile}' ({path}). Beantwoord eerst de vragen met: instapgids start"
            )
        return None
    with hints(profile):
        saved = opened(content, path)
    kind = content.role_answer("organisation_kind", saved.answers) if saved is not None else None
    return kind if isinstance(kind, str) else None


def show_checklist(content: Content, profile: str | None, export: str | None, output: str | None, force: bool) -> None:
    """`checklist`: the checklist of a saved profile, on screen or exported."""
    fmt = check_format(export) if export is not None else None
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
    err().print(_("Checklist geschreven naar {path}").format(path=literal(target)))


def mark(
    content: Content, profile: str | None, item_ids: list[str], status: str | None, shown: Content | None = None
) -> None:
    """`done` / `doing` / `undo`: record progress on checklist items in the profile, under its lock;
    the titles confirmed are those of ``shown`` (the content in the language of this run), if given."""
    from instapgids.presentation.words import STATUS_WORDS

    saved_profile(content, profile)  # says so when there is none, and shows what the profile's reader noticed
    with hints(profile):
        after = usecases.mark_items(content, profile_path(profile), item_ids, status, waiting)
    entries = {e.item.id: e for e in after.items()}
    phases = shown.journey.phases if shown is not None else []
    titles = {i.id: i.title for p in phases for s in p.steps for i in s.items}
    for item_id in item_ids:
        entry = entries[item_id]
        title = titles.get(item_id, entry.item.title)  # Dutch when ``shown`` lacks it
        out().print(f"{literal(item_id)}: [bold]{_(STATUS_WORDS[entry.status])}[/bold] — {literal(title)}")


def show_status(content: Content, profile: str | None) -> None:
    """`status`: progress per phase and what can be started now."""
    from instapgids.presentation.terminal.status import status_view

    out().print(status_view(content, usecases.checklist_of(content, saved_profile(content, profile))))


def show_mails(content: Content, profile: str | None, export: str | None, output: Path | None, force: bool) -> None:
    """`mails`: every mail this customer still has to send, on screen or as .eml files."""
    from instapgids.presentation.mails import drafts

    if export is not None and export.lower() != "eml":
        raise UserError(f"Onbekend exportformaat '{export}'. Voor mails is er: eml.")
    if export is None and output is not None:
        raise UserError("Met -o geeft u een map op voor --export eml.")
    found = drafts(content, usecases.checklist_of(content, saved_profile(content, profile)))
    if export is None:
        from instapgids.presentation.terminal.mails import mails_view

        for part, one_line in mails_view(found):
            out().print(part, soft_wrap=one_line)
        return
    if output is None:
        raise UserError("Geef met -o een map op voor de .eml-bestanden, bv.: instapgids mails --export eml -o mails")
    if output.exists() and not output.is_dir():
        raise UserError(f"'{output}' is een bestand, geen map.")
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
        raise UserError(f"{exc}\n{_DRAFTS_HINT}") from None
    err().print(f"{len(targets)} mails geschreven naar {literal(folder)}")
    if stale:
        err().print(f"Verwijderd (geldt niet meer): {literal(', '.join(p.name for p in stale))}")
