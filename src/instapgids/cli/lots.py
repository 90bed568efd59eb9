"""`lots show N` on the fast path (``cli/main.py``) and through Typer: only the content and Rich, none of the
profile machinery of ``session``."""

from __future__ import annotations

from instapgids.cli.lines import read_content
from instapgids.errors import UserError


def show_lot(number: str) -> None:
    """`lots show N`: everything about one lot, paged on a terminal."""
    from instapgids.presentation.terminal.console import out, paged
    from instapgids.presentation.terminal.lots import lot_detail, unknown_lot_message

    content = read_content(in_language=True)
    digits = number.strip().lstrip("0") or "0"  # at most a few digits: int() refuses 5,000 of them
    wanted = int(digits) if digits.isdecimal() and digits.isascii() and len(digits) <= 9 else None
    chosen = content.lot_by_number.get(wanted) if wanted is not None else None
    if chosen is None:
        raise UserError(unknown_lot_message(content, number))
    with paged():
        out().print(lot_detail(content, chosen))
