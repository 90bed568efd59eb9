"""Property tests: whatever an answers file or a profile holds, instapgids answers with a message.

Random YAML (random structure, random Unicode, mutated examples, plain random text) as an
answers file for `start --answers`, and as a saved profile for `status`, `checklist` and
`mails`: never a traceback, exit code 0, 1 or 2, nothing written on a refusal, and a
saved profile is never changed by reading it. Bounded (a few hundred in-process runs)
so that the suite stays fast.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import LOKAAL, Result, example_answers, no_traceback

pytestmark = pytest.mark.usefixtures("shared_content_cache")

EXAMPLE = example_answers(LOKAAL)
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
# Valid keys with wrong values, valid values under other keys, missing and extra answers.
answer_values = st.sampled_from(sorted({str(v) for v in EXAMPLE.values()} | {"netwerk", "ja", "geen"})) | values
mutated_answers = st.builds(
    lambda drop, changes: {**{k: v for k, v in EXAMPLE.items() if k not in drop}, **changes},
    st.sets(st.sampled_from(sorted(EXAMPLE))),
    st.dictionaries(st.sampled_from([*sorted(EXAMPLE), "onbekend", "[/bold]", "\x1b[2J"]), answer_values, max_size=3),
)
documents = st.one_of(
    st.builds(lambda a: {"answers": a}, mutated_answers),
    st.builds(
        lambda a, top: {**top, "answers": a},
        mutated_answers,
        st.dictionaries(
            st.sampled_from(["format", "complete", "guide_version", "progress", "updated", "extra"]), values, max_size=3
        ),
    ),
    values,
)


def as_text(document: Any) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


# A whole file: a dumped document, the same with random characters put in, or random text.
files = st.one_of(
    documents.map(as_text),
    st.builds(
        lambda text, at, noise: text[: at % (len(text) + 1)] + noise + text[at % (len(text) + 1) :],
        documents.map(as_text),
        st.integers(min_value=0),
        st.text(min_size=1, max_size=5),
    ),
    st.text(max_size=200),
)

_counter = itertools.count()


def acceptable(result: Result) -> None:
    no_traceback(result)
    assert result.code in (0, 1, 2), result.text


@SETTINGS
@given(text=files)
def test_any_answers_file_gets_an_answer_and_writes_nothing_on_refusal(
    text: str, cli: Callable[..., Result], tmp_path: Path
) -> None:
    number = next(_counter)
    answers = tmp_path / f"antwoorden-{number}.yaml"
    answers.write_text(text, encoding="utf-8", errors="surrogatepass")
    profile = tmp_path / f"profiel-{number}.yaml"
    result = cli("start", "--answers", str(answers), "--profile", str(profile))
    acceptable(result)
    assert profile.exists() == (result.code == 0), result.text


@SETTINGS
@given(text=files, command=st.sampled_from(["status", "checklist", "mails"]))
def test_any_saved_profile_gets_an_answer_and_is_left_as_it_was(
    text: str, command: str, cli: Callable[..., Result], tmp_path: Path
) -> None:
    profile = tmp_path / f"profiel-{next(_counter)}.yaml"
    profile.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = profile.read_bytes()
    result = cli(command, "--profile", str(profile))
    acceptable(result)
    if "De gids is bijgewerkt" in result.err:  # said once, so the profile records the new version: only that
        after = yaml.safe_load(profile.read_text(encoding="utf-8"))
        assert after["answers"] == yaml.safe_load(before)["answers"]
    else:
        assert profile.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(profile.stem)] == [profile.name]
