"""The library's own errors, and the statuses it takes."""

from __future__ import annotations

from typing import Literal

from instapgids.errors import UserError as Error
from instapgids.language import _

Status = Literal["open", "doing", "done", "blocked"]  # the same words as the JSON export (schema 3)
MARKS = ("open", "doing", "done")  # what a user can mark an item as


# --------------------------------------------------------------------------- errors


class UnknownItem(Error):
    """An item id that the content does not have (or, for :func:`mark`, that is not on this checklist)."""

    def __init__(self, message: str, item_id: str) -> None:
        super().__init__(message)
        self.item_id = item_id


class UnknownStatus(Error):
    """A status other than "open", "doing" or "done"."""

    def __init__(self, status: object) -> None:
        super().__init__(
            _("Onbekende status '{status}'. Kies uit: {choices}.").format(status=status, choices=", ".join(MARKS))
        )
        self.status = status
