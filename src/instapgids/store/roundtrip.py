"""Writing YAML that a person also edits: their comments, extra fields and layout stay.

A profile is read by ``yamlsource`` (PyYAML, with the place of every value) and written back here
with ``ruamel.yaml``'s round-trip mode, which keeps comments, key order and quoting of whatever
instapgids does not change. Both sides use YAML 1.1, so that a value like ``no`` or ``on`` that is
text in the profile is written quoted and read back as text.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Mapping
from typing import Any

from instapgids.language import N_

HEADER = N_(
    "# instapgids: uw antwoorden. U mag dit bestand zelf aanpassen; uw opmerkingen (#) en eigen velden\n"
    "# blijven bewaard. 'instapgids start --answers' leest hetzelfde formaat.\n"
)
_DIRECTIVE = "%YAML 1.1\n---\n"


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip
    yaml.version = (1, 1)  # as PyYAML reads it
    yaml.width = 100
    yaml.allow_unicode = True
    return yaml


def round_trip(
    text: str | None,
    data: Mapping[str, Any],
    *,
    owned: set[str],
    header: str,
    entry_fields: set[str] | frozenset[str] = frozenset(),
) -> str:
    """``data`` as YAML; where ``text`` (the file as read) is given, written into it.

    ``owned`` are the top-level keys that belong to instapgids: one that ``data`` lacks is removed.
    Other top-level keys in ``text`` are the user's and stay. Inside the owned mappings, the keys
    are instapgids' own (answers, progress), except the extra fields of a progress entry: of those,
    ``entry_fields`` are instapgids' own too (one the new entry lacks is removed).
    """
    from ruamel.yaml.comments import CommentedMap

    yaml = _yaml()
    document = None
    if text is not None:
        try:
            with warnings.catch_warnings():  # ruamel's remarks on YAML 1.1 style are not for the user
                warnings.simplefilter("ignore")
                document = yaml.load(text)
        except Exception:  # not readable the round-trip way: write it anew (it was validated before)
            document = None
    if not isinstance(document, CommentedMap):
        document, text = CommentedMap(), None
    for key in list(document):
        if key in owned and key not in data:
            del document[key]
    for key, value in data.items():
        old = document.get(key)
        if isinstance(value, Mapping) and isinstance(old, CommentedMap):
            _merge_section(old, value, entry_fields)
        elif key not in document or old != value:
            document[key] = value
    stream = io.StringIO()
    yaml.dump(document, stream)
    body = stream.getvalue().removeprefix(_DIRECTIVE)
    return body if text is not None else header + body


def _merge_section(into: Any, new: Mapping[str, Any], entry_fields: set[str] | frozenset[str]) -> None:
    """An owned section (answers, progress): its keys are instapgids'; a progress entry's extra fields stay."""
    from ruamel.yaml.comments import CommentedMap

    for key in list(into):
        if key not in new:
            del into[key]
    for key, value in new.items():
        old = into.get(key)
        if isinstance(value, Mapping) and isinstance(old, CommentedMap):
            for field in [f for f in old if f in entry_fields and f not in value]:
                del old[field]
            for field, field_value in value.items():
                if old.get(field) != field_value:
                    old[field] = field_value
        elif key not in into or old != value:
            into[key] = value
