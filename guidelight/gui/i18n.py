"""Thai and English user-interface text.

A plain table rather than Qt .ts/.qm files: every string here is also spoken by the
app's own voice and listed in the key help, so one table that both the widgets and the
speech read keeps the two from drifting apart, and it needs no build step. Command
labels and their help live with the commands in ``commands.py``.
"""

from __future__ import annotations

import re

TEXTS: dict[str, tuple[str, str]] = {
    "app.name": ("Guide Light", "ไกด์ไลต์"),
    "app.ready": ("Guide Light is ready. Press Control O to open a document, F1 for help.",
                  "ไกด์ไลต์พร้อมแล้ว กด คอนโทรล โอ เพื่อเปิดเอกสาร กด เอฟหนึ่ง เพื่อฟังวิธีใช้"),
    "view.name": ("Document text", "ข้อความเอกสาร"),
    "view.description": ("Read-only text of the current page. Space reads aloud.",
                         "ข้อความของหน้าปัจจุบัน อ่านอย่างเดียว กด เว้นวรรค เพื่ออ่านออกเสียง"),
    "status.nodoc": ("No document open", "ยังไม่ได้เปิดเอกสาร"),
    "status.page": ("{title} · page {page} of {count} · {percent}%",
                    "{title} · หน้า {page} จาก {count} · {percent}%"),
    "menu.file": ("&File", "แฟ้ม (&F)"),
    "menu.read": ("&Read", "อ่าน (&R)"),
    "menu.move": ("&Navigate", "ไปยัง (&N)"),
    "menu.bookmarks": ("&Bookmarks", "ที่คั่น (&B)"),
    "menu.view": ("&View", "มุมมอง (&V)"),
    "menu.speech": ("&Speech", "เสียง (&S)"),
    "menu.help": ("&Help", "วิธีใช้ (&H)"),
    "button.play": ("&Play or pause", "เล่นหรือหยุดชั่วคราว (&P)"),
    "button.prev": ("Previous s&entence", "ประโยคก่อนหน้า (&E)"),
    "button.next": ("Ne&xt sentence", "ประโยคถัดไป (&X)"),
    "button.where": ("Where am &I", "อยู่ตรงไหน (&I)"),
    "opening": ("Opening {name}. Please wait.", "กำลังเปิด {name} กรุณารอสักครู่"),
    "still.opening": ("Still opening. Please wait.", "ยังเปิดอยู่ กรุณารอสักครู่"),
    "opened": ("{title}. {count} pages. Press Space to read.",
               "{title} มี {count} หน้า กด เว้นวรรค เพื่อเริ่มอ่าน"),
    "resumed": ("{title}. Resuming on page {page}. Press Space to read.",
                "{title} อ่านต่อจากหน้า {page} กด เว้นวรรค เพื่อเริ่มอ่าน"),
    "open.failed": ("Could not open the document. {problem}", "เปิดเอกสารไม่ได้ {problem}"),
    "open.scanned": ("This document is scanned: it has pictures of pages but no text to read. "
                     "Ask for a text version, or use the OCR command when it is installed.",
                     "เอกสารนี้เป็นภาพสแกน ไม่มีข้อความให้อ่าน ขอฉบับที่เป็นข้อความ "
                     "หรือใช้คำสั่งโอซีอาร์เมื่อติดตั้งแล้ว"),
    "open.dialog": ("Open a PDF document", "เปิดเอกสาร PDF"),
    "password.title": ("Password needed", "ต้องใช้รหัสผ่าน"),
    "password.label": ("&Password for {name}:", "รหัสผ่านของ {name} (&P):"),
    "password.asked": ("This document is locked. Type its password and press Enter.",
                       "เอกสารนี้ล็อกไว้ พิมพ์รหัสผ่านแล้วกด Enter"),
    "password.wrong": ("That password did not open the document.", "รหัสผ่านนี้เปิดเอกสารไม่ได้"),
    "cancelled": ("Cancelled.", "ยกเลิกแล้ว"),
    "no.document": ("No document is open. Press Control O to open one.",
                    "ยังไม่ได้เปิดเอกสาร กด คอนโทรล โอ เพื่อเปิด"),
    "reading": ("Reading.", "เริ่มอ่าน"),
    "stopped": ("Stopped.", "หยุดแล้ว"),
    "end.document": ("End of document.", "จบเอกสาร"),
    "start.document": ("Start of document.", "ต้นเอกสาร"),
    "no.more": ("No more {unit} in this direction.", "ไม่มี{unit}ในทิศทางนี้แล้ว"),
    "page.empty": ("Page {page}: no text on this page.", "หน้า {page} ไม่มีข้อความ"),
    "page.now": ("Page {page}.", "หน้า {page}"),
    "goto.title": ("Go to page", "ไปที่หน้า"),
    "goto.label": ("&Page number (1 to {count}):", "หมายเลขหน้า (1 ถึง {count}) (&P):"),
    "search.title": ("Find in document", "ค้นหาในเอกสาร"),
    "search.label": ("&Find:", "ค้นหา (&F):"),
    "search.none": ("Not found: {query}", "ไม่พบ {query}"),
    "search.first": ("Press Control F to search first.", "กด คอนโทรล เอฟ เพื่อค้นหาก่อน"),
    "bookmark.title": ("Add bookmark", "เพิ่มที่คั่น"),
    "bookmark.label": ("&Note (optional):", "บันทึก (ไม่บังคับ) (&N):"),
    "bookmark.added": ("Bookmark added on page {page}.", "เพิ่มที่คั่นที่หน้า {page} แล้ว"),
    "bookmarks.title": ("Bookmarks", "ที่คั่น"),
    "bookmarks.list": ("&Bookmarks, Enter to go, Delete to remove:",
                       "ที่คั่น กด Enter เพื่อไป กด Delete เพื่อลบ (&B):"),
    "bookmarks.none": ("There are no bookmarks in this document.", "เอกสารนี้ยังไม่มีที่คั่น"),
    "bookmarks.removed": ("Bookmark removed.", "ลบที่คั่นแล้ว"),
    "bookmark.item": ("Page {page}: {note}", "หน้า {page}: {note}"),
    "recent.title": ("Recent documents", "เอกสารล่าสุด"),
    "recent.list": ("&Recent documents, Enter to open:", "เอกสารล่าสุด กด Enter เพื่อเปิด (&R):"),
    "recent.none": ("No recent documents yet.", "ยังไม่มีเอกสารล่าสุด"),
    "rate": ("Rate {value}.", "ความเร็ว {value}"),
    "volume": ("Volume {value} percent.", "ความดัง {value} เปอร์เซ็นต์"),
    "zoom": ("Zoom {value} percent.", "ขยาย {value} เปอร์เซ็นต์"),
    "theme.system": ("Theme: follow the system.", "ชุดสี: ตามระบบ"),
    "theme.normal": ("Theme: normal.", "ชุดสี: ปกติ"),
    "theme.dark_high_contrast": ("Theme: high contrast, light text on black.",
                                 "ชุดสี: คอนทราสต์สูง ตัวอักษรสว่างบนพื้นดำ"),
    "theme.light_high_contrast": ("Theme: high contrast, black text on white.",
                                  "ชุดสี: คอนทราสต์สูง ตัวอักษรดำบนพื้นขาว"),
    "output.voice": ("Confirmations: Guide Light's own voice.", "การยืนยัน: เสียงของไกด์ไลต์"),
    "output.screen_reader": ("Confirmations: screen reader.", "การยืนยัน: โปรแกรมอ่านหน้าจอ"),
    "output.both": ("Confirmations: own voice and screen reader.",
                    "การยืนยัน: เสียงของไกด์ไลต์และโปรแกรมอ่านหน้าจอ"),
    "language.changed": ("Language: English.", "ภาษา: ไทย"),
    "voice.title": ("Choose a voice", "เลือกเสียง"),
    "voice.list": ("&Voices:", "เสียง (&V):"),
    "voice.now": ("Voice: {name}.", "เสียง: {name}"),
    "voice.none": ("No voices are installed.", "ไม่มีเสียงที่ติดตั้งไว้"),
    "help.title": ("Keyboard help", "วิธีใช้แป้นพิมพ์"),
    "help.intro": ("Guide Light keys. Every command is also in the menus: press Alt.",
                   "แป้นพิมพ์ของไกด์ไลต์ ทุกคำสั่งอยู่ในเมนูด้วย กด Alt"),
    "help.close": ("&Close", "ปิด (&C)"),
    "ok": ("&OK", "ตกลง (&O)"),
    "cancel": ("&Cancel", "ยกเลิก (&C)"),
    "unit.character": ("characters", "ตัวอักษร"),
    "unit.word": ("words", "คำ"),
    "unit.sentence": ("sentences", "ประโยค"),
    "unit.paragraph": ("paragraphs", "ย่อหน้า"),
    "unit.page": ("pages", "หน้า"),
    "unit.heading": ("headings", "หัวข้อ"),
    "speech.error": ("Speech problem: {message}", "ปัญหาเสียง: {message}"),
    "page.ocr": ("Page {page} was read from an image by OCR: some words may be wrong.",
                 "หน้า {page} อ่านจากภาพด้วยโอซีอาร์ บางคำอาจผิด"),
    "page.doubtful": ("Page {page}: the text of this page may be damaged; some words may be wrong.",
                      "หน้า {page} ข้อความในหน้านี้อาจเสียหาย บางคำอาจผิด"),
    "page.image": ("Page {page} is an image and could not be read. {problem}",
                   "หน้า {page} เป็นภาพและอ่านไม่ได้ {problem}"),
    "page.image.unread": ("Page {page} is an image and no text could be read from it.",
                          "หน้า {page} เป็นภาพ และอ่านข้อความจากภาพไม่ได้"),
    "page.making": ("Reading page {page} from its image. Please wait.",
                    "กำลังอ่านหน้า {page} จากภาพ กรุณารอสักครู่"),
    "page.still": ("Still reading page {page}. Please wait.", "ยังอ่านหน้า {page} อยู่ กรุณารอสักครู่"),
    "page.failed": ("Page {page} could not be read. {problem}", "อ่านหน้า {page} ไม่ได้ {problem}"),
}


def tr(key: str, language: str, **values: object) -> str:
    """The text for ``key`` in ``language`` ("th" or anything else for English)."""
    english, thai = TEXTS[key]
    text = thai if language == "th" else english
    return text.format(**values) if values else text


def plain(text: str) -> str:
    """A label without its mnemonic marker or trailing colon, as an accessible name."""
    return re.sub(r"\s*\(&\w\)", "", text).replace("&", "").rstrip(":").strip()
