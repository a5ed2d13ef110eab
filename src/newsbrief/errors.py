"""Errors newsbrief raises on purpose; anything else is a bug.

NewsbriefError          catch this to catch them all
  InputError            the user can fix it: CLI exit code 2, HTTP 422
    SourceError         a file, URL or JSONL line that cannot be read
    EmptyStoryError     no article text left after cleaning
    OptionError         an option out of range
  MissingModelError     an analysis needs a package that is not installed
  BriefCancelledError   the caller cancelled a brief before it was done (the server's client left)

Every message is one line that names the input and says what is wrong, e.g.
``stories.jsonl line 12: no "documents" field`` or ``--words must be at least 20 (got 5)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import threading

INTERRUPTED_EXIT_CODE = 130  # 128 + SIGINT, as shells report it

__all__ = [
    "BriefCancelledError",
    "EmptyStoryError",
    "InputError",
    "MissingModelError",
    "NewsbriefError",
    "OptionError",
    "SourceError",
    "is_interrupt",
    "stop_if_cancelled",
]


class NewsbriefError(Exception):
    """Base class of every error newsbrief raises on purpose."""


class InputError(NewsbriefError):
    """Bad input the user can fix."""


class SourceError(InputError):
    """A file, URL, string or JSONL record that cannot be read as an article."""


class EmptyStoryError(InputError):
    """No article text is left to summarize."""


class OptionError(InputError):
    """An option is out of its allowed range."""


class MissingModelError(NewsbriefError):
    """An analysis needs a package (such as the spaCy English pipeline) that is not installed."""


class BriefCancelledError(NewsbriefError):
    """The brief's ``cancel`` event was set before it was done; ``stage`` is the last one it finished."""

    def __init__(self, stage: str) -> None:
        super().__init__(f"brief cancelled after {stage}")
        self.stage = stage


def stop_if_cancelled(cancel: threading.Event | None, stage: str) -> None:
    """BriefCancelledError when ``cancel`` is set; called after each stage of a brief.

    A thread cannot be stopped from outside, so a brief that nobody waits for any more (the
    server's client went away) stops itself at the next stage boundary instead of running on.
    """
    if cancel is not None and cancel.is_set():
        raise BriefCancelledError(stage)


def is_interrupt(exc: BaseException) -> bool:
    """Whether the exception is a Ctrl-C: KeyboardInterrupt itself, or the SystemError CPython
    raises instead when the interrupt lands inside a compiled function that returns all the same
    (the stream's numba kernels: "CPUDispatcher(<function merge_dots ...>) returned a result with
    an exception set", its direct cause the KeyboardInterrupt)."""
    return isinstance(exc, KeyboardInterrupt) or (
        isinstance(exc, SystemError) and isinstance(exc.__cause__, KeyboardInterrupt)
    )
