"""Safe YAML loading that remembers where every value stands.

Mappings load as :class:`LocatedDict` and sequences as :class:`LocatedList`;
both know the (line, column) of their own start and of each value, so that a
problem found later (by pydantic or by a cross-check) can be reported as
``file:line:column``. A key that appears twice in one mapping is an error,
never silently merged. Only the safe constructors are used (the C parser when
PyYAML has it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from instapgids.content.located import LocatedDict, LocatedList, Position, YamlProblem

try:
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


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

# PyYAML's problems (the C parser's wording and the pure-Python one's), in Dutch;
# matched on the start of the message.
_SYNTAX_DUTCH = [
    (
        "mapping values are not allowed",
        "een dubbelpunt staat hier niet op zijn plaats (zet tekst met ': ' tussen aanhalingstekens)",
    ),
    ("could not find expected ':'", "er ontbreekt een ':'"),
    ("found character '\\t'", "een tab is niet toegestaan; spring in met spaties"),
    ("found a tab character", "een tab is niet toegestaan; spring in met spaties"),
    ("found character that cannot start any token", "een teken dat hier niet mag (een tab? spring in met spaties)"),
    ("did not find expected ',' or ']'", "een lijst tussen [ ] is niet gesloten of mist een komma"),
    ("did not find expected ',' or '}'", "een mapping tussen { } is niet gesloten of mist een komma"),
    ("expected ',' or ']'", "een lijst tussen [ ] is niet gesloten of mist een komma"),
    ("expected ',' or '}'", "een mapping tussen { } is niet gesloten of mist een komma"),
    ("did not find expected node content", "hier ontbreekt een waarde (een lijst [ of mapping { niet gesloten?)"),
    ("expected the node content", "hier ontbreekt een waarde (een lijst [ of mapping { niet gesloten?)"),
    ("found unexpected end of stream", "het bestand eindigt onverwacht (een aanhalingsteken niet gesloten?)"),
    ("did not find expected '-' indicator", "een lijstelement '-' ontbreekt of de inspringing klopt niet"),
    ("expected <block end>", "de inspringing klopt niet"),
    ("did not find expected key", "de inspringing klopt niet of er ontbreekt een sleutel"),
    ("found undefined alias", "een verwijzing (*naam) naar een anker dat niet bestaat"),
    ("could not determine a constructor", "een YAML-tag (!!…) die hier niet toegelaten is"),
    ("found unknown escape character", "een onbekende escape (\\…) tussen dubbele aanhalingstekens"),
    ("found duplicate anchor", "een anker (&naam) dat twee keer voorkomt"),
    ("exceeded maximum nesting depth", "te diep genest"),
]


def _dutch(problem: str) -> str:
    for english, dutch in _SYNTAX_DUTCH:
        if problem.startswith(english):
            return dutch
    return "ongeldige opbouw op deze plaats"


def _problem(text: str, exc: yaml.YAMLError) -> YamlProblem:
    """PyYAML's error as a Dutch problem at its place."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        position = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return YamlProblem(f"ongeldige YAML: {_dutch(exc.problem or '')}", position)
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow (NUL, ESC, …)
        # Its first occurrence is the one refused (the reader goes from the start); exc.position counts bytes.
        before = text[: max(text.find(chr(exc.character)), 0)]
        position = (before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1)
        return YamlProblem(f"ongeldige YAML: een teken dat in YAML niet mag (U+{exc.character:04X})", position)
    return YamlProblem("ongeldige YAML", (1, 1))


def load(text: str) -> Any:
    """Parse one YAML document; raises :class:`YamlProblem` with a Dutch message."""
    try:
        return yaml.load(text, Loader=_Loader)  # _Loader derives from the safe loader
    except yaml.YAMLError as exc:
        raise _problem(text, exc) from None


MAX_DEPTH = 20  # an answers file or profile nests three deep


def load_user(text: str) -> Any:
    """Parse a user's own file (answers file, profile), refusing what it never needs.

    An alias (``*name``) can make a few hundred bytes expand to gigabytes (an
    "alias bomb"), and deep nesting exhausts the stack; both are refused at
    their place before anything is built, by one pass over the parser's events
    (the C parser: cheap). Content files may keep their anchors and aliases.
    """

    def at(event: yaml.Event) -> Position:
        mark = event.start_mark
        return (mark.line + 1, mark.column + 1) if mark else (1, 1)

    depth = 0
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.AliasEvent):
                raise YamlProblem(
                    f"een verwijzing (*{event.anchor}) is in dit bestand niet toegestaan; schrijf de waarde voluit",
                    at(event),
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlProblem(
                        f"te diep genest (meer dan {MAX_DEPTH} lagen)",
                        at(event),
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        raise _problem(text, exc) from None
    return load(text)
