"""Errors a user must be told about in one plain line, never as a traceback."""

from __future__ import annotations


class GuideLightError(Exception):
    """Base of every error the CLI and app turn into a one-line message."""


class DocumentError(GuideLightError):
    """A document cannot be opened or read; the message names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class PasswordRequired(DocumentError):
    """The PDF is encrypted; the CLI asks for --password, the app asks the user."""


class NoTextLayer(DocumentError):
    """No page has readable text and OCR cannot run; the message says what to install."""
