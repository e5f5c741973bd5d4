"""A4 QR poster for a survey (Thai, ``core.pdf``), to print and put up at a service counter. The QR
encodes the percent-encoded public URL of the survey."""

from __future__ import annotations

from smartprovince.core.pdf import ThaiPdf, qr_url

from .models import Survey

PURPLE = (75, 46, 131)


def poster_pdf(*, survey: Survey, url: str) -> bytes:
    url = qr_url(url)
    pdf = ThaiPdf(title=survey.title_th, author=survey.agency.name_th, page_break=None, margins=(20, 20, 20))
    pdf.add_page()
    width = pdf.w - 40
    pdf.set_fill_color(*PURPLE)
    pdf.rect(0, 0, pdf.w, 12, style="F")
    pdf.centered("ช่วยประเมินความพึงพอใจ", 30, bold=True, x=20, y=22, width=width, line_height=14)
    pdf.centered(survey.title_th, 20, x=20, width=width, line_height=10)
    subtitle = survey.agency.name_th + (f" · {survey.service.name_th}" if survey.service_id and survey.service else "")
    pdf.centered(subtitle, 18, x=20, width=width, line_height=9)

    size = 110
    top = max(pdf.get_y() + 8, 80)
    pdf.qr_code(url, x=(pdf.w - size) / 2, y=top, size=size, scale=20)

    pdf.centered("สแกน QR Code ด้วยกล้องมือถือ ใช้เวลาประมาณ 2 นาที", 20, bold=True, x=20, y=top + size + 6,
                 width=width, line_height=10)
    pdf.centered("ไม่ต้องเข้าสู่ระบบ ไม่เก็บชื่อหรือข้อมูลส่วนบุคคล ความคิดเห็นของท่านช่วยให้เราปรับปรุงการบริการ", 15,
                 x=20, width=width, line_height=8)
    pdf.centered(url, 12, x=20, width=width, line_height=7)
    pdf.set_fill_color(*PURPLE)
    pdf.rect(0, pdf.h - 12, pdf.w, 12, style="F")
    return pdf.output_bytes()
