"""Qt's own words (file dialogs, standard buttons, the text's context menu) in the
interface language.

Qt ships translations of its widgets (``qtbase_XX.qm``) for some languages; when the
interface language has one, it is loaded from Qt's translations folder. PySide's wheels
carry no Thai one, so for Thai Guide Light answers Qt's questions itself from
``QT_THAI``: a translator that looks the (context, English text) pair up in a table.

File dialogs are Qt's own widgets in a Thai interface (``native_file_dialogs``): a
desktop's native dialog speaks the desktop's language, which on a lab PC set up in
English left a Thai student with an English "Open" dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

# Qt's texts by (context, source), as its widgets ask for them. Key names (Alt+Left...) are
# left as they are: they name the keys printed on the keyboard.
QT_THAI: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Choose"): "เลือก (&C)",
    ("QFileDialog", "&Delete"): "ลบ (&D)",
    ("QFileDialog", "&Look in:"): "อยู่ในโฟลเดอร์ (&L):",
    ("QFileDialog", "&New Folder"): "โฟลเดอร์ใหม่ (&N)",
    ("QFileDialog", "&Open"): "เปิด (&O)",
    ("QFileDialog", "&Rename"): "เปลี่ยนชื่อ (&R)",
    ("QFileDialog", "&Save"): "บันทึก (&S)",
    ("QFileDialog", "All Files (*)"): "ทุกแฟ้ม (*)",
    ("QFileDialog", "Back"): "ย้อนกลับ",
    ("QFileDialog", "Change to detail view mode"): "แสดงแบบรายละเอียด",
    ("QFileDialog", "Change to list view mode"): "แสดงแบบรายการ",
    ("QFileDialog", "Create New Folder"): "สร้างโฟลเดอร์ใหม่",
    ("QFileDialog", "Create a New Folder"): "สร้างโฟลเดอร์ใหม่",
    ("QFileDialog", "Detail View"): "แบบรายละเอียด",
    ("QFileDialog", "Directories"): "โฟลเดอร์",
    ("QFileDialog", "Directory:"): "โฟลเดอร์:",
    ("QFileDialog", "File &name:"): "ชื่อแฟ้ม (&N):",
    ("QFileDialog", "Files"): "แฟ้ม",
    ("QFileDialog", "Files of &type:"): "ชนิดแฟ้ม (&T):",
    ("QFileDialog", "Find Directory"): "เลือกโฟลเดอร์",
    ("QFileDialog", "Forward"): "ไปข้างหน้า",
    ("QFileDialog", "Go back"): "ย้อนกลับ",
    ("QFileDialog", "Go forward"): "ไปข้างหน้า",
    ("QFileDialog", "Go to the parent directory"): "ไปยังโฟลเดอร์ที่อยู่ถัดขึ้นไป",
    ("QFileDialog", "List View"): "แบบรายการ",
    ("QFileDialog", "List of places and bookmarks"): "รายการที่อยู่และที่คั่น",
    ("QFileDialog", "New Folder"): "โฟลเดอร์ใหม่",
    ("QFileDialog", "Open"): "เปิด",
    ("QFileDialog", "Parent Directory"): "โฟลเดอร์ที่อยู่ถัดขึ้นไป",
    ("QFileDialog", "Recent Places"): "ที่ที่เพิ่งเปิด",
    ("QFileDialog", "Save As"): "บันทึกเป็น",
    ("QFileDialog", "Show "): "แสดง ",
    ("QFileDialog", "Show &hidden files"): "แสดงแฟ้มที่ซ่อนอยู่ (&H)",
    ("QFileDialog", "Sidebar"): "แถบข้าง",
    ("QFileDialog", "%1 already exists.\nDo you want to replace it?"): "มี %1 อยู่แล้ว\nต้องการเขียนทับหรือไม่",
    ("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."):
        "%1\nไม่พบแฟ้มนี้\nกรุณาตรวจดูว่าพิมพ์ชื่อแฟ้มถูกต้อง",
    ("QFileDialog", "%1\nDirectory not found.\nPlease verify the correct directory name was given."):
        "%1\nไม่พบโฟลเดอร์นี้\nกรุณาตรวจดูว่าพิมพ์ชื่อโฟลเดอร์ถูกต้อง",
    ("QFileDialog", "Are you sure you want to delete '%1'?"): "ต้องการลบ '%1' หรือไม่",
    ("QFileSystemModel", "Computer"): "คอมพิวเตอร์",
    ("QFileSystemModel", "Date Modified"): "วันที่แก้ไข",
    ("QFileSystemModel", "Kind"): "ชนิด",
    ("QFileSystemModel", "Name"): "ชื่อ",
    ("QFileSystemModel", "Size"): "ขนาด",
    ("QFileSystemModel", "Type"): "ชนิด",
    ("QAbstractFileIconProvider", "Drive"): "ไดรฟ์",
    ("QAbstractFileIconProvider", "File"): "แฟ้ม",
    ("QAbstractFileIconProvider", "%1 File"): "แฟ้ม %1",
    ("QAbstractFileIconProvider", "File Folder"): "โฟลเดอร์",
    ("QAbstractFileIconProvider", "Folder"): "โฟลเดอร์",
    ("QAbstractFileIconProvider", "Alias"): "ทางลัด",
    ("QAbstractFileIconProvider", "Shortcut"): "ทางลัด",
    ("QPlatformTheme", "OK"): "ตกลง",
    ("QPlatformTheme", "Cancel"): "ยกเลิก",
    ("QPlatformTheme", "Open"): "เปิด",
    ("QPlatformTheme", "Save"): "บันทึก",
    ("QPlatformTheme", "Close"): "ปิด",
    ("QPlatformTheme", "&Yes"): "ใช่ (&Y)",
    ("QPlatformTheme", "&No"): "ไม่ (&N)",
    ("QPlatformTheme", "Yes"): "ใช่",
    ("QPlatformTheme", "No"): "ไม่",
    ("QWidgetTextControl", "&Copy"): "คัดลอก (&C)",
    ("QWidgetTextControl", "Copy &Link Location"): "คัดลอกที่อยู่ลิงก์ (&L)",
    ("QWidgetTextControl", "Select All"): "เลือกทั้งหมด",
    ("QWidgetTextControl", "&Undo"): "เลิกทำ (&U)",
    ("QWidgetTextControl", "&Redo"): "ทำซ้ำ (&R)",
    ("QWidgetTextControl", "Cu&t"): "ตัด (&T)",
    ("QWidgetTextControl", "&Paste"): "วาง (&P)",
    ("QWidgetTextControl", "Delete"): "ลบ",
    ("QLineEdit", "&Copy"): "คัดลอก (&C)",
    ("QLineEdit", "Select All"): "เลือกทั้งหมด",
    ("QLineEdit", "&Undo"): "เลิกทำ (&U)",
    ("QLineEdit", "&Redo"): "ทำซ้ำ (&R)",
    ("QLineEdit", "Cu&t"): "ตัด (&T)",
    ("QLineEdit", "&Paste"): "วาง (&P)",
    ("QLineEdit", "Delete"): "ลบ",
}
OWN_TABLES = {"th": QT_THAI}


class TableTranslator(QTranslator):
    """Qt's texts from a table of our own, for a language Qt has no translation for."""

    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return self.table.get((context, source))  # None: Qt keeps its English text

    def isEmpty(self) -> bool:
        return False


class QtLanguage:
    """The translator Qt's widgets use for the interface language (one at a time)."""

    def __init__(self) -> None:
        self.language = "en"
        self._translator: QTranslator | None = None

    def use(self, language: str) -> None:
        """Make Qt's widgets speak ``language``: Qt's own translation if it has one,
        else our table, else English."""
        if language == self.language:
            return
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        self.language = language
        if language == "en":
            return
        own = QTranslator()
        if own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._translator = own
        elif language in OWN_TABLES:
            self._translator = TableTranslator(OWN_TABLES[language])
        if self._translator is not None:
            QCoreApplication.installTranslator(self._translator)


QT_LANGUAGE = QtLanguage()  # the application's: one set of Qt widgets, one language


def native_file_dialogs(language: str) -> bool:
    """May the desktop's own file dialog be used? Only in English: it speaks the
    desktop's language, not the one the student chose in Guide Light."""
    return language == "en"
