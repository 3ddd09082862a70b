"""Entry point of the `guidelight` command.

With no subcommand (or with just a PDF path) it opens the desktop app, importing Qt only
then, so the CLI commands start fast and work on machines without a display. Each group
of subcommands lives in its own module with a ``register(subparsers)`` function.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from guidelight import __version__
from guidelight.core.datadirs import prepare_environment
from guidelight.core.errors import GuideLightError

# One module per group of subcommands; each defines register(subparsers).
COMMAND_MODULES = (
    "guidelight.cli.document_cmds",
    "guidelight.cli.speech_cmds",
    "guidelight.cli.library_cmds",
    "guidelight.cli.export_cmds",
    "guidelight.cli.config_cmds",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="guidelight",
        description="Listen to Thai course PDFs. With no command, or with a PDF path, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"guidelight {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _subcommand_names(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def _wants_app(argv: Sequence[str]) -> bool:
    """No arguments, or a document to open: decided before any command module is
    imported, so the app starts without loading PyMuPDF and PyThaiNLP on the way."""
    if not argv:
        return True
    first = argv[0]
    if first.startswith("-"):
        return False
    if first.lower().endswith(".pdf"):
        return True
    return os.path.exists(first) and first not in _subcommand_names(build_parser())


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    prepare_environment()  # portable mode (a marker beside the program) moves every folder
    if _wants_app(args_list):
        from guidelight.gui.app import run_app  # Qt only when the app is wanted

        return run_app(args_list)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except GuideLightError as exc:
        print(f"guidelight: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("guidelight: stopped", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`guidelight extract x.pdf | head`): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
