"""The pages: start, one question per page, check answers, the task list, an item, the exports, a folder's profiles.

Every page reads and writes through ``instapgids.api`` (the same rules, texts, locking and files as the
commands); what is here is only the way through the pages. GET shows, POST changes and then redirects
(a reload never sends a form twice).
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, flash, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from instapgids import api
from instapgids.language import Language, _
from instapgids.web.site import LANGUAGE_COOKIE, render_error, site

KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
EXPORTS = {"md": "text/markdown", "html": "text/html", "json": "application/json"}
STATUSES = ("open", "doing", "done")
_contents: dict[Language, api.Content] = {}
_loading = threading.Lock()


def content() -> api.Content:
    """The content in this request's language (loaded once per language)."""
    lang: Language = g.lang
    with _loading:
        if lang not in _contents:
            _contents[lang] = api.load_content(site().data_dir, language=lang)
        return _contents[lang]


# --------------------------------------------------------------------------- profiles


def profiles() -> dict[str, Path]:
    """The profiles served, by the key in their address: the one profile, or each YAML file of the folder."""
    here = site()
    if here.folder is None:
        assert here.profile is not None
        key = here.profile.stem if KEY.match(here.profile.stem) else "profiel"
        return {key: here.profile}
    rows = api.list_profiles(here.folder, content=content())
    return {row.path.stem: row.path for row in rows if KEY.match(row.path.stem)}


def profile_path(key: str) -> Path:
    if not KEY.match(key):
        abort(404)
    here = site()
    if here.folder is None:
        if key not in profiles():
            abort(404)
        assert here.profile is not None
        return here.profile
    for suffix in (".yaml", ".yml"):
        if (path := here.folder / f"{key}{suffix}").is_file():
            return path
    abort(404)


def read_profile(key: str) -> api.Profile | None:
    """The profile, or None while it does not exist yet (a new user)."""
    try:
        return api.open_profile(profile_path(key), content())
    except api.ProfileNotFound:
        return None


def answers_of(key: str) -> dict[str, Any]:
    found = read_profile(key)
    return dict(found.answers) if found is not None else {}


# --------------------------------------------------------------------------- pages


def home() -> BaseResponse | str:
    if site().folder is None:
        return redirect(url_for("start", key=next(iter(profiles()))))
    rows = api.list_profiles(site().folder, content=content())
    keys = {row.path.stem for row in rows if KEY.match(row.path.stem) and row.problem is None}
    return render_template("profiles.html", rows=rows, folder=str(site().folder), keys=keys)


def start(key: str) -> BaseResponse | str:
    found = read_profile(key)
    if found is not None and found.complete:
        return redirect(url_for("tasks", key=key))
    answers = dict(found.answers) if found is not None else {}
    first = api.next_question(content(), answers)
    target = url_for("question", key=key, qid=first.id) if first is not None else url_for("check", key=key)
    return render_template("start.html", key=key, welcome=api.welcome(content()), target=target, begun=bool(answers))


def _value_from_form(question: Any) -> Any:
    form = request.form
    if question.kind == "checkbox":
        return form.getlist("answer")
    raw = form.get("answer")
    if question.kind == "confirm":
        return {"true": True, "false": False}.get(raw or "")
    return raw


def _problem(question: Any, value: Any) -> str | None:
    if value is None:  # nothing chosen: the page's own words (the validator names the values, not their labels)
        return _("Kies een antwoord.")
    message: str | None = api.check_answer(content(), question.id, value)
    return message


def question(key: str, qid: str) -> BaseResponse | str:
    path = profile_path(key)
    found = read_profile(key)
    answers = dict(found.answers) if found is not None else {}
    active = api.active_questions(content(), answers)
    asked = next((q for q in active if q.id == qid), None)
    if asked is None:
        abort(404)
    changing = request.values.get("change") == "1"
    error = None
    value = answers.get(qid)
    if request.method == "POST":
        value = _value_from_form(asked)
        error = _problem(asked, value)
        if error is None:
            # one answer changed in what is on disk now, under the profile's lock (another tab's answer is
            # kept); a finished profile stays finished while the change leaves no question open
            saved = api.save_answer(path, qid, value, content=content())
            following = api.next_question(content(), saved.answers)
            for notice in api.notices(content(), qid, value):
                flash(notice)
            if following is None:
                return redirect(url_for("check", key=key))
            target = url_for("question", key=key, qid=following.id)
            return redirect(target + ("?change=1" if changing else ""))
    index = [q.id for q in active].index(qid)
    if changing:
        back = url_for("check", key=key)
    elif index == 0:
        back = url_for("start", key=key)
    else:
        back = url_for("question", key=key, qid=active[index - 1].id)
    chosen = value if isinstance(value, list) else ([value] if isinstance(value, str) else [])
    # a yes/no question's choices in the words its answer reads in afterwards (the check-answers screen)
    yes_no = [("true", api.answer_text(content(), qid, True)), ("false", api.answer_text(content(), qid, False))]
    page = render_template(
        "question.html",
        key=key,
        q=asked,
        yes_no=yes_no,
        error=error,
        value=value,
        chosen=chosen,
        back=back,
        changing=changing,
        number=index + 1,
    )
    return (page, 400) if error else page  # type: ignore[return-value]


