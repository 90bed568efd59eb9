"""A pickled copy of the last validated content, so that reading it needs neither YAML nor pydantic.

The key is made of the size, modification and change times and inode of
every content file and of every module of the content layer (any of them may
shape what the content becomes: models, loader, cross-checks), the folder and the
package version, much as Python does for its .pyc files:
any change simply misses the cache and validates again (the change time
cannot be set back, so `cp -p` or `touch -r` does not fool it), and a hit
reads no content file at all. The cache is an
optimisation only: a file that cannot be read or written is ignored.
A pickle can run code, so a cache file is unpickled only when this user owns
it and its folder, and neither is writable by anyone else.

Nothing of a profile is kept here (issue 18, L1): a profile is parsed anew on every read. The
per-profile parse cache of earlier versions (``profiel-*.pickle``, the full text of every profile ever
read) saved ~15 ms per command; its files are removed when this cache is next written.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import pickle
import stat
import zlib
from pathlib import Path

from instapgids import __version__
from instapgids.content.bundle import Content
from instapgids.paths import cache_dir

_PACKAGE = Path(__file__).parent


def _stamp(path: Path) -> str:
    found = path.stat()
    return f"{path.name}:{found.st_size}:{found.st_mtime_ns}:{found.st_ctime_ns}:{found.st_ino}"


def key(directory: Path, names: list[str]) -> str | None:
    """The cache key for this content folder, or None when a file cannot be found."""
    folder = str(directory.resolve())
    try:
        return "|".join([_code(), folder, *(_stamp(directory / name) for name in names)])
    except OSError:
        return None


def _file(directory: Path, language: str = "nl") -> Path:
    """One cache file per content folder and language, so that trying an edited copy does not evict the
    shipped content, nor English the Dutch."""
    tag = zlib.crc32(str(directory.resolve()).encode())
    return cache_dir() / f"inhoud-{tag:08x}{'' if language == 'nl' else '-' + language}.pickle"


def _trusted(path: Path) -> bool:
    """Owned by this user, like its folder, and writable by no one else (POSIX; elsewhere the
    cache folder is private to the user anyway)."""
    if not hasattr(os, "getuid"):
        return True
    for checked in (path.parent, path):
        found = checked.lstat()
        if stat.S_ISLNK(found.st_mode) or found.st_uid != os.getuid() or found.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return False
    return True


def read(directory: Path, wanted: str, language: str = "nl") -> Content | None:
    path = _file(directory, language)
    try:
        if not _trusted(path):
            return None
        with path.open("rb") as handle:
            found, content = pickle.load(handle)
    except Exception:  # missing, unreadable or from another version: just validate again
        return None
    return content if found == wanted and isinstance(content, Content) else None


def write(directory: Path, current: str, content: Content, language: str = "nl") -> None:
    _store(_file(directory, language), (current, dataclasses.replace(content, raw={})))
    _forget_profiles()


def _forget_profiles() -> None:
    """Remove the copies of profiles that older versions kept here (``profiel-*.pickle``).

    A new version always writes the content cache once (the version is in its key), so this runs then.
    """
    with contextlib.suppress(OSError):
        for old in cache_dir().glob("profiel-*.pickle"):
            with contextlib.suppress(OSError):
                old.unlink()


def _store(target: Path, value: object) -> None:
    """Pickle ``value`` to ``target`` in one step (a temporary file, then a rename); failures are ignored."""
    import tempfile  # only when writing (~5 ms)

    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(target.parent, 0o700)  # only then will read() trust what is in it
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".inhoud.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except Exception:
        with contextlib.suppress(Exception):
            os.unlink(tmp)


def _code() -> str:
    """The version and the content modules (the YAML parser among them): in every cache key."""
    return "|".join([__version__, *(_stamp(path) for path in sorted(_PACKAGE.glob("*.py")))])
