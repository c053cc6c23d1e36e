"""The report preview: the PDF's pages as images, one under the other, in a scroll area.

Pages are drawn with pypdfium2 (Google's PDFium, the engine of Chrome's PDF viewer; wheels for Windows, macOS
and Linux, no system library): what is shown is exactly the file that will be saved, drawn by a renderer
other than the one that made it. Qt's PDF module (QtPdf) is not in PySide6-Essentials, which the app ships."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

SCALE = 1.25  # 90 dpi: readable on a laptop screen


@dataclass(frozen=True)
class PageImage:
    data: bytes
    width: int
    height: int
    stride: int


def render_pages(pdf: bytes, scale: float = SCALE) -> list[PageImage]:
    """Every page as an RGBX image (no Qt: runs in a background job)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
            pages.append(PageImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride))
        return pages
    finally:
        document.close()


class PreviewView(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preview")
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._inner = QWidget()
        self._layout = QVBoxLayout(self._inner)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._layout.setSpacing(12)
        self.setWidget(self._inner)
        self.page_count = 0
        self.show_hint("Kies een gemeente, een periode en de onderdelen, en klik op 'Voorbeeld tonen'.")

    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:  # hidden at once: a deferred delete waits for the event loop
                item.widget().hide()
                item.widget().deleteLater()

    def show_hint(self, text: str) -> None:
        self._clear()
        self.page_count = 0
        hint = QLabel(text, objectName="preview_hint", wordWrap=True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: #666; padding: 40px;")
        self._layout.addWidget(hint)

    def set_pages(self, pages: list[PageImage]) -> None:
        self._clear()
        for number, page in enumerate(pages, start=1):
            image = QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGBX8888).copy()
            label = QLabel(objectName=f"preview_page_{number}")
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QFrame.Shape.Box)
            label.setToolTip(f"Pagina {number} van {len(pages)}")
            self._layout.addWidget(label)
        self.page_count = len(pages)
