"""The window's chrome at high zoom: a row of buttons and a status line that fold onto
more lines instead of making the window bigger than the screen.

At 200 % zoom the four Thai button labels need about 1,200 pixels side by side. In a
plain row that width became the window's minimum, so on a 1024 or 1366 pixel screen the
window ran past the screen's edge, and its status line with it. Folded, the row is never
wider than its widest button, and the status line wraps.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QLayout, QPushButton, QWidget

COLUMN_CHOICES = (4, 2, 1)  # whole rows of buttons: 4 side by side, 2 x 2, or a column


class ButtonRow(QWidget):
    """Buttons in as many columns as fit the width (4, 2 or 1), in reading order."""

    def __init__(self, parent: QWidget, buttons: Sequence[QPushButton]) -> None:
        super().__init__(parent)
        self.buttons = list(buttons)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        # The row's minimum is its widest button (``refold``), not the sum of a full row.
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        for button in self.buttons:
            button.setParent(self)
        self.refold()

    def columns_for(self, width: int) -> int:
        """The most columns whose buttons fit side by side in ``width`` at their natural size."""
        spacing = max(self.grid.horizontalSpacing(), 0)
        for columns in COLUMN_CHOICES:
            widths = [max(b.sizeHint().width() for b in self.buttons[col::columns]) for col in range(columns)]
            if columns <= len(self.buttons) and sum(widths) + (columns - 1) * spacing <= width:
                return columns
        return 1

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for button in self.buttons:
            self.grid.removeWidget(button)
        for index, button in enumerate(self.buttons):
            self.grid.addWidget(button, index // columns, index % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place(self.columns_for(event.size().width()))
        super().resizeEvent(event)

    def refold(self) -> None:
        """Fold again for the width the buttons now need: call after a new label or font
        (the language, the zoom). Explicit rather than on Qt's layout requests, which
        also arrive while the window is being torn down."""
        self.setMinimumWidth(max(button.minimumSizeHint().width() for button in self.buttons))
        self._place(self.columns_for(self.width()))


class StatusLine(QLabel):
    """A label that wraps, and asks for the height its text needs at its own width.

    A plain word-wrapped label reports a height-for-width, and the main window takes its
    minimum height from that at its narrowest width: a long title asked for 930 pixels
    at 180 % zoom, and the window grew past the screen. This one asks for the lines it
    needs at the width it has now, so the window never grows for it.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def hasHeightForWidth(self) -> bool:
        return False

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.heightForWidth(max(self.width(), hint.width())))

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # another width, maybe another number of lines
