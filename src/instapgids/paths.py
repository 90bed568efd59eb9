"""Where things are: the content folder and the user's own profiles."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import UserError

_PACKAGE = Path(__file__).resolve().parent


def data_dir(override: Path | None = None) -> Path:
    """The content folder: ``--data-dir``, else ``INSTAPGIDS_DATA_DIR``, else the shipped content.

    A wheel carries the content as ``instapgids/data``; a source checkout and an
    editable install keep it in the repository's top-level ``data/``.
    """
    chosen = override or (Path(v) if (v := os.environ.get("INSTAPGIDS_DATA_DIR")) else None)
    if chosen is not None:
        if not chosen.is_dir():
            raise UserError(f"De inhoudsmap '{chosen}' bestaat niet of is geen map.")
        return chosen
    for candidate in (_PACKAGE / "data", _PACKAGE.parents[1] / "data"):
        if (candidate / "lots.yaml").is_file():
            return candidate
    raise UserError(
        "De inhoud van instapgids (data/) is niet gevonden. Installeer het pakket opnieuw "
        "of wijs een map aan met INSTAPGIDS_DATA_DIR."
    )


def state_dir() -> Path:
    """Where profiles are kept: ``INSTAPGIDS_HOME``, else the XDG state directory."""
    if home := os.environ.get("INSTAPGIDS_HOME"):
        return Path(home)
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "instapgids"


def cache_dir() -> Path:
    """Where derived files are kept (the validated content): the XDG cache directory."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "instapgids"
