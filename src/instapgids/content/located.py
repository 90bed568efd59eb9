"""Loaded YAML that remembers where every value stands, without PyYAML itself.

:class:`LocatedDict` and :class:`LocatedList` are what ``yamlsource`` builds; they, and the functions
that follow a path into them, live here so that code that only reads loaded data needs no PyYAML.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from instapgids.language import N_, _

Position = tuple[int, int]  # 1-based line and column
WHOLE_FILE = N_("(bestand)")  # the field of a problem of the whole file (not of one of its fields)


class YamlProblem(Exception):
    """A file that is not valid YAML (or has a duplicate key) at a position."""

    def __init__(self, message: str, position: Position) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


class LocatedDict(dict[Any, Any]):
    start: Position = (1, 1)

    def __init__(self) -> None:
        super().__init__()
        self.value_pos: dict[Any, Position] = {}
        self.key_pos: dict[Any, Position] = {}


class LocatedList(list[Any]):
    start: Position = (1, 1)

    def __init__(self) -> None:
        super().__init__()
        self.value_pos: list[Position] = []


def plain(value: Any) -> Any:
    """Loaded data as ordinary dicts and lists (for writing it back out)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def locate(data: Any, path: Sequence[str | int], key: bool = False) -> tuple[Position, list[str | int]]:
    """Follow ``path`` into loaded data as far as it goes.

    Returns the position of the deepest value reached (or of its key, with
    ``key=True`` when the whole path resolves) and the part of the path that
    did resolve. Elements that do not exist are skipped (pydantic's union
    labels), except a last one that names a key of the mapping reached: a
    missing or an unknown field.
    """
    position: Position = getattr(data, "start", (1, 1))
    resolved: list[str | int] = []
    current = data
    for index, element in enumerate(path):
        last = index == len(path) - 1
        if isinstance(current, LocatedDict) and not isinstance(element, int) and element in current:
            position = current.key_pos[element] if (key and last) else current.value_pos[element]
            current = current[element]
            resolved.append(element)
        elif isinstance(current, LocatedList) and isinstance(element, int) and 0 <= element < len(current):
            position = current.value_pos[element]
            current = current[element]
            resolved.append(element)
        elif last and isinstance(current, LocatedDict) and not isinstance(element, int):
            resolved.append(element)  # a missing or unknown key of this mapping
    return position, resolved


def format_path(path: Sequence[str | int]) -> str:
    out = ""
    for element in path:
        out += f"[{element}]" if isinstance(element, int) else (f".{element}" if out else str(element))
    return out or _(WHOLE_FILE)
