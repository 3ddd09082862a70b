"""From the lines of a page to paragraphs in reading order, without page furniture.

Three decisions, each from geometry and type alone: which lines are running headers,
footers and page numbers; in what order the columns are read; where one paragraph ends
and the next begins (and which paragraphs are headings).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from itertools import pairwise

from guidelight.extract.budget import check_time
from guidelight.extract.figures import CAPTION
from guidelight.extract.lines import Line
from guidelight.thai.digits import to_arabic
from guidelight.thai.fit import word_across
from guidelight.thai.names import has_title
from guidelight.thai.repair import is_mark
from guidelight.thai.segment import ABBREVIATION_END as _ABBREVIATION_END
from guidelight.thai.segment import thai_words

MARGIN_SHARE = 0.1  # running heads and feet live in the top and bottom tenth of a page ...
RUNNING_SHARE = 0.2  # ... or, on the first or last row, with a page number, in the fifth
_RUNNING_PIECES = 3  # a running row's pieces at most: a head at each side and the number
_HEAD_CHARS = 40  # characters of a running head with its number in its line, at most
_APART = 4.0  # font sizes: a line this far from the rest of its row stands alone on it
_PLACE_STEP = 4.0  # points: page numbers nearer than this in height stand in one place
SHORT_HEAD = 0.4  # of the text's width: a running head is no wider, a note in small print is
_LIST_STEP = 2.5  # of the font size: a list item is indented at most this far from the line above
TITLE_STEP = 2.2  # of the font size: the most a title's lines are apart, baseline to baseline
RAGGED = 3.0  # of the font size: a full line ends at most this far short of its column's edge
HEADING_RATIO = 1.15  # a line this much larger than another is set as a heading
TITLE_RATIO = 1.3  # a line this much larger than the body is a title even if it ends in a stop
CENTRED_SHARE = 0.7  # a centred title line is at most this share of the text's width
TITLE_OVER_BODY = 1.0  # points: a repeated margin line this much larger than the body is a title
Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def in_box(box: Box, inner: Box) -> bool:
    """Is the middle of ``inner`` within ``box``?"""
    x, y = (inner[0] + inner[2]) / 2, (inner[1] + inner[3]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


_TABLE_CELLS = 3  # lines on one row that make it a table's, not a running head's
_MAX_EDGE_ROWS = 50  # table rows in a page's margins beyond which none is judged a header
_MAX_PAGE_NUMBERS = 8  # number-like lines in a page's margins beyond which none is its page number
_ITEM_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"  # list items' letters, in order
_ITEM_NUMBER = re.compile(r"^\(?(?:((?:[\d๐-๙]{1,3}\.)*[\d๐-๙]{1,3})[.)]?|([\u0e01-\u0e2e])[.)])\s")
_COUNTED_NUMBER = re.compile(r"^[\d๐-๙]{1,4}$")  # a slide's or a page's number, as it stands alone
_RANGE_WRAPPED = re.compile(r"^[-–]\s*[\d๐-๙]")  # a dash and a number: a range's end, or an item
_DIGIT_END = re.compile(r"[\d๐-๙]$")
# Words that a number follows, ending a line: a date's day, an ordinal, a limit, a count
_AWAITS_NUMBER = re.compile(
    r"(?:วันที่|ครั้งที่|ลำดับที่|ฉบับที่|ปีที่|เล่มที่|หมู่ที่|ห้องที่|ภาคเรียนที่|เลขที่|หมายเลข|ไม่เกิน|"
    r"ไม่ต่ำกว่า|ไม่น้อยกว่า|อย่างน้อย|จำนวน|ประมาณ|ร้อยละ|มาตรา|ถึง|ละ|รวม|ทั้งสิ้น|อายุ|เวลา)\s*$"
)
_COUNT_START = re.compile(r"[\d๐-๙]+(?:[.,:/][\d๐-๙]+)*\s")  # a number and a space: no list item's "1."
_ITEM_REACH = 4  # paragraphs back an item may be the one before the next (its date, its note between)
_THAI_WORD_END = re.compile(r"([\u0e01-\u0e4e]+)-$")  # a Thai word and a hyphen at a line's end
_THAI_WORD_START = re.compile(r"[\u0e01-\u0e4e]+")
_NAME_WORDS = 5  # a title, a name and surname, and an ID or a role at most: a name's line, not a sentence
_NAME_CHARS = 45  # characters of a line holding a person's name alone, at most
# a labelled item's number, "ขั้นตอนที่ 2", "หมายเลข 9", "Step2": not a year, a decimal or a time
_LABELLED_NUMBER = re.compile(r"^([\u0e01-\u0e4eA-Za-z]{2,16})\s?([\d๐-๙]{1,3})(?![\d๐-๙,/:\-]|\.[\d๐-๙])")
_RUN_ON_INDENT = 6.0  # font sizes in from its column's edge: a line this far in is no wrapped line
_ROOM_LEFT = 3.0  # font sizes a line leaves at its end, at least, for a line at an indent after it to start anew
_TAIL_GAP = 1.5  # of a column's usual gap between lines: set apart below the other column ...
_TAIL_SIZES = 0.25  # ... and by this much of the font size beyond it
_PAIRED_SHARE = 0.8  # of a column of values, on rows with a line of the other side ...
_VALUE_SHARE = 0.7  # ... and their median width at most this share of those lines'
_TAIL_BLANK_LINES = 2  # the other column's lines standing in the blank above such a tail
_MAX_CROSSING = 2  # narrow lines that may cross a gutter (a poster's authors line) ...
_LINES_PER_CROSSING = 40  # ... one for each this many narrow lines (a poem's title over 12 rows: none)
_OVER_COLUMNS = 4  # lines more that may cross it above or below both columns (a title block) ...
_TITLE_BLOCK = 8  # ... or, before the rows beside it are known, an article's: its title's two
# lines, authors, affiliations, e-mails, its abstract's last line and its keywords
_JUSTIFIED_SHARE = 0.6  # of a column's lines ending at one edge (within a point): it is justified ...
_JUSTIFIED_LINES = 6  # ... and at least this many
_FILLED = 0.12  # of a column's width: a line of ragged prose ends within this of its column's end ...
_LONE_ROWS = 3  # ... and two such columns on one line grid have this many rows with words on one side only
SAME_ROW = 0.35  # of the font size: lines whose baselines are this close sit on one row
_GUTTER_ROWS = 3  # rows with one gap between two wide lines that make it a gutter ...
_COLUMN_SIZES = 8  # ... lines at least this many font sizes wide
_MIN_GUTTER = 8.0  # points: a narrower strip between columns is only one ``_close_gutters`` found
_JUSTIFIED_EDGE_LINES = 10  # wide lines ending at a gap's left edge and starting at its right: two columns
_TOUCHING = 0.75  # of the font size: a ragged box's longest line ends this near the next box
_GRID_ROWS = 2  # rows of two boxes, headed on one row, that make a stretch a grid of boxes
_EDGE_SLACK = 1.0  # points: a line ends at a gutter's edge, or starts at it, within this
_UNLIKE_SIZES = 1.3  # a bold piece of a row this many times the size of the regular one after it ...
_UNLIKE_GAP = 0.3  # ... and more than this many of the latter's size before it is a heading beside it
_DROP_CAP_SIZE = 2.0  # a paragraph's initial set this many times its text's size or more ...
_DROP_CAP_REACH = 1.0  # ... starting its first line within this many of that line's size of its edge
_MAX_SPACING = 2.6  # of the font size: a paragraph's own line step is at most this (double spacing) ...
_SAME_STEP = 0.04  # ... and its lines' steps agree within this share
_CENTRE_SLACK = 0.35  # of the font size: lines whose centres are this close are centred alike
_LABEL_CHARS = 40  # a run-in label in bold at a line's start is at most this long
_LABEL_END = re.compile(r"[:：]$|[^\d๐-๙.][\d๐-๙]+(?:\.[\d๐-๙]+)*\.?$")  # "ผู้พัฒนาระบบ :", "บทนิยาม 2.2"
# A page number: digits, Roman numerals, or one Thai letter (a thesis numbers its front
# matter ก, ข, ค ...), with "หน้า" or "page" before it, dashes, brackets or bars round it
# ("| 52"), or "/ 20".
_PAGE_NUMBER = re.compile(
    r"^(?:หน้า(?:ที่)?|page|p\.)?\s*[-–—(\[|]?\s*(?:[\d๐-๙ivxlcIVXLC]{1,5}|[ก-ฮ])\s*[-–—)\]|]?"
    r"(?:\s*(?:/|of|จาก)\s*[\d๐-๙]+)?$",
    re.IGNORECASE,
)
# A list item: a bullet (Word's second level is an "o"), a circled number, "1." / "1)" / "(1)", "ก." / "ก)" /
# "A)", or "ข้อ 1" followed by a space; or a dash or a number set close to Thai
# ("-เก็บรวบรวม ...", "2.พัฒนาระบบ ..."), which no wrapped line starts with (Thai is not
# hyphenated, and a wrapped "2.5 เมตร" has a digit after its point).
_MARKER = r"(?:[•●▪◦○■□☐➢►✓\-–*o①-⑳❶-❿]|\(?[\d๐-๙]{1,3}[.)]|[\u0e01-\u0e2eA-Za-z][.)]|ข้อ\s*[\d๐-๙]+\.?)"
_LIST_ITEM = re.compile(rf"^(?:{_MARKER}\s|(?:[-–]|\(?[\d๐-๙]{{1,3}}[.)])(?=[\u0e01-\u0e2e\u0e40-\u0e44]))")
# A list item's marker standing alone, its text set a tab away on its row ("1." ... "ผู้จัดทำ...");
# not "*", a truth table's "don't care" beside its "True".
_LONE_MARKER = re.compile(rf"^(?!\*$){_MARKER}$")
_MARKER_REACH = 4.0  # font sizes: how far a lone marker's text may stand from it
_GUTTER_REACH = 12.0  # font sizes: how far a listing's line may start from its small number
_SPREAD_REACH = 4.0  # font sizes: how far apart the pieces of a line justified with wide gaps stand
_FIRST_INDENT = 3.0  # font sizes: a paragraph's first line starts at most this far in from its column's edge
_EDGE_LINES = 3  # lines starting (or ending) at one point that make it a column's edge
_BULLETED = re.compile(r"^(?:[•●▪▫◦○■➢►▸▹‣✓✔❖◆➤]|[-–]\s)")  # a list's point (``_listed_sections``)
_FIELD = re.compile(r"\S\s*:\s*\S")  # a form's field: its label, a colon, its value
_FIELD_RUN = 3  # fields set as headings one after another: a form's, not sections
# A cover's byline: "จัดทำโดย" (by), "เสนอ" (submitted to) and their names
_COVER_LABEL = re.compile(r"(?:จัดทำโดย|ผู้จัดทำ|นำเสนอ|เสนอ)(?:[\s:]|$)")
_NAME_RUN = 2  # names set as headings one after another: a cover's authors, not sections
_LISTING_LINES = 3  # code lines of one size that make a listing
_LIST_END_ROOM = 0.15  # of the column's width: a list item's line ending this short of its edge ended it
_NUMBERED_HEADING = re.compile(r"^(?:บทที่\s*[\d๐-๙]+|[\d๐-๙]+(?:\.[\d๐-๙]+)+\.?)\s+\S")
_CATCHWORD = re.compile(r"^/\s*(\S.*?)\s*(?:\.{2,}|…)$")  # "/ข้อ ๑๑ หนังสือภายนอก...": the next page's first words
# A row of dots set small in a margin: Beamer's mini-frames, a dot for each slide of each
# section, under every slide of a deck (b18_22: 110 lines of dots). A count of slides
# differing from page to page, they never recur as a running foot does.
_NAVIGATION_DOTS = re.compile(r"^[.·•\s]+$")
_FILL_IN = re.compile(r"(?:[.…_]\s?){4,}")  # dots or underscores left for a form's answer
_BALLOT_BOX = re.compile("[☐☑☒]")
_NOTE = re.compile(r"^(?:[*※]|หมายเหตุ|note\b)", re.IGNORECASE)  # a note, whatever its weight
_FORMULA = re.compile("[=≠≤≥]")  # a numbered line with an equation is an exercise ("1.5. y = x⁵ + 7x³"), no section
# A contents line: a leader of dots (or "…", "_", "·") and the page it points to
# ("บทนำ ........ 1", "บทคัดย่อ .... (1)", "ภาคผนวก …… ก"). It ends its entry however far
# across it runs: the leader is drawn to the column's edge on purpose.
# A contents entry's page number set apart at its row's end: "5", "๑๗", "ข-ค", "2-3", "(4)".
_PAGE_REF = re.compile(r"^\(?(?:[\d๐-๙]{1,4}|[ivxlcIVXLC]{1,6}|[ก-ฮ])(?:\s*[-–]\s*(?:[\d๐-๙]{1,4}|[ก-ฮ]))?\)?$")
_CONTENTS_ROWS = 3  # page numbers in one column that make a contents page
_CONTENTS_ENTRY = re.compile(r"(?:[.…_·]\s?){4,}\s*\(?(?:[\d๐-๙]{1,4}|[ivxlcIVXLC]{1,6}|[ก-ฮ])\)?$")
# A running head with its page number set in the same line: "128 ปัญญาประดิษฐ์", "บทที่ 6 129".
_NUMBERED_HEAD = re.compile(r"^[\d๐-๙]{1,4}\s+\S|\S\s+[\d๐-๙]{1,4}$")
_SECTION_NUMBER = re.compile(r"^(?:[\d๐-๙]+\.)*[\d๐-๙]+\.?$")  # "3.3.4" alone, its title set apart
_CHAPTER_ONLY = re.compile(r"^(?:บทที่|ภาคที่|ส่วนที่|chapter|part)\s*[\d๐-๙ivxlcIVXLC]+$", re.IGNORECASE)
_CHAPTER_NUMBER = re.compile(r"(บทที่|ภาคที่|ส่วนที่|chapter|part)\s*([\d๐-๙]+)", re.IGNORECASE)
_DIGITS_AS_LETTERS = str.maketrans("0123456789๐๑๒๓๔๕๖๗๘๙", "abcdefghijabcdefghij")
_SENTENCE_END = re.compile(r"[.:;,!?…]$")
_CLAUSE_END = re.compile(r"[.:;,]$")  # not "?": a slide's title asks ("ทำไมต้องเรียน?")
_FULL_STOP = re.compile(r"[.:;!?…][\"”’)]?$")
_THAI = re.compile("[\u0e00-\u0e7f]")
_LETTER = re.compile("[\u0e01-\u0e2e\u0e30-\u0e45A-Za-z]")
_WORDY_LETTERS = 2  # letters in a line that holds words: "ก" is a page number
_DIGITS = re.compile(r"[\d๐-๙]+")
_NOT_KEY = re.compile("[^\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46A-Za-z#]")
# A line starting with a dotted abbreviation ("พ.ศ. 2566") was broken at a space: a word
# glued onto an abbreviation ("ในพ.ศ.") would hide it from speech normalization.
_ABBREVIATION_START = re.compile(r"^[\u0e01-\u0e2e]{1,3}\.")


@dataclass(frozen=True)
class ParagraphDraft:
    """A paragraph before segmentation: its text, whether it is a heading, and where."""

    text: str
    heading_level: int  # 0 for body text
    bbox: tuple[float, float, float, float]
    tail: Line | None = None  # its last line: the page's last paragraph may go on overleaf
    room: float = 0.0  # points free at the end of its last line, up to its column's edge
    indent: float = 0.0  # how far its last line starts in from its column's left edge
    head: Line | None = None  # its first line: a label there is looked for atop the next page


def runs_on(draft: ParagraphDraft, next_line: Line) -> bool:
    """Does the page's last paragraph go on in ``next_line``, the next page's first?

    It does when its last line was broken because the next page's first word did not
    fit on it (the rule that joins a paragraph's lines), and nothing on the next page
    says a paragraph begins: no other size or weight, no list item or numbered
    heading, no sentence end before the break, no last line set far in from its
    column's left edge (an adviser's name under a signature ran on into the next page's
    title).
    """
    last = draft.tail
    if last is None or draft.heading_level or _FULL_STOP.search(last.text) or _contents_entry(last):
        return False
    if CAPTION.match(draft.text) or CAPTION.match(next_line.text):
        return False  # a figure's caption ends a page, or begins one (รูปที่ 6–5 ...)
    if draft.indent > _RUN_ON_INDENT * last.size:
        return False  # set far in (a signature, a date, a centred title): not a wrapped line
    if abs(last.size - next_line.size) >= 0.5 or last.bold != next_line.bold:
        return False
    if _NUMBERED_HEADING.match(next_line.text) or _LIST_ITEM.match(next_line.text):
        return False
    if _run_in(draft.head or last, last, next_line):
        return False  # a theorem's head atop the next page ("ทฤษฎีบท 5.3. (ZL) ⇒ (WOP)")
    # No word is half a column wide: a last line left half empty ended its paragraph,
    # whatever the next page's first run of Thai without a space measures.
    column = last.x1 + draft.room - draft.bbox[0]
    return min(_first_word_width(next_line), column / 2) >= draft.room - 0.5 * last.size


def furniture_key(text: str) -> str:
    """What two pages' running heads share: they differ only by their numbers, and only
    letters count (a mark repaired on one page may be raw on the other, or a mark of the
    line below may be read into the head). A chapter's number is part of it, spelt in
    letters: "บทที่ 2" to "บทที่ 5" over four one-page chapters were dropped as one running
    head, while a head naming its chapter repeats that number on every page of it. Sara am
    counts as sara aa: a Word file's raw layer draws sara aa with sara am's glyph
    ("อำจำรย์" for อาจารย์), which the page's own reading repairs, and its running head
    and foot were heard on all 20 pages. A line of no letters is its own key, numbers and
    all: a slide's table cell "15%" in the bottom tenth matched the next slide's number
    ("20") as "#" and was dropped, while a footer's date "1/31/2021" recurs as it is."""
    key = _NOT_KEY.sub("", _DIGITS.sub("#", _CHAPTER_NUMBER.sub(_chapter_letters, text))).replace("\u0e33", "\u0e32")
    if key.strip("#") or not key:
        return key  # letters; or none and no digit either ("}" ending a slide's code): no key
    return "=" + "".join(text.split())


