"""One self-contained HTML file: images inline as data URIs, so it can be mailed or copied as is."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from guidelight.core.model import Document
from guidelight.export.markup import STYLE, body_markup
from guidelight.export.structure import Block, ImageBytes, Progress, document_blocks


def write_html(doc: Document, out: Path, images: ImageBytes, progress: Progress | None = None) -> None:
    def data_uri(block: Block) -> str | None:
        png = images(block)
        return "data:image/png;base64," + base64.b64encode(png).decode("ascii") if png else None

    body = "\n".join(body_markup(document_blocks(doc, progress), data_uri).parts)
    out.write_text(
        '<!DOCTYPE html>\n<html lang="th" xml:lang="th">\n<head>\n<meta charset="utf-8"/>\n'
        f"<title>{escape(doc.title)}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        encoding="utf-8",
    )
