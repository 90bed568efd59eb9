"""Where things are: the content folder and the user's own profiles."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from instapgids.errors import UserError, display_path, os_reason
from instapgids.language import _

_PACKAGE = Path(__file__).resolve().parent


def data_dir(override: Path | None = None) -> Path:
    """The content folder: ``--data-dir``, else ``INSTAPGIDS_DATA_DIR``, else the shipped content.

    A wheel carries the content as ``instapgids/data``; a source checkout and an
    editable install keep it in the repository's top-level ``data/``.
    """
    chosen = override or (Path(v) if (v := os.environ.get("INSTAPGIDS_DATA_DIR")) else None)
    if chosen is not None:
        if not chosen.is_dir():
            raise UserError(_("De inhoudsmap '{folder}' bestaat niet of is geen map.").format(folder=chosen))
        return chosen
    for candidate in (_PACKAGE / "data", _PACKAGE.parents[1] / "data"):
        if (candidate / "lots.yaml").is_file():
            return candidate
    raise UserError(
        _(
            "De inhoud van instapgids (data/) is niet gevonden. Installeer het pakket opnieuw "
            "of wijs een map aan met INSTAPGIDS_DATA_DIR."
        )
    )


def state_dir() -> Path:
    """Where profiles are kept: ``INSTAPGIDS_HOME``, else the user's state folder as the system
    names it (``platformdirs``): on Linux ``$XDG_STATE_HOME/instapgids`` or
    ``~/.local/state/instapgids``, on macOS ``~/Library/Application Support/instapgids``, on
    Windows ``%LOCALAPPDATA%\\instapgids``."""
    if home := os.environ.get("INSTAPGIDS_HOME"):
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_state_dir("instapgids", appauthor=False))


def named_profile(name: str) -> Path:
    """The profile called ``name``: one file however the name's accents were typed ("café" in NFC or NFD), the
    NFC form, unless only a file under the name as typed exists (saved before names were normalised)."""
    import unicodedata

    folder = state_dir() / "profielen"
    normal, typed = folder / f"{unicodedata.normalize('NFC', name)}.yaml", folder / f"{name}.yaml"
    try:
        return typed if typed != normal and not normal.exists() and typed.exists() else normal
    except OSError:
        return normal


def profile_exists(path: Path) -> bool:
    """Whether there is a profile at ``path``; a :class:`UserError` when it cannot be reached (a symlink loop, a
    file where a folder should be): that is not "no profile yet", and `start` would fail on it just the same."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        told = _("Kan het profiel '{path}' niet openen: {reason}.").format(
            path=display_path(path), reason=_(os_reason(exc, reading=True))
        )
        home = os.environ.get("INSTAPGIDS_HOME")
        if home and os.path.exists(home) and not os.path.isdir(home):
            told += "\n" + _("INSTAPGIDS_HOME ({home}) is geen map; laat die variabele naar een map wijzen.").format(
                home=home
            )
        raise UserError(told) from None
    return True


def cache_dir() -> Path:
    """Where derived files are kept (the validated content): the user's cache folder
    (``~/.cache/instapgids`` on Linux, as the system names it elsewhere)."""
    if sys.platform.startswith("linux"):  # platformdirs' own answer, without importing it (~10 ms of each run)
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        return Path(xdg if xdg.strip() else os.path.expanduser("~/.cache")) / "instapgids"
    import platformdirs

    return Path(platformdirs.user_cache_dir("instapgids", appauthor=False))
