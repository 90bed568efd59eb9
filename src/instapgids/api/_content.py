"""The content, in a language, and answers files."""

from __future__ import annotations

from pathlib import Path

from instapgids.content.bundle import Content
from instapgids.content.questions import AnswerValue
from instapgids.language import DEFAULT, speaking

# --------------------------------------------------------------------------- content


def load_content(data_dir: str | Path | None = None, language: str = "nl") -> Content:
    """The validated content: the shipped guide, or the one in ``data_dir`` (or INSTAPGIDS_DATA_DIR).

    ``language="en"``: the same content with its English texts, names kept Dutch with an English gloss
    ("Klantportaalgebruiker (customer portal user)"); ids and values are the same in both. Another
    language raises :class:`UnknownLanguage`. ``content.language`` says which it is.
    """
    from instapgids.content.load import load_content as load
    from instapgids.language import parse
    from instapgids.paths import data_dir as find

    chosen = parse(language)
    with speaking(chosen):  # a ContentError in the language asked for
        return load(find(Path(data_dir) if data_dir is not None else None), language=chosen)


def _dutch(content: Content) -> Content:
    """The Dutch content of the same folder (profiles are checked and written with it, as the commands do)."""
    if content.language == DEFAULT:
        return content
    from instapgids.content.load import load_content as load

    return load(content.directory)


def read_answers(path: str | Path, content: Content | None = None) -> dict[str, AnswerValue]:
    """The answers of an answers file (as in examples/), checked as ``instapgids start --answers`` does."""
    from instapgids.store.answers import read_answers_file

    content = content or load_content()
    with speaking(content.language):
        return dict(read_answers_file(Path(path), _dutch(content)).answers)
