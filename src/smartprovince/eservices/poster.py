"""A4 QR poster for a survey (Thai, fpdf2 with HarfBuzz shaping and Sarabun), to print and put
up at a service counter. The QR encodes the percent-encoded public URL of the survey."""

from __future__ import annotations

import io
from urllib.parse import quote, urlsplit, urlunsplit

import fontpkg
import segno
from fpdf import FPDF

from .models import Survey

ZWSP = "\u200b"


def _breakable(text: str) -> str:
    """fpdf2 breaks lines only at spaces; Thai has none between words, so insert zero-width
    spaces between PyThaiNLP words."""
    from pythainlp.tokenize import word_tokenize

    return ZWSP.join(word_tokenize(text, engine="newmm", keep_whitespace=True))


def ascii_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, quote(parts.path, safe="/%"), quote(parts.query, safe="=&%"), ""))


def poster_pdf(*, survey: Survey, url: str) -> bytes:
    url = ascii_url(url)
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_title(survey.title_th)
    pdf.set_author(survey.agency.name_th)
    pdf.set_creator("smartprovince")
    pdf.add_font("Sarabun", "", str(fontpkg.path("Sarabun", weight=400)))
    pdf.add_font("Sarabun", "B", str(fontpkg.path("Sarabun", weight=700)))
    pdf.set_text_shaping(use_shaping_engine=True, script="thai", language="tha")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    width = pdf.w - 40
    pdf.set_fill_color(75, 46, 131)
    pdf.rect(0, 0, pdf.w, 12, style="F")
    pdf.set_xy(20, 22)
    pdf.set_font("Sarabun", "B", 30)
    pdf.multi_cell(width, 14, _breakable("ช่วยประเมินความพึงพอใจ"), align="C")
    pdf.set_font("Sarabun", "", 20)
    pdf.set_x(20)
    pdf.multi_cell(width, 10, _breakable(survey.title_th), align="C")
    pdf.set_font("Sarabun", "", 18)
    pdf.set_x(20)
    subtitle = survey.agency.name_th + (f" · {survey.service.name_th}" if survey.service_id and survey.service else "")
    pdf.multi_cell(width, 9, _breakable(subtitle), align="C")

    qr = segno.make(url, error="m")
    png = io.BytesIO()
    qr.save(png, kind="png", scale=20, border=2)
    png.seek(0)
    size = 110
    top = max(pdf.get_y() + 8, 80)
    pdf.image(png, x=(pdf.w - size) / 2, y=top, w=size, h=size)

    pdf.set_xy(20, top + size + 6)
    pdf.set_font("Sarabun", "B", 20)
    pdf.multi_cell(width, 10, _breakable("สแกน QR Code ด้วยกล้องมือถือ ใช้เวลาประมาณ 2 นาที"), align="C")
    pdf.set_font("Sarabun", "", 15)
    pdf.set_x(20)
    pdf.multi_cell(
        width, 8,
        _breakable("ไม่ต้องเข้าสู่ระบบ ไม่เก็บชื่อหรือข้อมูลส่วนบุคคล ความคิดเห็นของท่านช่วยให้เราปรับปรุงการบริการ"),
        align="C",
    )
    pdf.set_font("Sarabun", "", 12)
    pdf.set_x(20)
    pdf.multi_cell(width, 7, url, align="C")
    pdf.set_fill_color(75, 46, 131)
    pdf.rect(0, pdf.h - 12, pdf.w, 12, style="F")
    return bytes(pdf.output())
