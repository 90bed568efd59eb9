"""The language of this run, chosen in one place: ``--lang``, else ``INSTAPGIDS_LANG``, else the locale, else Dutch.

Dutch (``nl``) is the default and the source of truth; English (``en``) is for colleagues who do not read
Dutch. :func:`choose` decides; the command line stores its choice with :func:`use` before click parses
anything (so that a catalog for click's own messages can follow it), and the rest of the program reads it
with :func:`current`. Only the standard library: choosing costs microseconds.

``--lang`` may stand anywhere before ``--`` (``instapgids lots show 5 --lang en``): :func:`pull_option`
moves it to the front, where the root command declares it.

The program's own messages are marked with :func:`_` (``from instapgids.language import _``), Dutch
as the message ids (Dutch is the source): in Dutch ``_`` gives its argument back, in English the
translation from the gettext catalog ``locale/en/LC_MESSAGES/instapgids.mo`` (domain ``instapgids``;
the ``.po`` beside it is what translators edit, see README, "Ontwikkeling"). The catalog is read once,
on the first English message.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Literal, TypeGuard

from instapgids.errors import UserError

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
DEFAULT: Language = "nl"
OPTION = "--lang"
ENV = "INSTAPGIDS_LANG"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # in POSIX order: the first one set decides

DOMAIN = "instapgids"  # the gettext domain of the program's own messages

_current: Language = DEFAULT
_explicit = False  # chosen with --lang or INSTAPGIDS_LANG (not only the locale or the default)
_catalogs: dict[str, Callable[[str], str]] = {}


class UnknownLanguage(UserError):
    """``--lang`` with a value other than nl or en (a usage error: exit 2)."""

    def __init__(self, value: str) -> None:
        self.value = value
        super().__init__(f"Onbekende taal '{value}' voor {OPTION}. Kies uit: {', '.join(LANGUAGES)}.")


def is_language(value: object) -> TypeGuard[Language]:
    return value in LANGUAGES


def _to_stderr(message: str) -> None:
    from instapgids.errors import visible

    sys.stderr.write(visible(message) + "\n")  # the value of an environment variable is shown, never obeyed


def choose(option: str | None, env: Mapping[str, str], *, warn: Callable[[str], object] = _to_stderr) -> Language:
    """The language for ``--lang`` (``option``, None when not given) and the environment ``env``.

    ``--lang`` must be nl or en (else :class:`UnknownLanguage`). ``INSTAPGIDS_LANG`` with another value is
    ignored with a one-line warning (``warn``) in the language chosen without it. Else the locale: the first
    of LC_ALL, LC_MESSAGES and LANG that is set decides, English when it starts with ``en``
    (``en_GB.UTF-8``). Else Dutch.
    """
    if option is not None:
        chosen = option.strip().lower()
        if not is_language(chosen):
            raise UnknownLanguage(option)
        return chosen
    if wanted := env.get(ENV, "").strip():
        if is_language(lowered := wanted.lower()):
            return lowered
        chosen = _from_locale(env)
        warn(_IGNORED[chosen].format(env=ENV, wanted=wanted))
        return chosen
    return _from_locale(env)


def _from_locale(env: Mapping[str, str]) -> Language:
    for name in LOCALE_VARIABLES:
        if value := env.get(name, ""):
            return "en" if value.lower().startswith("en") else DEFAULT
    return DEFAULT


# Said while the language is being chosen, before any catalog is read: in both languages here.
_IGNORED: dict[Language, str] = {
    "nl": "instapgids: {env}='{wanted}' is geen taal van instapgids (nl, en); de uitvoer is in het Nederlands.",
    "en": "instapgids: {env}='{wanted}' is not a language of instapgids (nl, en); the output is in English.",
}


def pull_option(args: Sequence[str]) -> tuple[str | None, list[str]]:
    """The value of the last ``--lang`` before ``--`` (None if none), and the arguments with every
    ``--lang X`` / ``--lang=X`` moved to the front, where the root command reads it. A ``--lang`` without
    a value is left where it is, for click to report."""
    value: str | None = None
    front: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest += args[index:]
            break
        if arg.startswith(OPTION + "="):
            value = arg[len(OPTION) + 1 :]
            front.append(arg)
        elif arg == OPTION and index + 1 < len(args):
            value = args[index + 1]
            front += [arg, value]
            index += 1
        else:
            rest.append(arg)
        index += 1
    return value, front + rest


def asked(option: str | None, env: Mapping[str, str]) -> bool:
    """Whether the user asked for a language (``--lang``, or ``INSTAPGIDS_LANG`` naming one), rather than
    leaving it to the locale: a profile's own language (see ``store.profiles``) gives way only to this."""
    return option is not None or is_language(env.get(ENV, "").strip().lower())


def use(language: Language, *, explicit: bool = False) -> None:
    """Make ``language`` the language of this run (the command line calls this once, before parsing);
    ``explicit``: the user asked for it (:func:`asked`)."""
    global _current, _explicit
    _current, _explicit = language, explicit


@contextmanager
def speaking(language: Language) -> Iterator[None]:
    """Our own words (:func:`_`) in ``language`` for a while (a mail is sent in Dutch from an English run)."""
    was, asked = _current, _explicit
    use(language, explicit=asked)
    try:
        yield
    finally:
        use(was, explicit=asked)


def current() -> Language:
    """The language of this run: what :func:`use` set, else Dutch."""
    return _current


def explicit() -> bool:
    """Whether the language of this run was asked for with ``--lang`` or ``INSTAPGIDS_LANG``."""
    return _explicit


def _catalog(language: str) -> Callable[[str], str]:
    import gettext
    import os

    folder = os.path.join(os.path.dirname(__file__), "locale")
    found = gettext.translation(DOMAIN, folder, languages=[language], fallback=True).gettext
    _catalogs[language] = found
    return found


def N_(message: str) -> str:
    """Marks ``message`` for the catalog where it is defined; :func:`_` translates it where it is shown
    (the help texts of the commands: ``cli.localize.translate_help``)."""
    return message


def _(message: str) -> str:
    """``message`` (Dutch) in the language of this run; a message the catalog lacks stays Dutch."""
    if _current == DEFAULT:
        return message
    return (_catalogs.get(_current) or _catalog(_current))(message)
