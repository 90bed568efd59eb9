"""Writing YAML that a person also edits: their comments, extra fields and layout stay, byte for byte.

A profile is read by ``yamlsource`` (PyYAML, with the place of every value). Writing it back changes
only what instapgids owns, as a text edit of the file as read:

1. ``ruamel.yaml``'s round-trip mode renders instapgids' sections (``answers``, ``progress``, …) with
   the comments the user wrote inside them. Both sides use YAML 1.1, so that a value like ``no`` or
   ``on`` that is text in the profile is written quoted and read back as text. A file ruamel cannot
   read but PyYAML can (a tab after a value, issue 18 A1) is read by ruamel with its tabs as spaces;
   should it still fail, the sections are rendered anew.
2. In the file as read, the lines of each owned top-level key are replaced by that rendering; every
   other byte stays as the user wrote it: their own fields (``belmoment: 14:30`` stays ``14:30``, not
   ``870``), their comments between and after sections, and the extra fields of a progress entry
   (their lines are taken back from the file as read). Nothing of the user's is re-serialised.
3. The result is read back with PyYAML and compared with what was read and what was meant to be
   written; when anything differs, nothing is written (:class:`WouldLose`), rather than lose it.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Mapping
from typing import Any

from instapgids.language import N_

HEADER = N_(
    "# instapgids: uw antwoorden. U mag dit bestand zelf aanpassen; uw opmerkingen (#) en eigen velden\n"
    "# blijven bewaard. 'instapgids start --answers' leest hetzelfde formaat.\n"
)
_DIRECTIVE = "%YAML 1.1\n---\n"


class WouldLose(Exception):
    """Writing the profile back would change or lose something of the user's; ``what`` names it."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip
    yaml.version = (1, 1)  # as PyYAML reads it
    yaml.width = 100
    yaml.allow_unicode = True
    return yaml


def _dump(document: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(document, stream)
    return stream.getvalue().removeprefix(_DIRECTIVE)


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
    Other top-level keys in ``text`` are the user's and stay as they are. Inside the owned mappings,
    the keys are instapgids' own (answers, progress), except the extra fields of a progress entry
    (a field ``data`` does not give), which stay too; of those, ``entry_fields`` are instapgids' own
    (one the new entry lacks is removed). Raises :class:`WouldLose` instead of losing anything.
    """
    from ruamel.yaml.comments import CommentedMap

    if text is None:
        return header + _dump(_fresh(data))
    document = _load_round_trip(text)
    kept_comments = document is not None
    if document is None:
        document = CommentedMap()
    for key in list(document):
        if key in owned and key not in data:
            del document[key]
    for key, value in data.items():
        old = document.get(key)
        if isinstance(value, Mapping) and isinstance(old, CommentedMap):
            _merge_section(old, value, entry_fields)
        elif key not in document or old != value:
            document[key] = value
    rendered = _dump(document)
    if "\r\n" in text:  # a file saved on Windows keeps its line ends in what instapgids writes too
        rendered = rendered.replace("\n", "\r\n")
    result = _splice(text, rendered, data, owned, kept_comments)
    _check(text, result, data, owned, entry_fields)
    return result


def _fresh(data: Mapping[str, Any]) -> Any:
    from ruamel.yaml.comments import CommentedMap

    document = CommentedMap()
    for key, value in data.items():
        document[key] = value
    return document


def _load_round_trip(text: str) -> Any:
    """The file as ruamel reads it (with its comments), or with its tabs as spaces; None when it cannot."""
    from ruamel.yaml.comments import CommentedMap

    for attempt in (text, text.replace("\t", " ")):
        try:
            with warnings.catch_warnings():  # ruamel's remarks on YAML 1.1 style are not for the user
                warnings.simplefilter("ignore")
                document = _yaml().load(attempt)
        except Exception:  # not readable the round-trip way: try the next, or render anew
            continue
        if isinstance(document, CommentedMap):
            return document
    return None


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


# --------------------------------------------------------------------------- the text edit


class _Entries(dict[Any, tuple[int, int, Any]]):
    """key -> (start, end, value node) of each entry of a block mapping: its lines in the text."""


def _loader() -> Any:
    """PyYAML's safe loader as ``yamlsource`` reads profiles: the C one where there is one (it reads a
    tab before a comment, the pure-Python one does not); the marks of both count characters."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _root(text: str) -> tuple[Any, Any]:
    """The document's node, and the loader to construct its keys with."""
    loader = _loader()(text)
    try:
        return loader.get_single_node(), loader
    finally:
        loader.dispose()


def _entries(text: str, node: Any, loader: Any) -> _Entries | None:
    """The lines of each entry of a block mapping node; None when it is not one laid out line by line."""
    import yaml

    if not isinstance(node, yaml.MappingNode) or node.flow_style:
        return None
    found = _Entries()
    for key_node, value_node in node.value:
        start = text.rfind("\n", 0, key_node.start_mark.index) + 1
        if text[start : key_node.start_mark.index].strip(" "):  # not the first thing on its line
            return None
        try:
            key = loader.construct_object(key_node, deep=True)
            hash(key)
        except Exception:  # a key that is no plain value: never one of ours
            continue
        end = value_node.end_mark.index
        if isinstance(value_node, yaml.CollectionNode) and not value_node.flow_style:
            end = _before_comments(text, start, end)
        if end > 0 and text[end - 1] != "\n":  # the rest of the line: a comment after the value
            newline = text.find("\n", end)
            end = len(text) if newline < 0 else newline + 1
        found[key] = (start, end, value_node)
    return found


