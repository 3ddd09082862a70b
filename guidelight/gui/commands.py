"""Every command of the app: its menu, its keys, and its label and help in Thai and English.

One table drives the menus, the shortcuts, the F1 help, ``docs/keyboard.md`` and the
test that no key collides with a screen reader's global keys, so they cannot disagree.
The map follows ``shared/research/accessibility.md``: no Insert or CapsLock combinations,
no numeric keypad, and unmodified letters only while the reading view has focus (Qt
apps have no browse mode, so those keys reach us, as in DAISY players).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    """One user command. ``pane`` keys work only while the reading view has focus."""

    id: str
    menu: str
    keys: tuple[str, ...]
    label_en: str
    label_th: str
    help_en: str
    help_th: str
    pane: bool = False

    def label(self, language: str) -> str:
        return self.label_th if language == "th" else self.label_en

    def help(self, language: str) -> str:
        return self.help_th if language == "th" else self.help_en


C = Command
COMMANDS: tuple[Command, ...] = (
    C("open", "file", ("Ctrl+O",), "&Open…", "เปิด… (&O)", "Open a PDF document", "เปิดเอกสาร PDF"),
    C("recent", "file", ("Ctrl+Shift+O",), "&Recent documents…", "เอกสารล่าสุด… (&R)",
      "List recently opened documents", "รายการเอกสารที่เปิดล่าสุด"),
    C("library", "file", ("Ctrl+L",), "Open from the course &library…", "เปิดจากคลังรายวิชา… (&L)",
      "List the documents of the course library and open one", "รายการเอกสารในคลังรายวิชา แล้วเปิด"),
    C("export", "file", ("Ctrl+E",), "&Export as…", "ส่งออกเป็น… (&E)",
      "Save this document as Word, EPUB (also as a talking book), a web page or text",
      "บันทึกเอกสารนี้เป็น Word, EPUB (หรือหนังสือเสียง), หน้าเว็บ หรือข้อความ"),
    C("quit", "file", ("Ctrl+Q",), "&Quit", "ออก (&Q)", "Quit Guide Light", "ออกจากไกด์ไลต์"),
    C("play", "read", ("Space", "Ctrl+2", "Media Play"), "&Play or pause", "เล่นหรือหยุดชั่วคราว (&P)",
      "Read aloud from the caret, or pause", "อ่านออกเสียงจากตำแหน่งเคอร์เซอร์ หรือหยุดชั่วคราว"),
    C("stop", "read", ("Escape", "Ctrl+4"), "&Stop", "หยุด (&S)", "Stop reading", "หยุดอ่าน"),
    C("say_sentence", "read", ("Ctrl+Shift+Space",), "Say current sente&nce; twice: spell word",
      "อ่านประโยคปัจจุบัน กดสองครั้ง: สะกดคำ (&N)",
      "Say the current sentence; press twice quickly to spell the current word",
      "อ่านประโยคปัจจุบัน กดสองครั้งเร็ว ๆ เพื่อสะกดคำปัจจุบัน"),
    C("spell_word", "read", ("Ctrl+Shift+W",), "Spell current &word", "สะกดคำปัจจุบัน (&W)",
      "Spell the current word letter by letter (Thai letter names)", "สะกดคำปัจจุบันทีละตัวอักษร"),
    C("where", "read", ("Ctrl+Shift+K",), "Where am &I", "อยู่ตรงไหน (&I)",
      "Say the document, page, heading and percent read", "บอกชื่อเอกสาร หน้า หัวข้อ และร้อยละที่อ่านแล้ว"),
    C("next_sentence", "move", ("Alt+Down", "Ctrl+3"), "Next &sentence", "ประโยคถัดไป (&S)",
      "Move to the next sentence and say it", "ไปประโยคถัดไปและอ่าน"),
    C("prev_sentence", "move", ("Alt+Up", "Ctrl+1"), "Previous s&entence", "ประโยคก่อนหน้า (&E)",
      "Move to the previous sentence and say it", "ไปประโยคก่อนหน้าและอ่าน"),
    C("next_word", "move", ("Ctrl+Right",), "Next &word", "คำถัดไป (&W)",
      "Move to the next word (Thai words too) and say it", "ไปคำถัดไป (รวมคำไทย) และอ่าน", pane=True),
    C("prev_word", "move", ("Ctrl+Left",), "Previous w&ord", "คำก่อนหน้า (&O)",
      "Move to the previous word and say it", "ไปคำก่อนหน้าและอ่าน", pane=True),
    C("next_char", "move", ("Right",), "Next &character", "ตัวอักษรถัดไป (&C)",
      "Move to the next character and say it", "ไปตัวอักษรถัดไปและอ่าน", pane=True),
    C("prev_char", "move", ("Left",), "Previous cha&racter", "ตัวอักษรก่อนหน้า (&R)",
      "Move to the previous character and say it", "ไปตัวอักษรก่อนหน้าและอ่าน", pane=True),
    C("next_paragraph", "move", ("Ctrl+Down", "P"), "Next &paragraph", "ย่อหน้าถัดไป (&P)",
      "Move to the next paragraph and say it", "ไปย่อหน้าถัดไปและอ่าน", pane=True),
    C("prev_paragraph", "move", ("Ctrl+Up", "Shift+P"), "Previous p&aragraph", "ย่อหน้าก่อนหน้า (&A)",
      "Move to the previous paragraph and say it", "ไปย่อหน้าก่อนหน้าและอ่าน", pane=True),
    C("next_heading", "move", ("H",), "Next &heading", "หัวข้อถัดไป (&H)",
      "Move to the next heading (1 to 6: next heading of that level)",
      "ไปหัวข้อถัดไป (1 ถึง 6: หัวข้อระดับนั้น)", pane=True),
    C("prev_heading", "move", ("Shift+H",), "Previous hea&ding", "หัวข้อก่อนหน้า (&D)",
      "Move to the previous heading", "ไปหัวข้อก่อนหน้า", pane=True),
    C("next_page", "move", ("PgDown",), "Ne&xt page", "หน้าถัดไป (&X)",
      "Go to the next page", "ไปหน้าถัดไป", pane=True),
    C("prev_page", "move", ("PgUp",), "Previo&us page", "หน้าก่อนหน้า (&U)",
      "Go to the previous page", "ไปหน้าก่อนหน้า", pane=True),
    C("next_cell", "move", ("Alt+Shift+Right",), "Table: next ce&ll", "ตาราง: เซลล์ถัดไป (&L)",
      "In a table: the cell to the right, said with its column header",
      "ในตาราง: เซลล์ทางขวา อ่านพร้อมหัวคอลัมน์"),
    C("prev_cell", "move", ("Alt+Shift+Left",), "Table: prev&ious cell", "ตาราง: เซลล์ก่อนหน้า (&I)",
      "In a table: the cell to the left, said with its column header",
      "ในตาราง: เซลล์ทางซ้าย อ่านพร้อมหัวคอลัมน์"),
    C("cell_below", "move", ("Alt+Shift+Down",), "Table: cell &below", "ตาราง: เซลล์ด้านล่าง (&B)",
      "In a table: the cell below, in the next row", "ในตาราง: เซลล์ด้านล่างในแถวถัดไป"),
    C("cell_above", "move", ("Alt+Shift+Up",), "&Table: cell above", "ตาราง: เซลล์ด้านบน (&T)",
      "In a table: the cell above, in the previous row", "ในตาราง: เซลล์ด้านบนในแถวก่อนหน้า"),
    C("goto_page", "move", ("Ctrl+G",), "&Go to page…", "ไปที่หน้า… (&G)",
      "Type a page number and go there", "พิมพ์หมายเลขหน้าแล้วไปที่หน้านั้น"),
    C("find", "move", ("Ctrl+F",), "&Find…", "ค้นหา… (&F)",
      "Search the text (Thai aware)", "ค้นหาข้อความ (รองรับภาษาไทย)"),
    C("find_next", "move", ("F3",), "Find &next", "ค้นหาถัดไป (&N)",
      "Go to the next match", "ไปยังคำที่พบถัดไป"),
    C("find_prev", "move", ("Shift+F3",), "Find pre&vious", "ค้นหาก่อนหน้า (&V)",
      "Go to the previous match", "ไปยังคำที่พบก่อนหน้า"),
    C("bookmark", "bookmarks", ("Ctrl+B",), "&Add bookmark…", "เพิ่มที่คั่น… (&A)",
      "Bookmark this sentence, with an optional note", "คั่นประโยคนี้ พร้อมบันทึก (ไม่บังคับ)"),
    C("bookmarks", "bookmarks", ("Ctrl+Shift+B",), "&List bookmarks…", "รายการที่คั่น… (&L)",
      "List bookmarks; Enter goes there, Delete removes", "รายการที่คั่น Enter เพื่อไป Delete เพื่อลบ"),
    C("zoom_in", "view", ("Ctrl+=", "Ctrl++"), "Zoom &in", "ขยาย (&I)",
      "Make the text bigger", "ขยายตัวอักษร"),
    C("zoom_out", "view", ("Ctrl+-",), "Zoom &out", "ย่อ (&O)",
      "Make the text smaller", "ย่อตัวอักษร"),
    C("zoom_reset", "view", ("Ctrl+0",), "&Reset zoom", "ขนาดปกติ (&R)",
      "Back to the normal text size", "กลับไปขนาดตัวอักษรปกติ"),
    C("theme", "view", ("Ctrl+Shift+C",), "Next &colour theme", "ชุดสีถัดไป (&C)",
      "Cycle: system, normal, high contrast dark, high contrast light",
      "สลับ: ตามระบบ ปกติ คอนทราสต์สูงพื้นดำ คอนทราสต์สูงพื้นขาว"),
    C("tables", "view", ("Ctrl+Shift+R",), "&Tables: automatic, grid or lines", "ตาราง: อัตโนมัติ เส้น หรือทีละบรรทัด (&T)",
      "Cycle how tables are shown: automatic (one cell a line while a screen reader runs), grid, lines",
      "สลับการแสดงตาราง: อัตโนมัติ (ทีละบรรทัดเมื่อใช้โปรแกรมอ่านหน้าจอ) ตารางเส้น ทีละบรรทัด"),
    C("language", "view", ("Ctrl+Shift+L",), "Switch &language (Thai/English)", "สลับภาษา ไทย/อังกฤษ (&L)",
      "Switch the interface between Thai and English", "สลับภาษาของโปรแกรมระหว่างไทยกับอังกฤษ"),
    C("faster", "speech", ("]", "Ctrl+Shift+Up"), "&Faster", "เร็วขึ้น (&F)",
      "Read faster", "อ่านเร็วขึ้น"),
    C("slower", "speech", ("[", "Ctrl+Shift+Down"), "&Slower", "ช้าลง (&S)",
      "Read slower", "อ่านช้าลง"),
    C("louder", "speech", ("}",), "&Louder", "ดังขึ้น (&L)", "Volume up", "เพิ่มเสียง"),
    C("quieter", "speech", ("{",), "&Quieter", "เบาลง (&Q)", "Volume down", "ลดเสียง"),
    C("voice", "speech", ("Ctrl+Shift+E",), "Choose &voice…", "เลือกเสียง… (&V)",
      "Pick the reading voice", "เลือกเสียงอ่าน"),
    C("output", "speech", ("Ctrl+Shift+V",), "Voices: automatic / screen reader / Guide Light / &both",
      "เสียง: อัตโนมัติ / โปรแกรมอ่านหน้าจอ / ไกด์ไลต์ / ทั้งสอง (&B)",
      "Choose who says moves and confirmations: your screen reader (Guide Light reads) or Guide Light",
      "เลือกว่าใครพูดการเลื่อนและการยืนยัน: โปรแกรมอ่านหน้าจอ (ไกด์ไลต์อ่านเอกสาร) หรือไกด์ไลต์"),
    C("import_files", "volunteer", ("Ctrl+Shift+I",), "&Import PDFs into a course…", "นำเข้า PDF เข้ารายวิชา… (&I)",
      "Volunteers: import PDF files into a course", "อาสาสมัคร: นำเข้าไฟล์ PDF เข้ารายวิชา"),
    C("import_folder", "volunteer", ("Ctrl+Shift+D",), "Import a &folder into a course…",
      "นำเข้าทั้งโฟลเดอร์เข้ารายวิชา… (&F)",
      "Volunteers: import every PDF of a folder into a course", "อาสาสมัคร: นำเข้า PDF ทุกไฟล์ในโฟลเดอร์เข้ารายวิชา"),
    C("fix_text", "volunteer", ("Ctrl+Shift+T",), "Fix this paragraph's &text…", "แก้ข้อความย่อหน้านี้… (&T)",
      "Volunteers: correct the text of the paragraph at the caret", "อาสาสมัคร: แก้ข้อความของย่อหน้าที่เคอร์เซอร์อยู่"),
    C("mark_heading", "volunteer", ("Ctrl+Shift+H",), "Mark as &heading…", "ทำเป็นหัวข้อ… (&H)",
      "Volunteers: make this paragraph a heading (level 0: body text) or rename it",
      "อาสาสมัคร: ทำย่อหน้านี้เป็นหัวข้อ (ระดับ 0: เนื้อความ) หรือเปลี่ยนชื่อหัวข้อ"),
    C("mark_furniture", "volunteer", ("Ctrl+Shift+S",), "&Skip this paragraph (page header or footer)",
      "ข้ามย่อหน้านี้ (หัวหรือท้ายกระดาษ) (&S)",
      "Volunteers: mark this paragraph as page furniture, left out of the reading",
      "อาสาสมัคร: ทำเครื่องหมายว่าเป็นส่วนหัวหรือท้ายกระดาษ ไม่ต้องอ่าน"),
    C("describe_figure", "volunteer", ("Ctrl+Shift+G",), "&Describe a figure…", "บรรยายภาพ… (&D)",
      "Volunteers: describe the figure here; the description is read where the figure is",
      "อาสาสมัคร: บรรยายภาพตรงนี้ คำบรรยายจะถูกอ่านตรงตำแหน่งของภาพ"),
    C("pronunciation", "volunteer", ("Ctrl+Shift+P",), "Add a &pronunciation…", "เพิ่มคำอ่าน… (&P)",
      "Volunteers: how a word of this course is read aloud", "อาสาสมัคร: กำหนดวิธีอ่านออกเสียงคำในรายวิชานี้"),
    C("corrections", "volunteer", ("Ctrl+Shift+M",), "&List corrections…", "รายการการแก้ไข… (&L)",
      "Volunteers: list this document's corrections, ok or stale; Enter goes there, Delete removes",
      "อาสาสมัคร: รายการการแก้ไขของเอกสารนี้ ใช้ได้หรือต้องแก้ใหม่ Enter เพื่อไป Delete เพื่อลบ"),
    C("export_pack", "volunteer", ("Ctrl+Shift+X",), "&Export a course pack…", "ส่งออกชุดรายวิชา… (&E)",
      "Volunteers: save a course with its PDFs, corrections and pronunciations as one file",
      "อาสาสมัคร: บันทึกรายวิชาพร้อม PDF การแก้ไข และคำอ่าน เป็นไฟล์เดียว"),
    C("import_pack", "volunteer", ("Ctrl+Shift+A",), "Import a course pac&k…", "นำเข้าชุดรายวิชา… (&K)",
      "Volunteers: add a course pack made on another computer", "อาสาสมัคร: เพิ่มชุดรายวิชาที่ทำจากเครื่องอื่น"),
    C("help", "help", ("F1",), "&Keyboard help", "วิธีใช้แป้นพิมพ์ (&K)",
      "Hear and see this list of keys", "ฟังและดูรายการแป้นนี้"),
)

HEADING_LEVEL_KEYS = tuple(str(n) for n in range(1, 7))  # pane keys: next heading of level n

MENUS = ("file", "read", "move", "bookmarks", "view", "speech", "volunteer", "help")


def command(command_id: str) -> Command:
    """The command with this id (a KeyError is a programming error)."""
    return next(c for c in COMMANDS if c.id == command_id)


def help_lines(language: str) -> list[str]:
    """One line per command, "keys: what it does", in menu order, for F1 and the docs."""
    lines = []
    for menu in MENUS:
        for c in COMMANDS:
            if c.menu == menu:
                where = "" if not c.pane else (" (ในข้อความ)" if language == "th" else " (in the text)")
                lines.append(f"{', '.join(c.keys)}: {c.help(language)}{where}")
    return lines


MENU_TITLES_EN = {"file": "File", "read": "Read", "move": "Navigate", "bookmarks": "Bookmarks",
                  "view": "View", "speech": "Speech", "volunteer": "Volunteer", "help": "Help"}

KEYBOARD_INTRO = """\
# Guide Light keyboard map

