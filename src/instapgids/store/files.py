"""Writing the user's files without ever losing or damaging one.

Every file instapgids writes goes through :func:`write_files`:

- atomically: each file is written to a temporary file in the same folder, flushed to disk and
  renamed over the old one, so that a crash at any moment leaves the old or the new file; a set of
  files (the .eml drafts) is written completely before the first rename;
- through symbolic links: a profile linked into a synced folder stays a link, its target is written;
- keeping the mode, the group (and the POSIX ACL) of a file that exists, as git and editors do; a
  new file follows the umask, or is private (0600) for profiles;
- removing the temporary copies that an interrupted write (kill -9) left beside the file;
- never over something that is not a regular file (a device, a FIFO, a folder), and never over a
  read-only file: both are refused with a message (in the language of the run).

:func:`locked` is the exclusive lock (``filelock``, which also works on Windows and macOS) under which
a profile is read, changed and written, so that two processes never lose each other's changes.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from instapgids.errors import UserError, display_path, note_written, os_reason, write_error
from instapgids.language import _

# How long a process waits quietly for the lock before it says it is waiting, and how long in all.
QUIET_WAIT = 0.5
MAX_WAIT = 60.0
# Windows refuses to replace a file that another program holds open: try again for about a second.
RETRY_REPLACE = os.name == "nt"
REPLACE_RETRIES = (0.05, 0.1, 0.2, 0.3, 0.4)


def target_of(path: Path) -> Path:
    """The file that writing to ``path`` changes: the end of a chain of symbolic links, else ``path``."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def check_writable(path: Path) -> None:
    """Refuse a target that exists and is not a regular file, or that is read-only."""
    target = target_of(path)
    try:
        found = os.stat(target)  # stat, not open: a FIFO is never opened, so never blocks
    except FileNotFoundError:
        return
    except OSError as exc:
        raise write_error(_cannot_write(path, exc), exc) from None
    if not stat.S_ISREG(found.st_mode):
        if stat.S_ISDIR(found.st_mode):
            message = _("'{path}' bestaat al en is een map; instapgids schrijft er niet over.")
        else:
            message = _(
                "'{path}' bestaat al en is geen gewoon bestand (een apparaat, pijp of socket); "
                "instapgids schrijft er niet over."
            )
        raise UserError(message.format(path=display_path(path)))
    if not found.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        if sys.platform == "win32":  # the way the Explorer offers
            told = _(
                "'{path}' is alleen-lezen; instapgids wijzigt het niet.\n"
                "Maak het schrijfbaar (rechtsklik, Eigenschappen, vink 'Alleen-lezen' uit) of kies een andere naam."
            )
        else:
            told = _(
                "'{path}' is alleen-lezen; instapgids wijzigt het niet.\n"
                "Maak het schrijfbaar (bv. chmod u+w) of kies een andere naam."
            )
        raise UserError(told.format(path=display_path(path)))


def regular_bytes(path: Path, limit: int) -> bytes | None:
    """At most ``limit`` bytes of ``path`` when it is a regular file (a link is not followed); None otherwise.

    Checked with lstat before opening, opened without blocking and checked again: a FIFO or a device
    is never read, and never hangs the reader. OSError when it cannot be read.
    """
    if not stat.S_ISREG(os.lstat(path).st_mode):
        return None
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        return handle.read(limit) if stat.S_ISREG(os.fstat(fd).st_mode) else None


def _cannot_write(path: Path, exc: OSError) -> str:
    return _("Kan '{path}' niet schrijven: {reason}.").format(path=display_path(path), reason=_(os_reason(exc)))


def _cannot_make(folder: Path, exc: OSError) -> str:
    return _("Kan de map '{folder}' niet maken: {reason}.").format(
        folder=display_path(folder), reason=_(os_reason(exc))
    )


