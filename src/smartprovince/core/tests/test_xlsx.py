from __future__ import annotations

import io

import openpyxl

from smartprovince.core.xlsx import Sheet, build_workbook


def test_a_sheet_name_excel_refuses_is_made_valid() -> None:
    data = build_workbook([Sheet("รายงานค้าง/ล่าช้า [ไตรมาส 1:2565]? ส่วนที่ยาวเกินสามสิบเอ็ดตัวอักษร", ["ก"], [["ข"]])])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet.title == "รายงานค้าง-ล่าช้า -ไตรมาส 1-2565"[:31]
    assert len(sheet.title) <= 31
