"""`instapgids mails`: which mails, personalised, mailto: links that decode exactly, and the .eml export."""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from conftest import (
    AGENTSCHAP,
    DATA,
    EXAMPLE_FILES,
    EXAMPLES,
    LOKAAL,
    Result,
    checklist_of,
    example_answers,
    no_traceback,
    start,
)

pytestmark = pytest.mark.usefixtures("shared_content_cache")

PROFILE = "p"
LINK = re.compile(r"^Link \(kopieer in uw browser\): (mailto:\S*)$", re.M)
ITEM_LINE = re.compile(r"^Bij checklistpunt: ([a-z0-9-]+) \(§([\d.]+)\)$", re.M)
SUBJECT_LINE = re.compile(r"^Onderwerp: (.*)$", re.M)
PLACEHOLDER = re.compile(r"\{[^{}\s]*\}")
LOCAL_GOVERNMENT = "gebruikersbeheer lokale besturen"


def answers_file(tmp_path: Path, base: Path, **changes: Any) -> Path:
    """An answers file like ``base`` with some answers changed."""
    path = tmp_path / f"{base.stem}-aangepast.yaml"
    path.write_text(yaml.safe_dump({"answers": {**example_answers(base), **changes}}), encoding="utf-8")
    return path


def drafts_of(content: Any, answers: Path, progress: dict[str, str] | None = None) -> list[Any]:
    from instapgids.presentation.mails import drafts

    return drafts(content, checklist_of(content, answers, progress))


def decode(link: str) -> tuple[str, str, str]:
    """(recipient, subject, body) of a mailto: link."""
    parts = urlsplit(link)
    assert parts.scheme == "mailto", link
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert set(query) == {"subject", "body"}, link
    assert len(query["subject"]) == len(query["body"]) == 1
    return unquote(parts.path), query["subject"][0], query["body"][0]


def shown_mails(
    cli: Callable[..., Result], name: str = PROFILE
) -> tuple[Result, list[str], list[tuple[str, str, str]]]:
    """The output of `mails`, the checklist item of each mail, and each decoded mailto: link."""
    result = cli("mails", "--profile", name)
    assert result.code == 0, result.text
    no_traceback(result)
    items = [m.group(1) for m in ITEM_LINE.finditer(result.out)]
    links = [decode(link) for link in LINK.findall(result.out)]
    assert len(links) == len(items), result.out
    return result, items, links


# --------------------------------------------------------------------------- which mails


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_the_mails_are_those_of_open_checklist_items(example: Path, cli: Callable[..., Result], content: Any) -> None:
    # independently of instapgids.mails: mails.yaml in order, kept when its item is on the checklist and not done
    raw = yaml.safe_load((DATA / "mails.yaml").read_text(encoding="utf-8"))["mails"]
    entries = {e.item.id: e for e in checklist_of(content, example).items()}
    wanted = [(m["id"], m["item"]) for m in raw if m["item"] in entries and entries[m["item"]].status != "done"]
    drafts = drafts_of(content, example)
    assert [(d.id, d.item) for d in drafts] == wanted
    assert wanted, f"{example.name}: no mail at all, the example does not test much"

    start(cli, example)
    result, items, links = shown_mails(cli)
    assert items == [item for _, item in wanted]
    assert [s for _, s, _ in links] == [d.subject for d in drafts]
    assert SUBJECT_LINE.findall(result.out) == [d.subject for d in drafts]
    assert f"{len(drafts)} mail" in result.out.splitlines()[0]
    sections = {m["item"]: m["section"] for m in raw}
    assert [m.group(2) for m in ITEM_LINE.finditer(result.out)] == [sections[i] for i in items]


def test_one_mail_is_announced_in_the_singular(cli: Callable[..., Result], content: Any) -> None:
    example = EXAMPLES / "al-goed-op-weg.yaml"
    assert len(drafts_of(content, example)) == 1
    start(cli, example)
    result = cli("mails", "--profile", PROFILE)
    assert result.out.splitlines()[0] == "1 mail om te versturen"


# --------------------------------------------------------------------------- personalised


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_mail_is_filled_in_and_names_the_organisation(
    example: Path, cli: Callable[..., Result], content: Any
) -> None:
    name = example_answers(example)["org_name"]
    drafts = drafts_of(content, example)
    for draft in drafts:
        assert name in draft.body, draft.id
        assert not PLACEHOLDER.search(draft.subject), draft.subject
        assert not PLACEHOLDER.search(draft.body), draft.body
    start(cli, example)
    result, _, links = shown_mails(cli)
    assert not PLACEHOLDER.search(result.out), result.out
    assert all(name in body for _, _, body in links)


