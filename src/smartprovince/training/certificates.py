"""Certificate PDF: Sarabun with Thai shaping (fpdf2 + HarfBuzz) and a QR code to the public
verification page. (When ``core/pdf.py`` lands, the font set-up can move there.)"""

from __future__ import annotations

import io
from urllib.parse import quote, urlsplit, urlunsplit

import fontpkg
import segno
from fpdf import FPDF

from smartprovince.core.thai_calendar import format_date

from .models import Certificate


def _font_paths() -> tuple[str, str]:
    regular = str(fontpkg.path("Sarabun"))
    bold = regular.replace("Sarabun-Regular.ttf", "Sarabun-Bold.ttf")
    return regular, bold


def qr_url(url: str) -> str:
    """Percent-encode the path of ``url`` so scanners never see raw UTF-8."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, quote(parts.path, safe="/%"), parts.query, parts.fragment))


def qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(qr_url(url), error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


def certificate_pdf(*, certificate: Certificate, verify_url: str, organiser_th: str, hours: str) -> bytes:
    regular, bold = _font_paths()
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_title(f"วุฒิบัตร {certificate.number}")
    pdf.set_author(organiser_th)
    pdf.add_font("Sarabun", "", regular)
    pdf.add_font("Sarabun", "B", bold)
    pdf.set_text_shaping(use_shaping_engine=True, script="thai", language="tha")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_draw_color(84, 48, 130)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, 277, 190)
    pdf.set_line_width(0.4)
    pdf.rect(14, 14, 269, 182)

    def line(text: str, size: int, style: str = "", y: float | None = None) -> None:
        if y is not None:
            pdf.set_y(y)
        pdf.set_font("Sarabun", style, size)
        pdf.cell(0, size * 0.55, text, align="C", new_x="LMARGIN", new_y="NEXT")

    line(organiser_th, 18, "B", 30)
    line("วุฒิบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า", 18, "", 55)
    line(certificate.holder_name, 30, "B", 72)
    line("ได้ผ่านการอบรมหลักสูตร", 18, "", 95)
    line(certificate.course_title, 24, "B", 108)
    line(f"จำนวน {hours} ชั่วโมง", 16, "", 126)
    line(f"ให้ไว้ ณ วันที่ {format_date(certificate.completed_on, 'long')}", 16, "", 138)
    pdf.image(io.BytesIO(qr_png(verify_url)), x=240, y=150, w=36, h=36)
    pdf.set_font("Sarabun", "", 11)
    pdf.set_xy(20, 172)
    pdf.cell(210, 6, f"เลขที่ {certificate.number}", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(20)
    pdf.cell(210, 6, "ตรวจสอบความถูกต้องได้โดยสแกนคิวอาร์โค้ด หรือที่", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(20)
    pdf.set_font("Sarabun", "", 9)
    pdf.cell(210, 6, qr_url(verify_url), align="L")
    return bytes(pdf.output())
