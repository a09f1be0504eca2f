"""Item delegates: the fit column drawn as a small stacked bar of its contributions."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...charts import FIT_COLORS
from .models import SEGMENTS_ROLE

__all__ = ["FitBarDelegate"]

_TEXT_WIDTH = 34


class FitBarDelegate(QStyledItemDelegate):
    """Draws the fit (0..1) as a bar split into goal / audience / voice / effort points."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        segments = index.data(SEGMENTS_ROLE)
        if not segments:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(6, 6, -_TEXT_WIDTH - 6, -6)
        painter.fillRect(rect, QColor("#ececec"))
        x = float(rect.left())
        for factor, points in segments:
            width = max(points, 0.0) * rect.width()
            painter.fillRect(
                QRectF(x, rect.top(), width, rect.height()),
                QColor(FIT_COLORS.get(factor, "#999999")),
            )
            x += width
        text_rect = option.rect.adjusted(option.rect.width() - _TEXT_WIDTH - 4, 0, -4, 0)
        painter.setPen(option.palette.text().color())
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text
        )
        painter.restore()

    def sizeHint(
        self,
        option: QStyleOptionViewItem,  # noqa: N802 - Qt API
        index: QModelIndex | QPersistentModelIndex,
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 150), hint.height())
