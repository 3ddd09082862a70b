"""Readings for course material: operators, identifiers and acronyms.

Lecture notes and exam papers are full of ``x >= 5``, ``WHERE price <> 0``, phone and
student numbers, course codes and acronyms. Read as plain text these lose their meaning
(``>`` is dropped as noise) or become nonsense (``081-234-5678`` as a range of quantities).
A Thai reader says operators in Thai, reads identifiers digit by digit and acronyms by
their letter names; these tables and helpers say how. The rules that find them in text
are in ``normalize.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from guidelight.core.model import Lang
from guidelight.thai.digits import to_arabic
from guidelight.thai.fit import dictionary

DIGIT_WORDS = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")

# Comparison and logic operators, as a Thai teacher reads them aloud (longest written form first).
COMPARISONS = {
    "===": "เท่ากับ",
    "!==": "ไม่เท่ากับ",
    "=/=": "ไม่เท่ากับ",
    ">=": "มากกว่าหรือเท่ากับ",
    "<=": "น้อยกว่าหรือเท่ากับ",
    "=<": "น้อยกว่าหรือเท่ากับ",
    "<>": "ไม่เท่ากับ",
    "!=": "ไม่เท่ากับ",
    "==": "เท่ากับ",
    "=>": "ดังนั้น",
    "≥": "มากกว่าหรือเท่ากับ",
    "≧": "มากกว่าหรือเท่ากับ",
    "≤": "น้อยกว่าหรือเท่ากับ",
    "≦": "น้อยกว่าหรือเท่ากับ",
    "≠": "ไม่เท่ากับ",
    "⇒": "ดังนั้น",
    "⇔": "ก็ต่อเมื่อ",
    "≈": "ประมาณ",
    ">": "มากกว่า",
    "<": "น้อยกว่า",
}
# Arithmetic written between two operands (``2*3``, ``x^2``, ``a ** b``).
ARITHMETIC = {"**": "ยกกำลัง", "^": "ยกกำลัง", "*": "คูณ", "=": "เท่ากับ", "+": "บวก", "%": "มอด",
              "&&": "และ", "||": "หรือ"}
# Signs that mean a word wherever they stand: the minus sign is never a hyphen ("−x0",
# "f(−1)" and "2−3" were silent); infinity and the integral sign are said as a Thai class says them.
# So are the signs of sets, logic and calculus, which espeak-ng's Thai voice passed over in
# silence: "ทุก x ∈ (a, b)" (a calculus text, 69 times in 8 of 151 files), an AI book's
# "P(M|¬B, L)" and "P(A∧B)", a partial derivative's ∂, a derivative's prime ("g′(x) ≠ 0" was
# "g (x) ไม่เท่ากับ ศูนย์", the condition of another function), a dot product ("→u ⋅→v",
# "a∙b") and logic's tilde for "not" ("P(∼cancer)"), as a Thai school writes ~p.
SIGNS = {"±": "บวกลบ", "∓": "ลบบวก", "×": "คูณ", "÷": "หาร", "√": "รากที่สองของ", "−": "ลบ", "∞": "อนันต์",
         "∫": "อินทิกรัล", "∈": "เป็นสมาชิกของ", "∉": "ไม่เป็นสมาชิกของ", "∩": "อินเตอร์เซกชัน",
         "∪": "ยูเนียน", "⊂": "เป็นสับเซตของ", "⊆": "เป็นสับเซตของ", "∅": "เซตว่าง", "∧": "และ", "∨": "หรือ",
         "¬": "นิเสธ", "∀": "สำหรับทุก", "∃": "มี", "∂": "พาร์เชียล", "∏": "ผลคูณ", "∇": "เดล",
         "≅": "ประมาณ", "∴": "ดังนั้น", "∵": "เพราะว่า", "′": "ไพรม์", "″": "ดับเบิลไพรม์",
         "⋅": "ดอท", "∙": "ดอท", "∼": "นิเสธ"}
# Arrows, named as a screen reader names them: espeak-ng's Thai voice passed over every one,
# so an exam's "ศุภอักษร → ใบบอก → หนังสือราชการ" (the order is the question) was heard
# as three words, and "File → New" as two. "↑" and "↓" it read in English. Logic's ⇒ and ⇔
# are comparisons, said as a Thai class says them.
ARROWS = {"→": "ลูกศรขวา", "⇨": "ลูกศรขวา", "←": "ลูกศรซ้าย", "↑": "ลูกศรขึ้น", "↓": "ลูกศรลง", "⇓": "ลูกศรลง",
          "↔": "ลูกศรซ้ายขวา", "⇐": "ลูกศรคู่ซ้าย", "↵": "เอนเทอร์"}
# Greek letters as a Thai statistics or physics class says them (a Thai voice says nothing
# for "μ", and "H0: μ ≠ μ0" is the whole hypothesis); the summation sign is ซิกมา too, and
# the increment sign is TeX's capital delta ("∆x = (x0 + h) − x0"). An AI book's learning
# rate "∆w = −η∇E(w)" lost its η.
GREEK_LETTERS = {
    "α": "แอลฟา", "β": "บีตา", "γ": "แกมมา", "δ": "เดลตา", "Δ": "เดลตา", "∆": "เดลตา", "ε": "เอปไซลอน", "θ": "ทีตา",
    "ζ": "ซีตา", "η": "อีตา", "κ": "แคปปา", "λ": "แลมบ์ดา", "Λ": "แลมบ์ดา", "μ": "มิว", "ν": "นิว", "π": "พาย",
    "ρ": "โร", "σ": "ซิกมา", "Σ": "ซิกมา", "∑": "ซิกมา",
    "τ": "เทา", "φ": "ฟาย", "ϕ": "ฟาย", "χ": "ไค", "ψ": "ไซ", "ω": "โอเมกา", "Ω": "โอเมกา",
    "Γ": "แกมมา", "Θ": "ทีตา", "Π": "พาย", "Φ": "ฟาย", "Ψ": "ไซ",
}

# Words before a number that make it an identifier: รหัสนักศึกษา 6401234567, วิชา 204111.
_ID_HEAD = r"(?:รหัส|หมายเลข|เลขประจำตัว|ประจำตัว|เบอร์|โทร|โทรศัพท์|โทรสาร|แฟกซ์|บัตรประชาชน|วิชา|ISBN|ISSN|ID|Tel|Fax|Code)"
_ID_TAIL = r"(?:นักศึกษา|นิสิต|วิชา|ประจำตัว|ประชาชน|โทรศัพท์|มือถือ|ไปรษณีย์|ผู้เสียภาษี(?:อากร)?|บัตร|ติดต่อ|ศัพท์)"
ID_CONTEXT = re.compile(rf"{_ID_HEAD}{_ID_TAIL}*\.?\s*(?:[:：#]|No\.?)?\s*$", re.IGNORECASE)

# All-capital words read as words, not spelled: SQL and programming keywords, short English words.
_KEEP_AS_WORD = """
    A I AN AS AT BE BY DO GO HE IF IN IS ME MY NO OF ON OR SO TO UP US WE OK PI JSON
    ADD ALL AND ANY ARE ASC AVG BUT CAN DAY DIM END FOR GET HAS HOW INT KEY LET MAX MIN NEW NOT NOW
    OFF OLD ONE OUT PUT RAM ROM RUN SET SUM THE TOP TWO USE VAR WAS WHO WHY YES YOU LAN WAN PIN SIM
