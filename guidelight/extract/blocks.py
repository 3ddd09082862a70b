"""Tables and figures put in their place among a page's paragraphs.

Their lines are kept out of the paragraph flow (a table read as prose is noise), and
each stands where a reader meets it: before the first line below it in its own column.
"""

from __future__ import annotations

from guidelight.extract.figures import FigureDraft
from guidelight.extract.layout import ParagraphDraft, paragraphs, reading_order
from guidelight.extract.lines import Line
from guidelight.extract.tables import TableDraft

Block = ParagraphDraft | TableDraft | FigureDraft
PLACEHOLDER = "\ufffc"  # OBJECT REPLACEMENT CHARACTER: where a table or figure stands
PLACEHOLDER_SIZE = 0.01


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
    inserts = sorted(
        ((_line_index(ordered, block.bbox), block.bbox[1], k) for k, block in enumerate(blocks)), reverse=True
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
