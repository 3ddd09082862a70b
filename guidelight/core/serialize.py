"""Pages to plain JSON-able dicts and back, for the page cache and `extract --format json`."""

from __future__ import annotations

from typing import Any

from guidelight.core.model import (
    Figure,
    Lang,
    Page,
    PageQuality,
    Paragraph,
    ParagraphKind,
    Sentence,
    Table,
    TableCell,
    TextSource,
    Word,
)

_CELL_FIELDS = ("text", "row", "col", "row_span", "col_span", "header", "start", "end")
_TABLE_FLAGS = ("header_rows", "header_cols", "continued", "continues")


def table_to_dict(table: Table) -> dict[str, Any]:
    return {
        "rows": table.rows,
        "cols": table.cols,
        **{name: getattr(table, name) for name in _TABLE_FLAGS},
        "cells": [[getattr(cell, name) for name in _CELL_FIELDS] for cell in table.cells],
        "borrowed_headers": list(table.borrowed_headers),
    }


def table_from_dict(data: dict[str, Any]) -> Table:
    cells = tuple(TableCell(**dict(zip(_CELL_FIELDS, values, strict=True))) for values in data["cells"])
    flags = {name: data[name] for name in _TABLE_FLAGS}
    return Table(data["rows"], data["cols"], cells, **flags, borrowed_headers=tuple(data["borrowed_headers"]))


def _figure_to_dict(figure: Figure) -> dict[str, Any]:
    return {"bbox": list(figure.bbox), "caption": figure.caption, "alt": figure.alt, "before": figure.before,
            "read_by_ocr": figure.read_by_ocr}


def _figure_from_dict(data: dict[str, Any]) -> Figure:
    return Figure(tuple(data["bbox"]), data["caption"], data["alt"], data["before"], data.get("read_by_ocr", False))


def page_to_dict(page: Page) -> dict[str, Any]:
    return {
        "number": page.number,
        "text": page.text,
        "source": page.source.value,
        "label": page.label,
        "furniture": list(page.furniture),
        "quality": {
            "thai_chars": page.quality.thai_chars,
            "noise": page.quality.noise,
            "repairs": dict(page.quality.repairs),
        },
        "paragraphs": [
            {
                "start": p.start,
                "end": p.end,
                "kind": p.kind.value,
                "level": p.level,
                "bbox": list(p.bbox),
                "sentences": [
                    {"start": s.start, "end": s.end, "words": [[w.start, w.end, w.lang.value] for w in s.words]}
                    for s in p.sentences
                ],
                **({"table": table_to_dict(p.table)} if p.table is not None else {}),
            }
            for p in page.paragraphs
        ],
        **({"figures": [_figure_to_dict(f) for f in page.figures]} if page.figures else {}),
        **({"dropped": list(page.dropped)} if page.dropped else {}),
        **({"continues": True} if page.continues else {}),
    }


def page_from_dict(data: dict[str, Any]) -> Page:
    paragraphs = tuple(
        Paragraph(
            p["start"],
            p["end"],
            ParagraphKind(p["kind"]),
            p["level"],
            tuple(
                Sentence(s["start"], s["end"], tuple(Word(a, b, Lang(lang)) for a, b, lang in s["words"]))
                for s in p["sentences"]
            ),
            tuple(p["bbox"]),
            table_from_dict(p["table"]) if "table" in p else None,
        )
        for p in data["paragraphs"]
    )
    quality = data["quality"]
    return Page(
        number=data["number"],
        text=data["text"],
        paragraphs=paragraphs,
        furniture=tuple(data["furniture"]),
        source=TextSource(data["source"]),
        quality=PageQuality(quality["thai_chars"], quality["noise"], tuple(sorted(quality["repairs"].items()))),
        label=data.get("label", ""),
        figures=tuple(_figure_from_dict(f) for f in data.get("figures", ())),
        dropped=tuple(data.get("dropped", ())),
        continues=data.get("continues", False),
    )
