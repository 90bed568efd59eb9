"""Loading the content: YAML files → validated models, or every problem with its place.

``load_content()`` reads each file of :data:`FILES`, checks it against its
model, then runs the cross-file checks of ``crosscheck``. Whatever is wrong
is raised at once as one :class:`ContentError`, each problem pointing at
``file:line:column`` and the field.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from instapgids.content.bundle import ATTRIBUTES, FILES, Content
from instapgids.errors import ContentError, Problem, os_reason
from instapgids.language import _
from instapgids.paths import data_dir


def problems_from_validation(file: Path, raw: Any, exc: Any) -> list[Problem]:
    """Turn pydantic's errors into problems at their place, merging a union's alternatives."""
    from instapgids.content.located import format_path, locate
    from instapgids.content.messages import validation_message

    merged: dict[tuple[tuple[int, int], str], list[str]] = {}
    for error in exc.errors():
        is_key = error["type"] in ("extra_forbidden", "unexpected_keyword_argument")
        position, path = locate(raw, error["loc"], key=is_key)
        messages = merged.setdefault((position, format_path(path)), [])
        message = validation_message(error)
        if message not in messages:
            messages.append(message)
    either = _(" of ")  # a union's alternatives: "moet tekst zijn of moet een lijst zijn"
    return [
        Problem(file, line, column, path, either.join(messages)) for ((line, column), path), messages in merged.items()
    ]


def content_error(problems: list[Problem], note: str = "") -> ContentError:
    """:class:`ContentError` with its first line ("De inhoud bevat 2 fouten:") in the language of the run;
    the problem lines and the note are already in that language."""
    count = len(problems)
    heading = _("De inhoud bevat 1 fout:") if count == 1 else _("De inhoud bevat {count} fouten:").format(count=count)
    return ContentError(problems, heading, note)


def whole_file(path: Path, message: str, position: tuple[int, int] = (1, 1)) -> Problem:
    """A problem of a whole file (its field: ``(bestand)``), at ``position``."""
    from instapgids.content.located import WHOLE_FILE

    return Problem(path, *position, _(WHOLE_FILE), message)


def unreadable(reason: str) -> str:
    return _("kan het bestand niet lezen: {reason}").format(reason=reason)


def read_files(directory: Path) -> tuple[dict[str, bytes], list[Problem]]:
    """The bytes of every content file, and a problem for each that cannot be read."""
    found: dict[str, bytes] = {}
    problems: list[Problem] = []
    for name in FILES:
        path = directory / name
        try:
            found[name] = path.read_bytes()
        except FileNotFoundError:
            problems.append(whole_file(path, _("bestand ontbreekt")))
        except OSError as exc:
            problems.append(whole_file(path, unreadable(os_reason(exc, reading=True))))
    return found, problems


def load_content(directory: Path | None = None, *, use_cache: bool = True, language: str = "nl") -> Content:
    """Load and validate every content file; raise :class:`ContentError` listing all problems.

    Content that validated before, byte for byte, comes from the cache
    (``cache``) without parsing or validating it again. ``language="en"`` gives the content with the
    English texts of ``data/en/`` (see ``english``), cached beside the Dutch.
    """
    directory = directory or data_dir()
    if language != "nl":
        names = [*FILES, *(f"en/{name}" for name in FILES)]
        content = _cached(directory, names, "en", use_cache, lambda: _english(directory, use_cache))
        content.language = "en"
        return content
    content = _cached(
        directory, list(FILES), "nl", use_cache, lambda: validate_files(directory, *read_files(directory))
    )
    content.language = "nl"
    return content


def _cached(directory: Path, names: list[str], language: str, use_cache: bool, build: Callable[[], Content]) -> Content:
    """The content from the cache when ``names`` (and the content modules) are unchanged, else ``build()``
    and cached (see ``cache``; ``use_cache=False`` builds, and caches, in any case)."""
    from instapgids.content import cache as content_cache

    key = content_cache.key(directory, names)
    if use_cache and key is not None and (cached := content_cache.read(directory, key, language)) is not None:
        cached.directory = directory
        return cached
    content = build()
    if key is not None:
        content_cache.write(directory, key, content, language)
    return content


def _english(directory: Path, use_cache: bool) -> Content:
    from instapgids.content.english import in_english, read_translations  # PyYAML: only when not cached

    return in_english(load_content(directory, use_cache=use_cache), read_translations(directory))


def validate_content(directory: Path) -> Content:
    """What ``instapgids validate`` checks: every file again (no cache), across files, and then the English
    texts of ``data/en/`` (missing, for a key that no longer exists, older than the Dutch, …).

    Raises one :class:`ContentError` with all problems. The English texts are checked once the Dutch
    content is valid, as references across files are checked once each file has its shape: a broken
    Dutch file would otherwise also be reported as English texts for keys that no longer exist. A
    missing or stale English text is an error here (the shipped content has none), while the other
    commands show the Dutch text in its place. A content folder without ``en/`` has no English: nothing
    to check.
    """

    def validated() -> Content:
        files, problems = read_files(directory)
        content = validate_files(directory, files, problems)
        if (directory / "en").is_dir() and (english := translation_problems(directory, files)):
            raise content_error(english)
        return content

    return _cached(directory, list(FILES), "nl", False, validated)


def translation_problems(directory: Path, files: dict[str, bytes]) -> list[Problem]:
    """The problems of the English texts in ``directory/en``, in the language of the run, at ``file:line:column``.

    ``files`` holds the Dutch files already read; a Dutch file that cannot be read or parsed is
    reported by the other checks and skipped here.
    """
    import yaml

    from instapgids.content.texts import FIELDS
    from instapgids.content.translations import load_located, located

    found: list[Problem] = []
    for name in FIELDS:
        dutch_file, en_file = directory / name, directory / "en" / name
        try:
            dutch_raw = load_located(files[name].decode("utf-8") if name in files else dutch_file.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        try:
            en_doc = load_located(en_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            found.append(whole_file(en_file, _("het Engelse bestand ontbreekt")))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            reason = os_reason(exc, reading=True) if isinstance(exc, OSError) else _("het bestand is geen UTF-8-tekst")
            found.append(whole_file(en_file, unreadable(reason)))
            continue
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            found.append(whole_file(en_file, _("geen geldige YAML"), (line, column)))
            continue
        found += [Problem(*problem) for problem in located(dutch_file, dutch_raw, en_file, en_doc or {}, language="nl")]
    return found


def validate_files(directory: Path, files: dict[str, bytes], problems: list[Problem]) -> Content:
    """Parse and validate the files' bytes: each file against its model, then across files."""
    from pydantic import TypeAdapter, ValidationError

    from instapgids.content.crosscheck import crosscheck
    from instapgids.content.located import YamlProblem
    from instapgids.content.yamlsource import load

    models: dict[str, Any] = {}
    raws: dict[str, Any] = {}
    for name, data in files.items():
        path = directory / name
        try:
            raw = load(data.decode("utf-8"))
        except UnicodeDecodeError:
            problems.append(whole_file(path, _("het bestand is geen UTF-8-tekst")))
            continue
        except YamlProblem as exc:
            problems.append(whole_file(path, exc.message, exc.position))
            continue
        raws[name] = raw
        try:
            models[name] = TypeAdapter(FILES[name]).validate_python(raw)
        except ValidationError as exc:
            problems.extend(problems_from_validation(path, raw, exc))
    if problems:
        raise content_error(
            problems,
            note=_("Verwijzingen tussen de bestanden worden gecontroleerd zodra elk bestand de juiste vorm heeft."),
        )
    content = Content(**{ATTRIBUTES[name]: model for name, model in models.items()}, directory=directory, raw=raws)
    found = crosscheck(content)
    if found:
        raise content_error(found)
    return content
