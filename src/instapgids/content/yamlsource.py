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
from instapgids.language import N_, _

try:
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


def _pos(node: yaml.Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


# What PyYAML's constructors raise for a value its tag cannot hold (``2026-02-30``, ``!!int abc``,
# ``!!map [a]``): not a YAMLError, so it is turned into a problem at the value's place here.
_VALUE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, OverflowError, IndexError)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except _VALUE_ERRORS as exc:
            raise _unfit(node) from exc


def _unfit(node: yaml.Node) -> YamlProblem:
    """A value that does not fit its tag (explicit, or the one YAML gave it, as a date), at its place."""
    tag = str(node.tag)
    short = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
    if isinstance(node, yaml.ScalarNode):
        value = str(node.value)
        value = value if len(value) <= 40 else value[:40] + "…"
        if short == "!!timestamp":
            return YamlProblem(_("'{value}' is geen bestaande datum of tijd").format(value=value), _pos(node))
        told = _("'{value}' past niet bij de YAML-tag {tag}").format(value=value, tag=short)
    elif isinstance(node, yaml.SequenceNode):
        told = _("een lijst past niet bij de YAML-tag {tag}").format(tag=short)
    else:
        told = _("een mapping past niet bij de YAML-tag {tag}").format(tag=short)
    return YamlProblem(told, _pos(node))


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
            raise YamlProblem(_("een sleutel moet een eenvoudige waarde zijn"), _pos(key_node)) from None
        if key in data:
            first = data.key_pos[key]
            twice = _("sleutel '{key}' staat twee keer in dezelfde mapping (eerst op regel {line})")
            raise YamlProblem(twice.format(key=key, line=first[0]), _pos(key_node))
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

# PyYAML's problems (the C parser's wording and the pure-Python one's), in Dutch (translated where
# shown, with a brace written "{{" as in every message); matched on the start of the message.
_SYNTAX_DUTCH = [
    (
        "mapping values are not allowed",
        N_("een dubbelpunt staat hier niet op zijn plaats (zet tekst met ': ' tussen aanhalingstekens)"),
    ),
    ("could not find expected ':'", N_("er ontbreekt een ':'")),
    ("found character '\\t'", N_("een tab is niet toegestaan; spring in met spaties")),
    ("found a tab character", N_("een tab is niet toegestaan; spring in met spaties")),
    ("found character that cannot start any token", N_("een teken dat hier niet mag (een tab? spring in met spaties)")),
    ("did not find expected ',' or ']'", N_("een lijst tussen [ ] is niet gesloten of mist een komma")),
    ("did not find expected ',' or '}'", N_("een mapping tussen {{ }} is niet gesloten of mist een komma")),
    ("expected ',' or ']'", N_("een lijst tussen [ ] is niet gesloten of mist een komma")),
    ("expected ',' or '}'", N_("een mapping tussen {{ }} is niet gesloten of mist een komma")),
    ("did not find expected node content", N_("hier ontbreekt een waarde (een lijst [ of mapping {{ niet gesloten?)")),
    ("expected the node content", N_("hier ontbreekt een waarde (een lijst [ of mapping {{ niet gesloten?)")),
    ("found unexpected end of stream", N_("het bestand eindigt onverwacht (een aanhalingsteken niet gesloten?)")),
    ("did not find expected '-' indicator", N_("een lijstelement '-' ontbreekt of de inspringing klopt niet")),
    ("expected <block end>", N_("de inspringing klopt niet")),
    ("did not find expected key", N_("de inspringing klopt niet of er ontbreekt een sleutel")),
    ("found undefined alias", N_("een verwijzing (*naam) naar een anker dat niet bestaat")),
    ("could not determine a constructor", N_("een YAML-tag (!!…) die hier niet toegelaten is")),
    ("found unknown escape character", N_("een onbekende escape (\\…) tussen dubbele aanhalingstekens")),
    ("found duplicate anchor", N_("een anker (&naam) dat twee keer voorkomt")),
    ("exceeded maximum nesting depth", N_("te diep genest")),
]


def _explained(problem: str) -> str:
    """PyYAML's ``problem`` in the words of :data:`_SYNTAX_DUTCH`, in the language of the run."""
    for english, dutch in _SYNTAX_DUTCH:
        if problem.startswith(english):
            return _(dutch).format()  # "{{" in the table: a brace
    return _("ongeldige opbouw op deze plaats")


def _problem(text: str, exc: yaml.YAMLError) -> YamlProblem:
    """PyYAML's error as a problem at its place, in the language of the run."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        position = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return YamlProblem(_("ongeldige YAML: {problem}").format(problem=_explained(exc.problem or "")), position)
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow (NUL, ESC, …)
        # Its first occurrence is the one refused (the reader goes from the start); exc.position counts bytes.
        before = text[: max(text.find(chr(exc.character)), 0)]
        position = (before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1)
        code = f"U+{exc.character:04X}"
        return YamlProblem(_("ongeldige YAML: een teken dat in YAML niet mag ({code})").format(code=code), position)
    return YamlProblem(_("ongeldige YAML"), (1, 1))


def load(text: str) -> Any:
    """Parse one YAML document; raises :class:`YamlProblem` with a message in the language of the run."""
    loader = _Loader(text)  # derives from the safe loader
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        raise _problem(text, exc) from None
    except _VALUE_ERRORS:  # the whole document does not fit its tag (``!!map [a]``): no node is at hand
        raise YamlProblem(_("ongeldige opbouw op deze plaats"), (1, 1)) from None
    finally:
        loader.dispose()


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
                alias = _("een verwijzing (*{anchor}) is in dit bestand niet toegestaan; schrijf de waarde voluit")
                raise YamlProblem(alias.format(anchor=event.anchor), at(event))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlProblem(_("te diep genest (meer dan {n} lagen)").format(n=MAX_DEPTH), at(event))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        raise _problem(text, exc) from None
    return load(text)
