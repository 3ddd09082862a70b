"""Pages to plain JSON-able dicts and back, for the page cache and `extract --format json`."""

from __future__ import annotations

from typing import Any

from guidelight.core.model import (
    Lang,
    Page,
    PageQuality,
    Paragraph,
    ParagraphKind,
    Sentence,
    TextSource,
    Word,
)


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
            }
            for p in page.paragraphs
        ],
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
    )