def check(key: str) -> BaseResponse | str:
    path = profile_path(key)
    answers = api.applicable_answers(content(), answers_of(key))
    missing = api.next_question(content(), answers)
    if missing is not None:
        return redirect(url_for("question", key=key, qid=missing.id))
    if request.method == "POST":
        # the answers on disk now, under the profile's lock: another tab's answer given meanwhile is kept
        if not api.finish_interview(path, content=content()).complete:
            return redirect(url_for("check", key=key))  # another tab opened a question: this page asks it
        return redirect(url_for("tasks", key=key))
    rows = [
        (q, api.answer_text(content(), q.id, answers[q.id]))
        for q in api.active_questions(content(), answers)
        if q.id in answers
    ]
    return render_template("check.html", key=key, rows=rows)


def checklist_of(key: str) -> api.Checklist:
    found = read_profile(key)
    if found is None or not found.complete:
        abort(redirect(url_for("start", key=key)))
    # with the dates of its marks and what to follow up, as `instapgids checklist` shows it
    return api.profile_checklist(profile_path(key), content=content())


def tasks(key: str) -> str:
    built = checklist_of(key)
    by_id = {item.id: item for item in built.items}
    now = [by_id[i] for i in built.startable if i in by_id]
    done = sum(1 for item in built.items if item.status == "done")
    return render_template("tasks.html", key=key, checklist=built, by_id=by_id, now=now, done=done)


def item(key: str, item_id: str) -> str:
    built = checklist_of(key)
    found = next((i for i in built.items if i.id == item_id), None)
    if found is None:
        abort(404)
    by_id = {i.id: i for i in built.items}
    return render_template("item.html", key=key, item=found, by_id=by_id, marked=request.args.get("marked"))


def mark(key: str, item_id: str) -> BaseResponse | str:
    status = request.form.get("status", "")
    if status not in STATUSES:
        abort(400)
    built = checklist_of(key)
    found = next((i for i in built.items if i.id == item_id), None)
    if found is None:
        abort(404)
    force = request.form.get("force") == "1"
    if status == "done" and found.status == "blocked" and not force:
        # it still waits for another item: ask first, as `instapgids done` does in the terminal
        return render_template("out_of_order.html", key=key, item=found)
    try:
        api.mark(profile_path(key), item_id, status, content=content(), force=force)
    except api.Error as exc:  # an item the answers settle cannot be undone: said in the content's words
        abort(Response(render_error(409, str(exc)), status=409, mimetype="text/html"))
    return redirect(url_for("item", key=key, item_id=item_id, marked=status), code=303)


def mail(key: str, item_id: str) -> Response:
    return _mail_download(key, item_id, reminder=False)


def reminder(key: str, item_id: str) -> Response:
    return _mail_download(key, item_id, reminder=True)


def _mail_download(key: str, item_id: str, reminder: bool) -> Response:
    """An item's mail, or the reminder of it, as the .eml file `instapgids mails --export eml` writes."""
    built = checklist_of(key)
    found = next((i for i in built.items if i.id == item_id), None)
    chosen = None if found is None else (found.reminder if reminder else found.mail)
    if chosen is None:
        abort(404)
    return download(chosen.eml_bytes(), "message/rfc822", _safe_name(chosen.filename, "mail.eml"))


def exports(key: str) -> str:
    checklist_of(key)
    return render_template("exports.html", key=key, formats=list(EXPORTS))


def export(key: str, fmt: str) -> Response:
    if fmt not in EXPORTS:
        abort(404)
    text = api.export(checklist_of(key), fmt)
    return download(text.encode("utf-8"), EXPORTS[fmt], _safe_name(f"checklist-{key}.{fmt}", f"checklist.{fmt}"))


def choose_language(code: str) -> BaseResponse:
    if code not in ("nl", "en"):
        abort(404)
    back = request.args.get("next", "/")
    if not back.startswith("/") or back.startswith("//") or "\\" in back:
        back = "/"
    answer = redirect(back, code=303)
    answer.set_cookie(LANGUAGE_COOKIE, code, httponly=True, samesite="Strict", path="/")
    return answer


# --------------------------------------------------------------------------- helpers


def _safe_name(name: str, fallback: str) -> str:
    """A file name fit for a header: letters, digits, dot, dash and underscore only (never user text as is)."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")
    return cleaned[:120] or fallback


def download(data: bytes, mimetype: str, name: str) -> Response:
    answer = Response(data, mimetype=mimetype)
    answer.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return answer


def register(app: Flask) -> None:
    rules: list[tuple[str, Any, tuple[str, ...]]] = [
        ("/", home, ("GET",)),
        ("/taal/<code>", choose_language, ("GET",)),
        ("/p/<key>/", start, ("GET",)),
        ("/p/<key>/vraag/<qid>", question, ("GET", "POST")),
        ("/p/<key>/controle", check, ("GET", "POST")),
        ("/p/<key>/checklist", tasks, ("GET",)),
        ("/p/<key>/punt/<item_id>", item, ("GET",)),
        ("/p/<key>/punt/<item_id>/aanduiden", mark, ("POST",)),
        ("/p/<key>/punt/<item_id>/mail.eml", mail, ("GET",)),
        ("/p/<key>/punt/<item_id>/herinnering.eml", reminder, ("GET",)),
        ("/p/<key>/export", exports, ("GET",)),
        ("/p/<key>/export/<fmt>", export, ("GET",)),
    ]
    for rule, view, methods in rules:
        app.add_url_rule(rule, view.__name__, view, methods=list(methods))
