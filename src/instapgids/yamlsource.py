"""Safe YAML loading that remembers where every value stands.

Mappings load as :class:`LocatedDict` and sequences as :class:`LocatedList`;
both know the (line, column) of their own start and of each value, so that a
problem found later (by pydantic or by a cross-check) can be reported as
``file:line:column``. A key that appears twice in one mapping is an error,
never silently merged. Only the safe constructors are used (the C parser when
PyYAML has it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import yaml

try:
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader

Position = tuple[int, int]  # 1-based line and column


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


def _pos(node: yaml.Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    pass


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> Iterator[LocatedDict]:
    data = LocatedDict()
    data.start = _pos(node)
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise YamlProblem("een sleutel moet een eenvoudige waarde zijn", _pos(key_node)) from None
        if key in data:
            first = data.key_pos[key]
            raise YamlProblem(
                f"sleutel '{key}' staat twee keer in dezelfde mapping (eerst op regel {first[0]})",
                _pos(key_node),
            )
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_pos[key] = _pos(key_node)
        data.value_pos[key] = _pos(value_node)


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> Iterator[LocatedList]:
    data = LocatedList()
    data.start = _pos(node)
    yield data
    for child in node.value:
        data.append(loader.construct_object(child, deep=True))
        data.value_pos.append(_pos(child))


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)

_SYNTAX_DUTCH = {
    "mapping values are not allowed here": "een dubbelpunt staat hier niet op zijn plaats",
    "could not find expected ':'": "er ontbreekt een ':'",
    "found character '\\t' that cannot start any token": "een tab is niet toegestaan, gebruik spaties",
    "expected <block end>, but found '-'": "een lijstelement '-' staat niet goed ingesprongen",
    "did not find expected key": "een sleutel ontbreekt of de inspringing klopt niet",
    "found unexpected end of stream": "het bestand eindigt onverwacht (aanhalingsteken niet gesloten?)",
    "did not find expected '-' indicator": "een lijstelement '-' ontbreekt of de inspringing klopt niet",
}


def load(text: str) -> Any:
    """Parse one YAML document; raises :class:`YamlProblem` with a Dutch message."""
    try:
        return yaml.load(text, Loader=_Loader)  # _Loader derives from the safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "onbekende fout"
        dutch = _SYNTAX_DUTCH.get(problem, problem)
        raise YamlProblem(f"ongeldige YAML: {dutch}", position) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"ongeldige YAML: {exc}", (1, 1)) from None


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
    return out or "(bestand)"
