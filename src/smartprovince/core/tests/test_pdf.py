"""The Thai PDF helper: open the generated PDF with pypdf and read its text layer back."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata

import pytest
from fpdf.fonts import TTFFont
from pypdf import PdfReader

from smartprovince.core.pdf import ZWSP, ThaiPdf, breakable, qr_png, qr_url, text_layer

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def extract(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def lines(text: str) -> list[str]:
    """Extracted lines, NFKC-normalised, without the zero-width spaces between words."""
    return [nfkc(line).replace(ZWSP, "").strip() for line in text.splitlines()]


def flat(text: str) -> str:
    """NFKC, without any whitespace (table cells wrap anywhere)."""
    return re.sub(r"[\s\u200b]+", "", nfkc(text))


@pytest.fixture
def document() -> bytes:
    pdf = ThaiPdf(title="รายงานจำนวนข้อมูลนำเข้า", footer_text="รายงานทดสอบ")
    pdf.add_page()
    pdf.title_block(["รายงานจำนวนข้อมูลนำเข้า"], subtitle="สำนักงานจังหวัดสกลนคร", issued_on=dt.date(2022, 3, 31))
    pdf.heading("1. สรุปผลการดำเนินงาน")
    pdf.paragraph("จำนวนชุดข้อมูลที่นำเข้าแล้ว")
    pdf.bullets(["ดำเนินการแล้วเสร็จ", "กำลังดำเนินการ"])
    pdf.data_table(
        ["รหัส", "ชุดข้อมูล", "จำนวนระเบียน"],
        [["DS-001", "ข้อมูลผลผลิตข้าวหอมมะลิ", "1,250"], ["DS-002", "ข้อมูลการนำเข้าสินค้าเกษตร", "98,765.50"]],
        [30, 100, 44], align=["L", "L", "R"], fills=[(220, 250, 230), None], fill_column=2,
    )
    return pdf.output_bytes()


def test_text_layer_has_exact_thai_words_with_sara_am_and_no_control_characters(document):
    reader, raw = extract(document)
    assert not CONTROL.search(raw), repr(raw)
    text = lines(raw)
    assert nfkc("รายงานจำนวนข้อมูลนำเข้า") in text
    assert nfkc("จำนวนชุดข้อมูลที่นำเข้าแล้ว") in text
    assert nfkc("1. สรุปผลการดำเนินงาน") in text
    assert nfkc("วันที่ 31 มีนาคม พ.ศ. 2565") in text
    assert nfkc("• ดำเนินการแล้วเสร็จ") in text
    assert "DS-002" in raw and "98,765.50" in raw and "1,250" in raw
    body = flat(raw)
    for word in ("จำนวน", "นำเข้า", "ข้อมูลการนำเข้าสินค้าเกษตร", "จำนวนระเบียน", "สำนักงานจังหวัดสกลนคร"):
        assert nfkc(word) in body, word
    assert flat("รายงานทดสอบ หน้า 1/1") in body
    assert len(reader.pages) == 1
    assert reader.metadata.title == "รายงานจำนวนข้อมูลนำเข้า"


def test_sara_am_is_written_decomposed_and_nfkc_equal():
    assert text_layer("จำนวน") == "จ\u0e4d\u0e32นวน"
    assert nfkc(text_layer("นำเข้า")) == nfkc("นำเข้า")


def test_breakable_joins_thai_words_with_zero_width_spaces():
    assert breakable("จำนวนข้อมูลนำเข้า") == ZWSP.join(["จำนวน", "ข้อมูล", "นำเข้า"])
    assert breakable("ปี 2565 ข้อมูลนำเข้า") == f"ปี 2565 ข้อมูล{ZWSP}นำเข้า"
    assert breakable("https://example.go.th/a b") == "https://example.go.th/a b"
    assert breakable("") == ""


def test_long_thai_text_wraps_between_words():
    pdf = ThaiPdf(title="ทดสอบ")
    pdf.add_page()
    pdf.font(12)
    pdf.multi_cell(40, 6, breakable("การจัดซื้อจัดจ้างล่าช้ากว่าแผนเนื่องจากต้องประกาศประกวดราคาใหม่" * 2))
    _, raw = extract(pdf.output_bytes())
    body = [line for line in lines(raw) if line]
    assert len(body) > 2
    words = {"การ", "จัดซื้อจัดจ้าง", "ล่าช้า", "กว่า", "แผน", "เนื่องจาก", "ต้อง", "ประกาศ", "ประกวดราคา", "ใหม่"}
    # every line ends at a word boundary: each line is a concatenation of whole words
    for line in body:
        assert re.fullmatch("(" + "|".join(sorted(words, key=len, reverse=True)) + ")+", line), line


def test_cached_shaped_widths_equal_harfbuzz_widths():
    pdf = ThaiPdf(title="ทดสอบ")
    font = pdf.fonts["sarabun"]
    params = {"use_shaping_engine": True, "features": {}, "direction": None, "script": "thai", "language": "tha",
              "fragment_direction": None, "paragraph_direction": None}
    samples = [breakable("ความก้าวหน้าโครงการพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ (e-Saraban) ร้อยละ 98.50"),
               text_layer(breakable("จำนวนข้อมูลนำเข้า ที่ดำเนินการแล้ว")), "Workspace AV To 1,234.56"]
    for text in samples:
        for end in range(1, len(text) + 1):
            assert font.get_text_width(text[:end], 12, params) == pytest.approx(
                TTFFont.get_text_width(font, text[:end], 12, params)
            ), text[:end]


def test_qr_url_and_png():
    assert qr_url("https://x.go.th/ตรวจ/abc/?q=ก") == "https://x.go.th/%E0%B8%95%E0%B8%A3%E0%B8%A7%E0%B8%88/abc/?q=%E0%B8%81"
    assert qr_url("http://testserver/survey/5/") == "http://testserver/survey/5/"
    assert qr_png("https://x.go.th/").startswith(b"\x89PNG")


def test_qr_code_is_an_image_and_ascii_text_is_extractable():
    pdf = ThaiPdf(title="QR", page_break=None)
    pdf.add_page()
    pdf.qr_code("https://x.go.th/ตรวจ/", x=20, y=20, size=30)
    pdf.centered("https://x.go.th/ตรวจ/", 12, y=60)
    pdf.centered(qr_url("https://x.go.th/ตรวจ/"), 12)
    reader, raw = extract(pdf.output_bytes())
    assert len(reader.pages[0].images) == 1
    assert "https://x.go.th/%E0%B8%95%E0%B8%A3%E0%B8%A7%E0%B8%88/" in raw
    assert "https://x.go.th/ตรวจ/" in lines(raw)


def test_left_to_right_text_skips_the_bidi_pass_with_the_same_fragments():
    from fpdf import FPDF

    pdf = ThaiPdf(title="t")
    pdf.add_page()
    samples = ["", "abc 123", breakable("รายงานความก้าวหน้าโครงการ “ทดสอบ” – ร้อยละ 45.5"), "บรรทัดแรก\nบรรทัดที่สอง", "• x × y"]
    for text in samples:
        fast = pdf._preload_bidirectional_text(text, False)
        slow = FPDF._preload_bidirectional_text(pdf, text, False)
        assert [(f.string, f.font_style, f.font_size_pt, f.graphics_state) for f in fast] == [
            (f.string, f.font_style, f.font_size_pt, f.graphics_state) for f in slow
        ]
    mixed = pdf._preload_bidirectional_text("abc שלום", False)  # right-to-left text still goes through bidi
    assert [f.string for f in mixed] == [f.string for f in FPDF._preload_bidirectional_text(pdf, "abc שלום", False)]


def test_measuring_table_rows_without_drawing_gives_the_same_document():
    from fpdf import FPDF

    class Drawing(ThaiPdf):
        _render_styled_text_line = FPDF._render_styled_text_line  # draws in the measuring pass too

    def build(cls: type[ThaiPdf]) -> tuple[int, str, float]:
        pdf = cls(title="ตาราง", footer_text="ทดสอบ")
        pdf.add_page()
        rows = [[f"P-{i}", "ผู้รับจ้างส่งมอบอุปกรณ์ล่าช้าและต้องเร่งรัดการติดตั้งระบบเครือข่าย " * (i % 4 + 1), f"{i * 1000:,}"]
                for i in range(60)]
        pdf.data_table(["รหัส", "ปัญหาอุปสรรค", "งบประมาณ"], rows, [20, 120, 34], align=["L", "L", "R"])
        data = pdf.output_bytes()
        reader, text = extract(data)
        return len(reader.pages), text, pdf.get_y()

    assert build(ThaiPdf) == build(Drawing)
