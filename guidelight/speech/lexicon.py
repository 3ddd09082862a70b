"""Pronunciation dictionary: written forms the engine would misread, and what to say instead.

The dictionary is applied before every other normalization rule, so a student (or a
volunteer) can fix any word the rules get wrong by adding one line to a plain text file.
Built-in entries cover Thai abbreviations whose reading is fixed; the user file wins over
them. Replacements are spoken as written: they are not normalized again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from guidelight.core.datadirs import config_dir
from guidelight.thai.calendar import MONTHS

MONTH_ABBREVIATIONS = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

BUILTIN: dict[str, str] = {
    **dict(zip(MONTH_ABBREVIATIONS, MONTHS, strict=True)),
    "พ.ศ.": "พุทธศักราช",
    "ค.ศ.": "คริสต์ศักราช",
    "ร.ศ.": "รัตนโกสินทร์ศก",
    "จ.ศ.": "จุลศักราช",
    "ดร.": "ดอกเตอร์",
    "ศ.": "ศาสตราจารย์",
    "รศ.": "รองศาสตราจารย์",
    "ผศ.": "ผู้ช่วยศาสตราจารย์",
    "นพ.": "นายแพทย์",
    "พญ.": "แพทย์หญิง",
    "ทพ.": "ทันตแพทย์",
    "ภก.": "เภสัชกร",
    "นศ.": "นักศึกษา",
    "ป.ตรี": "ปริญญาตรี",
    "ป.โท": "ปริญญาโท",
    "ป.เอก": "ปริญญาเอก",
    "โทร.": "โทรศัพท์",
    "ชม.": "ชั่วโมง",
    "กม.": "กิโลเมตร",
    "ซม.": "เซนติเมตร",
    "มม.": "มิลลิเมตร",
    "กก.": "กิโลกรัม",
    "ตร.ม.": "ตารางเมตร",
    "ร.ร.": "โรงเรียน",
    "ร.พ.": "โรงพยาบาล",
    "รพ.": "โรงพยาบาล",
    "มหาวิทยาลัยฯ": "มหาวิทยาลัย",
    "ฯลฯ": "และอื่นอื่น",
    "ฯพณฯ": "พะณะท่าน",
    "กรุงเทพฯ": "กรุงเทพมหานคร",
    "ทูลเกล้าฯ": "ทูลเกล้าทูลกระหม่อม",
    "โปรดเกล้าฯ": "โปรดเกล้าโปรดกระหม่อม",
    "พระบาทสมเด็จพระเจ้าอยู่หัวฯ": "พระบาทสมเด็จพระเจ้าอยู่หัว",
}

# Titles may be chained without spaces ("รศ.ดร."); other dotted entries are read as one.
TITLES = frozenset({"ศ.", "รศ.", "ผศ.", "ดร.", "นพ.", "พญ.", "ทพ.", "ภก."})

USER_FILE_NAME = "pronunciations.txt"


def user_file() -> Path:
    """Where the student's own pronunciation file lives (one ``written = spoken`` per line),
    beside their settings: on a portable stick it travels with them."""
    return config_dir() / USER_FILE_NAME


def parse_user_entries(text: str) -> dict[str, str]:
    """Read ``written = spoken`` (or tab-separated) lines; ``#`` starts a comment line."""
    entries: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        written, sep, spoken = line.partition("\t") if "\t" in line else line.partition("=")
        if sep and written.strip():
            entries[written.strip()] = spoken.strip()
    return entries


# OCR and PDF extraction split dotted abbreviations at the dot: "พ .ศ.", "พ. ศ.", "ป. ตรี".
_OCR_SPLIT = re.compile(r" ?\. ?(?=\S)| \.")


def written_pattern(written: str) -> str:
    """The regex for an entry: as written, and as OCR and extraction break dotted ones: spaces
    around the inner dots and before the last one ("พ .ศ." is พ.ศ., not "พ" and then ศ.,
    ศาสตราจารย์), or the last dot lost before a number ("ก.ย 68")."""
    inner = written.count(".") - written.endswith(".")
    if not inner:
        return re.escape(written)
    body = re.escape(written[:-1] if written.endswith(".") else written).replace("\\.", " ?\\. ?")
    return body + (r"(?: ?\.|(?=\s*[0-9\u0e50-\u0e59]))" if written.endswith(".") else "")


class Lexicon:
    """Built-in plus user entries, matched longest first at each position of the text."""

    def __init__(self, entries: Mapping[str, str]) -> None:
        self.entries = dict(entries)
        keys = sorted(self.entries, key=len, reverse=True)
        # A dotted abbreviation that runs on into another dotted group ("ก.พ." inside
        # "ก.พ.ร.") is not this entry: the whole chain is read by the abbreviation rule.
        self.pattern = "|".join(
            written_pattern(k) + (r"(?![\u0E01-\u0E2E]{1,3} ?\.)" if k.endswith(".") else "") for k in keys
        )

    def __getitem__(self, written: str) -> str:
        spoken = self.get(written)
        if spoken is None:
            raise KeyError(written)
        return spoken

    def get(self, written: str) -> str | None:
        """The reading of ``written`` as matched by ``pattern``, broken by OCR or not."""
        joined = _OCR_SPLIT.sub(".", written)
        for key in (written, joined, joined + "."):
            if key in self.entries:
                return self.entries[key]
        return None

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        """The built-in entries overridden by the user file (missing file: built-ins only)."""
        entries = dict(BUILTIN)
        target = user_file() if path is None else path
        try:
            entries.update(parse_user_entries(target.read_text(encoding="utf-8")))
        except (FileNotFoundError, NotADirectoryError):
            pass
        except (OSError, UnicodeDecodeError) as exc:
            from guidelight.core.errors import GuideLightError

            raise GuideLightError(f"cannot read the pronunciation file {target}: {exc}") from exc
        return cls(entries)
