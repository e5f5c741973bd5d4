"""Thai PDF documents with fpdf2: Sarabun, HarfBuzz shaping (tone marks placed right, text
extractable and searchable), line breaks between Thai words (PyThaiNLP + U+200B), A4 pages with
a running footer.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import TableCellFillMode
from fpdf.fonts import FontFace

ZWSP = "\u200b"
# SARA AM is written decomposed (NIKHAHIT + SARA AA): it renders the same, and every glyph then has
# its own character in the text layer, so copied and searched text is clean (NFKC-equal to the
# original). Composed, fpdf2 leaves one glyph of the pair without a character (seen as "ดำ\x08เนิน").
SARA_AM = ("\u0e33", "\u0e4d\u0e32")


@lru_cache(maxsize=1)
def _font_dir() -> Path:
    import fontpkg

    return Path(fontpkg.path("Sarabun")).parent


@lru_cache(maxsize=4096)
def breakable(text: str) -> str:
    """Thai text with a zero-width space between words, so fpdf2 can wrap lines there."""
    if not text:
        return ""
    if not any("\u0e00" <= ch <= "\u0e7f" for ch in text):
        return text
    text = text.replace(*SARA_AM)
    from pythainlp.tokenize import word_tokenize

    parts = []
    for chunk in text.split(" "):
        parts.append(ZWSP.join(word_tokenize(chunk, engine="newmm", keep_whitespace=False)))
    return " ".join(parts).replace(*SARA_AM)


class ThaiPDF(FPDF):
    def __init__(self, *, title: str, footer_text: str = "", orientation: str = "P") -> None:
        super().__init__(orientation=orientation, unit="mm", format="A4")
        folder = _font_dir()
        self.add_font("Sarabun", "", str(folder / "Sarabun-Regular.ttf"))
        self.add_font("Sarabun", "B", str(folder / "Sarabun-Bold.ttf"))
        self.set_text_shaping(use_shaping_engine=True, script="thai", language="tha")
        self.set_title(title)
        self.set_creator("smartprovince")
        self.set_lang("th")
        self.footer_text = footer_text
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(auto=True, margin=16)
        self.set_font("Sarabun", size=12)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Sarabun", size=9)
        self.set_text_color(100, 100, 100)
        self.cell(0, 6, f"{self.footer_text}    หน้า {self.page_no()}/{{nb}}".replace(*SARA_AM), align="R")
        self.set_text_color(0, 0, 0)

    # ------------------------------------------------------------------ blocks

    def title_block(self, lines: Sequence[str]) -> None:
        self.set_font("Sarabun", "B", 17)
        for line in lines:
            self.multi_cell(0, 9, breakable(line), align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(3)
        self.set_font("Sarabun", size=12)

    def heading(self, text: str, size: int = 14) -> None:
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(2)
        self.set_font("Sarabun", "B", size)
        self.multi_cell(0, size * 0.55, breakable(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_font("Sarabun", size=12)
        self.ln(1)

    def paragraph(self, text: str, size: int = 12) -> None:
        self.set_font("Sarabun", size=size)
        self.multi_cell(0, size * 0.55, breakable(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def bullets(self, items: Sequence[str], size: int = 12) -> None:
        self.set_font("Sarabun", size=size)
        for item in items:
            self.multi_cell(0, size * 0.55, breakable(f"• {item}"), align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def data_table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        align: Sequence[str] | None = None,
        size: int = 10,
        fills: Sequence[tuple[int, int, int] | None] | None = None,
        fill_column: int | None = None,
    ) -> None:
        """A table that wraps Thai text inside cells and repeats its header on every page.

        ``fills`` colours the ``fill_column`` cell of each row (status colours)."""
        self.set_font("Sarabun", size=size)
        head = FontFace(emphasis="BOLD", fill_color=(233, 227, 243))
        aligns = list(align or ["L"] * len(headers))
        with self.table(
            col_widths=tuple(widths), text_align=tuple(aligns), line_height=size * 0.5, headings_style=head,
            cell_fill_mode=TableCellFillMode.NONE, first_row_as_headings=True, padding=1,
        ) as table:
            header = table.row()
            for h in headers:
                header.cell(breakable(h))
            for i, values in enumerate(rows):
                row = table.row()
                for j, value in enumerate(values):
                    fill = fills[i] if fills and fill_column == j else None
                    style = FontFace(fill_color=fill) if fill else None
                    row.cell(breakable(str(value)), style=style)
        self.ln(2)
