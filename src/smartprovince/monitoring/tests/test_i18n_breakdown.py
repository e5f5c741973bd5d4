"""The breakdown (drill-down) table of a computed indicator: its column headings are stored in
Thai with the measurement (and returned so by the API), and shown in the page's language."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils import translation

from smartprovince.core.thai_calendar import parse_period_key
from smartprovince.monitoring import services
from smartprovince.monitoring.models import Measurement

from .factories import indicator

pytestmark = pytest.mark.django_db


def _headings(html: str, testid: str) -> list[str]:
    section = html[html.index(f'data-testid="{testid}"'):]
    table = section[:section.index("</thead>")]
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r'<th scope="col">(.*?)</th>', table, re.S)]


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ["Aspect", "Initiatives in operation", "Project"]),
    ("th", ["ด้าน", "จำนวนโครงการที่ใช้งานจริง", "โครงการ"]),
])
def test_breakdown_headings(client: Any, login: Any, admin_user: Any, executive: Any, language: str,
                            expected: list[str]) -> None:
    services.measurement_snapshot(actor=admin_user, period=parse_period_key("2565"))
    m = Measurement.objects.get(indicator=indicator("G1.K1"), period_key="2565")
    assert m.columns == [["domain", "ด้าน"], ["initiatives", "จำนวนโครงการที่ใช้งานจริง"], ["titles", "โครงการ"]]
    login(executive)
    client.cookies["django_language"] = language
    try:
        html = client.get(f"/app/monitoring/indicators/{m.indicator_id}/", {"fy": "2565"}).content.decode()
        assert _headings(html, "drilldown") == expected
        html = client.get(f"/app/monitoring/measurements/{m.pk}/").content.decode()
        assert _headings(html, "rows-table") == expected
        api = client.get(f"/api/v1/measurements/{m.pk}/rows/").json()
    finally:
        translation.activate("th")
    assert api["columns"] == m.columns  # the API keeps the stored Thai headings in either language
