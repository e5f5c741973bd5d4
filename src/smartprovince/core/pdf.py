"""The one Thai PDF helper of the platform (fpdf2 + HarfBuzz shaping, Sarabun).

* Thai shaping: ``set_text_shaping(use_shaping_engine=True, script="thai", language="tha")``, so
  tone marks sit right and the text layer is real text.
* Line breaks between Thai words: :func:`breakable` joins PyThaiNLP words with U+200B (fpdf2 only
  breaks at spaces and zero-width spaces).
* SARA AM: every text drawn is written with ำ decomposed (NIKHAHIT + SARA AA). It renders the
  same, and each glyph then has its own character in the text layer; composed, fpdf2 gives the
  second glyph of the pair no character and extractors read U+0003 ("จำ\\x03นวน"). The extracted
  text is NFKC-equal to the original.
* Speed: HarfBuzz widths are cached per document (fpdf2 measures a line again for every character
  it adds, so a big table otherwise shapes the same prefixes hundreds of thousands of times).
  Text with no right-to-left character skips fpdf2's bidi pass (it would return the text as one
  left-to-right run). fpdf2 lays every table cell out twice, once without writing to measure the
  row heights: in that pass a line is not shaped and drawn, only the cursor moves as it would.

    pdf = ThaiPdf(title="แผนปฏิบัติการ …", footer_text="…")
    pdf.add_page()
    pdf.title_block(["แผนปฏิบัติการ …"], issued_on=today)
    pdf.heading("ยุทธศาสตร์ที่ 1")
    pdf.paragraph("ข้อความ …")
    pdf.data_table(["รหัส", "ชื่อ"], rows, [30, 150], align=["L", "L"])
    pdf.qr_code(url, x=240, y=150, size=36)
    data = pdf.output_bytes()
"""

from __future__ import annotations

import datetime as dt
import io
import re
import types
from collections.abc import Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from fpdf import FPDF
from fpdf.enums import Align, TableCellFillMode, TextDirection, XPos, YPos
from fpdf.fonts import FontFace, TTFFont

from .thai_calendar import format_date

ZWSP = "\u200b"
SARA_AM = ("\u0e33", "\u0e4d\u0e32")
HEADER_FILL = (233, 227, 243)
FAMILY = "Sarabun"
RGB = tuple[int, int, int]
# Characters outside these ranges may be right-to-left, Arabic digits or bidi controls (U+202A…,
# U+2066…): text made only of these ranges (Latin, Thai, common punctuation, ZWSP) is one LTR run.
_NOT_PLAIN_LTR = re.compile("[^\u0000-\u058f\u0e00-\u0e7f\u200b\u2010-\u2027\u2030-\u205e]")
_PLAIN_X = frozenset({XPos.LEFT, XPos.RIGHT, XPos.LMARGIN, XPos.RMARGIN})
_PLAIN_Y = frozenset({YPos.TOP, YPos.LAST, YPos.NEXT, YPos.TMARGIN, YPos.BMARGIN})


@lru_cache(maxsize=1)
def font_files() -> tuple[str, str]:
    """Sarabun regular and bold from the fontpkg-sarabun package."""
    import fontpkg

    return str(fontpkg.path(FAMILY, weight=400)), str(fontpkg.path(FAMILY, weight=700))


def _is_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


@lru_cache(maxsize=8192)
def breakable(text: str) -> str:
    """Thai text with a zero-width space between words, so fpdf2 can wrap lines there."""
    text = "" if text is None else str(text)
    if not _is_thai(text):
        return text
    from pythainlp.tokenize import word_tokenize

    lines = []
    for line in text.split("\n"):
        words = []
        for chunk in line.split(" "):
            words.append(ZWSP.join(w for w in word_tokenize(chunk, engine="newmm", keep_whitespace=False) if w))
        lines.append(" ".join(words))
    return "\n".join(lines)


