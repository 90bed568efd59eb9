"""'Vraag 4 van ongeveer 12' (issue 19): the welcome promises the count of the most likely path (``likely:`` in
interview.yaml), and the count changes only when an answer leaves that path; on every path it ends at the
number of questions asked."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

import pytest

from interview_paths import asked, cover


def _walk(content: Any, path: dict[str, Any]) -> list[tuple[str, int, int]]:
    """(question id, position, total) as the interview shows them on this path, question by question."""
    from instapgids.engine.routing import next_question
    from instapgids.presentation.interview import progress_text

    shown, answers = [], {}
    while (question := next_question(content, answers)) is not None:
        position, total = map(int, re.findall(r"\d+", progress_text(content, answers, question)))
        shown.append((question.id, position, total))
        answers[question.id] = path[question.id]
    return shown


def _promised(content: Any) -> int:
    from instapgids.engine.routing import likely_questions

    return len(likely_questions(content, {}))


def test_the_likely_path_is_counted_right_from_the_welcome_to_the_end(content: Any) -> None:
    from instapgids.engine.routing import likely_questions

    likely = {q.id: q.likely for q in content.interview.questions if q.likely is not None}
    path = {q.id: likely.get(q.id, "Organisatie Test") for q in likely_questions(content, {})}
    shown = _walk(content, path)
    assert [total for _qid, _at, total in shown] == [_promised(content)] * len(shown)
    assert len(shown) == _promised(content)
    assert 9 < _promised(content) < 14  # the paths ask 10 to 13 questions


def test_on_every_path_the_count_moves_only_when_an_answer_leaves_the_likely_path(content: Any) -> None:
    from instapgids.engine.routing import likely_questions

    for path in cover(content):
        shown = _walk(content, path)
        assert shown[0][2] == _promised(content)
        assert shown[-1][1] == len(likely_questions(content, path)) == len(asked(content, path)), shown
        for (qid, _at, total), (_next, _at2, after) in pairwise(shown):
            question = next(q for q in content.interview.questions if q.id == qid)
            if question.likely is None or path[qid] == question.likely:
                assert after == total, (qid, path[qid], shown)


def test_a_likely_answer_that_is_no_answer_is_refused(tmp_path: Any) -> None:
    import shutil

    from instapgids.content.load import load_content
    from instapgids.errors import UserError

    from conftest import DATA

    shutil.copytree(DATA, tmp_path / "data")
    interview = tmp_path / "data" / "interview.yaml"
    text = interview.read_text(encoding="utf-8")
    interview.write_text(text.replace("    likely: ", "    likely: geen-optie-", 1), encoding="utf-8")
    with pytest.raises(UserError, match=r"interview\.yaml:"):
        load_content(tmp_path / "data")