def _chapter_letters(match: re.Match[str]) -> str:
    """"บทที่ 2" as "บทที่#c": a chapter's number spelt in letters, for ``furniture_key``."""
    return f"{match[1]}#{match[2].translate(_DIGITS_AS_LETTERS)}"


def counting_keys(x0: float, y0: float, x1: float, y1: float, text: str, page: int) -> tuple[str, ...]:
    """Keys of a number standing alone at this place, as page ``page``'s number would: its
    height and its left or its right edge (a number set flush right widens to the left at
    10), with its value less the page's own. PowerPoint sets a slide's number in its title
    bar, below the slide's top fifth ("4" under "บทนำ (Overview)" at 21%), where no margin
    rule looks; but on the slides nearby a number stands in the same place and counts up
    with them, which nothing else a page holds does. A number set centred (a Canva deck's,
    b19_01: "9" and "10" share neither edge) keeps its middle. No number: no keys."""
    offset = _page_offset(text, page)
    if offset is None:
        return ()
    height = round((y0 + y1) / 2 / _PLACE_STEP)
    return (f"#{offset}<{round(x0 / _PLACE_STEP)}@{height}", f"#{offset}>{round(x1 / _PLACE_STEP)}@{height}",
            f"#{offset}|{round((x0 + x1) / 2 / _PLACE_STEP)}@{height}")


def own_number_key(text: str, page: int) -> str:
    """The key of a number alone in a page's margins, by how far it is from the page's own
    number: the pages of one numbering share it, wherever each sets its number. No number:
    no key."""
    offset = _page_offset(text, page)
    return "" if offset is None else f"page#{offset}"


def _page_offset(text: str, page: int) -> int | None:
    """How far ``text``, a number standing alone (``_COUNTED_NUMBER``), is from page
    ``page``'s own number: what the pages of one numbering share. None for anything else."""
    text = text.strip()
    return int(to_arabic(text)) - page if _COUNTED_NUMBER.match(text) else None


def in_margin(y0: float, y1: float, height: float, share: float = MARGIN_SHARE) -> bool:
    """Does a line lie in the top or bottom margin (``share`` of the page), where running
    heads and feet are?"""
    return y1 <= height * share or y0 >= height * (1 - share)


def page_number_like(text: str) -> bool:
    """Could ``text`` be a page number: digits, Roman numerals or one Thai letter, with
    "หน้า", dashes or brackets about it (``_PAGE_NUMBER``)?"""
    return bool(_PAGE_NUMBER.match(text.strip()))


def printed_page_number(furniture: list[str]) -> str:
    """The page number printed in the margin ("หน้า 12", "- 12 -"), as the lecturer says it."""
    for text in furniture:
        if _PAGE_NUMBER.match(text.strip()):
            found = re.search(r"[\d๐-๙]+|[ivxlcIVXLC]+|[ก-ฮ]$", text.strip())
            if found:
                return found.group()
    return ""


# Letters and digits of prose on a page enough to set its body size without its code:
PROSE_ENOUGH = 100  # about two lines


def body_size(lines: list[Line]) -> float:
    """The font size most of the page's letters and digits are set in.

    Not all its characters: a worksheet's answer lines of dots, set small, would make
    every question look larger than the body, and so a heading. Nor a code listing's,
    set small in a monospaced font, where the page has prose enough besides: a textbook
    page that is mostly code made every sentence of its prose a heading.
    """
    weights: Counter[float] = Counter()
    prose = [line for line in lines if not line.mono]
    if sum(sum(ch.isalnum() for ch in line.text) for line in prose) >= PROSE_ENOUGH:
        lines = prose
    for line in lines:
        weights[line.size] += sum(ch.isalnum() for ch in line.text)
    if not weights or not max(weights.values()):
        weights = Counter({line.size: len(line.text) for line in lines})
    return weights.most_common(1)[0][0] if weights else 0.0


class Recurrence(Enum):
    """Whether a margin line's text (numbers aside) is on the pages nearby."""

    ALONE = "alone"  # on no nearby page
    FIRST = "first"  # on a later page nearby and on no earlier one: this page has it first
    AGAIN = "again"  # on an earlier page nearby


def split_furniture(
    lines: list[Line],
    height: float,
    recurrence: Callable[[str, float], Recurrence] | None,
    tables: Sequence[Box] = (),
    counted: Callable[[Line], bool] = lambda line: False,
    body_there: Callable[[Line], bool] = lambda line: False,
    slide: bool = False,
    own_number: Callable[[Line], bool] = lambda line: False,
    next_page_starts: Callable[[str], bool] = lambda words: False,
) -> tuple[list[Line], list[Line], list[Line]]:
    """Separate page furniture from the reading text: (body, furniture, guessed).

    A line in the top or bottom margin is furniture when it is a page number or recurs
    (numbers aside) in the same band of a neighbouring page (``recurrence(key, share)``);
    but a title the pages repeat (set larger than
    their body text: a calendar's ปฏิทินกิจกรรมสหกิจศึกษา on each of its pages) is heard
    on the first page that has it. Small print alone is no sign: a form's notes at its
    foot (หมายเหตุ ...) are set small and must be heard. Only where there is no other page
    to compare with (``recurrence`` is None: a one-page document) is a short line set
    smaller than the body at its head taken for a running head; such lines are also
    returned as ``guessed``, for the page to say it left them out. At its foot such lines
    are a poster's authors and their student numbers, heard. A number that ``counted`` says
    counts up with the pages in its place (``counting_keys``) is a page number wherever
    it stands. On a ``slide`` (a page wider than tall) a line the slides after it repeat
    at their top is a title too, whatever its size: a deck's title bar names the part
    its slides show ("LAB 01 - HTML Chat" over five slides, then "LAB 02 ...").
    A line between the page's running head and its body is the body's where
    ``body_there`` says pages nearby begin their body text in its place
    (``_between_head_and_body``). A number alone in a first or last row is a page number
    too where ``own_number`` says it is the page's own by the count of the page numbers
    nearby, wherever they stand: a LaTeX book sets a chapter's first page number at its
    foot and the others' at their heads. The page's last line is a catchword when it
    repeats, between "/" and "...", the words ``next_page_starts`` with: a Thai official
    document ends each page so ("/ข้อ ๑๑ หนังสือภายนอก..."), and a listener heard each
    page's first words twice, the first time with a slash and an ellipsis.
    """
    size = body_size(lines)
    text_width = max((ln.x1 for ln in lines), default=0.0) - min((ln.x0 for ln in lines), default=0.0)
    body: list[Line] = []
    furniture: list[Line] = []
    guessed: list[Line] = []
    known: dict[int, Recurrence] = {}

    def numbered_there(line: Line) -> bool:
        """Does a page nearby have a number alone in the same place (a page number)?"""
        key = number_place_key(line.y0, line.y1)
        return (recurrence is not None and recurrence(key, RUNNING_SHARE) is not Recurrence.ALONE) or own_number(line)

    def repeated(line: Line) -> bool:
        """Do pages nearby have this line near their edges too (numbers aside)?"""
        if recurrence is None:
            return False
        return recurrence(furniture_key(line.text), RUNNING_SHARE) is not Recurrence.ALONE

    page_rows = _rows(lines)  # grouped once for the three rules below
    running = _running_rows(page_rows, height, numbered_there, repeated)

    def at_edge(line: Line) -> bool:
        return in_margin(line.y0, line.y1, height) or id(line) in running

    def recurs(line: Line) -> Recurrence:
        """Whether a margin line recurs on the pages nearby (a body line: ALONE)."""
        if recurrence is None or not at_edge(line):
            return Recurrence.ALONE
        if id(line) not in known:
            share = MARGIN_SHARE if in_margin(line.y0, line.y1, height) else RUNNING_SHARE
            known[id(line)] = recurrence(furniture_key(line.text), share)
        return known[id(line)]

    in_body = (
        _table_rows_at_edges(page_rows, height, tables)
        | _numbered_code(page_rows)
        | _numbers_amid_text(lines, at_edge, recurs)
        | _stacked_on_text(lines, at_edge)
        | _between_head_and_body(lines, at_edge, recurs, body_there, slide)
    )
    echoed = _echoed_heads(lines, at_edge)
    # A slide's number stands on a row of its own, or far from the title on its first row or
    # the footer on its last (a Canva deck's at the right of its title bar); a number heading
    # each page's one section ("2" beside "ระบบเข้าสู่ระบบ (Login)", "3" on the next page)
    # counts up with them too, and so do a contents page's numbers, far from their entries.
    alone = {id(row[0]) for row in page_rows if len(row) == 1}
    alone |= {id(line) for row in page_rows[:1] + page_rows[-1:] for line in _standing_apart(row)}
    # The page's own number, where one counts up with the pages: a second number alone in
    # the margin is then the page's text (a fraction's numerator under a formula at the
    # foot, "1" of 1/x², was dropped and "f(x) = x²" heard).
    numbered = {id(line) for line in lines if id(line) in alone and counted(line)}
    last = page_rows[-1] if page_rows else []
    # (the last row above the page's number and running foot: "/2.6 นายยุทธพงษ์..." over a
    # memo's own "-2-" and the report's title repeated at each page's foot)
    cue_row = next((row for row in reversed(page_rows)
                    if not all(page_number_like(ln.text) or repeated(ln) for ln in row)), [])
    catchwords = {id(line) for line in cue_row
                  if (cue := _CATCHWORD.match(line.text.strip())) and next_page_starts(cue.group(1))}
    # A document of one page has no neighbour to show where its numbers stand: a number alone
    # on its last row, in the bottom fifth and set smaller than the body, is its page number
    # (an XeTeX essay's "1" at 83% of the page was read after its last sentence).
    foot = last[0] if recurrence is None and len(last) == 1 else None
    lone_number = {id(foot)} if foot is not None and _COUNTED_NUMBER.match(foot.text.strip()) \
        and foot.size < size - 0.5 and in_margin(foot.y0, foot.y1, height, RUNNING_SHARE) else set()
    for line in lines:
        margin = at_edge(line) and id(line) not in in_body
        repeats = recurs(line) if margin else Recurrence.ALONE
        title = line.size >= size + TITLE_OVER_BODY or (slide and line.y1 <= height / 2)
        second = bool(numbered) and bool(_COUNTED_NUMBER.match(line.text.strip()))  # (not the page's own)
        # (dots laid out in rows and columns look like a table's rows: a margin's all the same)
        dots = at_edge(line) and _NAVIGATION_DOTS.match(line.text) and line.size < size - 0.5
        if id(line) in numbered or id(line) in catchwords or id(line) in lone_number or dots or (
            margin
            and not second
            and (
                _PAGE_NUMBER.match(line.text.strip())
                or id(line) in echoed
                or repeats is Recurrence.AGAIN
                or (repeats is Recurrence.FIRST and not title)
            )
        ):
            furniture.append(line)
        elif margin and recurrence is None and line.y1 <= height / 2 and line.size < size - 0.5 \
                and line.width < SHORT_HEAD * text_width:
            furniture.append(line)
            guessed.append(line)
        else:
            body.append(line)
    return body, furniture, guessed


