"""The export formats of a checklist, by name: one registry for the command line and the library.

Each format's module is imported only when it is used (none of them needs Rich).
"""

from __future__ import annotations

from importlib import import_module

from instapgids.content.bundle import Content
from instapgids.engine.checklist import Checklist
from instapgids.errors import UserError
from instapgids.language import _, speaking

# format -> (module, function): each function takes the content and a checklist and returns the text
FORMATS = {
    "md": ("instapgids.presentation.as_markdown", "checklist_markdown"),
    "html": ("instapgids.presentation.as_html", "checklist_html"),
    "json": ("instapgids.presentation.as_json", "checklist_json"),
}


def export(content: Content, checklist: Checklist, fmt: str) -> str:
    """The checklist as text in ``fmt`` (a key of :data:`FORMATS`), wholly in the content's language;
    a KeyError for an unknown one."""
    module, function = FORMATS[fmt]
    with speaking(content.language):
        text: str = getattr(import_module(module), function)(content, checklist)
    return text


class UnknownFormat(UserError):
    """An export format that instapgids does not have."""

    def __init__(self, fmt: str) -> None:
        message = _("Onbekend exportformaat '{format}'. Kies uit: {choices}.")
        super().__init__(message.format(format=fmt, choices=", ".join(FORMATS)))
        self.format = fmt


def check_format(fmt: str) -> str:
    """The format's name as :data:`FORMATS` has it (``MD`` is ``md``), or :class:`UnknownFormat`."""
    if fmt.lower() not in FORMATS:
        raise UnknownFormat(fmt)
    return fmt.lower()
