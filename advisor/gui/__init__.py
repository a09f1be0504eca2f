"""The desktop app (PySide6). The only package that imports QtWidgets; it holds no business rules."""
