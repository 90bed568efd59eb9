"""A word of the glossary is explained no later than the question that first uses it (issue 19: question 3
mentioned CMDB2 in its help, and the interview explained CMDB2 only at question 8), on every path."""

from __future__ import annotations

from typing import Any

import pytest

from interview_paths import cover


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_term_a_question_uses_is_explained_there_or_before(lang: str, content: Any) -> None:
    from instapgids import language
    from instapgids.cli.interview import _notes
    from instapgids.content.glossary import terms_in
    from instapgids.content.load import load_content
    from instapgids.engine.routing import active_questions

    shown = load_content(content.directory, language=lang)
    dutch = content.glossary.terms if lang != "nl" else None
    explains: dict[str, set[str]] = {}  # what the lines under each question explain, and what it uses
    uses: dict[str, set[str]] = {}
    with language.speaking(lang):
        for question in shown.interview.questions:
            notes = " ".join(text for _style, text in _notes(shown, question))
            explains[question.id] = {t.id for t in shown.glossary.terms if f"{t.term}: {t.short}" in notes}
            texts = [question.prompt, question.help or "", *(o.label for o in question.options)]
            uses[question.id] = {t.id for t in terms_in(shown.glossary.terms, texts, dutch)}
    for path in cover(content):
        explained: set[str] = set()
        for asked in active_questions(content, path):
            explained |= explains[asked.id]
            assert uses[asked.id] <= explained, (asked.id, sorted(uses[asked.id] - explained))
