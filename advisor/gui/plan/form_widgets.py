"""Small building blocks of the profile form: weight sliders, a voice slider, a notes editor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSlider,
    QVBoxLayout,
    QWidget,
)

__all__ = ["DefaultableSpin", "NotesEdit", "VoiceSlider", "WeightGroup", "spin"]

_SCALE = 10  # slider steps per unit of weight


class WeightGroup(QWidget):
    """A set of named weights, one slider each, with the normalised share shown as a %.

    sig_weight_changed(key, weight) when the user moves a slider; sig_gesture_done when released.
    """

    sig_weight_changed = Signal(str, float)
    sig_gesture_done = Signal()

    def __init__(
        self, items: list[tuple[str, str]], *, maximum: float = 10.0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self._sliders: dict[str, QSlider] = {}
        self._names: dict[str, QLabel] = {}
        self._shares: dict[str, QLabel] = {}
        for row, (key, label) in enumerate(items):
            name = QLabel(label.replace("&", "&&"))
            name.setWordWrap(True)
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, int(maximum * _SCALE))
            slider.setPageStep(_SCALE)
            slider.setObjectName(f"weight_{key}")
            slider.setAccessibleName(f"{label} weight")
            slider.setMinimumWidth(80)
            share = QLabel("0%")
            share.setObjectName("share")
            share.setMinimumWidth(36)
            share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            name.setBuddy(slider)
            grid.addWidget(name, row, 0)
            grid.addWidget(slider, row, 1)
            grid.addWidget(share, row, 2)
            slider.valueChanged.connect(lambda v, k=key: self._on_slider_changed(k, v))
            slider.sliderReleased.connect(self.sig_gesture_done)
            self._sliders[key] = slider
            self._names[key] = name
            self._shares[key] = share

    def slider(self, key: str) -> QSlider:
        return self._sliders[key]

    def weight_keys(self) -> list[str]:
        return list(self._sliders)

    def label(self, key: str) -> QLabel:
        return self._names[key]

    def set_weights(self, weights: dict[str, float]) -> None:
        """Show these weights (no signals); a slider the user is dragging keeps its place."""
        for key, slider in self._sliders.items():
            w = float(weights.get(key, 0.0))
            if slider.isSliderDown():
                continue
            slider.blockSignals(True)
            slider.setMaximum(max(slider.maximum(), int(round(w * _SCALE))))
            slider.setValue(int(round(w * _SCALE)))
            slider.setToolTip(
                f"{self._names[key].text().replace('&&', '&')}: weight {w:g} (0 to "
                f"{slider.maximum() / _SCALE:g}); only the shares matter"
            )
            slider.blockSignals(False)
        self._update_shares(weights)

    def _update_shares(self, weights: dict[str, float]) -> None:
        total = sum(max(w, 0.0) for w in weights.values())
        for key, label in self._shares.items():
            share = weights.get(key, 0.0) / total if total > 0 else 0.0
            label.setText(f"{share:.0%}")

    def _on_slider_changed(self, key: str, value: int) -> None:
        weights = {k: s.value() / _SCALE for k, s in self._sliders.items()}
        self._update_shares(weights)
        self.sig_weight_changed.emit(key, value / _SCALE)


class VoiceSlider(QWidget):
    """Brand voice from polished/formal (0) to raw/casual (1)."""

    sig_voice_changed = Signal(float)
    sig_gesture_done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setPageStep(10)
        self.slider.setObjectName("voice")
        self.slider.setAccessibleName("Brand voice")
        self.slider.setToolTip(
            "From polished and formal (left) to raw and casual (right): channels whose "
            "personality matches the voice fit better"
        )
        ends = QHBoxLayout()
        for text, align in (
            ("Polished, formal", Qt.AlignmentFlag.AlignLeft),
            ("Raw, casual", Qt.AlignmentFlag.AlignRight),
        ):
            label = QLabel(text)
            label.setObjectName("hint")
            label.setAlignment(align)
            ends.addWidget(label)
        box.addWidget(self.slider)
        box.addLayout(ends)
        self.slider.valueChanged.connect(lambda v: self.sig_voice_changed.emit(v / 100))
        self.slider.sliderReleased.connect(self.sig_gesture_done)

    def set_voice(self, voice: float) -> None:
        if self.slider.isSliderDown():
            return
        self.slider.blockSignals(True)
        self.slider.setValue(int(round(voice * 100)))
        self.slider.blockSignals(False)


class NotesEdit(QPlainTextEdit):
    """Multi-line text that reports one edit when the user leaves it, not one per keystroke."""

    sig_committed = Signal(str)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.sig_committed.emit(self.toPlainText())


def spin(
    lo: float, hi: float, *, step: float = 1, decimals: int = 1, prefix: str = "", suffix: str = ""
) -> QDoubleSpinBox:
    """A number field that reports a value when the user commits it, not per keystroke."""
    box = QDoubleSpinBox()
    box.setRange(lo, hi)
    box.setSingleStep(step)
    box.setDecimals(decimals)
    box.setPrefix(prefix)
    box.setSuffix(suffix)
    box.setKeyboardTracking(False)
    box.setGroupSeparatorShown(True)
    return box


class DefaultableSpin(QWidget):
    """A number that may be left at a default: a spin box and a "Use the default" check box.

    sig_value_changed(value or None) when the user changes the number or ticks the box (None:
    use the default); sig_gesture_done when the user leaves the number. ``scale`` converts
    the shown number to the stored one (e.g. 0.01 for a percentage stored as a share).
    """

    sig_value_changed = Signal(object)
    sig_gesture_done = Signal()

    def __init__(
        self,
        box: QDoubleSpinBox,
        *,
        scale: float = 1.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spin = box
        self.scale = scale
        self.default_box = QCheckBox("Use the default")
        self.note = QLabel()  # where the default comes from (wraps in a narrow panel)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.hide()
        self._default = 0.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(box)
        layout.addWidget(self.default_box)
        layout.addWidget(self.note)
        box.valueChanged.connect(lambda v: self.sig_value_changed.emit(self._stored(v)))
        box.editingFinished.connect(self.sig_gesture_done)
        self.default_box.toggled.connect(self._on_default_toggled)

    def set_default(self, value: float, text: str, tip: str = "", note: str = "") -> None:
        """The value used when the box is ticked (stored units), the box's text and tip, and
        a note under it (e.g. the source of the default)."""
        self._default = value
        self.default_box.setText(text)
        self.default_box.setToolTip(tip)
        self.note.setText(note)
        self.note.setToolTip(tip)
        self.note.setVisible(bool(note))
        if self.default_box.isChecked():
            self._show(value)

    def set_value(self, value: float | None) -> None:
        """Show a stored value, or the default (box ticked) for None; no signals."""
        self.default_box.blockSignals(True)
        self.default_box.setChecked(value is None)
        self.default_box.blockSignals(False)
        self.spin.setEnabled(value is not None)
        self._show(self._default if value is None else value)

    def value(self) -> float | None:
        return None if self.default_box.isChecked() else self._stored(self.spin.value())

    def _stored(self, shown: float) -> float:
        return round(shown * self.scale, 6)

    def _show(self, value: float) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(value / self.scale)
        self.spin.blockSignals(False)

    def _on_default_toggled(self, checked: bool) -> None:
        self.spin.setEnabled(not checked)
        self.sig_value_changed.emit(None if checked else self._stored(self.spin.value()))
