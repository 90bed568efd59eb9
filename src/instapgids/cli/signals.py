"""SIGTERM and SIGHUP end the interview the way Ctrl-C does: answers kept, terminal restored.

A signal arrives while prompt_toolkit waits for a key in raw mode with the cursor hidden. Raising
from the handler there would skip prompt_toolkit's clean-up; instead the running prompt is asked
to exit with :class:`Stopped`, so it restores the terminal (echo, cursor) on its normal way out,
and the session reports where the answers are.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType


class Stopped(Exception):
    """The process was asked to stop (SIGTERM) or its terminal went away (SIGHUP)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.exit_code = 128 + signum


def _handler(signum: int, frame: FrameType | None) -> None:
    from prompt_toolkit.application.current import get_app_or_none

    app = get_app_or_none()
    future = getattr(app, "future", None)
    if app is not None and app.is_running and future is not None and not future.done():
        # From the event loop's own thread, but woken through its self-pipe: a plain call here
        # would only run once the next key is pressed.
        app.loop.call_soon_threadsafe(lambda: future.done() or app.exit(exception=Stopped(signum)))  # type: ignore[union-attr]
        return
    raise Stopped(signum)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within this block, SIGTERM and SIGHUP raise :class:`Stopped` (also out of a running prompt)."""
    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {s: signal.signal(s, _handler) for s in wanted}
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)