Every command is also in a menu (press Alt, or Alt plus the underlined letter) and F1
speaks and shows this list inside the app. The map starts from NVDA habits and avoids
every global key of NVDA, JAWS, Narrator and Orca: no Insert or CapsLock combinations,
no numeric keypad keys, no Ctrl+Alt combinations. Keys without Ctrl or Alt (letters,
Space, Escape, arrows, brackets, Page Up/Down) work only while the document text has
focus, so they never get in the way of typing in a dialog.

The document text is a read-only text with a caret that follows the voice: when you
stop, your screen reader's own reading keys start where the voice stopped. The text
shows one page at a time; Page Down and Page Up turn pages; Up and Down move by line as
in any text. A lone tap of Ctrl stops the voice, as in NVDA and JAWS. In the text, `1`
to `6` move to the next heading of that level (as in NVDA browse mode). These letter keys
work with the keyboard in Thai too (H is the key that types ้).

## With your screen reader

Every key is answered by exactly one voice. `Ctrl+Shift+V` chooses which (the setting
`speech_output`, the voice mode):

- **Automatic** (the default): *screen reader* when one is running, *Guide Light* when none is.
  Guide Light looks for Orca on Linux and for NVDA, JAWS and Narrator on Windows; the key
  says what it found.
- **Screen reader**: your screen reader says what a key moved to (the whole sentence, the
  whole Thai word, the paragraph, the page's first sentence) and every confirmation, in its
  own voice, speed and braille; Guide Light's voice reads the document (Space) and nothing else.
- **Guide Light**: Guide Light's voice says everything; moving in the text sends your
  screen reader nothing, so it stays quiet.
- **Both**: both voices, for those who want it.

How it works: the caret moves without the accessibility caret event, so a screen reader
never reads its own line or its own (space-separated) "word" over the unit Guide Light
chose. What the screen reader says is handed to it as an accessibility announcement,
which NVDA, JAWS and Narrator (UI Automation notifications) and Orca 45 and later speak.
Orca 43 (Debian 12) ignores announcements, so for it the text becomes, for an instant,
the description of the focused control, which it speaks; the document text therefore has
no standing description while Orca 43 runs. A confirmation given while Guide Light is
reading aloud is said inside the reading, by Guide Light, never over it. Dialogs, lists
and menus are standard controls: your screen reader reads them as usual (and F1's key
list is walked item by item). Orca's own keys (say all, current line, where am I) work on
the document text and start at the caret.

Measured with Debian's Orca 43.1 (`tests/gui/test_orca_journey.py`, in CI): a journey of
34 keys on the sample lecture, every key answered by exactly one voice, Thai words said
whole by Orca. NVDA, JAWS and Narrator were not run: that they speak Qt's announcements
(UIA notifications) is from their documentation and Qt's source, and no NVDA app module
or add-on is needed or shipped, because the app itself keeps the two voices apart.
Known problem: with Orca running, an Alt chord (Alt+Down, Alt+Up) now and then opens the
File menu instead (2 of about 50 under the loaded test machine; press Escape to close it).
The likely cause is Qt's hand-over of each key to the screen reader: when the reader
answers late, Qt delivers the arrow after the Alt release, which Qt's menu bar takes for a
lone Alt. Ctrl+3 and Ctrl+1 do the same as Alt+Down and Alt+Up without Alt; the test uses them.

Every confirmation is also written in the status bar, which NVDA+End and Orca's
status-bar command read. Keys with nothing to do are never silent: Escape with nothing
playing, a list of bookmarks when there are none, a table key outside a table, a cancelled
dialog, Down on the last (or only) item of a list and Ctrl+A on a field already all
selected all say so.

The Volunteer menu (Alt+O) is for the people who prepare a course: import PDFs into a
course, fix the paragraph at the caret (its text, heading, page furniture to skip, a
figure's description), add the course's pronunciation entries, review corrections, and
carry the course to another lab as a pack. Every change is spoken and shown at once;
students hear the corrected text and the course's pronunciations from then on.

This file is generated from `guidelight/gui/commands.py`:
`python -c "from guidelight.gui.commands import keyboard_markdown as k; print(k(), end='')" > docs/keyboard.md`
"""


def keyboard_markdown() -> str:
    """``docs/keyboard.md``: the same table the app uses, so the docs cannot go stale."""
    out = [KEYBOARD_INTRO]
    for menu in MENUS:
        out += [f"## {MENU_TITLES_EN[menu]} menu", "", "| Keys | What it does | Thai menu label |",
                "| --- | --- | --- |"]
        for c in COMMANDS:
            if c.menu == menu:
                keys = ", ".join(f"`{k}`" for k in c.keys)
                where = " (in the text)" if c.pane else ""
                out.append(f"| {keys} | {c.help_en}{where} | {c.label_th.replace('&', '')} |")
        out.append("")
    return "\n".join(out)