def panel_number(lines: list[Line]) -> list[Line]:
    """The number standing alone in the bottom fifth of a panel's ``lines`` (a handout's
    slide number in its frame's corner), where it is the only one: the slide's furniture,
    as a slide deck's page number is."""
    if len(lines) < 2:
        return []
    top, bottom = min(ln.y0 for ln in lines), max(ln.y1 for ln in lines)
    low = [ln for ln in lines if (ln.y0 + ln.y1) / 2 >= bottom - _PANEL_FOOT * (bottom - top)]
    numbers = [ln for ln in low if _COUNTED_NUMBER.match(ln.text.strip())]
    return numbers if len(numbers) == 1 else []


def on_one_row(line: Line, other: Line) -> bool:
    """Do two lines sit on one row (baselines within ``SAME_ROW`` of the larger size)?"""
    return abs(line.baseline - other.baseline) < SAME_ROW * max(line.size, other.size)


def _rows(lines: list[Line]) -> list[list[Line]]:
    """``lines`` grouped into rows (baselines within ``SAME_ROW`` of a size), top to bottom."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: ln.baseline):
        if rows and on_one_row(rows[-1][-1], line):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _standing_apart(row: list[Line]) -> list[Line]:
    """The lines of ``row`` that stand ``_APART`` sizes or more from each other line on it."""
    return [line for line in row if all(max(other.x0 - line.x1, line.x0 - other.x1) >= _APART * line.size
                                        for other in row if other is not line)]


def number_place_key(y0: float, y1: float) -> str:
    """The key of a number standing alone at this height: pages whose page numbers stand
    in one place share it (a question's answer at a page's foot does not)."""
    return f"#@{round((y0 + y1) / 2 / _PLACE_STEP)}"


def _running_rows(
    all_rows: list[list[Line]], height: float, numbered_there: Callable[[Line], bool], repeated: Callable[[Line], bool]
) -> set[int]:
    """Ids of the lines of a page's first and last rows (``all_rows``: its lines by ``_rows``)
    that hold a page number and lie within ``RUNNING_SHARE`` of its top or bottom: a book
    with deep margins sets its running head and page number below the top tenth ("6.2.
    การเขียนคำสั่ง ... 161" at 13% of a B5 page), Word a page number high above the foot, an
    iOS export of a textbook its head at 13% with the number in the same line ("128
    ปัญญาประดิษฐ์"). They are judged as margin lines are (a page number, or text the nearby
    pages repeat). A page number alone in the top or bottom tenth is furniture already, and
    the row after it counts as the first: the Royal Gazette sets "หน้า ๒" there and its
    running head under it. A page with its number there has no other: a number alone in a
    first or last row is then a contents entry's ("ภาพที่ 4-30 ... 28"), and only a number
    in a head's own line counts."""
    page_numbers = [all(_page_number_in_margin(ln, height) for ln in row) for row in all_rows]
    rows = [row for row, page_number in zip(all_rows, page_numbers, strict=True) if not page_number]
    found: set[int] = set()
    if len(rows) < 2:
        return found  # a page of one row: nothing to stand apart from
    # A page has one number: where its top or bottom tenth holds it, no other is looked for.
    numbered_page = page_numbers[0] or page_numbers[-1]
    for row, neighbour in ((rows[0], rows[1]), (rows[-1], rows[-2])):
        near_edge = all(in_margin(ln.y0, ln.y1, height, RUNNING_SHARE) for ln in row)
        gap = max(min(ln.y0 for ln in neighbour) - max(ln.y1 for ln in row),
                  min(ln.y0 for ln in row) - max(ln.y1 for ln in neighbour))
        # with a head beside it, or alone, a blank line's worth apart, where the pages nearby
        # have a number too (a question's answer, "-2", at the foot of a page is not); a row
        # of more pieces is a table's ("7 | การเรียนรู้ | 23-30 | Facebook | ...")
        apart = len(row) > 1 or (gap > max(ln.size for ln in row) and numbered_there(row[0]))
        # a number in a short head's own line counts beside other pieces the pages nearby
        # repeat too ("128 ปัญญาประดิษฐ์" and its version line), not alone, nor beside a
        # heading of its own page (a style guide's "18 หนา", 18 pt bold, beside its
        # "กิตติกรรมประกาศ"), nor in a sentence a report repeats with other numbers in it
        # ("25 – 30 ปี กับกลุ่มตัวอย่างที่มีอายุ 36 – 40 ปี มีค่า Sig. ...")
        headed = len(row) > 1 and all(repeated(ln) for ln in row)
        numbered = any(
            (not numbered_page and _PAGE_NUMBER.match(ln.text.strip()))
            or (headed and len(ln.text) <= _HEAD_CHARS and _NUMBERED_HEAD.search(ln.text.strip()))
            for ln in row
        )
        if near_edge and apart and len(row) <= _RUNNING_PIECES and numbered and not _listed(row, neighbour):
            found.update(id(ln) for ln in row)
    return found


def _listed(row: list[Line], neighbour: list[Line]) -> bool:
    """Does a number of ``row`` stand in a column of numbers with one of the row next to
    it (right edges, left edges or middles within ``_EDGE_SLACK``)? Then it is a contents
    entry's page, as its neighbour's is: a contents page with no page number of its own
    lost the page of its first and last entries ("2.6 โปรแกรมออกแบบ Skectup  8"), and one
    whose pages are typed after spaces, "9" over "10" neither flush left nor right, its
    last entry's."""
    numbers = [ln for ln in neighbour if _PAGE_NUMBER.match(ln.text.strip())]
    return any(
        _in_column(ln, other) for ln in row if _PAGE_NUMBER.match(ln.text.strip()) for other in numbers
    )


def _in_column(line: Line, other: Line) -> bool:
    """Do two lines stand one under the other, aligned right, left or on their middles?"""
    return min(abs(line.x1 - other.x1), abs(line.x0 - other.x0),
               abs(line.x0 + line.x1 - other.x0 - other.x1) / 2) < _EDGE_SLACK


def _page_number_in_margin(line: Line, height: float) -> bool:
    """Is ``line`` a page number ("๒", "หน้า ๒") in the top or bottom tenth?"""
    text = line.text.strip()
    numbered = _PAGE_NUMBER.match(text) or (_NUMBERED_HEAD.search(text) and len(text.split()) == 2)
    return in_margin(line.y0, line.y1, height) and bool(numbered)


def _numbers_amid_text(
    lines: list[Line], at_edge: Callable[[Line], bool], recurs: Callable[[Line], Recurrence]
) -> set[int]:
    """Ids of the number-like lines at a page's edges that stand inside its text, not apart
    as a page number does: on a row with words of the page's own (a formula's "10⁹", "xᵢ"
    beside "1 ≤"), or in a column of such numbers one under another (a sample's 7, 10, 11).
    A page printed with thin margins has its first and last lines there, and they were
    taken for page numbers (a number's recurrence says nothing: every page has numbers).
    A number just under the text is still a page number: Word sets them that close."""
    numbers = [ln for ln in lines if at_edge(ln) and _PAGE_NUMBER.match(ln.text.strip())]
    if len(numbers) > _MAX_PAGE_NUMBERS:
        return {id(ln) for ln in numbers}  # no page has so many page numbers
    listed = {id(ln) for ln in numbers}
    own_words = [ln for ln in lines if id(ln) not in listed and recurs(ln) is Recurrence.ALONE]
    return {
        id(ln)
        for ln in numbers
        if any(_beside(ln, other) for other in own_words)
        or any(_stacked(ln, other) for other in numbers if other is not ln)
    }


def _stacked_on_text(lines: list[Line], at_edge: Callable[[Line], bool]) -> set[int]:
    """Ids of the lines at a page's edges that go on the stack of lines they end or begin:
    set in its size, aligned with it (left edges or centres), one line step of it away.
    A report's cover and its inner cover end alike in "ประจำภาคเรียนที่ 1 ปีการศึกษา 2557"
    in the bottom tenth; it recurred on the next page, and was dropped from both as a
    running foot. A running head or foot stands apart from the text, not in its rhythm;
    a page number may stand that close (Word sets it so), and stays one. A list's item
    indented a step from the line above is in its stack too: a programme's requirements,
    "- มีผลการเรียนเฉลี่ยสะสม GPAX ไม่น้อยกว่า 3.25" under "- สาขาวิชาวิศวกรรมเคมี" at a page's
    foot, recurred (numbers aside) at the next page's and was dropped from both."""
    rows = sorted(lines, key=lambda ln: ln.baseline)
    found: set[int] = set()
    for index, line in enumerate(rows):
        if not at_edge(line) or _PAGE_NUMBER.match(line.text.strip()):
            continue
        for step in (-1, 1):
            near, far = index + step, index + 2 * step
            if not 0 <= far < len(rows) or at_edge(rows[near]) or at_edge(rows[far]):
                continue
            first, second = rows[near], rows[far]
            gap, pitch = abs(line.baseline - first.baseline), abs(first.baseline - second.baseline)
            same_size = abs(line.size - first.size) < 0.5 and abs(first.size - second.size) < 0.5
            aligned = abs(line.x0 - first.x0) <= _LIST_STEP * line.size or _same_centre(line, first)
            if same_size and aligned and pitch > 0 and abs(gap - pitch) <= _SAME_STEP * pitch:
                found.add(id(line))
    return found


def _between_head_and_body(
    lines: list[Line],
    at_edge: Callable[[Line], bool],
    recurs: Callable[[Line], Recurrence],
    body_there: Callable[[Line], bool],
    slide: bool,
) -> set[int]:
    """Ids of the margin lines the pages nearby repeat that stand between the page's running
    head (or page number) and its edge-most body line, where ``body_there`` says pages
    nearby begin their body text: a heading the body begins with on some pages
    ("บันทึกผลการทดลอง" under a lab manual's head), not a second head. Not on a slide: a
    deck's title bar recurs where other slides have a title of their own."""
    if slide or not lines:
        return set()
    middle = (min(ln.y0 for ln in lines) + max(ln.y1 for ln in lines)) / 2
    found: set[int] = set()
    for line in lines:
        if not at_edge(line) or recurs(line) is Recurrence.ALONE or _PAGE_NUMBER.match(line.text.strip()):
            continue
        top = line.y1 <= middle
        headed = any(
            other is not line and at_edge(other) and (other.y1 <= line.y0 if top else other.y0 >= line.y1)
            and (_PAGE_NUMBER.match(other.text.strip()) or recurs(other) is not Recurrence.ALONE)
            for other in lines
        )
        if headed and body_there(line):
            found.add(id(line))
    return found


def _echoed_heads(lines: list[Line], at_edge: Callable[[Line], bool]) -> set[int]:
    """Ids of the lines at a page's edges that a heading of its body, set larger and below
    them, repeats word for word (spaces and dots aside): a running head naming the section
    the page begins, "1 ทบทวน" over the heading "1 ทบทวน", was heard twice, the section
    being one page long and its head on no other page. The heading is the copy heard."""
    headings = [(_squashed(line.text), line) for line in lines if not at_edge(line)]
    found: set[int] = set()
    for line in filter(at_edge, lines):
        key = _squashed(line.text)
        if any(ch.isalpha() for ch in key) and any(
            text == key and heading.size >= line.size + 0.5 and heading.y0 >= line.y1 for text, heading in headings
        ):
            found.add(id(line))
    return found


def _squashed(text: str) -> str:
    """``text`` without its spaces and dots: "3.2. การประกาศตัวแปร" is "3.2 การประกาศตัวแปร"."""
    return re.sub(r"[\s.]", "", text)


def _beside(line: Line, other: Line) -> bool:
    """On one row, within three sizes of each other."""
    size = max(line.size, other.size, 1.0)
    near = other.x0 - line.x1 < 3 * size and line.x0 - other.x1 < 3 * size
    return abs(other.baseline - line.baseline) < SAME_ROW * size and near


def _stacked(line: Line, other: Line) -> bool:
    """One just above the other (less than a line between them), overlapping sideways."""
    gap = max(other.y0 - line.y1, line.y0 - other.y1)
    return gap < max(line.size, other.size, 1.0) and other.x0 < line.x1 and other.x1 > line.x0


def _table_rows_at_edges(page_rows: list[list[Line]], height: float, tables: Sequence[Box]) -> set[int]:
    """Ids of the lines of a table row (``page_rows``: the page's lines by ``_rows``) lying in
    a page's margin: a row of three cells or more, closer than a line to a table found on
    the page or to another such row. A slide's table reaches the top of the slide, and the
    same table shown on the next slide made its header row (FName Sex Salary) look like a
    running head; a law deck's header (มาตรา เนื้อหา จำคุก ปรับ หมายเหตุ) stands two thirds
    of a line above its first row."""
    rows = [row for row in page_rows if len(row) >= _TABLE_CELLS]
    spans = [(min(ln.y0 for ln in row), max(ln.y1 for ln in row)) for row in rows]
    spans += [(box[1], box[3]) for box in tables]
    edges = [n for n, row in enumerate(rows) if all(in_margin(ln.y0, ln.y1, height) for ln in row)]
    if len(edges) > _MAX_EDGE_ROWS:
        return set()  # not a slide's table: judged as before, not in squared time
    kept: set[int] = set()
    for n in edges:
        (top, bottom), near = spans[n], max(ln.size for ln in rows[n])
        if any(
            0 <= other_top - bottom < near or 0 <= top - other_bottom < near
            for k, (other_top, other_bottom) in enumerate(spans)
            if k != n
        ):
            kept.update(id(ln) for ln in rows[n])
    return kept


def _numbered_code(page_rows: list[list[Line]]) -> set[int]:
    """Ids of a listing's numbered lines and their numbers (``page_rows``: the page's lines
    by ``_rows``): a number alone in a gutter, with code on its row to its right
    (``_numbers_code``). At the top or the foot of a page the number was dropped as the
    page's, and the code as a running head where a page nearby had the same line there."""
    return {id(line) for row in page_rows for pair in pairwise(sorted(row, key=lambda ln: ln.x0))
            if _numbers_code(*pair) for line in pair}


def _numbers_code(line: Line, after: Line) -> bool:
    """Is ``line`` the number of the line of code ``after`` it on its row? A number set
    smaller than the code stands in a gutter of its own: an indented line of its code
    starts up to ``_GUTTER_REACH`` font sizes from it (a Python listing's third level)."""
    reach = _GUTTER_REACH if line.size < after.size else _MARKER_REACH
    return bool(_COUNTED_NUMBER.match(line.text)) and after.mono and not _THAI.match(after.text) \
        and 0 <= after.x0 - line.x1 < reach * after.size


def _page_refs(lines: list[Line]) -> set[int]:
    """Ids of the page numbers of a contents page set with no leaders: each the last piece
    of its row, a gap after an entry's words, in a column of at least ``_CONTENTS_ROWS``
    (each across some of the others) that count up down the page (front matter's letters and
    Roman numerals before the digits). Read apart, each number was a paragraph after its
    entry, and the bold entries headings (b17_02: 23 of its 71 headings); a table's column
    of counts does not count up."""
    found: list[Line] = []
    for row in _rows(lines):
        *before, ref = sorted(row, key=lambda ln: ln.x0)
        if before and _PAGE_REF.match(ref.text.strip()) and _wordy(before[-1]) \
                and ref.x0 - before[-1].inked_right > ref.size:
            found.append(ref)

    def in_line(ref: Line, other: Line) -> bool:  # typed after spaces, "9" over "10" is flush neither way
        return min(ref.inked_right, other.inked_right) > max(ref.x0, other.x0)

    column = [ref for ref in found if sum(in_line(ref, other) for other in found) >= _CONTENTS_ROWS]
    texts = [ref.text for ref in column]
    enough = len(column) >= _CONTENTS_ROWS and len(set(texts)) > 1
    return {id(ref) for ref in column} if enough and counts_up_as_pages(texts) else set()


def counts_up_as_pages(texts: Sequence[str]) -> bool:
    """Are ``texts``, down a column, a contents page's page numbers: each one ("5", "๑๗",
    "ข-ค", "iv", "(3)"), the front matter's letters and Roman numerals first, the numbers
    never going down? A table's column of counts, or prices, does not count up."""
    keys = []
    for text in texts:
        if not _PAGE_REF.match(text.strip()):
            return False
        number = re.search(r"\d+", to_arabic(text))
        keys.append((1, int(number.group())) if number else (0, 0))
    return all(a <= b for a, b in pairwise(keys))


def _merge_row(row: list[Line]) -> Line:
    """Fragments of one visual line (split by a shifted mark or a font change) become one."""
    row.sort(key=lambda line: line.x0)
    text = row[0].text
    for prev, line in pairwise(row):
        gap = line.x0 - prev.x1
        # A fragment that ends in a space is a word's end, however close the next one
        # stands ("Working principle " and a picture of its Thai title at its end).
        glue = "" if (gap < 0.25 * line.size and not prev.ends_with_space) or is_mark(line.text[0]) else " "
        text += glue + line.text
    size = max(row, key=lambda line: len(line.text)).size
    return Line(
        text,
        min(line.x0 for line in row),
        min(line.y0 for line in row),
        max(line.x1 for line in row),
        max(line.y1 for line in row),
        row[0].baseline,
        size,
        all(line.bold for line in row),
        row[0].block,
        row[-1].ends_with_space,
        # a listing's line is code with its number (set in a font of its own or not)
        mono=all(line.mono or _COUNTED_NUMBER.match(line.text) for line in row) and any(line.mono for line in row),
        label=_row_label(row),
        ends_bold=row[-1].ends_bold,
        ink_x1=max(line.inked_right for line in row) if row[-1].ink_x1 is not None else None,
    )


def _row_label(row: list[Line]) -> str:
    """The bold words a row of fragments starts with when it goes on in a regular weight:
    those of its bold fragments before the first that is not all bold, and that one's own
    label (a LaTeX theorem's "บทนิยาม" and its number "2.2" are fragments of their own)."""
    words: list[str] = []
    for line in row:
        if not line.bold or line.label:
            return " ".join([*words, line.label]).strip()
        words.append(line.text)
    return ""


def set_drop_caps(lines: list[Line]) -> list[Line]:
    """The lines with each drop cap put back at the start of its paragraph's first line.

    A book sets a paragraph's first letter (ศ, ใน, P) large, down over its first two or
    three lines, its baseline on the last of them. Read as a line of its own, it joined
    the row of that last line: "ศ าสตร์ของ...", "ก ารเรียน...", "... ผลของ Pแบบจำลอง".
    The lines beside it are set in by its width; they start where it does, as the rest of
    the paragraph's do."""
    caps = [(line, first) for line in lines if (first := _capped(line, lines)) is not None]
    if not caps:
        return lines
    capped = {id(first): cap for cap, first in caps}
    cap_ids = {id(cap) for cap, _ in caps}
    result = []
    for line in lines:
        if id(line) in cap_ids:
            continue
        cap = capped.get(id(line))
        if cap is not None:
            line = replace(line, text=cap.text.strip() + line.text, x0=cap.x0)
        elif beside := [cap.x0 for cap, _ in caps if _beside_cap(cap, line)]:
            line = replace(line, x0=min(beside))
        result.append(line)
    return result


def _capped(cap: Line, lines: list[Line]) -> Line | None:
    """The first line of the paragraph ``cap`` is the drop cap of: one letter (with its
    marks) or two, set twice the size of the lines beside it or more, the topmost of those
    starting at its right within their size, whose baseline lies above its own."""
    letters = cap.text.strip()
    if not 1 <= len(letters) <= 3 or not all(ch.isalpha() or unicodedata.category(ch) == "Mn" for ch in letters):
        return None
    beside = [line for line in lines
              if line is not cap and _beside_cap(cap, line) and line.baseline < cap.baseline - 0.5 * line.size]
    first = min(beside, key=lambda line: line.baseline, default=None)
    return first if first is not None and cap.size >= _DROP_CAP_SIZE * first.size else None


def _beside_cap(cap: Line, line: Line) -> bool:
    """Does ``line`` start at the right of ``cap`` (past its middle: a cap's box may take in
    a space after it), between its top and its baseline?"""
    return (
        (cap.x0 + cap.x1) / 2 < line.x0 <= cap.x1 + _DROP_CAP_REACH * line.size
        and cap.y0 <= line.y0
        and line.baseline <= cap.baseline + 0.5 * line.size
    )


def merge_rows(
    lines: list[Line], reach: float = 1.5, gutters: Sequence[tuple[float, float]] = (), contents: bool = False
) -> list[Line]:
    """Join lines that sit on one baseline and touch or overlap horizontally, or are
    less than ``reach`` font sizes apart (a borderless table's cells are nearer), unless
    one of ``gutters`` (left and right edges, as ``_close_gutters`` gives them) parts them.

    The two pieces of a line justified with wide gaps reach further (``_SPREAD_REACH``):
    alone on their row, one starting at an edge where other lines start (or a first line's
    indent in from one) and ending short of any edge where lines end, the other starting at
    no such edge and ending at one. Word spreads a Thai line with few spaces over its
    column, XeTeX a paragraph's first line, and each half was heard as a paragraph. With
    ``contents`` (the page's text, its tables found), a contents page's entries are joined
    to their page numbers however far apart (``_page_refs``)."""
    lefts, rights = _edges(ln.x0 for ln in lines), _edges(ln.x1 for ln in lines)
    halves = {id(ln) for row in _rows(lines) if len(row) == 2 for ln in row}  # a table's rows have more

    def starts_at_edge(line: Line, after: Line) -> bool:
        """At an edge, or at a first line's indent in from one, the gap inside Thai prose."""
        indented = any(0 < line.x0 - x <= _FIRST_INDENT * line.size for x in lefts)
        thai_gap = bool(_THAI.match(line.text[-1:]) and _THAI.match(after.text[:1]))
        return round(line.x0) in lefts or (indented and thai_gap)

    refs = _page_refs(lines) if contents else set()
    merged: list[Line] = []
    for line in sorted(lines, key=lambda ln: (round(ln.baseline), ln.x0)):
        if merged and id(line) in refs and on_one_row(merged[-1], line):
            merged[-1] = replace(_merge_row([merged[-1], line]), page_at=line.x0)
            continue
        if merged:
            last = merged[-1]
            gap = line.x0 - last.x1
            # a lone marker reaches further, to words (not to a table's "+" or "*" beside a "-")
            marked = bool(_LONE_MARKER.match(last.text.strip())) and line.text[:1].isalpha()
            spread = id(last) in halves and id(line) in halves and starts_at_edge(last, line) \
                and round(line.x1) in rights and round(last.x1) not in rights and round(line.x0) not in lefts
            reaches = _MARKER_REACH if marked else _SPREAD_REACH if spread else reach
            numbered = _numbers_code(last, line)
            near = (gap < reaches * line.size and line.x1 > last.x0) or numbered
            # a piece ending short of a gutter's right edge (a ragged line's end may
            # stand inside the gutter) and one starting in it or beyond are two columns'
            # lines (a box above the one that showed a ragged gutter starts 2 points left)
            parted = any(last.x1 < b - _EDGE_SLACK and line.x0 >= min(a, b - _EDGE_SLACK) for a, b in gutters)
            # a bold heading's line, then a smaller regular line on its row a gap away (Publisher's
            # 24-point "สื่อสังคมออนไลน์" and the next column's 16-point line): two texts. (Pieces
            # of one line may differ in size: Word sets Thai larger than the Latin beside it.)
            unlike = last.bold and not line.bold and last.size > _UNLIKE_SIZES * line.size \
                and gap > _UNLIKE_GAP * line.size
            if on_one_row(last, line) and near and not parted and not unlike:
                merged[-1] = _merge_row([last, line])
                continue
        merged.append(line)
    return merged


def _edges(positions: Iterable[float]) -> set[int]:
    """The points (rounded) where at least ``_EDGE_LINES`` lines start, or end, within a
    point of one another: a column's edges, and its first lines' indent."""
    counts = Counter(round(x) for x in positions)
    return {x + d for x in counts if counts[x - 1] + counts[x] + counts[x + 1] >= _EDGE_LINES for d in (-1, 0, 1)}


def _gutter(
    lines: list[Line], left: float, right: float, known: Sequence[tuple[float, float]] = ()
) -> tuple[float, float] | None:
    """The empty vertical strip between two columns of the span ``left``-``right``, if
    it has one with at least three narrow lines on each side.

    A strip that a line or two cross still parts columns when the span has many lines
    (a poster's authors line over two of its columns): those lines are read as a title
    over the columns is. When the widest strip is the span's right margin (the text on
    the right ends before 70% of the span: a form's values, exam choices, a poem's second
    half-lines), the span is read in rows, not columns; but the margin left of all its
    text is no gutter (a span's left edge is the page's, or a gutter's, and its text may
    start a third of the way in). A strip narrower than ``_MIN_GUTTER`` is a gutter only
    if it is one of ``known`` (``_close_gutters``: columns whose rows were seen apart, a
    few points apart), and then a title block may cross it as it may justified columns'.
    Looked at in strips of one point,
    or on a span over 2,000 points wide (a /UserUnit of 75,000 makes an A4 page 45
    million points wide) in 2,000 strips.
    """
    width = right - left
    narrow = [line for line in lines if line.width < 0.6 * width]
    if len(narrow) < 6:
        return None
    crossing = min(_MAX_CROSSING, len(narrow) // _LINES_PER_CROSSING)
    step = max(1.0, width / 2000)
    first = int(max(0.3 * width, min(line.x0 for line in lines) - left) / step)  # not the margin left of all text
    starts = range(first, int(0.7 * width / step))
    covered = _coverage(narrow, left, step, width)
    best = _widest_run(covered, starts, crossing)
    if best is None:
        # A title block centred over justified columns crosses their gutter above them:
        # there the lines that cross a strip are counted only among the text beside it.
        # (A poem's half-lines are never justified: under its title, it is read in rows.)
        # So are columns whose lines keep rows of their own (a poster's boxes, ragged).
        # The strips a few lines cross page-wide are tried first; only where none parts
        # columns, those an article's taller title block crosses (where a short column's
        # lines and the title's together are that few, a strip runs on over the column).
        for limit in (_OVER_COLUMNS, _TITLE_BLOCK):
            best = _band_gutter(narrow, covered, starts, crossing, limit, (left, step, width))
            if best is not None:
                break
    if best is not None and len(best) * step >= _MIN_GUTTER:
        strip = (left + best.start * step, left + best.stop * step)
    else:
        close = [gap for gap in known if left + first * step <= gap[0] and gap[1] <= left + starts.stop * step
                 and _crossing(_among_columns(narrow, gap), gap) <= crossing + _OVER_COLUMNS]
        if not close:
            return None
        strip = max(close, key=lambda gap: gap[1] - gap[0])
    on_left = sum(1 for line in narrow if line.x1 <= strip[0] and _wordy(line))
    on_right = sum(1 for line in narrow if line.x0 >= strip[1] and _wordy(line))
    return strip if on_left >= 3 and on_right >= 3 else None


def _band_gutter(
    narrow: list[Line], covered: list[int], starts: range, crossing: int, limit: int,
    frame: tuple[float, float, float],
) -> range | None:
    """The widest strip (of ``_gutter``'s, starting among ``starts``) that ``crossing``
    lines at most cross among the rows beside it, of the strips ``crossing + limit`` lines
    at most cross page-wide, where the text beside it is columns: justified, on rows of
    their own, or ragged prose. ``frame`` is the span's left edge, strip width and width."""
    left, step, width = frame
    best = None
    for run in _runs(covered, starts, crossing + limit):
        band = _among_columns(narrow, (left + run.start * step, left + run.stop * step))
        found = _widest_run(_coverage(band, left, step, width), run, crossing)
        if found is None or (best is not None and len(found) <= len(best)):
            continue
        edges = (left + found.start * step, left + found.stop * step)
        beside = (_facing([ln for ln in band if ln.x1 <= edges[0]], edges[0], toward_right=True),
                  _facing([ln for ln in band if ln.x0 >= edges[1]], edges[1], toward_right=False))
        if (_justified(beside[0]) or (_justified(beside[1]) and _wide(beside[0])) or _rows_apart(*beside)
                or _ragged_prose(*beside)):
            best = found
    return best


def _crossing(lines: list[Line], gap: tuple[float, float]) -> int:
    """How many of ``lines`` run across ``gap``."""
    return sum(1 for line in lines if line.x0 < gap[0] and line.x1 > gap[1])


def _coverage(lines: list[Line], left: float, step: float, width: float) -> list[int]:
    """How many of ``lines`` cover each strip ``step`` wide of the span from ``left``."""
    covered = [0] * (int(width / step) + 1)
    for line in lines:
        check_time()
        first = max(0, int((line.x0 - left) / step))
        for x in range(first, min(len(covered), int((line.x1 - left) / step) + 1)):
            covered[x] += 1
    return covered


def _runs(covered: list[int], starts: range, limit: int) -> list[range]:
    """The runs of strips covered by at most ``limit`` lines that begin among ``starts``."""
    found = []
    x = starts.start
    while x < starts.stop:
        if covered[x] <= limit:
            start = x
            while x < len(covered) and covered[x] <= limit:
                x += 1
            found.append(range(start, x))
        x += 1
    return found


def _widest_run(covered: list[int], starts: range, limit: int) -> range | None:
    return max(_runs(covered, starts, limit), key=len, default=None)


def _justified(lines: list[Line]) -> bool:
    """Do most of ``lines`` end at one edge, as a justified column of prose does: at least
    ``_JUSTIFIED_LINES`` lines, each wide (a form's labels of one length are not prose)?"""
    ends = Counter(round(line.x1) for line in lines if _wide_line(line))
    aligned = max((ends[x - 1] + ends[x] + ends[x + 1] for x in ends), default=0)
    return aligned >= max(_JUSTIFIED_LINES, _JUSTIFIED_SHARE * len(lines))


def _wide(lines: list[Line]) -> bool:
    """Are most of ``lines`` wide, as a column of prose is (not a glossary's terms beside
    their justified explanations)? A Word article's left column ended at two edges three
    points apart (its abstract and its keywords), so it did not count as justified, while
    its right column did; under a title block, the two columns were read row by row."""
    wide = sum(1 for line in lines if _wide_line(line))
    return wide >= max(_JUSTIFIED_LINES, _JUSTIFIED_SHARE * len(lines))


def _wide_line(line: Line) -> bool:
    """Is ``line`` as wide as a column's line of prose (``_COLUMN_SIZES`` of its size)?"""
    return line.width >= _COLUMN_SIZES * line.size


def prose_column(lines: list[Line]) -> bool:
    """Do ``lines`` hold a column of justified prose: ``_EDGE_LINES`` wide lines ending at one
    edge (``_edges``)? A slide's legend of short items beside a picture does not, however wide."""
    return bool(_edges(line.x1 for line in lines if _wide_line(line)))


def _rows_apart(left: list[Line], right: list[Line]) -> bool:
    """Do the lines on two sides of a strip keep rows of their own, as two columns' lines
    do: at least ``_JUSTIFIED_LINES`` on each side, and fewer than a quarter of the left
    side's on a row with one of the right's? A poem's half-lines, a form's labels and
    values, and a table's cells share their rows."""
    if min(len(left), len(right)) < _JUSTIFIED_LINES:
        return False
    shared = sum(any(on_one_row(line, other) for other in right) for line in left)
    return 4 * shared < len(left)


def _facing(lines: list[Line], edge: float, toward_right: bool) -> list[Line]:
    """Of ``lines``, all on one side of a strip whose near edge is ``edge``, those of the
    column facing it: where the side holds two columns or more (a Publisher newsletter's
    three, 12 points apart), only the nearest is judged as the strip's neighbour, or the
    other column's lines, ending elsewhere, keep the side from looking justified."""
    if not lines:
        return lines
    lo, hi = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    covered = _coverage(lines, lo, 1.0, hi - lo)
    start = min(len(covered) - 1, max(0, int(edge - lo)))
    xs = range(start, -1, -1) if toward_right else range(start, len(covered))
    inked, gap = False, 0
    for x in xs:
        if covered[x]:
            if inked and gap >= _MIN_GUTTER:
                return [ln for ln in lines if (ln.x0 > lo + x if toward_right else ln.x1 < lo + x)]
            inked, gap = True, 0
        elif inked:
            gap += 1
    return lines


def _ragged_prose(left: list[Line], right: list[Line]) -> bool:
    """Are the lines on two sides of a strip two columns of ragged prose on one line grid?
    Word sets Thai flush left, so its lines end where their words do, and a poster's two
    columns share their rows (b15_34: "ความเป็นมา" beside "ผลการศึกษา", each line heard
    after the other side's). Each side has ``_JUSTIFIED_LINES`` wide lines of words or more,
    most of them filling their column (ending within ``_FILLED`` of its width from its
    widest line's end), and ``_LONE_ROWS`` rows or more have words on one side only: a
    poem's half-lines and a form's labels and values pair up row by row."""
    sides = [[line for line in side if _wide_line(line) and _wordy(line)] for side in (left, right)]
    if min(len(side) for side in sides) < _JUSTIFIED_LINES or not all(_filled(side) for side in sides):
        return False
    lone = sum(1 for row in _rows([ln for ln in left + right if _wordy(ln)])
               if all(ln in left for ln in row) or all(ln in right for ln in row))
    return lone >= _LONE_ROWS


def _filled(lines: list[Line]) -> bool:
    """Do most of ``lines`` end near the end of the widest, as ragged prose fills its column?"""
    end, start = max(line.x1 for line in lines), min(line.x0 for line in lines)
    near = sum(1 for line in lines if line.x1 >= end - _FILLED * (end - start))
    return near >= _JUSTIFIED_SHARE * len(lines)


def _among_columns(lines: list[Line], strip: tuple[float, float]) -> list[Line]:
    """``lines`` from the first to the last row of those beside ``strip``, on either side: a
    title centred over two columns, or a note under them, stands above or below all their
    text and is read so (``_in_columns``); a line that crosses the strip among them joins
    them into one. Text on one side only, above a line that crosses the strip over the rows
    where both sides have text (or below one under them), is the title block's: an
    article's "บทคัดย่อ" over its full-width abstract, whose last line and keywords line
    crossed the strip, had made the abstract part of the columns, and its two columns were
    heard a line of each in turn."""
    left = [ln.baseline for ln in lines if ln.x1 <= strip[0]]
    right = [ln.baseline for ln in lines if ln.x0 >= strip[1]]
    if not left or not right:
        return lines
    first, last = max(min(left), min(right)), min(max(left), max(right))
    across = [ln.baseline for ln in lines if ln.x0 < strip[0] and ln.x1 > strip[1]]
    after = max((y for y in across if y < first), default=-math.inf)
    before = min((y for y in across if y > last), default=math.inf)
    low, high = min(left + right), max(left + right)
    return [ln for ln in lines if low <= ln.baseline <= high and after < ln.baseline < before]


def _wordy(line: Line) -> bool:
    """Does a line hold words, not only figures? A contents page's column of page numbers
    ("ก", "ข", "14", "iv") beside its titles, or a table's column of percentages, is not
    a column to read on its own."""
    return len(_LETTER.findall(line.text)) >= _WORDY_LETTERS and not _PAGE_NUMBER.match(line.text.strip())


def reading_order(lines: list[Line], right: float, left: float = 0.0) -> list[Line]:
    """Top to bottom; where the page (or its region from ``left`` to ``right``) is set in
    columns, each column before the next.

    Lines that cross a gutter (a title over both columns) separate the stretches. A page of
    steps set in a zig-zag is read along it (``_staggered``).
    """
    if _staggered(lines):
        return sorted(lines, key=lambda ln: ln.x0)
    gutters = _close_gutters(lines)
    return _in_columns(merge_rows(lines, gutters=gutters, contents=True), left, right, gutters)


def _staggered(lines: list[Line]) -> bool:
    """Is the page only labels of one size, on two rows or more, each reaching short of the
    middle of the next to its right, drawn in the file left to right? A slide's four steps set in
    a zig-zag ("Backup" over step 1, "Recovery" under step 2, "Check" over 3, "Report" under
    4) were read row by row: Backup, Check, Recovery, Report, a sequence the slides after
    it do not follow. The order they were drawn in, left to right, is the author's."""
    if len(lines) < _STAGGERED_STEPS or any(ln.block < 0 for ln in lines):
        return False
    along = sorted(lines, key=lambda ln: ln.x0)
    apart = all(before.x1 < (after.x0 + after.x1) / 2 and (before.x0 + before.x1) / 2 < after.x0
                for before, after in pairwise(along))
    one_size = max(ln.size for ln in lines) - min(ln.size for ln in lines) < 0.5
    drawn_along = all(before.block < after.block for before, after in pairwise(along))
    return apart and one_size and drawn_along and len(_rows(lines)) > 1


_FORM_BLANKS = 0.25  # share of a line's width its blanks take in a form's row
_STAGGERED_STEPS = 3  # labels at least, for a zig-zag to be read along
_PANEL_FOOT = 0.2  # of a panel's text's height: its slide number stands in this share at its foot


def _close_gutters(lines: list[Line]) -> list[tuple[float, float]]:
    """Gutters narrower than ``merge_rows`` reaches across: the same gap, between a line
    ending at one edge and a line starting at the next, on at least ``_GUTTER_ROWS`` rows,
    both lines wide ones. A LuaTeX article sets its justified columns 10 points apart, and
    each row of the left column was joined to the row of the right one beside it.

    A gap seen on fewer rows is a gutter too where the wide lines ending at its left edge
    and those starting at its right one keep rows of their own (``_rows_apart``: six or
    more on each side): a Publisher magazine's three columns met on one row only,
    and that one joined row, crossing the gutter, hid the columns from ``_gutter``. So is
    a gap between two justified columns, where ``_JUSTIFIED_EDGE_LINES`` wide lines end at
    its left edge and as many start at its right, whatever rows they share (a two-column
    abstract's 19-point gutter, the rows of its columns meeting now and then). Two
    parts of rows set at a tab stop (a formula and its note) share their rows: joined.
    So do ragged boxes set side by side, unless ``_ragged_gutters`` parts them."""
    found: dict[tuple[int, int], int] = {}
    pairs: list[tuple[Line, Line]] = []  # wide lines, and the wide line starting just right of each
    for row in _rows(lines):
        row.sort(key=lambda ln: ln.x0)
        for prev, line in pairwise(row):
            gap = line.x0 - prev.x1
            if 0 < gap < 1.5 * line.size:
                key = (round(prev.x1), round(line.x0))
                wide = min(prev.width, line.width) >= _COLUMN_SIZES * max(prev.size, line.size)
                found[key] = found.get(key, 0) + wide
                if wide:
                    pairs.append((prev, line))
    wide_lines = [ln for ln in lines if _wide_line(ln)]

    def edges(a: int, b: int) -> bool:
        ending = [ln for ln in wide_lines if abs(ln.x1 - a) <= _EDGE_SLACK + 0.5]
        starting = [ln for ln in wide_lines if abs(ln.x0 - b) <= _EDGE_SLACK + 0.5]
        # a justified column's lines end at its edge or, a word overhanging, up to half a size short of it
        flush = [ln for ln in wide_lines if -0.5 * ln.size <= ln.x1 - a <= _EDGE_SLACK + 0.5]
        return _rows_apart(ending, starting) or min(len(flush), len(starting)) >= _JUSTIFIED_EDGE_LINES
    exact = [(a, b) for (a, b), count in found.items() if count >= _GUTTER_ROWS or edges(a, b)]
    return exact + _ragged_gutters(pairs)


def _ragged_gutters(pairs: list[tuple[Line, Line]]) -> list[tuple[float, float]]:
    """Gutters between boxes set side by side whose ragged lines share their rows: of
    ``pairs`` (a wide line, and the wide line starting a little right of it on its row),
    at least ``_GUTTER_ROWS`` whose right lines start at one edge, whose left lines start
    at one edge too (within two points: boxes one above another stand a little apart),
    and one of which nearly touches (``_TOUCHING``). A Publisher magazine sets two boxes
    5 to 8 points apart: no one gap recurs, but each box keeps its left edge; a poem's
    half-lines, alike in their rows, stand further apart."""
    gutters = []
    group: list[tuple[Line, Line]] = []
    for pair in [*sorted(pairs, key=lambda pair: pair[1].x0), None]:
        if pair is not None and (not group or pair[1].x0 - group[-1][1].x0 <= _EDGE_SLACK):
            group.append(pair)
            continue
        lefts = sorted(prev.x0 for prev, _ in group)
        aligned = max((bisect.bisect_right(lefts, x + 2 * _EDGE_SLACK) - k for k, x in enumerate(lefts)), default=0)
        touching = any(line.x0 - prev.x1 <= _TOUCHING * line.size for prev, line in group)
        if aligned >= _GUTTER_ROWS and touching:
            gutters.append((max(prev.x1 for prev, _ in group), min(line.x0 for _, line in group)))
        group = [pair] if pair is not None else []
    return gutters


def _in_columns(
    lines: list[Line], left: float, right: float, known: Sequence[tuple[float, float]] = ()
) -> list[Line]:
    """``lines`` (top to bottom) of the span ``left``-``right`` in reading order: split at
    its widest gutter, and each side split again, so three or four columns (a poster)
    are read one after another as two are."""
    check_time()  # a hostile page splits at every level: it is given up, not hung on
    gutter = _gutter(lines, left, right, known)
    if gutter is None:
        return [replace(line, column_right=right) for line in lines]
    ordered: list[Line] = []
    stretch: list[Line] = []

    def flush() -> None:
        if _numbered_across(stretch, gutter):
            ordered.extend(replace(line, column_right=right) for line in stretch)
            stretch.clear()
            return
        if _values_beside(stretch, gutter):
            ordered.extend(replace(_merge_row(row), column_right=right) for row in _rows(stretch))
            stretch.clear()
            return
        sides = [
            sorted((ln for ln in stretch if ln.x1 <= gutter[1]), key=lambda ln: ln.baseline),
            sorted((ln for ln in stretch if ln.x1 > gutter[1]), key=lambda ln: ln.baseline),
        ]
        spans = ((left, gutter[0]), (gutter[1], right))
        boxes = _boxes_in_rows(sides)
        if boxes:
            for at, box in boxes:
                ordered.extend(_in_columns(box, *spans[at], known))
            stretch.clear()
            return
        tails = [_set_apart_below(sides[0], sides[1]), _set_apart_below(sides[1], sides[0])]
        for side, tail, span in zip(sides, tails, spans, strict=True):
            ordered.extend(_in_columns(side[: len(side) - len(tail)], *span, known))
        for tail, span in zip(tails, spans, strict=True):
            ordered.extend(_in_columns(tail, *span, known))
        stretch.clear()

    for line in lines:
        if line.x0 < gutter[0] and line.x1 > gutter[1]:
            flush()
            ordered.append(replace(line, column_right=right))
        else:
            stretch.append(line)
    flush()
    return ordered


def _numbered_across(stretch: list[Line], gutter: tuple[float, float]) -> bool:
    """Do the numbered items of a stretch run across its two sides, row by row? An exam's
    choices set in two columns (1. 2. / 3. 4. / 5.) are read in their numbers' order, as
    they are printed in rows, not down one column and then the other: as many items or
    more follow their predecessor when read across as when read down (a misprinted
    number leaves a tie: rows, as printed, win it)."""
    left_lines, right_lines = _wordy_sides(stretch, gutter)
    left, right = _item_numbers(ln.text for ln in left_lines), _item_numbers(ln.text for ln in right_lines)
    if 2 * len(left) < len(left_lines) or 2 * len(right) < len(right_lines) or not left or not right:
        return False  # items must make most of each side: "1. บทนำ" in an article's column is not a list
    across = _successions(_item_numbers(ln.text for ln in stretch))  # the stretch's lines come row by row
    return across >= 1 and across >= _successions(left + right)


def _wordy_sides(stretch: list[Line], gutter: tuple[float, float]) -> tuple[list[Line], list[Line]]:
    """The lines of a stretch that hold words, left of the gutter and right of it."""
    left = [ln for ln in stretch if ln.x1 <= gutter[1] and _wordy(ln)]
    right = [ln for ln in stretch if ln.x1 > gutter[1] and _wordy(ln)]
    return left, right


def _values_beside(stretch: list[Line], gutter: tuple[float, float]) -> bool:
    """Is the right side of a stretch the values of its left side's lines, each set on
    its line's row (a curriculum's credits, "30 หน่วยกิต", beside each group of subjects)?
    Read down each side, the values would be heard a page away from what they count;
    each row is read as one line ("1. หมวดวิชาศึกษาทั่วไป 30 หน่วยกิต": no "หน่วยกิต" heading).
    Nearly every value shares a row with a line at the left, and values are short: most
    are clearly narrower than those lines (a list set in two columns has items alike on
    both sides, and a column of prose has long lines)."""
    left, right = _wordy_sides(stretch, gutter)
    left.sort(key=lambda ln: ln.baseline)
    if not left or not right or any(_LIST_ITEM.match(ln.text) for ln in right):
        return False  # list items are not values: an exam's second choice on each row
    baselines = [ln.baseline for ln in left]

    def on_a_row(line: Line) -> bool:
        at = bisect.bisect_left(baselines, line.baseline - SAME_ROW * line.size)
        return at < len(baselines) and baselines[at] < line.baseline + SAME_ROW * line.size

    paired = sum(1 for ln in right if on_a_row(ln))
    short = statistics.median(ln.width for ln in right) <= _VALUE_SHARE * statistics.median(ln.width for ln in left)
    return short and paired >= _PAIRED_SHARE * len(right)


def _item_numbers(texts: Iterable[str]) -> list[tuple[int, ...]]:
    """The numbers of the lines that start list items (7.1. as (7, 1); ก. as (0,))."""
    return [_item_number(m) for m in (_ITEM_NUMBER.match(text) for text in texts) if m]


def _item_number(match: re.Match[str]) -> tuple[int, ...]:
    """The number an ``_ITEM_NUMBER`` match gives."""
    if match.group(1):
        return tuple(int(to_arabic(part)) for part in match.group(1).split("."))
    return (_ITEM_LETTERS.find(match.group(2)),)


def _next_item(first: Line, line: Line) -> bool:
    """Does ``line`` start the item after the one ``first`` starts, at the same left edge:
    "3.8" after "3.7", "ข." after "ก.", "หมายเลข 9" after "หมายเลข 8"? Then it begins a
    paragraph, however far the line before it runs: a report's items 3.1 to 3.9, none of
    them wrapped, end where the longest ends, and each item after the longest was heard
    glued to it. A bare number ("2 เมตร") may be a wrapped line's first word: not an item."""
    if abs(line.x0 - first.x0) > 0.5 * line.size:
        return False
    before, after = _ordinal(first.text), _ordinal(line.text)
    return before is not None and after is not None and before[0] == after[0] \
        and _successions([before[1], after[1]]) == 1


def _latest_item(groups: list[list[Line]], line: Line) -> Line:
    """The first line of the latest paragraph (of the last ``_ITEM_REACH``) that opens with
    an item's number at ``line``'s left edge, else of the paragraph ``line`` would go on:
    the item ``line`` may come next to. A form's "5.2 รายงานความก้าวหน้า", its date on its
    row and its note under it, then "5.3 ส่งโครงงาน" at 5.2's edge: the note ran to the
    edge, and 5.3 was heard as its last words (b21_01)."""
    for group in reversed(groups[-_ITEM_REACH:]):
        if abs(group[0].x0 - line.x0) <= 0.5 * line.size and _ordinal(group[0].text):
            return group[0]
    return groups[-1][0]


def _next_name(prev: Line, line: Line) -> bool:
    """Is ``line`` the next entry of a list of people under ``prev``: both start at one edge,
    or are centred on one axis, with a person's title (``has_title``), and hold a name, not
    a sentence (at most ``_NAME_WORDS`` words)? A cover's authors, one to a line in a form's
    value column, were joined as one wrapped paragraph, each surname glued to the next title."""
    aligned = abs(line.x0 - prev.x0) <= 0.5 * line.size or _same_centre(prev, line)
    return aligned and all(
        has_title(ln.text) and len(ln.text.split()) <= _NAME_WORDS for ln in (prev, line)
    )


def _ordinal(text: str) -> tuple[str, tuple[int, ...]] | None:
    """The label and number a list item starts with: ("", (3, 8)) for "3.8 ...", ("", (1,))
    for "ข. ...", ("หมายเลข", (9,)) for "หมายเลข 9 ..."; None for none, or a bare number."""
    item = _ITEM_NUMBER.match(text)
    if item and re.search(r"[.)]", item.group(0)):
        return "", _item_number(item)
    labelled = _LABELLED_NUMBER.match(text)
    if labelled:
        return labelled.group(1), (int(to_arabic(labelled.group(2))),)
    return None


def _successions(numbers: list[tuple[int, ...]]) -> int:
    """How many items follow their predecessor (3. after 2., 7.2. after 7.1., ข. after ก.)."""
    return sum(1 for a, b in pairwise(numbers) if a[:-1] == b[:-1] and b[-1] == a[-1] + 1)


def _boxes_in_rows(sides: list[list[Line]]) -> list[tuple[int, list[Line]]]:
    """The boxes of a stretch's two sides (top to bottom), each with the side it stands on,
    in reading order where they are set as a grid: each box under a heading of its own
    (bold, or larger than the text), at least ``_GRID_ROWS`` rows of two boxes
    whose headings share a row, and no heading on its own above the last such row. A
    Publisher magazine sets its steps ขั้นตอนที่ 1 to 5 two to a row, and read down one
    column and then the other they came 1, 3, 5, 2, 4. Columns of an article have their
    headings where their text puts them: rarely on one row twice, and none between; nor
    more headings on their own below the rows than there are rows: a Word poster's two
    columns of sections started level twice, then went on with four headings each at its
    own height, and were read across, one section from each column in turn (b21_22).
    An empty list where the sides are not such a grid."""
    size = body_size(sides[0] + sides[1])
    heads = [_box_heads(side, size) for side in sides]
    pairs = [(a, b) for a in heads[0] for b in heads[1] if on_one_row(a, b)]
    if len(pairs) < _GRID_ROWS:
        return []
    last = max(a.baseline for a, _ in pairs)
    row_of = {id(b): a.baseline for a, b in pairs} | {id(a): a.baseline for a, _ in pairs}
    alone = [head for side in heads for head in side if id(head) not in row_of]
    if any(head.baseline < last for head in alone) or len(alone) > len(pairs):
        return []
    starts = {id(head) for side in heads for head in side}
    boxes: list[tuple[float, int, list[Line]]] = []
    for k, side in enumerate(sides):
        for line in side:
            if not boxes or boxes[-1][1] != k or id(line) in starts:
                boxes.append((row_of.get(id(line), line.baseline), k, []))
            boxes[-1][2].append(line)
    return [(k, box) for _, k, box in sorted(boxes, key=lambda box: (box[0], box[1]))]


def _box_heads(side: list[Line], size: float) -> list[Line]:
    """The lines of one side that head a box: bold, or larger than the text's ``size``, and
    fewer than half its lines (a side set all in bold has no headings to tell). Not those
    merely larger than the side's own lines: a circuit's small labels made its caption one."""
    heads = [line for line in side if line.bold or line.size >= HEADING_RATIO * size]
    return heads if 2 * len(heads) < len(side) else []


def _set_apart_below(side: list[Line], other: list[Line]) -> list[Line]:
    """The last lines of one side (top to bottom) that lie below the other side's end and
    come after it: all of the side, when it lies wholly below the other (an office's
    address under a signer's name at the right); or those that stand apart from the lines
    above them by more than their usual gap and either start left of the lines beside the
    other side (the next heading after a list set in two columns, "8. วิธีการสอน" under
    items 7.1-7.7) or have the other side's lines in the blank above them (an official
    letter's เรื่อง and เรียน, under its number at the left and below the address and date
    at the right). A column that runs on further than its neighbour (the last page of an
    article, its paragraphs spaced) is still read before it."""
    if not side or not other:
        return []
    top, bottom = min(ln.y0 for ln in other), max(ln.y1 for ln in other)
    above = [ln for ln in side if ln.y0 < bottom]
    if not above:
        return side
    if len(above) == len(side):
        return []
    gaps = [b.y0 - a.y1 for a, b in pairwise(above)]
    usual = statistics.median(gaps) if gaps else 0.0
    first = side[len(above)]
    if first.y0 - above[-1].y1 <= max(_TAIL_GAP * usual, usual + _TAIL_SIZES * first.size):
        return []
    beside = [ln for ln in above if ln.y1 > top]
    outdented = bool(beside) and first.x0 < min(ln.x0 for ln in beside) - 0.5 * first.size
    in_blank = sum(1 for ln in other if ln.y0 >= above[-1].y1 and ln.y1 <= first.y0)
    return side[len(above) :] if outdented or in_blank >= _TAIL_BLANK_LINES else []


def join_all(lines: Sequence[Line], apart: Callable[[Line, Line], bool] = lambda prev, line: False) -> str:
    """The lines of one paragraph or cell as one text, each joined as ``join_lines`` says;
    with a space after a line where ``apart(line, next line)`` says so, or after a line that
    holds only a person's name (``_name_only``)."""
    text = lines[0].text if lines else ""
    for prev, line in pairwise(lines):
        text = join_lines(text, line.text, prev.ends_with_space or _name_only(prev) or apart(prev, line))
    return text


def _name_only(line: Line) -> bool:
    """Does ``line`` hold a person's name and nothing else: a title, a name and a surname (a
    middle name at most)? Thai lines join with no space, and a Canva org chart's card, a
    name over a post, was heard "นางสาวชุติมา โชคกนกวัฒนารองผู้อำนวยการฝ่ายวิชาการ": the
    surname glued to the post."""
    return len(line.text) <= _NAME_CHARS and len(line.text.split()) in (2, 3) and has_title(line.text)


def join_lines(prev: str, line: str, prev_ends_with_space: bool) -> str:
    """Join two lines of one paragraph the way the text was written before it was set.

    Thai has no spaces between words, so Thai lines join with none; a mark stranded at
    the start of a line goes back onto its base; an English word hyphenated across the
    line break is made whole again, as is a Thai word (a dictionary word runs across the
    break: ``thai.fit.word_across``). Two numbers are two, Thai digits too: a number is
    not broken across lines ("ปีการศึกษา ๒๕๖๗" then "๒. ชื่อโครงการ" read "๒๕๖๗๒.").
    """
    if is_mark(line[0]):
        return prev + line
    if re.search(r"[A-Za-z]-$", prev) and line[0].islower():
        return prev[:-1] + line
    broken = _THAI_WORD_END.search(prev)
    if broken and (head := _THAI_WORD_START.match(line)):
        # A Thai word broken at the line's end is made whole ("สนับ-" / "สนุน"); a hyphen
        # of the text's own stays, with no space after it ("ออสเตรีย-" / "ฮังการี").
        return prev[:-1] + line if word_across(broken.group(1), head.group()) else prev + line
    if (
        not prev_ends_with_space
        and _THAI.match(prev[-1])
        and _THAI.match(line[0])
        and not (prev[-1].isdigit() and line[0].isdigit())
        and not _ABBREVIATION_START.match(line)
    ):
        return prev + line
    return f"{prev} {line}"


def _line_pitch(lines: list[Line]) -> float:
    """The step from one line of the page's text to the next, between lines of the same
    size; a display's formula (an equation with no Thai in it) is set apart from the text,
    its rows further apart: set whole on their rows, they outnumbered a calculus page's
    prose, whose heading then ran into the paragraph under it."""
    steps = [
        b.baseline - a.baseline
        for a, b in pairwise(lines)
        if abs(a.size - b.size) < 0.5 and 0 < b.baseline - a.baseline < 3 * a.size
        and not (_display_formula(a) or _display_formula(b))
    ]
    return statistics.median(steps) if steps else 0.0


def _display_formula(line: Line) -> bool:
    return bool(_FORMULA.search(line.text)) and not _THAI.search(line.text)


def _own_spacing(lines: list[Line], k: int, rights: dict[tuple[float, float, float], float]) -> float:
    """The step from line ``k`` to the next when a paragraph is set with wider spacing than
    the page's (1.5 lines among single-spaced ones): line ``k`` runs to its column's edge,
    and the same step repeats next to it, in its column and size, under another line run
    to the edge and over no list item (items a blank line apart are spaced alike). Else 0:
    the page's own pitch tells a gap. (Every line of a Chrome printout's 1.5-spaced
    paragraph was one.)"""
    prev, line = lines[k], lines[k + 1]
    step = line.baseline - prev.baseline
    if not 0 < step <= _MAX_SPACING * prev.size or not _runs_to_edge(lines, prev, rights):
        return 0.0
    for j in (k - 1, k + 1):
        if not 0 <= j < len(lines) - 1:
            continue
        upper, lower = lines[j], lines[j + 1]
        alike = all(abs(ln.size - prev.size) < 0.5 and abs(ln.x0 - prev.x0) < prev.size for ln in (upper, lower))
        if alike and _runs_to_edge(lines, upper, rights) and not _LIST_ITEM.match(lower.text) \
                and abs(lower.baseline - upper.baseline - step) <= _SAME_STEP * step:
            return step
    return 0.0


def _runs_to_edge(lines: list[Line], line: Line, rights: dict[tuple[float, float, float], float]) -> bool:
    """Does ``line`` run to within ``RAGGED`` sizes of its column's right edge?"""
    return line.x1 >= _known_column_right(lines, line, rights) - RAGGED * line.size


def _known_column_right(lines: list[Line], line: Line, rights: dict[tuple[float, float, float], float]) -> float:
    """``_column_right`` of ``line``, worked out once for all the lines that start alike
    (``rights`` keeps it by their start, size and column)."""
    key = (line.x0, line.size, line.column_right)
    if key not in rights:
        rights[key] = _column_right(lines, line)
    return rights[key]


def _starts_paragraph(prev: Line, line: Line, pitch: float, column_right: float, opens: bool) -> bool:
    """Does ``line`` begin a new paragraph after ``prev`` (``opens``: the first line of its
    own, starting where another line of the page starts; a right-aligned or centred line
    is not the start of a hanging indent: a journal's authors over their Thai names)?

    A change of weight, or a small change of size, does unless the line before runs to
    the column's edge: a word set in bold where a line wraps ("... ยกเว้นข้อใด") is
    emphasis within a sentence.
    """
    if line.text.startswith("ๆ"):
        return False  # mai yamok repeats the word before it, whatever size the rest of its line is
    # A listing's lines are its own, however far across they run; not Thai prose wrapped in
    # the middle of its inline code ("รูปแบบเป็น [date, ..." / "dailysodium, ...").
    if prev.mono and line.mono and not _THAI.match(prev.text):
        return True
    if max(prev.size, line.size) >= HEADING_RATIO * min(prev.size, line.size):
        return True  # a heading's size, or a table or figure standing between
    step = line.baseline - prev.baseline
    if step <= 0 or step > max(1.18 * pitch, 1.6 * prev.size) or abs(line.x0 - prev.x0) > 0.5 * prev.width:
        return True  # a new column, a gap, or a jump sideways
    if prev.link and line.link and prev.link != line.link:
        return True  # a contents list's entries, each a link (``links``)
    if _AWAITS_NUMBER.search(prev.text) and _COUNT_START.match(line.text):
        # a line ending in a word a number must follow goes on with the number, wherever the
        # writer's line broke: "... ถึงวันที่" / "21 กุมภาพันธ์ 2563 ..." (b21_29), "...
        # ทีมละไม่เกิน" / "2 คน (นักเรียน..." (b18_20); no paragraph ends on "วันที่" or "ไม่เกิน"
        return False
    if CAPTION.match(prev.text) and line.x0 < prev.x0 - line.size and not _same_centre(prev, line):
        # a centred caption ends where a line starts left of it off its axis: a manual's
        # "ภาพที่ 4 ..." took the next step's instruction under it (its column is its own
        # width, so the instruction's first words seemed not to have fitted beside it)
        return True
    ended = prev.x1 + _first_word_width(line) < column_right - 0.5 * line.size
    if _LIST_ITEM.match(line.text) and not (_RANGE_WRAPPED.match(line.text) and _DIGIT_END.search(prev.text)
                                            and not ended):
        return True  # a list item; not a range's second half wrapped ("พ.ศ. 2555" / "– 30 มิ.ค 2564")
    if _contents_entry(prev) or (line.page_at is not None and prev.inked_right >= line.page_at - line.size):
        # the entry after a contents line; and one after a line reaching its page number's
        # column, an entry with its number typed after spaces ("สารบัญ      ง"), not the
        # first line of an entry wrapped over two
        return True
    if _NUMBERED_HEADING.match(line.text) and (
        ended or prev.x1 < column_right - RAGGED * line.size or prev.bold != line.bold
    ):
        return True  # a numbered heading; after a line run to the edge, a number wrapped ("ถึง / 2.5 เมตร")
    if line.x0 - prev.x0 > line.size:
        # A first-line indent; but after a list item's first line that runs on, the indent
        # is the hanging indent of the item's own text ("7. ..." / "   ..."), as it is after
        # any paragraph's first line run to the column's edge, whatever marks it: an exam's
        # question ("ข้อที่ 1. ... 1 ตัวเป็นข้อมูล" / "   ชนิดสตริง ..."), a term ("ฟังก์ชั่น : ...
        # แสดงผลการ" / "   สั่งซื้อ ..."), a reference (not a short heading over an indented
        # paragraph, however long the paragraph's first run of Thai, nor an outline's heading
        # over its own numbered subheading, "1.4.1.2 ..." / "1.4.1.2.1 ..."); and under a line
        # on the same centre, a centred paragraph's next line (a slide's).
        # (a heading in its own size ends there; a question's bold start is no heading)
        full = (prev.x1 >= column_right - RAGGED * line.size and not _NUMBERED_HEADING.match(line.text)
                and abs(prev.size - line.size) < 0.5)
        hanging = _LIST_ITEM.match(prev.text) or (opens and full)
        if prev.bold != line.bold and not (full and hanging):
            # A change of weight at an indent: a bold heading ("2. คำนิยาม ‘คนหูหนวก’ และ
            # ‘ภาษามือ’") or a speaker's name and post over the indented first line of the text
            # that follows, whose first run of Thai seemed to fit above; not a hanging indent
            # after a full line
            return True
        return ended or not (hanging or _same_centre(prev, line))
    if prev.bold != line.bold or abs(prev.size - line.size) >= 0.5:
        # A figure's caption in its own size ends there, however far across it runs: the
        # text under it is the body's ("รูปที่ 5 กราฟแสดงอัตราการแพร่ระบาด" / "จากกราฟเป็น ...").
        return ended or prev.x1 < column_right - RAGGED * line.size or bool(CAPTION.match(prev.text))
    if _ABBREVIATION_END.search(prev.text):
        return False  # "ใน พ.ศ." at a line end continues on the next line
    short = column_right - prev.x1 > _LIST_END_ROOM * (column_right - line.x0)  # no word wrapped that early
    if _LIST_ITEM.match(prev.text) and line.x0 < prev.x0 - line.size and short:
        # back at the margin, left of a short list item: the list has ended, however long the
        # next line's first run of Thai ("3. ประเภทนวัตกรรมด้านการเกษตร (...)" / "คณะกรรมการ
        # ตัดสินการประกวด..." was one paragraph); a numbered paragraph's first line, indented,
        # runs to the edge before its next line goes back to the margin
        return True
    return ended


def _contents_entry(line: Line) -> bool:
    """Is ``line`` a contents page's entry, with its leaders or set apart from its number?"""
    return line.page_at is not None or bool(_CONTENTS_ENTRY.search(line.text))


def _centred(line: Line, left: float, right: float) -> bool:
    """Is ``line`` set centred between the page's text edges, well in from both? Such a line
    is its own column, so it always looks full: whether it ends its paragraph cannot be told
    from its right edge. (A body line indented as far as it falls short looks centred too:
    the caller asks for a title's weight or size as well.)"""
    indented = line.x0 - left > 2 * line.size and line.x1 < right - 2 * line.size
    short = line.width < CENTRED_SHARE * (right - left)
    return indented and short and abs((line.x0 + line.x1) - (left + right)) / 2 < line.size


def _same_centre(line: Line, other: Line) -> bool:
    """Are two lines centred on one axis: is one in from the other as far at its left as
    at its right (within a third of a font size, a space either line may end in)? An
    indent of one em is not; nor is a signature block set flush right."""
    return abs((line.x0 + line.x1) - (other.x0 + other.x1)) < _CENTRE_SLACK * max(line.size, other.size)


def _first_word_width(line: Line) -> float:
    """How wide the first word of a line is: had it fitted on the line before, the
    line before would not have been broken there, so that line ended its paragraph.
    (Thai writes no spaces between words: its first run up to a space may be a whole
    line, which errs towards going on, not towards a break mid-sentence.)"""
    head = line.text.split(" ", 1)[0]
    return line.width * len(head) / max(1, len(line.text))


def _column_right(lines: list[Line], line: Line) -> float:
    """Right edge of the column a line belongs to: where the widest line's text ends of
    those starting where it starts and ending within its column (the line itself at least,
    whatever its size: a font size of 0 or a degenerate matrix gives no tolerance at all).
    Its text, not its box: Word printed through a printer driver draws a line's trailing
    spaces past the margin (b17_09: text to 523, spaces to 565), and with the column that
    wide every short first word of a next line seemed to have fitted above, so paragraphs
    broke mid-sentence ("พบว่า มากกว่า 2" / "ใน 3 ของเด็ก")."""
    return max(
        (ln.inked_right for ln in lines if abs(ln.x0 - line.x0) < 3 * line.size and ln.x1 <= line.column_right),
        default=line.inked_right,
    )


def _heading_levels(lines: list[Line], size: float) -> dict[float, int]:
    """Heading level of each size larger than the body's that words are set in (a credit
    count set large beside a curriculum's headings is not one)."""
    larger = sorted({line.size for line in lines if line.size >= size * HEADING_RATIO and _wordy(line)}, reverse=True)
    return {s: level for level, s in enumerate(larger, start=1)}


def _listing_size(lines: Sequence[Line]) -> float | None:
    """The size most of a page's code lines are set in, where it has a listing (three code
    lines of a size at least): a typewriter title alone is no listing."""
    sizes = Counter(line.size for line in lines if line.mono)
    size, count = sizes.most_common(1)[0] if sizes else (0.0, 0)
    return size if count >= _LISTING_LINES else None


def _heading_level(
    group: list[Line], text: str, levels: dict[float, int], size: float, code_size: float | None = None
) -> int:
    first = group[0]
    if not any(_wordy(line) for line in group):
        return 0  # a number, however large, is not a heading: "30" beside "หน่วยกิต"
    if _CONTENTS_ENTRY.search(text) or any(line.page_at is not None for line in group):
        return 0  # a contents entry names a heading of another page: heard there, not twice
    if all(line.mono for line in group) and (
        first.size < HEADING_RATIO * size or (code_size is not None and abs(first.size - code_size) < 0.5)
    ):
        # code: a listing's keywords set in bold ("\documentclass") head nothing; nor do its
        # lines in the listings' own size where the page's prose is set smaller (a slide's
        # 6-point footline outweighed its labels, and two listings gave 10 headings)
        return 0
    if first.size in levels and len(group) <= 3:
        if _CLAUSE_END.search(text) and first.size < TITLE_RATIO * size and not first.bold and len(text) > 30:
            return 0  # a sentence set a little larger than a code listing that outnumbers it
        return levels[first.size]
    short = len(group) == 1 and len(text) < 90 and not _SENTENCE_END.search(text)
    if _FILL_IN.search(text) or _BALLOT_BOX.search(text) or _NOTE.match(text):
        # a form's line to fill in ("เป็นเงินทั้งสิ้น……….บาท"), or its choices to tick
        # ("☑ นวัตกรรมด้านพลังงาน ☐ ..."), however bold, heads nothing; nor does a note under
        # a budget ("*หมายเหตุ ขอถัวจ่ายทุกรายการ", b21_06: a level-1 heading among sections 10, 11)
        return 0
    numbered = bool(_NUMBERED_HEADING.match(text)) and not _FORMULA.search(text)
    if short and ((first.bold and not _run_in_label(first)) or numbered) and first.size >= size - 0.5:
        return len(levels) + 1 + text.split()[0].count(".")
    return 0


def _run_in_label(line: Line) -> bool:
    """Does ``line`` open with a bold run-in label, its words going on in the body's weight:
    a label ending in a colon or a number? Its line is the label's text, not a heading: a
    calculus text's "ตัวอย่าง 5.2.2. จงหาค่าของ" over its formula was heard as 20 level-1
    headings, "เจ้าของหอพัก : ไม่เกิดปัญหา" as one. A bold title going on in a regular
    qualifier ("ข้อจำกัด (ถ้ามี)", "1. จุฬาลงกรณ์มหาวิทยาลัย คณะวิศวกรรมศาสตร์") is a heading
    still."""
    return bool(line.label) and bool(_LABEL_END.search(line.label))


def paragraph_starts(lines: list[Line]) -> set[int]:
    """The ``id`` of each of the ordered body lines that begins a paragraph: where a table
    or figure may stand between them without cutting a sentence."""
    if not lines:
        return set()
    groups, _ = _grouped(lines, body_size(lines))
    return {id(group[0]) for group in groups}


def _wrapped_lefts(
    lines: list[Line], rights: dict[tuple[float, float, float], float]
) -> dict[float, tuple[float, float]]:
    """Where each column's wrapped lines start (by its right edge, ``Line.column_right``),
    and how far right all of them reach: ``_EDGE_LINES`` lines or more starting at one point
    and running to their column's edge. A table's first column of short names is no such
    edge for the column beside it, nor a poster's first column for its second."""
    starts: dict[float, dict[int, list[Line]]] = {}
    for line in lines:
        if _runs_to_edge(lines, line, rights):
            starts.setdefault(line.column_right, {}).setdefault(round(line.x0), []).append(line)
    found = {}
    for right, by_start in starts.items():
        edges = [(x, held) for x, held in by_start.items() if len(held) >= _EDGE_LINES]
        if edges:
            x, held = min(edges, key=lambda edge: edge[0])
            found[right] = (float(x), min(line.x1 for line in held))
    return found


def _first_line_again(
    lines: list[Line], k: int, lefts: dict[float, tuple[float, float]], indents: set[int],
    rights: dict[tuple[float, float, float], float],
) -> bool:
    """Does ``line`` start a paragraph as the one-line paragraph before it did: both at a
    first-line indent (in by more than a size from the left edge where its column's wrapped
    lines start, ``lefts``; where other lines start too, ``indents``: not centred lines), a
    line of Thai, the line before ending ``_ROOM_LEFT`` sizes or more short of its
    column's edge? A wrapped line starts at the column's edge, not at the indent. A law's
    definitions of one line ("“การศึกษาขั้นพื้นฐาน” หมายความว่า การศึกษาก่อนระดับอุดมศึกษา")
    were heard run into the next, whose first run of Thai up to a space was too long to
    have fitted. A wrapped line at that edge must come just before or after the two (a
    poster's third column starts where the abstract over all three indents nothing), and
    the line before the two must end short: after a line run to the edge, a line at the
    indent is a hanging indent's (a reference's "มหาวิทยาลัยมหิดล", too long to fit)."""
    prev, line = lines[k], lines[k + 1]
    if line.column_right not in lefts:
        return False
    left, reach = lefts[line.column_right]
    near = [lines[j] for j in (k - 1, k + 2) if 0 <= j < len(lines)]
    return (
        any(abs(other.x0 - left) <= _EDGE_SLACK for other in near)
        and k > 0 and not _runs_to_edge(lines, lines[k - 1], rights)  # ``prev`` a paragraph's first line
        and _wide_line(prev)  # prose, not an exam's choice "ก."
        and abs(line.x0 - prev.x0) <= _EDGE_SLACK
        and round(line.x0) in indents
        and bool(_THAI.match(line.text.lstrip("“\"'‘([")))  # a Latin first word is measured well as it is
        and left + line.size < line.x0 < reach
        and abs(line.size - prev.size) < 0.5
        and prev.x1 < _known_column_right(lines, prev, rights) - _ROOM_LEFT * line.size
    )


def _grouped(lines: list[Line], size: float) -> tuple[list[list[Line]], set[int]]:
    """The ordered lines in paragraphs, and the groups that start right of a number after
    a label on its row (the number's unit, not a heading)."""
    pitch = _line_pitch(lines)
    rights: dict[tuple[float, float, float], float] = {}  # lines starting alike share a column: once each
    lefts, indents = _wrapped_lefts(lines, rights), _edges(ln.x0 for ln in lines)
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    starts = sorted(ln.x0 for ln in lines)
    groups: list[list[Line]] = [[lines[0]]]
    after_a_count: set[int] = set()
    for k, (prev, line) in enumerate(pairwise(lines)):
        check_time()
        if _centred(prev, left, right) and (prev.bold or prev.size > size + 0.5) and not _centred(line, left, right):
            groups.append([line])  # a centred title line, then the text under it
        elif _form_row(prev):
            # a form's row of fields and blanks, filled or not, ends there (a contents entry
            # wrapped onto its leader's line is still one)
            groups.append([line])
        elif _next_item(_latest_item(groups, line), line) or _next_name(prev, line) \
                or _run_in(groups[-1][0], prev, line) or _first_line_again(lines, k, lefts, indents, rights) \
                or _starts_paragraph(
                prev, line, max(pitch, _own_spacing(lines, k, rights)), _known_column_right(lines, prev, rights),
                len(groups[-1]) == 1 and _shared_start(starts, prev.x0)):
            if not _wordy(prev) and k and _follows_on_row(lines[k - 1], prev) and _follows_on_row(prev, line):
                after_a_count.add(len(groups))
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups, after_a_count


def _run_in(first: Line, prev: Line, line: Line) -> bool:
    """Does ``line`` open with a run-in label, after a line in a regular weight (``first``:
    its paragraph's first line)? A speaker's name before what they said ("เจ้าของหอพัก :
    กรณีที่ ..."), a term before its definition, a theorem's head ("บทนิยาม 2.2 ...") were
    heard glued to the end of the paragraph before. Its bold words end in a colon or a
    number, or the paragraph before opened with a label where it starts ("ชื่อโครงงาน
    ภาษาไทย ..." / "ชื่อโครงงานภาษาอังกฤษ ..."). A word set in bold where a line wraps, the
    sentence going on after it, is emphasis: no colon, no number, no label over it; and
    after a line ending in bold, bold words are its emphasis going on ("... ประเภท" /
    "ที่ 3", a law lecture's)."""
    if not line.label or prev.ends_bold or len(line.label) > _LABEL_CHARS:
        return False
    return bool(_LABEL_END.search(line.label)) or (bool(first.label) and abs(first.x0 - line.x0) < _EDGE_SLACK)


def _shared_start(starts: list[float], x0: float) -> bool:
    """Does a line other than one starting at ``x0`` start there too (``starts``: every
    line's start, sorted)? A paragraph's left edge is shared; a flush-right line's is its own."""
    return bisect.bisect_right(starts, x0 + _EDGE_SLACK) - bisect.bisect_left(starts, x0 - _EDGE_SLACK) > 1


def _form_row(line: Line) -> bool:
    """Is ``line`` a form's row: blanks (``Line.blanks``) a good share of its width? A
    sentence with a placeholder in it ("ตามด้วย “เปิดเพลง_____” ตามด้วยชื่อเพลง") is not."""
    return sum(right - left for left, right in line.blanks) >= _FORM_BLANKS * line.width


def paragraphs(
    lines: list[Line], outline_titles: dict[str, int], typeset: Sequence[Line] = ()
) -> list[ParagraphDraft]:
    """Group ordered body lines into paragraphs and tell headings from body text.

    ``outline_titles`` maps a title from the PDF's own outline (spaces removed) to its
    level; such a paragraph is a heading of that level whatever its typography. The sizes
    of ``typeset`` (by default ``lines`` themselves) tell body text from headings: a
    handout's slide that holds only its title over a table is judged with the other slides.
    """
    if not lines:
        return []
    sized = list(typeset or lines)
    size = body_size(sized)
    code_size = _listing_size(sized)
    levels = _heading_levels(sized, size)
    groups, after_a_count = _grouped(lines, size)
    column_lefts: dict[float, float] = {}  # each column's left edge, by its right edge
    for line in lines:
        column_lefts[line.column_right] = min(line.x0, column_lefts.get(line.column_right, line.x0))
    drafts = []
    outlined: set[int] = set()
    for n, group in enumerate(groups):
        text = join_all(group)
        # What follows a number that follows a label on its row is the number's unit
        # ("หน่วยกิต" after "30"), whatever its weight, not a heading; a section number's
        # title ("3.3.4   F4: data/deps/") may be.
        level = outline_titles.get(outline_key(text), 0)
        if level:
            outlined.add(n)
        else:
            level = 0 if n in after_a_count else _heading_level(group, text, levels, size, code_size)
        if level:  # with a space where the writer broke a title's line early
            text = join_all(group, functools.partial(_broken_early, title=group))
        bbox = (
            min(ln.x0 for ln in group),
            min(ln.y0 for ln in group),
            max(ln.x1 for ln in group),
            max(ln.y1 for ln in group),
        )
        room = _column_right(lines, group[-1]) - group[-1].x1
        indent = group[-1].x0 - column_lefts[group[-1].column_right]
        drafts.append(ParagraphDraft(text, level, bbox, group[-1], room, indent, group[0]))
    drafts = _join_wrapped_titles(_listed_sections(drafts, outlined), groups, lines)
    drafts = _runs_as_body(drafts, outline_titles, lambda text: bool(_FIELD.search(text)), _FIELD_RUN)
    return _runs_as_body(drafts, outline_titles, _byline, _NAME_RUN)


def outline_key(title: str) -> str:
    """A title as the PDF's outline entries are looked up by it (``outline_titles``): its
    spaces taken out, however the layout joined its pieces."""
    return re.sub(r"\s+", "", title)


def _runs_as_body(
    drafts: list[ParagraphDraft], outline_titles: dict[str, int], member: Callable[[str], bool], least: int
) -> list[ParagraphDraft]:
    """The drafts with each run of ``least`` or more headings of one level whose texts are
    all ``member``s made body, unless the PDF's outline names them. A JasperReports request
    (b19_27) sets its fields in 14 points over notes in 12, and each "ชื่อหน่วยรับบริจาค :
    บ้านหนองโป่ง" was heard as a heading (``_FIELD``); a report's cover sets its authors'
    names large, and "นาย ภูริณัฐ จิตมนัส รหัสนักศึกษา 61070171" and the two names under
    it were three level-1 headings of a ten-page report (``_byline``). One name alone
    over text (a biography's) still heads it."""
    made = list(drafts)
    start = 0
    while start < len(made):
        level = made[start].heading_level
        if not level or not member(made[start].text):
            start += 1
            continue
        end = start + 1
        while end < len(made) and made[end].heading_level == level and member(made[end].text):
            end += 1
        if end - start >= least:
            for k in range(start, end):
                if not outline_titles.get(outline_key(made[k].text)):
                    made[k] = replace(made[k], heading_level=0)
        start = end
    return made


def _byline(text: str) -> bool:
    """Is ``text`` a person's name with its title, or a cover's label for its authors or
    its teacher ("จัดทำโดย นาย อมเรศ ...", "เสนอ อาจารย์ ...", "จัดทำโดย" alone)?"""
    return has_title(text) or bool(_COVER_LABEL.match(text))


def _listed_sections(drafts: list[ParagraphDraft], outlined: set[int]) -> list[ParagraphDraft]:
    """The drafts with numbered "headings" that follow one another with nothing under
    them made body (``outlined``: the indices of those the PDF's outline makes headings):
    a proposal's objectives 1.2.1 to 1.2.4 are a list's items, not four sections, though
    the short ones look like headings (the wrapped ones were body, so the list was heard
    half as headings); and a heading has text under it before the next one."""
    numbers = [_ordinal(draft.text) for draft in drafts]
    listed: set[int] = set()
    for k, (number, following) in enumerate(pairwise(numbers)):
        if number and following and number[0] == following[0] and len(number[1]) >= 2 \
                and _successions([number[1], following[1]]) == 1:
            listed.update((k, k + 1))
    # So are points after one bullet: a handout's slides set theirs larger than their
    # sub-points and footers, and 264 of its 384 paragraphs were headings (b19_17). A bulleted
    # title with text under it (a report's "• Product Backlog") heads its section still.
    bullets = [_BULLETED.match(draft.text) for draft in drafts]
    for k, (point, next_point) in enumerate(pairwise(bullets)):
        if point and next_point and point.group().strip() == next_point.group().strip():
            listed.update((k, k + 1))
    return [replace(draft, heading_level=0) if k in listed - outlined else draft for k, draft in enumerate(drafts)]


def _one_title(upper: list[Line], lower: list[Line], lines: list[Line]) -> bool:
    """Are two headings of one level the lines of one title, wrapped, centred or set apart
    on one row, rather than two headings ("ขั้นตอนการปฏิบัติ" over "ตอนที่ 1 ...")? One
    title's lines follow at a line's distance, and the upper one was broken because the
    next word did not fit, or both are centred on one axis, in one size."""
    last, first = upper[-1], lower[0]
    if _NUMBERED_HEADING.match(first.text) or _LIST_ITEM.match(first.text) or _next_name(last, first):
        return False
    if _follows_on_row(last, first):
        return True  # set apart on its row: "IT 2nd Year Class   Programming", a name and surname
    if not 0 < first.baseline - last.baseline <= TITLE_STEP * max(last.size, first.size):
        return False
    if _CHAPTER_ONLY.match(last.text):
        return True  # "บทที่ 1" over the chapter's name
    if abs(last.size - first.size) >= 0.5:
        return False  # one title's lines share a size: a smaller line under it is another
    # A line set apart after another on its row goes on below only where it starts (a
    # name's next row, read after its surname at the right, starts at the left).
    after_another = len(upper) > 1 and _follows_on_row(upper[-2], last)
    wrapped = (
        not (after_another and first.x0 < last.x0 - first.size)
        and last.x1 + _first_word_width(first) >= _column_right(lines, last) - 0.5 * first.size
    )
    left_aligned = last.x0 - min(ln.x0 for ln in lines) < first.size
    centred = abs((last.x0 + last.x1) - (first.x0 + first.x1)) / 2 < first.size and not left_aligned
    return wrapped or centred


def _broken_early(last: Line, first: Line, title: Sequence[Line]) -> bool:
    """Did the writer end a title's line ``last`` where the first word of ``first`` would
    have fitted on it, within the widest of the ``title``'s lines (its box is at least as
    wide)? Such a break parts two phrases: "ภาคผนวก ก" over "การติดตั้งโปรแกรม" was heard
    "ภาคผนวก กการติดตั้ง". A slide's title wrapped in its box is not broken early. A Thai
    line's first word is the dictionary's, not its run up to a space (as in
    ``_first_word_width``)."""
    words = thai_words(first.text.split(" ", 1)[0]) if _THAI.match(first.text[:1]) else first.text.split(" ", 1)
    share = len(words[0]) / max(1, len(first.text)) if words else 1.0
    return last.width + first.width * share + first.size < max(line.width for line in title)


def _join_wrapped_titles(
    drafts: list[ParagraphDraft], groups: list[list[Line]], lines: list[Line]
) -> list[ParagraphDraft]:
    """A two-line title is one heading, not two; two headings one under the other stay two."""
    out: list[ParagraphDraft] = []
    out_groups: list[list[Line]] = []
    for draft, group in zip(drafts, groups, strict=True):
        if not out or not draft.heading_level:
            pass
        elif out[-1].heading_level == draft.heading_level and _one_title(out_groups[-1], group, lines):
            # a title's lines the writer broke are joined with a space ("ภาคผนวก ก" over
            # "การติดตั้งโปรแกรม" was heard "ภาคผนวก กการติดตั้ง"); a wrapped one's as a line's
            last, first = out_groups[-1][-1], group[0]
            apart = on_one_row(last, first) or _broken_early(last, first, [*out_groups[-1], *group])
            out[-1] = _joined(out[-1], draft, apart)
            out_groups[-1] = [*out_groups[-1], *group]
            continue
        elif _SECTION_NUMBER.match(out[-1].text) and _follows_on_row(out_groups[-1][-1], group[0]):
            # "3.3.4" set apart before its title: one heading, at the title's level
            out[-1] = replace(_joined(out[-1], draft, True), heading_level=draft.heading_level)
            out_groups[-1] = [*out_groups[-1], *group]
            continue
        out.append(draft)
        out_groups.append(group)
    return out


def _joined(prev: ParagraphDraft, draft: ParagraphDraft, apart: bool) -> ParagraphDraft:
    """Two paragraphs of one heading as one: with a space where the second was set apart
    (on the first one's row, or on a line of its own), else as a wrapped line is joined."""
    bbox = (
        min(prev.bbox[0], draft.bbox[0]),
        min(prev.bbox[1], draft.bbox[1]),
        max(prev.bbox[2], draft.bbox[2]),
        max(prev.bbox[3], draft.bbox[3]),
    )
    text = f"{prev.text} {draft.text}" if apart else join_lines(prev.text, draft.text, False)
    return replace(prev, text=text, bbox=bbox, tail=draft.tail, room=draft.room)


def _follows_on_row(line: Line, other: Line) -> bool:
    """Is ``other`` set after ``line`` on its row, to its right?"""
    return on_one_row(line, other) and other.x0 >= line.x1


def starts_item(text: str) -> bool:
    """Does ``text`` begin a list item (``_LIST_ITEM``)?"""
    return _LIST_ITEM.match(text) is not None