def test_every_subject_names_the_organisation(content: Any) -> None:
    missing = [
        (example.stem, draft.id, draft.subject)
        for example in EXAMPLE_FILES
        for draft in drafts_of(content, example)
        if example_answers(example)["org_name"] not in draft.subject
    ]
    assert missing == []


def test_an_unusual_organisation_name_is_used_as_written(
    cli: Callable[..., Result], content: Any, tmp_path: Path
) -> None:
    odd = "Stad {Gent} & 'Co' 100% <zeker>"
    answers = answers_file(tmp_path, LOKAAL, org_name=odd)
    start(cli, answers)
    _, _, links = shown_mails(cli)
    assert links
    assert all(odd in body for _, _, body in links)
    assert [s for _, s, _ in links] == [d.subject for d in drafts_of(content, answers)]
    assert any(odd in subject for _, subject, _ in links)


def test_local_government_wording_only_in_its_cognos_and_cmdb2_mails(
    cli: Callable[..., Result], content: Any, tmp_path: Path
) -> None:
    """The lokaal-bestuur example (in 'gebruikersbeheer lokale besturen'), with DDC-DWH (Cognos, for everyone)
    and CMDB2; and an agency with the same."""
    both = ["cmdb2"]
    lokaal = answers_file(tmp_path, LOKAAL, optional_systems=both)
    agency = answers_file(tmp_path, AGENTSCHAP, optional_systems=both)
    special = {"cognos-licentie", "cmdb2-leesrechten"}

    start(cli, lokaal, "lokaal")
    _, _, links = shown_mails(cli, "lokaal")
    ids = [d.id for d in drafts_of(content, lokaal)]
    assert special <= set(ids), ids
    for mail_id, (_, _, body) in zip(ids, links, strict=True):
        assert (LOCAL_GOVERNMENT in body) == (mail_id in special), (mail_id, body)

    # the example itself (CMDB2 only)
    start(cli, LOKAAL, "voorbeeld")
    _, _, links = shown_mails(cli, "voorbeeld")
    ids = [d.id for d in drafts_of(content, LOKAAL)]
    assert "cmdb2-leesrechten" in ids
    for mail_id, (_, _, body) in zip(ids, links, strict=True):
        assert (LOCAL_GOVERNMENT in body) == (mail_id in special), (mail_id, body)

    start(cli, agency, "agentschap")
    _, _, links = shown_mails(cli, "agentschap")
    ids = [d.id for d in drafts_of(content, agency)]
    assert special <= set(ids), ids
    for _, _, body in links:
        assert LOCAL_GOVERNMENT not in body


@pytest.mark.parametrize("example", [LOKAAL, AGENTSCHAP], ids=lambda p: p.stem)
def test_the_mail_to_the_local_administrator_lists_every_right_and_role(
    example: Path, cli: Callable[..., Result], content: Any
) -> None:
    """Each request to the local administrator (one per moment) has its mail, listing exactly its rights and roles."""
    gatherers = [e for e in checklist_of(content, example).items() if e.item.gathers_roles and e.status != "done"]
    assert gatherers and all(g.roles for g in gatherers)
    start(cli, example)
    _, items, links = shown_mails(cli)
    for gatherer in gatherers:
        (body,) = [body for item, (_, _, body) in zip(items, links, strict=True) if item == gatherer.item.id]
        listed = [line for line in body.splitlines() if line.startswith("- Recht ")]
        assert len(listed) == len(gatherer.roles), body
        for line, role_line in zip(listed, gatherer.roles, strict=True):
            assert f"'{role_line.right.name}'" in line
            for role in role_line.roles:
                assert f"'{role.name}'" in line
            assert ("rol" in line) == bool(role_line.roles)


