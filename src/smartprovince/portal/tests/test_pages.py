from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from smartprovince.plans.models import ReferenceItem, Strategy

pytestmark = pytest.mark.django_db


def test_home_shows_vision_and_goals_without_made_up_values(client: Client, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(15):
        response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "เป็นจังหวัดอัจฉริยะ ขับเคลื่อนและพัฒนาจังหวัดด้วยเทคโนโลยีดิจิทัลและนวัตกรรม" in html
    assert html.count('data-testid="kpi-value"') == 4
    assert html.count("ยังไม่มีข้อมูล") == 4
    assert "เป้าหมาย 100 ร้อยละ (ปีงบประมาณ 2565)" in html


def test_plan_page_has_every_part(client: Client, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(20):
        response = client.get("/plan/")
    html = response.content.decode()
    for text in (
        "บทสรุปผู้บริหาร", "จุดแข็ง (Strength)", "ภัยคุกคาม (Threats)",
        "บูรณาการระบบฐานข้อมูลและโครงสร้างพื้นฐานดิจิทัลของจังหวัด", "ระดับความพึงพอใจของผู้รับบริการ",
        "แนวทางการขับเคลื่อนแผน", "PDCA",
    ):
        assert text in html, text
    assert html.count('data-testid="strategy-') == 4


def test_strategy_page_lists_kpis_with_targets(client: Client) -> None:
    response = client.get("/plan/strategies/2/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "จำนวนงานบริการที่บริการประชาชนด้วยเทคโนโลยีดิจิทัล" in html
    assert "ระดับความพึงพอใจของผู้รับบริการ" in html
    assert client.get("/plan/strategies/9/").status_code == 404


def test_alignment_matrix_and_xlsx(client: Client) -> None:
    strategy = Strategy.objects.get(number=1)
    aligned = strategy.alignments.count()
    assert aligned > 0
    html = client.get("/plan/alignment/").content.decode()
    assert html.count("ReferenceItem") == 0
    assert ReferenceItem.objects.count() > 50
    response = client.get("/plan/alignment/?format=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb["ความสอดคล้อง"]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[1]
    assert header[:4] == ("แผนระดับชาติ", "ระดับแผน", "รหัส", "ประเด็น")
    column = header.index("ยุทธศาสตร์ที่ 1")
    assert sum(1 for r in rows[2:] if r[column] == "✓") == aligned


def test_agency_directory_search_and_pagination(client: Client, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(10):
        response = client.get("/agencies/?q=เกษตร")
    html = response.content.decode()
    assert "สำนักงานเกษตรจังหวัดสกลนคร" in html
    assert "สำนักงานสถิติจังหวัดสกลนคร" not in html
    assert client.get("/agencies/SKN-AGRI/").status_code == 200
    assert client.get("/agencies/NOPE/").status_code == 404


def test_english_is_available(client: Client) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/plan/").content.decode()
    assert "Sakon Nakhon Provincial Digital Action Plan" in html


def test_security_headers(client: Client) -> None:
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "<script>" not in response.content.decode()


def test_thai_first_whatever_the_browser_announces(client: Client) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "th"
    assert "วิสัยทัศน์" in response.content.decode()


def test_numbers_drop_needless_decimals(client: Client) -> None:
    html = client.get("/plan/strategies/2/").content.decode()
    assert ">60<sup>*</sup>" in html and ">4.21<sup>*</sup>" in html
