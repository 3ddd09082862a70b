"""Tables and figures put in their place among a page's paragraphs.

Their lines are kept out of the paragraph flow (a table read as prose is noise), and
each stands where a reader meets it: before the first line below it in its own column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from guidelight.extract.figures import FigureDraft
from guidelight.extract.layout import (
    Box,
    ParagraphDraft,
    in_box,
    paragraph_starts,
    paragraphs,
    prose_column,
    reading_order,
)
from guidelight.extract.lines import Line
from guidelight.extract.tables import PanelGrid, TableDraft
from guidelight.extract.text_boxes import broken_boxes

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


def _narrowed_beside(ordered: list[Line], boxes: list[tuple[float, float, float, float]]) -> list[Line]:
    """The lines, those standing left of a table or figure (their middle between its top
    and bottom) with their column's right edge (``Line.column_right``) no further than the
    block's left, where they hold a column of justified prose (``layout.prose_column``). The
    block's lines are out of the flow, so the reading order saw one column: an exam's
    instructions beside its score table were measured against the form rows across the page
    above them, every line looked short and each was heard as a paragraph ("1. ข้อสอบมีทั้งหมด
    8 หน้า จำนวน 4 ข้อ ถ้าผู้" / "เข้าสอบได้ข้อสอบไม่ครบ ..."). A chart's axis labels ("93", "92")
    or a slide's legend beside a screenshot are no such column: measured against the block,
    each would look full and run on into the next."""
    edges = {id(line): line.column_right for line in ordered}
    for x0, y0, _, y1 in boxes:
        beside = [line for line in ordered if y0 < (line.y0 + line.y1) / 2 < y1 and line.x1 <= x0]
        if prose_column(beside):
            for line in beside:
                edges[id(line)] = min(edges[id(line)], x0)
    return [replace(line, column_right=edges[id(line)]) for line in ordered]


def _placeholder(index: int, box: tuple[float, float, float, float], right: float) -> Line:
    """A stand-in line for a block: set in a size no text has, so the paragraph rules
    break before and after it and never count it as body text or as a heading. It reaches
    no further right than ``right``: it stands among the lines, and the widest line of a
    column is that column's edge."""
    x0, y0, x1, y1 = box
    return Line(f"{PLACEHOLDER}{index}", x0, y0, min(x1, right), y1, y1, PLACEHOLDER_SIZE, False, -1)


def _text_right(lines: list[Line], left: float, right: float) -> float:
    """The right edge of the text block of the page (or of its region from ``left`` to
    ``right``): where its widest line ends, or as far in from the right edge as its text
    starts from the left, whichever is further. A chart or a table run into the right
    margin stood among the lines as the widest of their column, so every line looked short
    and each was heard as a paragraph ("ตัวแปรที่กำหนดให้ต่างกัน เพื่อดูความ" / "แตกต่าง คือ ...");
    a picture within the margins still shows where the column ends (a page of code beside
    it), as does a table under a book's running head."""
    if not lines:
        return right
    return max(max(line.x1 for line in lines), right - (min(line.x0 for line in lines) - left))


def place_blocks(
    lines: list[Line], tables: list[TableDraft], figures: list[FigureDraft], width: float,
    outline_titles: dict[str, int], furniture: Sequence[Line] = (), panels: Sequence[PanelGrid] = (),
    boxes: Sequence[Box] = (),
) -> list[Block]:
    """The page's paragraphs in reading order with its tables and figures among them
    (``furniture``, the page's running heads and numbers, shows with ``lines`` where its
    text block ends). Each panel of a grid of ``panels`` is laid out as a page of its own,
    row by row, where the grid stands; so are the text ``boxes`` (``text_boxes``) that the
    reading order would break, with the boxes beside them."""
    return _placed(lines, [*tables, *figures], panels, (0.0, width), outline_titles, furniture, boxes=boxes)


def _placed(
    lines: list[Line], blocks: list[TableDraft | FigureDraft], panels: Sequence[PanelGrid],
    span: tuple[float, float], outline_titles: dict[str, int], furniture: Sequence[Line] = (),
    typeset: Sequence[Line] = (), boxes: Sequence[Box] = (),
) -> list[Block]:
    """``place_blocks`` within ``span`` (its left and right); ``typeset`` as for ``layout.paragraphs``."""
    given = lines
    framed: dict[int, list[Block]] = {}
    for grid in panels:
        own = [ln for ln in lines if in_box(grid.bbox, ln.box)]  # all its panels' lines, for their sizes
        framed[id(grid)] = [
            block
            for box in grid.panels
            for block in _placed([ln for ln in own if in_box(box, ln.box)],
                                 [b for b in blocks if in_box(box, b.bbox)], (), (box[0], box[2]), outline_titles,
                                 typeset=own if grid.own_pages else (typeset or given))
        ]
    lines = [ln for ln in lines if not any(in_box(grid.bbox, ln.box) for grid in panels)]
    placed: list[TableDraft | FigureDraft | PanelGrid] = [
        *(b for b in blocks if not any(in_box(grid.bbox, b.bbox) for grid in panels)), *panels
    ]
    ordered = reading_order(lines, span[1], span[0])
    grids = broken_boxes(lines, ordered, boxes, [block.bbox for block in placed])
    if grids:
        return _placed(given, blocks, [*panels, *grids], span, outline_titles, furniture, typeset)
    ordered = _narrowed_beside(ordered, [block.bbox for block in placed])
    starts = paragraph_starts(ordered) if placed else set()
    right = _text_right([*lines, *furniture], *span)
    inserts = sorted(
        ((_between_paragraphs(ordered, _line_index(ordered, block.bbox), starts), block.bbox[1], k)
         for k, block in enumerate(placed)), reverse=True
    )
    for line_index, _, k in inserts:
        ordered.insert(line_index, _placeholder(k, placed[k].bbox, right))
    result: list[Block] = []
    for draft in paragraphs(ordered, outline_titles, typeset):
        if not draft.text.startswith(PLACEHOLDER):
            result.append(draft)
            continue
        block = placed[int(draft.text[len(PLACEHOLDER) :])]
        if isinstance(block, PanelGrid):
            result.extend(framed[id(block)])
        else:
            result.append(block)
    return result
