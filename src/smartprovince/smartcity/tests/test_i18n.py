"""Smart-city pages in English: the DEPA domains and the sectors are reference data with both
names, so English pages show ``name_en``; Thai pages are unchanged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from smartprovince.agencies.models import Agency
from smartprovince.smartcity.models import Domain, Sector
from smartprovince.smartcity.services import initiative_create

pytestmark = pytest.mark.django_db



@pytest.fixture
def initiative(agri_editor: Any) -> Any:
    return initiative_create(
        actor=agri_editor, agency=Agency.objects.get(code="SKN-AGRI"), title_th="ระบบเกษตรแม่นยำ", kind="technology",
        status="operating", summary_th="สรุป", started_on=dt.date(2022, 1, 1), operating_since=dt.date(2022, 3, 1),
        domains=Domain.objects.filter(code="economy"), sectors=Sector.objects.filter(code="agriculture"),
    )


def test_initiative_form_sector_and_domain_choices(login: Any, agri_editor: Any, page_html: Callable[..., str]) -> None:
    login(agri_editor)
    html = page_html("/app/smartcity/new/", "en")
    for english in ("Smart Economy", "Smart Governance", "Agriculture", "Tourism", "Investment"):
        assert f" {english}</label>" in html, english
    for thai in ("การเกษตร", "การท่องเที่ยว", "เศรษฐกิจอัจฉริยะ", "อื่น ๆ"):
        assert thai not in html, thai
    html = page_html("/app/smartcity/new/", "th")
    for thai in ("การเกษตร", "การท่องเที่ยว", "เศรษฐกิจอัจฉริยะ"):
        assert thai in html, thai
    assert "Smart Economy" not in html and "Agriculture" not in html


def test_initiative_list_and_detail(login: Any, agri_editor: Any, initiative: Any, page_html: Callable[..., str]) -> None:
    login(agri_editor)
    html = page_html("/app/smartcity/", "en")
    assert '<option value="agriculture">Agriculture</option>' in html
    assert '<option value="economy">Smart Economy</option>' in html
    assert "การเกษตร" not in html and "เศรษฐกิจอัจฉริยะ" not in html
    html = page_html(f"/app/smartcity/{initiative.pk}/", "en")
    assert '<span class="pill">Agriculture</span>' in html and '<span class="pill">Smart Economy</span>' in html
    assert "การเกษตร" not in html
    html = page_html("/app/smartcity/", "th")
    assert '<option value="agriculture">การเกษตร</option>' in html
    html = page_html(f"/app/smartcity/{initiative.pk}/", "th")
    assert '<span class="pill">การเกษตร</span>' in html