"""
KEEP_AS_WORD = frozenset(_KEEP_AS_WORD.split())
_VOWELS = "AEIOUY"
# English word beginnings: a capital word that starts otherwise ("KMITL", "TCAS") is an acronym.
_ONSET_LIST = (
    "B C D F G H J K L M N P Q R S T V W X Z BL BR CH CL CR DR FL FR GL GR KN PH PL PR QU SC SH SK SL "
    "SM SN SP ST SW TH TR TW WH WR SCR SPR STR THR SQU SPL SHR"
)
_ONSETS = frozenset(_ONSET_LIST.split())
# English word endings of two consonants or more ("COUNT", "RIGHT"); "ISBN" ends otherwise.
_CODA_LIST = (
    "CH CK CT FT GH GHT LD LF LK LL LM LP LS LT MB MP MS ND NDS NG NGS NK NS NT NTS PS PT RB RD RK RL RM RN "
    "RP RS RT RST RTH SC SH SK SP SS ST STS TCH TH TS XT DS KS LTH NCH RCH"
)
_CODAS = frozenset(_CODA_LIST.split())


def read_digits(written: str, lang: Lang) -> str:
    """An identifier digit by digit, groups kept apart: "081-234-5678" -> ศูนย์แปดหนึ่ง สองสามสี่ ...

    The English voice gets the digits spaced ("0 8 1, 2 3 4"), which it reads one by one.
    """
    plus = written.lstrip().startswith("+")
    groups = re.findall(r"\d+", to_arabic(written))
    if lang is Lang.ENGLISH:
        return ("plus " if plus else "") + ", ".join(" ".join(group) for group in groups)
    return ("บวก" if plus else "") + " ".join("".join(DIGIT_WORDS[int(d)] for d in group) for group in groups)


def is_identifier_number(written: str, before: str) -> bool:
    """A digit string that names rather than counts: a leading zero, seven digits or more
    without separators (unless it is round, like 1000000), or a number right after a word such
    as รหัส or โทร."""
    plain = to_arabic(written)
    if not plain.isdigit():
        return False
    if len(plain) > 1 and plain.startswith("0"):
        return True
    if len(plain) >= 7 and not plain.endswith("000"):
        return True
    return len(plain) >= 3 and ID_CONTEXT.search(before) is not None


def is_identifier_range(low: str, high: str, before: str) -> bool:
    """``10-20`` is a range; ``02-1234567`` (a leading zero) or ``โทร 123-4567`` is a number to dial."""
    return any(len(p) > 1 and to_arabic(p).startswith("0") for p in (low, high)) or (
        "." not in low + high and ID_CONTEXT.search(before) is not None
    )


def is_pronounceable(word: str) -> bool:
    """Whether an all-capital word can be read as a word ("NASA", "WHERE") rather than spelled
    ("CPU", "KMITL"): short words are spelled unless known or shaped like "LAB"; longer ones when they have no vowel,
    start or end with a cluster English words do not ("KMITL", "ISBN"), or stack three vowels ("IEEE")."""
    if word in KEEP_AS_WORD:
        return True
    if len(word) == 3:
        return re.fullmatch(f"[^{_VOWELS}][AEIOU][^{_VOWELS}]", word) is not None  # "LAB", "XOR"; not "CPU"
    if len(word) < 3 or not any(c in _VOWELS for c in word):
        return False
    onset = re.match(f"[^{_VOWELS}]*", word)
    if onset and onset.group() and onset.group() not in _ONSETS:
        return False
    clusters = re.findall(f"[^{_VOWELS}]+|[{_VOWELS}]+", word)
    coda = clusters[-1] if clusters[-1][0] not in _VOWELS else ""
    return (
        all(len(c) <= 3 for c in clusters if c[0] not in _VOWELS)
        and all(len(c) <= 2 for c in clusters if c[0] in _VOWELS)
        and (len(coda) < 2 or coda in _CODAS)
    )


def spell_latin(word: str) -> str:
    """Letter names for the English voice, digits one by one: "CS101" -> "C S 1 0 1"."""
    return " ".join(c for c in word if c.isalnum())


_VOWEL_SIGN = re.compile("[\u0e30-\u0e3a\u0e40-\u0e45\u0e47]")
# Silent อ/ห before a sonorant ("อย", "หน") make a syllable only with a vowel (อย่าง, หนู).
_SILENT_LEAD = re.compile("[อห][งญนมยรลว]")
_TONE_MARKS = re.compile("[\u0e48-\u0e4c]")


def _spoken_alone(piece: str) -> bool:
    """Whether a dictionary piece can be a syllable on its own: it has a vowel sign, or two
    consonants or more read with an inherent vowel ("คน", "น้อย"). Rare entries such as "บ่" and
    "อย" would otherwise cut "บ่อย" in two."""
    if _VOWEL_SIGN.search(piece):
        return True
    letters = _TONE_MARKS.sub("", piece)
    return len(letters) >= 2 and letters.isalpha() and not (len(letters) == 2 and _SILENT_LEAD.match(letters))


@lru_cache(maxsize=4096)
def last_part(word: str) -> str:
    """The last of the fewest dictionary words that make up ``word`` without it being one
    piece: "ดีมาก" -> "มาก", "คนอื่น" -> "อื่น"; a word that does not split is returned whole.

    Mai yamok repeats the word just before it, and the dictionary segmenter keeps common
    compounds whole: "ดีมาก ๆ" is "ดีมากมาก", not "ดีมากดีมาก".
    """
    words = dictionary()
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(2, n + 1):
        for start in range(0, end - 1):
            piece = word[start:end]
            prefix = best[start]
            if prefix is None or piece == word or piece not in words or not _spoken_alone(piece):
                continue
            if best[end] is None or len(prefix) + 1 < len(best[end] or []):
                best[end] = [*prefix, piece]
    parts = best[n]
    return parts[-1] if parts and len(parts) > 1 else word
