"""Thai PDF documents (fpdf2 + HarfBuzz shaping, Sarabun): title, headings, paragraphs, tables,
a formal BE date. Lines break at PyThaiNLP word boundaries (words joined with U+200B), so Thai
text wraps correctly and copies/searches as real text.

    doc = ThaiPdf(title="แผนปฏิบัติการ …")
    doc.heading("ยุทธศาสตร์ที่ 1")
    doc.paragraph("ข้อความ …")
    doc.table(["รหัส", "ชื่อ"], rows, widths=[30, 150])
    pdf_bytes = doc.output()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fpdf import FPDF, FontFace

from .thai_calendar import format_date

ZWSP = "\u200b"


def _font_dir() -> Path:
    import fontpkg

    return Path(fontpkg.path("Sarabun")).parent


def breakable(text: str) -> str:
    """Insert zero-width spaces between Thai words so fpdf2 can wrap between them."""
    from pythainlp.tokenize import word_tokenize

    out = []
    for line in str(text or "").split("\n"):
        out.append(ZWSP.join(word_tokenize(line, engine="newmm", keep_whitespace=True)))
    return "\n".join(out)


class ThaiPdf:
    """A simple A4 document in Thai."""

    def __init__(self, *, title: str, subtitle: str = "", landscape: bool = False, base_size: float = 14,
                 issued_on: dt.date | None = None) -> None:
        self.pdf = FPDF(orientation="L" if landscape else "P", unit="mm", format="A4")
        self.pdf.set_margins(15, 15, 15)
        self.pdf.set_auto_page_break(True, margin=15)
        font_dir = _font_dir()
        self.pdf.add_font("Sarabun", "", str(font_dir / "Sarabun-Regular.ttf"))
        self.pdf.add_font("Sarabun", "B", str(font_dir / "Sarabun-Bold.ttf"))
        self.pdf.set_text_shaping(use_shaping_engine=True, script="thai", language="tha")
        self.pdf.set_title(title)
        self.pdf.set_creator("smartprovince")
        self.size = base_size
        self.pdf.alias_nb_pages()
        self.pdf.add_page()
        self._font(base_size + 4, bold=True)
        self.pdf.multi_cell(0, (base_size + 4) * 0.6, breakable(title), align="C", new_x="LMARGIN", new_y="NEXT")
        if subtitle:
            self._font(base_size)
            self.pdf.multi_cell(0, base_size * 0.6, breakable(subtitle), align="C", new_x="LMARGIN", new_y="NEXT")
        if issued_on:
            self._font(base_size - 2)
            self.pdf.multi_cell(0, base_size * 0.55, format_date(issued_on, "formal"), align="R",
                                new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(2)

    def _font(self, size: float, bold: bool = False) -> None:
        self.pdf.set_font("Sarabun", "B" if bold else "", size)

    def heading(self, text: str, level: int = 1) -> None:
        size = self.size + (2 if level == 1 else 0)
        self._font(size, bold=True)
        self.pdf.ln(1)
        self.pdf.multi_cell(0, size * 0.6, breakable(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def paragraph(self, text: str, size: float | None = None) -> None:
        self._font(size or self.size)
        self.pdf.multi_cell(0, (size or self.size) * 0.55, breakable(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[Any]], *, widths: Sequence[float] | None = None,
              size: float | None = None, align_right: Sequence[int] = ()) -> None:
        size = size or self.size - 2
        self._font(size)
        col_widths = tuple(widths) if widths else None
        aligns = tuple("RIGHT" if i in align_right else "LEFT" for i in range(len(headers)))
        with self.pdf.table(col_widths=col_widths, text_align=aligns, line_height=size * 0.55,
                            headings_style=FontFace(emphasis="BOLD", fill_color=(233, 227, 243)),
                            first_row_as_headings=True) as table:
            head = table.row()
            for h in headers:
                head.cell(breakable(h))
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(breakable("" if value is None else str(value)))
        self.pdf.ln(2)

    def output(self) -> bytes:
        return bytes(self.pdf.output())
