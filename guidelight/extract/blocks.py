"""Tables and figures put in their place among a page's paragraphs.

Their lines are kept out of the paragraph flow (a table read as prose is noise), and
each stands where a reader meets it: before the first line below it in its own column.
"""

from __future__ import annotations

from guidelight.extract.figures import FigureDraft
from guidelight.extract.layout import ParagraphDraft, paragraph_starts, paragraphs, reading_order
from guidelight.extract.lines import Line
from guidelight.extract.tables import TableDraft

Block = ParagraphDraft | TableDraft | FigureDraft
PLACEHOLDER = "\ufffc"  # OBJECT REPLACEMENT CHARACTER: where a table or figure stands
PLACEHOLDER_SIZE = 0.01
PROSE_SHARE = 0.5  # a line this share of the text's width or wider is prose a picture must not cut


def _line_index(ordered: list[Line], box: tuple[float, float, float, float]) -> int:
    """Where in the reading order a block stands: before the first line below it that
    shares its columns; failing that, after the last line above it in them; else last."""
    def same_columns(line: Line) -> bool:
        return line.x0 < box[2] and box[0] < line.x1

    for i, line in enumerate(ordered):
        if same_columns(line) and line.y0 >= box[3] - 1.0:
            return i
    above = [i for i, line in enumerate(ordered) if same_columns(line) and line.y1 <= box[1] + 1.0]
    return above[-1] + 1 if above else len(ordered)


def _between_paragraphs(ordered: list[Line], index: int, starts: set[int]) -> int:
    """``index``, or past the rest of the prose paragraph it would cut: a picture set beside
    a paragraph's lines (a magazine's pictures, their boxes reaching up among the lines
    above them) stood among those lines, and a sentence was heard in two paragraphs
    ("... มารยาทในการ" / "แสดงความเคารพ ...").
    Only after a line of prose (half the text's width or more): short labels around a
    picture (a slide's "สถานะการทำงาน", "ควบคุมการปล่อยน้ำ") are kept apart by it."""
    if not 0 < index < len(ordered) or id(ordered[index]) in starts:
        return index
    text_width = max(line.x1 for line in ordered) - min(line.x0 for line in ordered)
    if ordered[index - 1].width < PROSE_SHARE * text_width:
        return index
    while index < len(ordered) and id(ordered[index]) not in starts:
        index += 1
    return index


def _placeholder(index: int, box: tuple[float, float, float, float]) -> Line:
    """A stand-in line for a block: set in a size no text has, so the paragraph rules
    break before and after it and never count it as body text or as a heading."""
    return Line(f"{PLACEHOLDER}{index}", box[0], box[1], box[2], box[3], box[3], PLACEHOLDER_SIZE, False, -1)


def place_blocks(
    lines: list[Line], tables: list[TableDraft], figures: list[FigureDraft], width: float,
    outline_titles: dict[str, int],
) -> list[Block]:
    """The page's paragraphs in reading order with its tables and figures among them."""
    ordered = reading_order(lines, width)
    blocks: list[TableDraft | FigureDraft] = [*tables, *figures]
    starts = paragraph_starts(ordered) if blocks else set()
    inserts = sorted(
        ((_between_paragraphs(ordered, _line_index(ordered, block.bbox), starts), block.bbox[1], k)
         for k, block in enumerate(blocks)), reverse=True
    )
    for line_index, _, k in inserts:
        ordered.insert(line_index, _placeholder(k, blocks[k].bbox))
    result: list[Block] = []
    for draft in paragraphs(ordered, outline_titles):
        if draft.text.startswith(PLACEHOLDER):
            result.append(blocks[int(draft.text[len(PLACEHOLDER) :])])
        else:
            result.append(draft)
    return result
