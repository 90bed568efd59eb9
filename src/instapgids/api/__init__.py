"""The library: personal checklists, the interview and profiles from code, without the command line
(see docs/library.md; a web front-end stands on it).

    from instapgids import api

    content = api.load_content(language="en")
    answers = api.read_answers("examples/lokaal-bestuur-netwerk.yaml", content)
    checklist = api.build_checklist(content, answers, progress={"ddc-dms-toegang": "done"})
    for item in checklist.items:
        print(item.id, item.status, item.title, item.why)
    print(api.export(checklist, "md"))

Everything a function returns is worded in the language of the content it was given (``content.language``),
whatever another thread or caller speaks at the same time: the language is a value, not a setting of the
process. Nothing here prints, prompts or exits; what goes wrong raises an :class:`Error` (a typed subclass),
whose ``str()`` is the message in the content's language (Dutch by default) and names no command-line
option. Importing this module loads neither Typer, click, Rich, questionary nor a web library.
"""

from __future__ import annotations

from instapgids.api._checklist import (
    Checklist,
    Contact,
    Document,
    Item,
    Mail,
    Phase,
    Role,
    Step,
    build_checklist,
    export,
    mails,
)
from instapgids.api._content import load_content, read_answers
from instapgids.api._errors import Status, UnknownItem, UnknownStatus
from instapgids.api._interview import (
    Option,
    Question,
    Term,
    Welcome,
    active_questions,
    answer_text,
    applicable_answers,
    check_answer,
    next_question,
    notices,
    outcome,
    question,
    welcome,
)
from instapgids.api._profiles import (
    Profile,
    ProfileRow,
    finish_interview,
    list_profiles,
    mark,
    open_profile,
    profile_checklist,
    profile_path,
    save_answer,
    save_answers,
)
from instapgids.content.bundle import Content
from instapgids.content.questions import AnswerValue
from instapgids.engine.conditions import Reason
from instapgids.errors import ContentError
from instapgids.errors import UserError as Error
from instapgids.language import UnknownLanguage
from instapgids.store.profiles import AnswersError, ProfileError
from instapgids.store.usecases import NoProfile as ProfileNotFound

__all__ = [
    "AnswerValue",
    "AnswersError",
    "Checklist",
    "Contact",
    "Content",
    "ContentError",
    "Document",
    "Error",
    "Item",
    "Mail",
    "Option",
    "Phase",
    "Profile",
    "ProfileError",
    "ProfileNotFound",
    "ProfileRow",
    "Question",
    "Reason",
    "Role",
    "Status",
    "Step",
    "Term",
    "UnknownItem",
    "UnknownLanguage",
    "UnknownStatus",
    "Welcome",
    "active_questions",
    "answer_text",
    "applicable_answers",
    "build_checklist",
    "check_answer",
    "export",
    "finish_interview",
    "list_profiles",
    "load_content",
    "mails",
    "mark",
    "next_question",
    "notices",
    "open_profile",
    "outcome",
    "profile_checklist",
    "profile_path",
    "question",
    "read_answers",
    "save_answer",
    "save_answers",
    "welcome",
]