def _cannot_lock(path: Path, lock_file: str, exc: OSError) -> str:
    """Why the lock beside ``path`` cannot be taken; a lock file left by someone else, named with the way out."""
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM) and os.path.isfile(lock_file):
        return _(
            "Kan '{path}' niet vergrendelen: het slotbestand {lock} is van iemand anders en u mag er niet in "
            "schrijven.\nWerkt er niemand anders met instapgids aan dit profiel, verwijder dan het slotbestand "
            "(of vraag de eigenaar het te doen) en probeer opnieuw; er is niets gewijzigd."
        ).format(path=display_path(path), lock=display_path(Path(lock_file)))
    return _("Kan '{path}' niet vergrendelen: {reason}.").format(path=display_path(path), reason=_(os_reason(exc)))


def _new_mode(private: bool) -> int:
    if private:
        return 0o600
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _prepare(path: Path, data: bytes, private: bool, under_lock: bool = False) -> tuple[Path, str]:
    """Write ``data`` to a temporary file beside the target of ``path``; returns (target, temporary)."""
    target = target_of(path)
    check_writable(path)
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    mode = stat.S_IMODE(existing.st_mode) if existing else _new_mode(private)
    import tempfile  # only when writing (~5 ms)

    _clean_leftovers(target, any_age=under_lock)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise write_error(
            _("Kan niet schrijven in '{folder}': {reason}.").format(
                folder=display_path(target.parent), reason=_(os_reason(exc))
            ),
            exc,
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if existing is not None:
                _keep_owner(handle.fileno(), existing)  # before the mode: a change of owner may clear bits
            _set_mode(handle.fileno(), tmp, mode)
            if existing is not None:
                _keep_acl(target, tmp)
            os.fsync(handle.fileno())
    except OSError as exc:
        _remove(tmp)
        raise write_error(_cannot_write(path, exc), exc) from None
    return target, tmp


def _keep_owner(fd: int, existing: os.stat_result) -> None:
    """Give the new file the group (and, for root, the owner) of the file it replaces, as git and editors
    do: a profile shared through its group stays readable by the group. Where the system has no owners
    (Windows) or does not allow it (a group the user is not in), the new file keeps its own."""
    if not hasattr(os, "fchown") or not hasattr(os, "geteuid"):
        return
    owner = existing.st_uid if existing.st_uid != os.geteuid() else -1  # only root may give a file away
    for uid, gid in ((owner, existing.st_gid), (-1, existing.st_gid)):
        try:
            os.fchown(fd, uid, gid)
            return
        except OSError:
            continue


def _set_mode(fd: int, tmp: str, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows before Python 3.13: only the read-only bit means anything
        with contextlib.suppress(OSError, NotImplementedError):
            os.chmod(tmp, mode)


_ACL = "system.posix_acl_access"


def _keep_acl(source: Path, tmp: str) -> None:
    """Copy the POSIX access ACL of the replaced file, where there is one (best effort; Linux only)."""
    if not hasattr(os, "getxattr"):
        return
    with contextlib.suppress(OSError):
        os.setxattr(tmp, _ACL, os.getxattr(source, _ACL))


# tempfile.mkstemp's names: ".NAME." + 8 of these + ".tmp"
_TEMP_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
LEFTOVER_AGE = 600.0  # seconds: no write of ours takes this long, so an older temporary file was left behind


def _clean_leftovers(target: Path, *, any_age: bool) -> None:
    """Remove the temporary files an interrupted write of ``target`` left beside it (kill -9, a power cut).

    Each is a full copy of the file (a profile's answers). Only names that :func:`_prepare` gives, only
    regular files of this user; under the profile's lock any of them (no other write can be under way),
    otherwise only those older than :data:`LEFTOVER_AGE` (another export may be writing right now).
    """
    import time

    prefix = f".{target.name}."
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(".tmp") and len(name) == len(prefix) + 12):
                continue
            if not set(name[len(prefix) : -4]) <= _TEMP_CHARS:
                continue
            found = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(found.st_mode) or (hasattr(os, "geteuid") and found.st_uid != os.geteuid()):
                continue
            if any_age or now - found.st_mtime > LEFTOVER_AGE:
                _remove(entry.path)


def _remove(path: str | Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _sync_folder(folder: Path) -> None:
    """Make the renames durable (best effort: not every system can open a folder)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _make_folders(folders: set[Path]) -> None:
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_error(_cannot_make(folder, exc), exc) from None


def _prepare_all(files: dict[Path, str | bytes], private: bool, under_lock: bool) -> list[tuple[Path, Path, str]]:
    """Each file written aside, as (path, target, temporary file); none left behind when one fails."""
    prepared: list[tuple[Path, Path, str]] = []
    try:
        for path, text in files.items():
            data = text.encode("utf-8") if isinstance(text, str) else text
            target, tmp = _prepare(path, data, private, under_lock)
            prepared.append((path, target, tmp))
    except BaseException:
        for _, _, tmp in prepared:
            _remove(tmp)
        raise
    return prepared


def write_files(
    files: dict[Path, str | bytes],
    *,
    private: bool = False,
    make_folder: bool = False,
    remove: tuple[Path, ...] = (),
    under_lock: bool = False,
) -> None:
    """Write every file of ``files`` or none: all are written aside first, then renamed into place.

    ``private`` gives new files mode 0600 (profiles); ``make_folder`` creates missing folders (the
    profile folder; an export to a folder that does not exist is refused instead, so that a
    mistyped path is noticed). ``remove`` lists files to delete once the new ones are in place.
    ``under_lock``: the caller holds the file's lock (:func:`locked`), so every temporary file left
    beside it by an interrupted write is removed, not only old ones.
    """
    if make_folder:
        _make_folders({target_of(p).parent for p in files})
    prepared = _prepare_all(files, private, under_lock)
    for index, (path, target, tmp) in enumerate(prepared):
        try:
            _replace(tmp, target)
        except OSError as exc:
            for _, _, left in prepared[index:]:
                _remove(left)
            raise write_error(_cannot_write(path, exc), exc) from None
        note_written(path)
    for old in remove:
        _remove(old)
    for folder in {target.parent for _, target, _ in prepared}:
        _sync_folder(folder)


def _replace(tmp: str, target: Path) -> None:
    """``os.replace``; on Windows tried again for a moment while another program (a virus scanner,
    OneDrive, a preview) holds the old file open, which Windows refuses with a PermissionError."""
    for wait in REPLACE_RETRIES if RETRY_REPLACE else ():
        try:
            os.replace(tmp, target)
            return
        except PermissionError:
            import time

            time.sleep(wait)
    os.replace(tmp, target)


def write_file(
    path: Path, text: str | bytes, *, private: bool = False, make_folder: bool = False, under_lock: bool = False
) -> None:
    """Write one file atomically (see :func:`write_files`)."""
    write_files({path: text}, private=private, make_folder=make_folder, under_lock=under_lock)


@contextlib.contextmanager
def locked(path: Path, on_wait: Callable[[], None]) -> Iterator[None]:
    """Hold the exclusive lock of the file ``path`` (``.NAME.lock`` beside its target).

    ``on_wait`` is called once when another process holds the lock for more than a moment, so that
    the user knows why nothing happens; after :data:`MAX_WAIT` seconds an error is raised.
    """
    from filelock import FileLock, Timeout

    target = target_of(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(_cannot_make(target.parent, exc), exc) from None
    lock = FileLock(target.parent / f".{target.name}.lock")
    try:
        try:
            lock.acquire(timeout=QUIET_WAIT)
        except Timeout:
            on_wait()
            lock.acquire(timeout=MAX_WAIT)
    except Timeout:
        raise UserError(
            _(
                "'{path}' is nog in gebruik door een ander instapgids-proces.\n"
                "Sluit dat af of probeer het straks opnieuw; er is niets gewijzigd."
            ).format(path=display_path(path))
        ) from None
    except OSError as exc:
        raise write_error(_cannot_lock(path, lock.lock_file, exc), exc) from None
    try:
        yield
    finally:
        lock.release()