def _before_comments(text: str, start: int, end: int) -> int:
    """``end`` moved back over the blank and comment lines that close a block collection: they stand
    before whatever comes next (a field of the user's), not in the collection."""
    while end > start:
        line_start = text.rfind("\n", start, end - 1) + 1
        if line_start <= start:
            break
        line = text[line_start:end].strip()
        if line and not line.startswith("#"):
            break
        end = line_start
    return end


def _replace(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _lines(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def _keep_extra_fields(text: str, rendered: str, data: Mapping[str, Any], owned: set[str]) -> str:
    """``rendered`` with the lines of each extra field of a progress entry (and the like) taken from ``text``."""
    old_root, old_loader = _root(text)
    new_root, new_loader = _root(rendered)
    old, new = _entries(text, old_root, old_loader), _entries(rendered, new_root, new_loader)
    if old is None or new is None:
        return rendered
    edits = []
    for section, given in data.items():
        if section not in owned or not isinstance(given, Mapping) or section not in old or section not in new:
            continue
        old_section = _entries(text, old[section][2], old_loader)
        new_section = _entries(rendered, new[section][2], new_loader)
        for name, fields in given.items():
            if not isinstance(fields, Mapping) or old_section is None or new_section is None:
                continue
            if name not in old_section or name not in new_section:
                continue
            old_fields = _entries(text, old_section[name][2], old_loader)
            new_fields = _entries(rendered, new_section[name][2], new_loader)
            if old_fields is None or new_fields is None:
                continue
            for field, (start, end, _node) in old_fields.items():
                if field not in fields and field in new_fields:
                    new_start, new_end, _ = new_fields[field]
                    edits.append((new_start, new_end, _lines(text[start:end])))
    return _replace(rendered, edits)


def _splice(text: str, rendered: str, data: Mapping[str, Any], owned: set[str], kept_comments: bool) -> str:
    """``text`` with the lines of each owned top-level key replaced by those of ``rendered``."""
    import yaml

    try:
        rendered = _keep_extra_fields(text, rendered, data, owned)
        old_root, old_loader = _root(text)
        new_root, new_loader = _root(rendered)
    except yaml.YAMLError:
        raise WouldLose("(bestand)") from None
    old, new = _entries(text, old_root, old_loader), _entries(rendered, new_root, new_loader)
    if old is None or new is None:  # e.g. a profile written as one {…}: only ruamel's rendering is left
        return rendered
    edits: dict[Any, list[Any]] = {}
    for key, (start, end, _node) in old.items():
        if not (isinstance(key, str) and key in owned):
            continue
        if not kept_comments and "#" in text[start:end]:  # a comment in it that no rendering keeps
            raise WouldLose(key)
        if key in new:
            new_start, new_end, _ = new[key]
            edits[key] = [start, end, _lines(rendered[new_start:new_end])]
        else:
            edits[key] = [start, end, ""]
    added = "".join(_lines(rendered[new[k][0] : new[k][1]]) for k in data if k not in old and k in new)
    if added:  # a new section goes after the last entry, as in the rendering
        last = max((end for _start, end, _node in old.values()), default=len(text))
        edits[None] = [last, last, ("" if text[:last].endswith("\n") or not last else "\n") + added]
    return _replace(text, [(s, e, t) for s, e, t in edits.values()])


# --------------------------------------------------------------------------- the check


def _check(
    text: str, result: str, data: Mapping[str, Any], owned: set[str], entry_fields: set[str] | frozenset[str]
) -> None:
    """Read ``result`` back: the user's fields as in ``text``, instapgids' as in ``data``; else :class:`WouldLose`."""
    import yaml

    from instapgids.content.located import plain

    try:
        before, after = plain(yaml.load(text, Loader=_loader())), plain(yaml.load(result, Loader=_loader()))
    except yaml.YAMLError:
        raise WouldLose("(bestand)") from None
    if not isinstance(before, dict) or not isinstance(after, dict):
        raise WouldLose("(bestand)")
    for key, value in before.items():
        if isinstance(key, str) and key in owned:
            continue
        if key not in after or not _same(value, after[key]):
            raise WouldLose(str(key))
    for key, value in data.items():
        if key not in after or not _same(_with_extra_fields(plain(value), before.get(key), entry_fields), after[key]):
            raise WouldLose(key)
    mine = {k for k in before if not (isinstance(k, str) and k in owned)}
    if set(after) != mine | set(data):
        raise WouldLose(", ".join(sorted(str(k) for k in set(after) ^ (mine | set(data)))))


def _with_extra_fields(section: Any, read: Any, entry_fields: set[str] | frozenset[str]) -> Any:
    """An owned section as it should read back: each entry with the extra fields it had as read (not those
    of ``entry_fields``, which are instapgids' own)."""
    if not isinstance(section, dict) or not isinstance(read, dict):
        return section
    out = {}
    for name, fields in section.items():
        was = read.get(name)
        if isinstance(fields, dict) and isinstance(was, dict):
            fields = {**fields, **{f: v for f, v in was.items() if f not in fields and f not in entry_fields}}
        out[name] = fields
    return out


def _same(expected: Any, found: Any) -> bool:
    """``found`` is ``expected``: NaN is NaN, and True is not 1."""
    if isinstance(expected, dict):
        return (
            isinstance(found, dict)
            and set(found) == set(expected)
            and all(_same(value, found[key]) for key, value in expected.items())
        )
    if isinstance(expected, list):
        return (
            isinstance(found, list)
            and len(found) == len(expected)
            and all(_same(e, f) for e, f in zip(expected, found, strict=True))
        )
    if isinstance(expected, float) and isinstance(found, float) and math.isnan(expected) and math.isnan(found):
        return True
    return type(expected) is type(found) and bool(expected == found)