# --------------------------------------------------------------------------- mailto: links


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_each_mailto_link_decodes_to_recipient_subject_and_body(
    example: Path, cli: Callable[..., Result], content: Any
) -> None:
    drafts = drafts_of(content, example)
    start(cli, example)
    _, _, links = shown_mails(cli)
    assert links == [(d.to, d.subject, d.body) for d in drafts]
    contacts = yaml.safe_load((DATA / "contacts.yaml").read_text(encoding="utf-8"))["contacts"]
    addresses = {c["id"]: c.get("email") or "" for c in contacts}
    mails = {m["id"]: m for m in yaml.safe_load((DATA / "mails.yaml").read_text(encoding="utf-8"))["mails"]}
    assert [to for to, _, _ in links] == [addresses[mails[d.id]["to"]] for d in drafts]
    for draft in drafts:
        assert draft.mailto.startswith(f"mailto:{draft.to}?subject=")
        assert decode(draft.mailto) == (draft.to, draft.subject, draft.body)


# --------------------------------------------------------------------------- .eml export


def _read_eml(path: Path) -> email.message.EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    assert not message.defects, message.defects
    return message


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_export_eml_writes_one_parseable_file_per_mail(
    example: Path, cli: Callable[..., Result], content: Any, tmp_path: Path
) -> None:
    drafts = drafts_of(content, example)
    start(cli, example)
    target = tmp_path / "mails"
    result = cli("mails", "--profile", PROFILE, "--export", "eml", "-o", str(target))
    assert result.code == 0, result.text
    no_traceback(result)
    files = sorted(target.glob("*.eml"))
    assert len(files) == len(drafts)
    assert {p.name for p in target.iterdir()} - {p.name for p in files} == {".instapgids-export.json"}  # manifest
    assert str(len(drafts)) in result.err
    for path, draft in zip(files, drafts, strict=True):
        assert draft.id in path.name
        message = _read_eml(path)
        assert message["To"] == (draft.to or None)
        assert message.get_content_type() == "text/plain"
        # the file is in SMTP form (CRLF line ends); the text is the draft's
        assert message.get_content().replace("\r\n", "\n") == draft.body
        assert not PLACEHOLDER.search(str(message["Subject"]))


def test_export_eml_subjects_decode_to_exactly_the_drafts_subject(
    cli: Callable[..., Result], content: Any, tmp_path: Path
) -> None:
    start(cli, LOKAAL)
    target = tmp_path / "mails"
    assert cli("mails", "--profile", PROFILE, "--export", "eml", "-o", str(target)).code == 0
    files = sorted(target.glob("*.eml"))
    drafts = drafts_of(content, LOKAAL)
    assert [str(_read_eml(p)["Subject"]) for p in files] == [d.subject for d in drafts]


def test_export_eml_does_not_overwrite_without_force(cli: Callable[..., Result], content: Any, tmp_path: Path) -> None:
    start(cli, LOKAAL)
    target = tmp_path / "mails"
    assert cli("mails", "--profile", PROFILE, "--export", "eml", "-o", str(target)).code == 0
    files = sorted(target.glob("*.eml"))
    everything = sorted(target.iterdir())
    written = {p: p.read_bytes() for p in files}
    files[0].write_text("mijn eigen versie\n", encoding="utf-8")

    again = cli("mails", "--profile", PROFILE, "--export", "eml", "-o", str(target))
    assert again.code == 2, again.text
    no_traceback(again)
    assert "bestaan al" in again.err and "--force" in again.err
    assert files[0].read_text(encoding="utf-8") == "mijn eigen versie\n"

    forced = cli("mails", "--profile", PROFILE, "--export", "eml", "-o", str(target), "--force")
    assert forced.code == 0, forced.text
    assert sorted(target.iterdir()) == everything  # no temporary files left
    assert files[0].read_bytes() == written[files[0]]


