"""Loading the content: YAML files → validated models, or every problem with its place.

``load_content()`` reads each file of :data:`FILES`, checks it against its
model, then runs the cross-file checks of ``crosscheck``. Whatever is wrong
is raised at once as one :class:`ContentError`, each problem pointing at
``file:line:column`` and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from instapgids.content.bundle import FILES, Content
from instapgids.errors import ContentError, Problem, os_reason
from instapgids.paths import data_dir

_MESSAGES = {
    "missing": "verplicht veld ontbreekt",
    "missing_argument": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld",
    "unexpected_keyword_argument": "onbekend veld",
    "dataclass_type": "moet een mapping (sleutel: waarde) zijn",
    "dataclass_args_type": "moet een mapping (sleutel: waarde) zijn",
    "string_type": "moet tekst zijn",
    "string_too_short": "mag niet leeg zijn",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een mapping (sleutel: waarde) zijn",
    "model_type": "moet een mapping (sleutel: waarde) zijn",
    "model_attributes_type": "moet een mapping (sleutel: waarde) zijn",
    "none_required": "moet leeg zijn",
}


def _dutch(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "literal_error":
        return f"moet een van deze waarden zijn: {ctx.get('expected', '')}".replace(" or ", ", ")
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        return f"moet {'minstens' if kind == 'greater_than_equal' else 'hoogstens'} {bound} zijn"
    if kind == "too_short":
        return f"moet minstens {ctx.get('min_length')} element(en) hebben"
    if kind == "too_long":
        return f"mag hoogstens {ctx.get('max_length')} element(en) hebben"
    return _MESSAGES.get(kind, f"ongeldige waarde ({kind})")


def problems_from_validation(file: Path, raw: Any, exc: Any) -> list[Problem]:
    """Turn pydantic's errors into problems at their place, merging a union's alternatives."""
    from instapgids.content.located import format_path, locate

    merged: dict[tuple[tuple[int, int], str], list[str]] = {}
    for error in exc.errors():
        is_key = error["type"] in ("extra_forbidden", "unexpected_keyword_argument")
        position, path = locate(raw, error["loc"], key=is_key)
        messages = merged.setdefault((position, format_path(path)), [])
        message = _dutch(error)
        if message not in messages:
            messages.append(message)
    return [
        Problem(file, line, column, path, " of ".join(messages)) for ((line, column), path), messages in merged.items()
    ]


def read_files(directory: Path) -> tuple[dict[str, bytes], list[Problem]]:
    """The bytes of every content file, and a problem for each that cannot be read."""
    found: dict[str, bytes] = {}
    problems: list[Problem] = []
    for name in FILES:
        path = directory / name
        try:
            found[name] = path.read_bytes()
        except FileNotFoundError:
            problems.append(Problem(path, 1, 1, "(bestand)", "bestand ontbreekt"))
        except OSError as exc:
            problems.append(
                Problem(path, 1, 1, "(bestand)", f"kan het bestand niet lezen: {os_reason(exc, reading=True)}")
            )
    return found, problems


def load_content(directory: Path | None = None, *, use_cache: bool = True, language: str = "nl") -> Content:
    """Load and validate every content file; raise :class:`ContentError` listing all problems.

    Content that validated before, byte for byte, comes from the cache
    (``cache``) without parsing or validating it again. ``language="en"`` gives the content with the
    English texts of ``data/en/`` (see ``english``), cached beside the Dutch.
    """
    from instapgids.content import cache as content_cache

    directory = directory or data_dir()
    if language != "nl":
        return _english(directory, use_cache)
    key = content_cache.key(directory, list(FILES))
    if use_cache and key is not None and (cached := content_cache.read(directory, key)) is not None:
        cached.directory = directory
        return cached
    files, problems = read_files(directory)
    content = validate_files(directory, files, problems)
    if key is not None:
        content_cache.write(directory, key, content)
    return content


def _english(directory: Path, use_cache: bool) -> Content:
    from instapgids.content import cache as content_cache

    key = content_cache.key(directory, [*FILES, *(f"en/{name}" for name in FILES)])
    if use_cache and key is not None and (cached := content_cache.read(directory, key, "en")) is not None:
        cached.directory = directory
        return cached
    from instapgids.content.english import in_english, read_translations  # PyYAML: only when not cached

    content = in_english(load_content(directory, use_cache=use_cache), read_translations(directory))
    if key is not None:
        content_cache.write(directory, key, content, "en")
    return content


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
    from instapgids.content import cache as content_cache

    files, problems = read_files(directory)
    content = validate_files(directory, files, problems)
    if (directory / "en").is_dir() and (english := translation_problems(directory, files)):
        raise ContentError(english)
    key = content_cache.key(directory, list(FILES))
    if key is not None:
        content_cache.write(directory, key, content)
    return content


def translation_problems(directory: Path, files: dict[str, bytes]) -> list[Problem]:
    """The problems of the English texts in ``directory/en``, in Dutch, at ``file:line:column``.

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
            found.append(Problem(en_file, 1, 1, "(bestand)", "het Engelse bestand ontbreekt"))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            reason = os_reason(exc, reading=True) if isinstance(exc, OSError) else "het bestand is geen UTF-8-tekst"
            found.append(Problem(en_file, 1, 1, "(bestand)", f"kan het bestand niet lezen: {reason}"))
            continue
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            found.append(Problem(en_file, line, column, "(bestand)", "geen geldige YAML"))
            continue
        for problem in located(dutch_file, dutch_raw, en_file, en_doc or {}, language="nl"):
            found.append(Problem(problem.path, problem.line, problem.column, problem.key, problem.message))
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
            problems.append(Problem(path, 1, 1, "(bestand)", "het bestand is geen UTF-8-tekst"))
            continue
        except YamlProblem as exc:
            problems.append(Problem(path, *exc.position, "(bestand)", exc.message))
            continue
        raws[name] = raw
        try:
            models[name] = TypeAdapter(FILES[name]).validate_python(raw)
        except ValidationError as exc:
            problems.extend(problems_from_validation(path, raw, exc))
    if problems:
        raise ContentError(
            problems,
            note="Verwijzingen tussen de bestanden worden gecontroleerd zodra elk bestand de juiste vorm heeft.",
        )
    content = Content(
        guide=models["guide.yaml"],
        lots_file=models["lots.yaml"],
        journey=models["journey.yaml"],
        systems_file=models["systems.yaml"],
        roles_file=models["roles.yaml"],
        contacts_file=models["contacts.yaml"],
        documents_file=models["documents.yaml"],
        interview=models["interview.yaml"],
        mails=models["mails.yaml"],
        glossary=models["glossary.yaml"],
        directory=directory,
        raw=raws,
    )
    found = crosscheck(content)
    if found:
        raise ContentError(found)
    return content
