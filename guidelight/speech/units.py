"""Units written after a number (32MB, 2.4 GHz, 100 km/h, 25°C) and how each voice says them.

A course's specifications and lab sheets are full of them. Read letter by letter they are
noise: "หน่วยความจำ 32MB" was heard "สามสิบสอง" in Thai and then "M B" in English, and the
English voice, too, says "M B", "k g", "slash". A Thai reader says the unit's Thai name
(เมกะไบต์, กิโลกรัม), an English reader its English name. Only a unit right after a number is
one: "MB" alone may be anything. Single letters that are as often a label or an answer
(A, B, K, s, h, L) are left out; V and W, which lab sheets print after voltages and powers,
and m and g, which physics prints after lengths and masses, are in.
"""

from __future__ import annotations

import re

# Symbol -> (Thai name, English name with "{s}" where its plural takes an s).
UNITS: dict[str, tuple[str, str]] = {
    "KB": ("กิโลไบต์", "kilobyte{s}"),
    "kB": ("กิโลไบต์", "kilobyte{s}"),
    "MB": ("เมกะไบต์", "megabyte{s}"),
    "GB": ("กิกะไบต์", "gigabyte{s}"),
    "TB": ("เทระไบต์", "terabyte{s}"),
    "bit": ("บิต", "bit{s}"),
    "bits": ("บิต", "bit{s}"),
    "byte": ("ไบต์", "byte{s}"),
    "bytes": ("ไบต์", "byte{s}"),
    "bps": ("บิตต่อวินาที", "bit{s} per second"),
    "kbps": ("กิโลบิตต่อวินาที", "kilobit{s} per second"),
    "Kbps": ("กิโลบิตต่อวินาที", "kilobit{s} per second"),
    "Mbps": ("เมกะบิตต่อวินาที", "megabit{s} per second"),
    "Gbps": ("กิกะบิตต่อวินาที", "gigabit{s} per second"),
    "Hz": ("เฮิรตซ์", "hertz"),
    "kHz": ("กิโลเฮิรตซ์", "kilohertz"),
    "KHz": ("กิโลเฮิรตซ์", "kilohertz"),
    "MHz": ("เมกะเฮิรตซ์", "megahertz"),
    "GHz": ("กิกะเฮิรตซ์", "gigahertz"),
    "nm": ("นาโนเมตร", "nanometre{s}"),
    "µm": ("ไมโครเมตร", "micrometre{s}"),
    "μm": ("ไมโครเมตร", "micrometre{s}"),
    "mm": ("มิลลิเมตร", "millimetre{s}"),
    "cm": ("เซนติเมตร", "centimetre{s}"),
    "m": ("เมตร", "metre{s}"),
    "km": ("กิโลเมตร", "kilometre{s}"),
    "mm²": ("ตารางมิลลิเมตร", "square millimetre{s}"),
    "cm²": ("ตารางเซนติเมตร", "square centimetre{s}"),
    "m²": ("ตารางเมตร", "square metre{s}"),
    "km²": ("ตารางกิโลเมตร", "square kilometre{s}"),
    "cm³": ("ลูกบาศก์เซนติเมตร", "cubic centimetre{s}"),
    "m³": ("ลูกบาศก์เมตร", "cubic metre{s}"),
    "mg": ("มิลลิกรัม", "milligram{s}"),
    "g": ("กรัม", "gram{s}"),
    "kg": ("กิโลกรัม", "kilogram{s}"),
    "ml": ("มิลลิลิตร", "millilitre{s}"),
    "mL": ("มิลลิลิตร", "millilitre{s}"),
    "cc": ("ซีซี", "c c"),
    "°C": ("องศาเซลเซียส", "degree{s} Celsius"),
    "℃": ("องศาเซลเซียส", "degree{s} Celsius"),
    "°F": ("องศาฟาเรนไฮต์", "degree{s} Fahrenheit"),
    "℉": ("องศาฟาเรนไฮต์", "degree{s} Fahrenheit"),
    "km/h": ("กิโลเมตรต่อชั่วโมง", "kilometre{s} per hour"),
    "km/hr": ("กิโลเมตรต่อชั่วโมง", "kilometre{s} per hour"),
    "m/s": ("เมตรต่อวินาที", "metre{s} per second"),
    "mV": ("มิลลิโวลต์", "millivolt{s}"),
    "V": ("โวลต์", "volt{s}"),
    "kV": ("กิโลโวลต์", "kilovolt{s}"),
    "mA": ("มิลลิแอมแปร์", "milliamp{s}"),
    "mAh": ("มิลลิแอมแปร์ชั่วโมง", "milliamp hour{s}"),
    "W": ("วัตต์", "watt{s}"),
    "kW": ("กิโลวัตต์", "kilowatt{s}"),
    "MW": ("เมกะวัตต์", "megawatt{s}"),
    "kWh": ("กิโลวัตต์ชั่วโมง", "kilowatt hour{s}"),
    "Ω": ("โอห์ม", "ohm{s}"),
    "Ohm": ("โอห์ม", "ohm{s}"),
    "kΩ": ("กิโลโอห์ม", "kilohm{s}"),
    "kOhm": ("กิโลโอห์ม", "kilohm{s}"),
    "MΩ": ("เมกะโอห์ม", "megohm{s}"),
    "ns": ("นาโนวินาที", "nanosecond{s}"),
    "µs": ("ไมโครวินาที", "microsecond{s}"),
    "μs": ("ไมโครวินาที", "microsecond{s}"),
    "ms": ("มิลลิวินาที", "millisecond{s}"),
    "rpm": ("รอบต่อนาที", "revolution{s} per minute"),
    "dB": ("เดซิเบล", "decibel{s}"),
    "dpi": ("จุดต่อนิ้ว", "dot{s} per inch"),
    "px": ("พิกเซล", "pixel{s}"),
    "pt": ("พอยต์", "point{s}"),
    "kcal": ("กิโลแคลอรี", "kilocalorie{s}"),
}

# The ohm sign (U+2126) some fonts and Word's symbol table give, beside the Greek capital omega.
UNITS |= {symbol.replace("Ω", "\u2126"): names for symbol, names in UNITS.items() if "Ω" in symbol}

_SYMBOLS = "|".join(re.escape(s) for s in sorted(UNITS, key=len, reverse=True))
# After a digit (Arabic or Thai), with at most one space; not the start of a longer word or
# name ("5 min", "3 GBs", "2 mx") nor a call ("3 m(x)").
UNIT_AFTER_NUMBER = re.compile(rf"(?<=[0-9๐-๙])[ \u00a0]?(?:{_SYMBOLS})(?![A-Za-z0-9_(])")
_ONE = re.compile(r"(?<![0-9๐-๙.,])[1๑][ \u00a0]?$")


def unit_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has a unit after a number: its letters belong to the number, not to a run
    of English of their own."""
    return [m.span() for m in UNIT_AFTER_NUMBER.finditer(text)]


def unit_words(written: str, before: str, thai: bool) -> str:
    """The spoken name of the unit ``written`` (spaces around it allowed); ``before`` is the
    text before it, whose number decides between "1 kilobyte" and "2 kilobytes"."""
    name_thai, name_english = UNITS[written.strip()]
    if thai:
        return name_thai
    return name_english.format(s="" if _ONE.search(before) else "s")
