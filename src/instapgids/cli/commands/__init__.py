"""The command line: thin Typer commands over content, rules and renderers, by group.

``shared`` holds the app, the order of ``--help`` and what the commands share; each group registers
its commands on the app: the customer's (``customer``), the profile commands (``profiles``), the
look-ups (``lookups``) and the content team's ``validate`` (``content_team``).
"""

from __future__ import annotations

from instapgids.cli.commands import content_team, customer, lookups, profiles, web
from instapgids.cli.commands.shared import HELP_ORDER, app

__all__ = ["HELP_ORDER", "app", "content_team", "customer", "lookups", "profiles", "web"]