def text_layer(text: str) -> str:
    """``text`` as drawn: SARA AM decomposed (see the module doc)."""
    return text.replace(*SARA_AM)


def qr_url(url: str) -> str:
    """``url`` with its path, query and fragment percent-encoded, so QR scanners never see raw UTF-8."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, quote(parts.path, safe="/%"), quote(parts.query, safe="=&%"),
                       quote(parts.fragment, safe="%")))


def qr_png(url: str, *, scale: int = 6, border: int = 2) -> bytes:
    """A PNG QR code (error correction M) of the percent-encoded ``url``."""
    import segno

    buffer = io.BytesIO()
    segno.make(qr_url(url), error="m").save(buffer, kind="png", scale=scale, border=border)
    return buffer.getvalue()


class _CachedWidthFont(TTFFont):
    """A TTF font whose shaped text widths are cached (per document, font and size).

    fpdf2's line breaker asks for the width of the line so far after every character it adds, each
    time shaping the whole prefix with HarfBuzz. Here text is cut at spaces and zero-width spaces
    (where no Thai or Latin shaping reaches across): the width of a string is the cached width of
    its prefix up to the last break plus that of its last word, so a word is shaped once per size."""

    __slots__ = ("widths",)
    widths: dict[tuple[str, tuple[Any, ...]], tuple[int, float]]

    @classmethod
    def wrap(cls, font: TTFFont) -> _CachedWidthFont:
        new = object.__new__(cls)
        for slot in TTFFont.__slots__:
            if hasattr(font, slot):
                setattr(new, slot, getattr(font, slot))
        new.subset.font = new
        new.widths = {}
        return new

    def get_text_width(self, text: str, font_size_pt: float,
                       text_shaping_params: dict[str, Any] | None) -> tuple[int, float]:
        if not text_shaping_params or self.is_symbol:
            return super().get_text_width(text, font_size_pt, text_shaping_params)
        if font_size_pt > self.biggest_size_pt:
            self.biggest_size_pt = font_size_pt
        params = text_shaping_params
        features = params.get("features")
        setting = (font_size_pt, params.get("script"), params.get("language"), params.get("fragment_direction"),
                   tuple(sorted(features.items())) if features else ())
        return self._width(text, setting, params)

    def _width(self, text: str, setting: tuple[Any, ...], params: dict[str, Any]) -> tuple[int, float]:
        key = (text, setting)
        hit = self.widths.get(key)
        if hit is not None:
            return hit
        cut = max(text.rfind(" ", 0, len(text) - 1), text.rfind(ZWSP, 0, len(text) - 1))
        if cut < 0:
            result = self.shaped_text_width(text, setting[0], params)
        else:
            head = self._width(text[: cut + 1], setting, params)
            tail = self._width(text[cut + 1:], setting, params)
            result = (head[0] + tail[0], head[1] + tail[1])
        self.widths[key] = result
        return result


class ThaiPdf(FPDF):
    """An A4 Thai document. ``footer_text`` (when given) and the page number go in the footer."""

    def __init__(self, *, title: str, landscape: bool = False, footer_text: str | None = None, author: str = "",
                 margins: tuple[float, float, float] = (18, 16, 18), page_break: float | None = 16,
                 size: float = 12) -> None:
        super().__init__(orientation="L" if landscape else "P", unit="mm", format="A4")
        regular, bold = font_files()
        self.add_font(FAMILY, "", regular)
        self.add_font(FAMILY, "B", bold)
        for key, font in self.fonts.items():
            if isinstance(font, TTFFont):
                self.fonts[key] = _CachedWidthFont.wrap(font)
        self.set_text_shaping(use_shaping_engine=True, script="thai", language="tha")
        self.set_title(title)
        if author:
            self.set_author(author)
        self.set_creator("smartprovince")
        self.set_lang("th")
        self.footer_text = footer_text
        self.size = size
        self.set_margins(*margins)
        if page_break is None:
            self.set_auto_page_break(False)
        else:
            self.set_auto_page_break(True, margin=page_break)
        self.alias_nb_pages()
        self.font(size)

    def normalize_text(self, text: str) -> str:
        return super().normalize_text(text_layer(text))

    def _preload_bidirectional_text(self, text: str, markdown: bool) -> Any:
        shaping = self.text_shaping
        if not shaping or shaping["direction"] or _NOT_PLAIN_LTR.search(text):
            return super()._preload_bidirectional_text(text, markdown)
        shaping["paragraph_direction"] = shaping["fragment_direction"] = TextDirection.LTR
        emphasis = ("B" in self.font_style, "I" in self.font_style, self.strikethrough, self.underline)
        return tuple(self._preload_font_styles(text, markdown, _initial_emphasis=emphasis))

    def _render_styled_text_line(self, text_line: Any, h: float | None = None, border: Any = 0,
                                 new_x: XPos = XPos.RIGHT, new_y: YPos = YPos.TOP, *args: Any, **kwargs: Any) -> bool:
        """While fpdf2 measures (writing disabled, e.g. a table's row heights), only move the cursor."""
        writing = isinstance(self._out, types.MethodType)
        if (writing or args or kwargs.get("center") or kwargs.get("prevent_font_change") or new_x not in _PLAIN_X
                or new_y not in _PLAIN_Y or text_line.align == Align.X or h is None or text_line.max_width is None):
            return super()._render_styled_text_line(text_line, h, border, new_x, new_y, *args, **kwargs)
        w = text_line.max_width
        if w == 0:
            w = self.w - self.r_margin - self.x
        page_break = self._perform_page_break_if_need_be(h)
        # the font bookkeeping of a drawn line (the page's font resources), without drawing it
        font, size, style = self.current_font, self.font_size_pt, self.font_style
        for frag in text_line.fragments:
            if not self.current_font_is_set_on_page:
                font, size, style = self.current_font, self.font_size_pt, self.font_style = (
                    frag.font, frag.font_size_pt, frag.font_style)
                self._set_font_for_page(font, size)
            elif (font, size, style) != (frag.font, frag.font_size_pt, frag.font_style):
                font, size, style = frag.font, frag.font_size_pt, frag.font_style
                self._set_font_for_page(font, size, wrap_in_text_object=False)
        if new_x == XPos.RIGHT:
            self.x += w
        elif new_x == XPos.LMARGIN:
            self.x = self.l_margin
        elif new_x == XPos.RMARGIN:
            self.x = self.w - self.r_margin
        if new_y == YPos.NEXT:
            self.y += h
        elif new_y == YPos.TMARGIN:
            self.y = self.t_margin
        elif new_y == YPos.BMARGIN:
            self.y = self.h - self.b_margin
        return bool(page_break)

    def multi_cell(self, w: float, h: float | None = None, text: str = "", *args: Any, **kwargs: Any) -> Any:
        """Pure ASCII text (numbers, codes, URLs) needs no shaping: it is laid out without HarfBuzz
        and the bidi pass, which is most of the cost of a numeric table cell."""
        if not self.text_shaping or not text.isascii():
            return super().multi_cell(w, h, text, *args, **kwargs)
        shaping = self.text_shaping
        self.text_shaping = None
        try:
            return super().multi_cell(w, h, text, *args, **kwargs)
        finally:
            self.text_shaping = shaping

    def font(self, size: float, bold: bool = False) -> None:
        self.set_font(FAMILY, "B" if bold else "", size)

    def footer(self) -> None:
        if self.footer_text is None:
            return
        self.set_y(-12)
        self.font(9)
        self.set_text_color(100, 100, 100)
        self.cell(0, 6, f"{self.footer_text}    หน้า {self.page_no()}/{{nb}}", align="R")
        self.set_text_color(0, 0, 0)

    # ------------------------------------------------------------------ blocks

    def title_block(self, lines: Sequence[str], *, size: float = 17, subtitle: str = "",
                    issued_on: dt.date | None = None) -> None:
        """Centred bold title lines, an optional subtitle and a formal BE date on the right."""
        self.font(size, bold=True)
        for line in lines:
            self.multi_cell(0, size * 0.53, breakable(line), align="C", new_x="LMARGIN", new_y="NEXT")
        if subtitle:
            self.font(size - 4)
            self.multi_cell(0, (size - 4) * 0.6, breakable(subtitle), align="C", new_x="LMARGIN", new_y="NEXT")
        if issued_on:
            self.font(size - 6)
            self.multi_cell(0, (size - 6) * 0.6, format_date(issued_on, "formal"), align="R",
                            new_x="LMARGIN", new_y="NEXT")
        self.ln(3)
        self.font(self.size)

    def heading(self, text: str, size: float = 14) -> None:
        """A bold heading, moved to the next page when it would be the last thing on this one."""
        if self.auto_page_break and self.get_y() > self.h - 40:
            self.add_page()
        self.ln(2)
        self.font(size, bold=True)
        self.multi_cell(0, size * 0.55, breakable(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.font(self.size)
        self.ln(1)

    def paragraph(self, text: str, size: float | None = None, *, align: str = "L") -> None:
        size = size or self.size
        self.font(size)
        self.multi_cell(0, size * 0.55, breakable(text), align=align, new_x="LMARGIN", new_y="NEXT")
        self.font(self.size)
        self.ln(1)

    def bullets(self, items: Sequence[str], size: float | None = None) -> None:
        size = size or self.size
        self.font(size)
        for item in items:
            self.multi_cell(0, size * 0.55, breakable(f"• {item}"), align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def centered(self, text: str, size: float, *, bold: bool = False, y: float | None = None,
                 x: float | None = None, width: float = 0, line_height: float | None = None) -> None:
        """Centred (wrapping) text across ``width`` (0: between the margins) from ``x``/``y``."""
        if y is not None:
            self.set_y(y)
        if x is not None:
            self.set_x(x)
        self.font(size, bold=bold)
        room = (width or self.w - self.r_margin - self.get_x()) - 2 * self.c_margin
        if self.get_string_width(text) > room:  # word breaks only where the text wraps: names stay clean
            text = breakable(text)
        self.multi_cell(width, line_height or size * 0.55, text, align="C", new_x="LMARGIN", new_y="NEXT")

    def data_table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        *,
        align: Sequence[str] | None = None,
        size: float = 10,
        fills: Sequence[RGB | None] | None = None,
        fill_column: int | None = None,
        line_height: float | None = None,
    ) -> None:
        """A table that wraps Thai text inside cells and repeats its header row on every page.
        ``fills`` colours the ``fill_column`` cell of each row (status colours); None values are
        drawn empty."""
        self.font(size)
        aligns = tuple(align or ["L"] * len(headers))
        with self.table(
            col_widths=tuple(widths), text_align=aligns, line_height=line_height or size * 0.5,
            headings_style=FontFace(emphasis="BOLD", fill_color=HEADER_FILL),
            cell_fill_mode=TableCellFillMode.NONE, first_row_as_headings=True, padding=1,
        ) as table:
            header = table.row()
            for h in headers:
                header.cell(breakable(h))
            for i, values in enumerate(rows):
                row = table.row()
                for j, value in enumerate(values):
                    fill = fills[i] if fills and fill_column == j else None
                    row.cell(breakable("" if value is None else str(value)),
                             style=FontFace(fill_color=fill) if fill else None)
        self.font(self.size)
        self.ln(2)

    def qr_code(self, url: str, *, x: float, y: float, size: float, scale: int = 6) -> None:
        """A QR code of the percent-encoded ``url``, ``size`` mm square."""
        self.image(io.BytesIO(qr_png(url, scale=scale)), x=x, y=y, w=size, h=size)

    def output_bytes(self) -> bytes:
        return bytes(self.output())
