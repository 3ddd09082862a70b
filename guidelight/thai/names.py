"""Personal titles before Thai names: where each line of a list of people begins.

A report's cover lists its authors one to a line, "นายภาคิณ กีรติภักดีพงศ์" over
"นายเมธิส โพธิ์กิ่ง". Thai joins a wrapped line to the one before without a space, so
a list read as one paragraph glues each surname to the next title ("กีรติภักดีพงศ์นาย
เมธิส"). A line that starts with a title is the start of the next name.
"""

from __future__ import annotations

from guidelight.thai.fit import dictionary

# Longest first: "นางสาว" before "นาง".
TITLES = ("เด็กหญิง", "เด็กชาย", "นางสาว", "ด.ญ.", "ด.ช.", "นาง", "นาย")
_LONGEST_WORD = 20  # characters: no Thai word that begins like a title is longer


def has_title(text: str) -> bool:
    """Does ``text`` start with a person's title before a name, and not with a word that
    only begins like one (นายก, นายจ้าง, นางพยาบาล)? A name the dictionary would read as
    such a word ("นายกมล") is not told: the line is then joined as before."""
    title = next((title for title in TITLES if text.startswith(title)), None)
    if title is None:
        return False
    words = dictionary()
    return not any(text[:end] in words for end in range(len(title) + 1, min(len(text), _LONGEST_WORD) + 1))
