"""A coloured line that tells what an edit did beyond what is on screen, with Undo and Close."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

__all__ = ["NoticeBar"]

_STYLE = "QFrame#noticeBar { background: #fff4d6; border: 1px solid #e7b36a; border-radius: 4px; }"


class NoticeBar(QFrame):
    """Hidden until ``show_notice``; sig_undo when the user clicks Undo."""

    sig_undo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setStyleSheet(_STYLE)
        self.text = QLabel()
        self.text.setObjectName("noticeText")
        self.text.setWordWrap(True)
        self.undo = QPushButton("Undo")
        self.undo.setObjectName("noticeUndo")
        self.undo.setToolTip("Take back the edit this note describes (same as Edit > Undo)")
        self.close_button = QPushButton("×")
        self.close_button.setObjectName("noticeClose")
        self.close_button.setFlat(True)
        self.close_button.setFixedWidth(24)
        self.close_button.setToolTip("Hide this note")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.undo)
        row.addWidget(self.close_button)
        self.undo.clicked.connect(self.sig_undo)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_notice(self, text: str, *, undo: bool = True) -> None:
        """Show ``text``; with an Undo button when ``undo``."""
        self.text.setText(text)
        self.text.setToolTip(text)
        self.undo.setVisible(undo)
        self.show()