def test_export_eml_onto_a_file_is_refused(cli: Callable[..., Result], tmp_path: Path) -> None:
    start(cli, LOKAAL)
    target = tmp_path / "mails"
    target.write_text("x", encoding="utf-8")
    result = cli("mails", "--profile", PROFILE, "--export", "eml", "-o", str(target))
    assert result.code == 2, result.text
    no_traceback(result)
    assert f"'{target}' is een bestand, geen map" in result.err
    assert target.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--export", "pdf", "-o", "mails"), "Onbekend exportformaat 'pdf'"),
        (("--export", "eml"), "Geef met -o een map op"),
        (("-o", "mails"), "--export eml"),
    ],
    ids=["unknown-format", "eml-without-folder", "folder-without-export"],
)
def test_export_eml_option_mistakes(
    args: tuple[str, ...], message: str, cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start(cli, LOKAAL)
    monkeypatch.chdir(tmp_path)
    result = cli("mails", "--profile", PROFILE, *args)
    assert result.code == 2, result.text
    no_traceback(result)
    assert message in result.err
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- progress and missing profile


def test_marking_the_item_of_a_mail_done_removes_that_mail(cli: Callable[..., Result], content: Any) -> None:
    start(cli, LOKAAL)
    drafts = drafts_of(content, LOKAAL)
    first = drafts[0]
    assert cli("done", first.item, "--profile", PROFILE, "--force").code == 0  # it may still wait: --force
    result, items, links = shown_mails(cli)
    assert first.item not in items
    assert first.subject not in result.out
    assert [s for _, s, _ in links] == [d.subject for d in drafts[1:]]

    # `doing` keeps the mail: it is not sent yet
    assert cli("doing", drafts[1].item, "--profile", PROFILE).code == 0
    assert shown_mails(cli)[1] == [d.item for d in drafts[1:]]

    assert cli("done", *(d.item for d in drafts[1:]), "--profile", PROFILE, "--force").code == 0
    result, items, _ = shown_mails(cli)
    assert items == []
    assert "U hoeft geen mails meer te sturen" in result.out

    assert cli("undo", first.item, "--profile", PROFILE).code == 0
    assert shown_mails(cli)[1] == [first.item]


def test_mails_without_a_profile_says_to_start_first(cli: Callable[..., Result]) -> None:
    result = cli("mails")
    assert result.code == 2, result.text
    no_traceback(result)
    assert "Er is nog geen profiel" in result.err and "instapgids start" in result.err
    named = cli("mails", "--profile", "klant-x", "--export", "eml", "-o", "ergens")
    assert named.code == 2, named.text
    assert "instapgids start --profile klant-x" in named.err


@pytest.mark.parametrize(
    ("needs", "shown"), [(["coordinatie", "cloud-datacenter"], False), (["werkplek", "netwerk"], True)]
)
def test_a_paragraph_about_suppliers_counts_suppliers_as_the_checklist_does(
    needs: list[str], shown: bool, data_copy: Path, tmp_path: Path
) -> None:
    """Lots 1 and 3 come from one supplier (Atos): a paragraph for two or more suppliers is not for them."""
    from instapgids.content.load import load_content

    mails = yaml.safe_load((data_copy / "mails.yaml").read_text(encoding="utf-8"))
    mail = next(m for m in mails["mails"] if m["id"] == "behoefte")
    mail["paragraphs"].insert(1, {"text": "Spreek af wie hoofdaannemer is.", "when": {"suppliers_at_least": 2}})
    (data_copy / "mails.yaml").write_text(yaml.safe_dump(mails, allow_unicode=True), encoding="utf-8")
    content = load_content(data_copy, use_cache=False)
    answers = answers_file(tmp_path, EXAMPLES / "lokaal-bestuur-netwerk.yaml", needs=needs)
    body = next(d.body for d in drafts_of(content, answers) if d.id == "behoefte")
    assert ("Spreek af wie hoofdaannemer is." in body) is shown


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_a_mail_on_screen_has_the_number_of_its_file(example: Path, cli: Callable[..., Result], tmp_path: Path) -> None:
    start(cli, example)
    shown = cli("mails", "--profile", PROFILE)
    target = tmp_path / "mails"
    assert cli("mails", "--profile", PROFILE, "--export", "eml", "-o", str(target)).code == 0
    files = {int(p.name[:2]): str(_read_eml(p)["Subject"]) for p in target.glob("*.eml")}
    numbered = {int(n): " ".join(s.split()) for n, s in re.findall(r"^─*\s*(\d+)\. (.+?)\s*─*$", shown.out, re.M)}
    assert numbered and set(numbered) == set(files), (numbered, files)
    for number, subject in files.items():
        assert " ".join(subject.split()).startswith(numbered[number]), (number, numbered[number])


@pytest.mark.parametrize("columns", ["80", "60"])
def test_a_long_mail_title_breaks_between_words_and_is_never_cut(
    columns: str, cli: Callable[..., Result], content: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    start(cli, LOKAAL)
    shown = cli("mails", "--profile", PROFILE).out
    assert "…" not in shown
    subjects = [d.subject for d in drafts_of(content, LOKAAL)]
    assert any(len(s) > int(columns) - 10 for s in subjects)
    for subject in subjects:  # the title above each mail: its words in order, over one or more lines
        words = " ".join(subject.split())
        assert " ".join(shown.replace("─", " ").split()).count(words) >= 2, words  # title and "Onderwerp:"
