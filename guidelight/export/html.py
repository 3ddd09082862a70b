"""One self-contained HTML file: images inline as data URIs, so it can be mailed or copied as is."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from html import escape
from pathlib import Path

from guidelight.core.model import Document, Table
from guidelight.export.markup import STYLE, ImageSource, block_markup, continuation_rows, wrap_lists
from guidelight.export.structure import (
    Block,
    BlockKind,
    ImageBytes,
    Progress,
    document_blocks,
    joins,
    repeated_header_rows,
)


def _joined(blocks: Iterable[Block], image_src: ImageSource) -> list[str]:
    """Markup of the blocks, a table's parts over page breaks joined into one table (the
    page-break marker goes into the first cell of the page's first row), lists wrapped."""
    parts: list[tuple[BlockKind, str]] = []
    marker = ""
    open_table: tuple[int, Table] | None = None  # index in parts, model table
    for block in blocks:
        if block.kind is BlockKind.PAGE:
            if marker:  # the page before had nothing on it
                parts.append((BlockKind.PAGE, marker))
            marker = block_markup(block, image_src)
            continue
        table = block.table if block.kind is BlockKind.TABLE else None
        if table is not None and open_table is not None and joins(open_table[1], table):
            index, before = open_table
            rows = continuation_rows(block, repeated_header_rows(before, table), marker)
            html = parts[index][1]
            if html.endswith("</tbody></table>"):
                html = html.removesuffix("</tbody></table>") + rows + "</tbody></table>"
            else:
                html = html.removesuffix("</table>") + f"<tbody>{rows}</tbody></table>"
            parts[index] = (BlockKind.TABLE, html)
            marker, open_table = "", (index, table)
            continue
        if marker:
            parts.append((BlockKind.PAGE, marker))
            marker = ""
        parts.append((block.kind, block_markup(block, image_src)))
        open_table = (len(parts) - 1, table) if table is not None else None
    if marker:
        parts.append((BlockKind.PAGE, marker))
    return wrap_lists(parts)


def write_html(doc: Document, out: Path, images: ImageBytes, progress: Progress | None = None) -> None:
    def data_uri(block: Block) -> str | None:
        png = images(block)
        return "data:image/png;base64," + base64.b64encode(png).decode("ascii") if png else None

    body = "\n".join(_joined(document_blocks(doc, progress), data_uri))
    out.write_text(
        '<!DOCTYPE html>\n<html lang="th" xml:lang="th">\n<head>\n<meta charset="utf-8"/>\n'
        f"<title>{escape(doc.title)}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        encoding="utf-8",
    )
