"""Certificate PDF: a landscape A4 page in Thai (``core.pdf``) with a QR code to the public
verification page."""

from __future__ import annotations

from smartprovince.core.pdf import ThaiPdf, qr_url
from smartprovince.core.thai_calendar import format_date

from .models import Certificate

__all__ = ["certificate_pdf", "qr_url"]


def certificate_pdf(*, certificate: Certificate, verify_url: str, organiser_th: str, hours: str) -> bytes:
    pdf = ThaiPdf(title=f"วุฒิบัตร {certificate.number}", author=organiser_th, landscape=True, page_break=None,
                  margins=(20, 20, 20))
    pdf.add_page()
    pdf.set_draw_color(84, 48, 130)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, 277, 190)
    pdf.set_line_width(0.4)
    pdf.rect(14, 14, 269, 182)

    pdf.centered(organiser_th, 18, bold=True, y=30)
    pdf.centered("วุฒิบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า", 18, y=55)
    pdf.centered(certificate.holder_name, 30, bold=True, y=72)
    pdf.centered("ได้ผ่านการอบรมหลักสูตร", 18, y=95)
    pdf.centered(certificate.course_title, 24, bold=True, y=108)
    pdf.centered(f"จำนวน {hours} ชั่วโมง", 16, y=126)
    pdf.centered(f"ให้ไว้ ณ วันที่ {format_date(certificate.completed_on, 'long')}", 16, y=138)
    pdf.qr_code(verify_url, x=240, y=150, size=36)
    pdf.font(11)
    pdf.set_xy(20, 172)
    pdf.cell(210, 6, f"เลขที่ {certificate.number}", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(20)
    pdf.cell(210, 6, "ตรวจสอบความถูกต้องได้โดยสแกนคิวอาร์โค้ด หรือที่", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(20)
    pdf.font(9)
    pdf.cell(210, 6, qr_url(verify_url), align="L")
    return pdf.output_bytes()
