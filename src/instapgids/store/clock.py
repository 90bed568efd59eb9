"""Today, the user's local day: what progress dates are recorded with and counted from.

``INSTAPGIDS_TODAY=2026-12-04`` sets it (tests, and trying out how a profile looks weeks later).
"""

from __future__ import annotations

import os
from datetime import date

from instapgids.errors import UserError
from instapgids.language import _


def today() -> date:
    """The local date, or the one ``INSTAPGIDS_TODAY`` gives (YYYY-MM-DD)."""
    given = os.environ.get("INSTAPGIDS_TODAY")
    if not given:
        return date.today()
    try:
        return date.fromisoformat(given.strip())
    except ValueError:
        raise UserError(_("INSTAPGIDS_TODAY is geen datum als JJJJ-MM-DD: '{value}'.").format(value=given)) from None
