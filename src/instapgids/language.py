"""The language of this run, chosen in one place: ``--lang``, else ``INSTAPGIDS_LANG``, else the locale, else Dutch.

Dutch (``nl``) is the default and the source of truth; English (``en``) is for colleagues who do not read
Dutch. :func:`choose` decides; the command line stores its choice with :func:`use` before click parses
anything (so that a catalog for click's own messages can follow it), and the rest of the program reads it
with :func:`current`. Only the standard library: choosing costs microseconds.

The language is a value of the current context (a :class:`contextvars.ContextVar`), not of the process:
every entry point of the library and of the renderers binds it from what it renders, for as long as it
renders (``with speaking(content.language): ...``). Each thread (and each asyncio task) has its own,
Dutch until bound, so a server can answer a Dutch and an English user at the same time.

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
from contextvars import ContextVar
from typing import Literal, TypeGuard

from instapgids.errors import UserError

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
DEFAULT: Language = "nl"
OPTION = "--lang"
ENV = "INSTAPGIDS_LANG"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # in POSIX order: the first one set decides

DOMAIN = "instapgids"  # the gettext domain of the program's own messages

_LANGUAGE: ContextVar[Language] = ContextVar("instapgids_language", default=DEFAULT)
# chosen with --lang or INSTAPGIDS_LANG (not only the locale or the default)
_EXPLICIT: ContextVar[bool] = ContextVar("instapgids_language_explicit", default=False)
_catalogs: dict[str, Callable[[str], str]] = {}


class UnknownLanguage(UserError):
    """A language other than nl or en (a usage error: exit 2). ``option``: the command-line option that
    gave it, named in the message; the library gives none (its messages name no command-line flag)."""

    def __init__(self, value: str, option: str | None = None) -> None:
        self.value = value
        where = f" voor {option}" if option else ""
        super().__init__(f"Onbekende taal '{value}'{where}. Kies uit: {', '.join(LANGUAGES)}.")


def parse(value: str) -> Language:
    """``value`` as a language (``"EN"`` is ``en``), else :class:`UnknownLanguage` (naming no option)."""
    chosen = value.strip().lower() if isinstance(value, str) else value
    if not is_language(chosen):
        raise UnknownLanguage(str(value))
    return chosen


def is_language(value: object) -> TypeGuard[Language]:
    return value in LANGUAGES


def _to_stderr(message: str) -> None:
    sys.stderr.write(message + "\n")


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
            raise UnknownLanguage(option, OPTION)
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
    """Make ``language`` the language of this run, in the current context (the command line calls this once,
    before parsing); ``explicit``: the user asked for it (:func:`asked`). A library binds it with :func:`speaking`."""
    _LANGUAGE.set(language)
    _EXPLICIT.set(explicit)


@contextmanager
def speaking(language: Language) -> Iterator[None]:
    """Our own words (:func:`_`) in ``language`` while the block runs, in this context only (this thread or
    task): what renders a checklist speaks its language; a mail is sent in Dutch from an English run."""
    token = _LANGUAGE.set(language)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def current() -> Language:
    """The language of the current context: what :func:`speaking` or :func:`use` set, else Dutch."""
    return _LANGUAGE.get()


def explicit() -> bool:
    """Whether the language of this run was asked for with ``--lang`` or ``INSTAPGIDS_LANG``."""
    return _EXPLICIT.get()


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
    """``message`` (Dutch) in the language of this context; a message the catalog lacks stays Dutch."""
    language = _LANGUAGE.get()
    if language == DEFAULT:
        return message
    return (_catalogs.get(language) or _catalog(language))(message)
