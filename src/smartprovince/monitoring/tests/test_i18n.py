"""Monitoring in the user's language: English when chosen, the same Thai as before otherwise; and the
dashboard's cache, shared by every user, never hands one user's language to another."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from smartprovince.agencies.models import Agency
from smartprovince.core.models import Job
from smartprovince.core.thai_calendar import fiscal_year_period
from smartprovince.monitoring import services
from smartprovince.monitoring.models import Measurement

pytestmark = pytest.mark.django_db

DRILL = reverse("monitoring:drill-projects")


def _get(client: Any, language: str, url: str, params: dict[str, Any]) -> Any:
    client.cookies["django_language"] = language
    try:
        return client.get(url, params)
    finally:
        translation.activate("th")  # the middleware leaves the last request's language active in this thread


# ------------------------------------------------------------------------------ service errors
def test_submit_of_a_submitted_value_in_english_and_thai(gpp: Any, stat_editor: Any) -> None:
    m = services.measurement_report_save(actor=stat_editor, indicator=gpp, period=fiscal_year_period(2565), value="3",
                                         evidence_url="https://www.nesdc.go.th/gpp")
    services.measurement_submit(actor=stat_editor, measurement=m)
    for language, expected in (
        ("en", "Cannot submit: this value is “Submitted, awaiting approval”"),
        ("th", "ส่งไม่ได้ เพราะค่านี้อยู่ในสถานะ “ส่งแล้ว รออนุมัติ”"),
    ):
        with translation.override(language), pytest.raises(ValidationError) as exc:
            services.measurement_submit(actor=stat_editor, measurement=m)
        assert exc.value.messages == [expected]
    m.refresh_from_db()
    assert m.status == "submitted"


@pytest.mark.parametrize(("language", "expected"), [
    ("en", {"period": ["The fiscal year must be within the plan (2563–2565)"],
            "evidence": ["Only PDF, PNG, JPEG, XLSX or DOCX files are accepted"]}),
    ("th", {"period": ["ปีงบประมาณต้องอยู่ในช่วงของแผน (2563–2565)"],
            "evidence": ["รับเฉพาะไฟล์ PDF, PNG, JPEG, XLSX หรือ DOCX"]}),
])
def test_reported_value_field_errors(gpp: Any, stat_editor: Any, language: str, expected: dict[str, list[str]]) -> None:
    import io

    with translation.override(language), pytest.raises(ValidationError) as exc:
        services.measurement_report_save(
            actor=stat_editor, indicator=gpp, period=fiscal_year_period(2568), value="3",
            evidence=io.BytesIO(b"MZ\x90\x00 not a document"), evidence_name="x.exe",
        )
    assert exc.value.message_dict == expected
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(("language", "expected"), [
    ("en", {"inspected_on": ["The inspection date must not be in the future"], "findings_th": ["Please fill in this field"]}),
    ("th", {"inspected_on": ["วันที่ตรวจต้องไม่เป็นวันในอนาคต"], "findings_th": ["กรุณากรอกข้อมูลช่องนี้"]}),
])
def test_finding_errors(inspector: Any, language: str, expected: dict[str, list[str]]) -> None:
    from smartprovince.monitoring.models import InspectionFinding

    with translation.override(language), pytest.raises(ValidationError) as exc:
        services.finding_create(
            actor=inspector, agency=Agency.objects.get(code="SKN-AGRI"), fiscal_year_be=2565, round_number=1,
            inspected_on=timezone.localdate() + dt.timedelta(days=3), findings_th=" ",
        )
    assert exc.value.message_dict == expected
    assert not InspectionFinding.objects.exists()


# ------------------------------------------------------------------------------ flash messages
@pytest.mark.parametrize(("language", "expected"), [("en", "Draft saved"), ("th", "บันทึกร่างแล้ว")])
def test_reported_value_saved_flash(client: Any, gpp: Any, stat_editor: Any, language: str, expected: str) -> None:
    client.force_login(stat_editor)
    client.cookies["django_language"] = language
    try:
        response = client.post(reverse("monitoring:report-value", args=[gpp.pk]), {
            "period": "2565", "value": "3.5", "evidence_url": "https://www.nesdc.go.th/gpp",
        })
    finally:
        translation.activate("th")
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [expected]
    assert Measurement.objects.get(indicator=gpp).status == "draft"


# ------------------------------------------------------------------------------ the shared cache
@pytest.mark.parametrize("first", ["th", "en"])
def test_drill_down_title_follows_each_request_through_the_same_cache_entry(
    fy2565_projects: dict[str, Any], login: Any, executive: Any, first: str, monkeypatch: Any
) -> None:
    from smartprovince.core import dataversion

    cache.clear()
    stored: list[str] = []
    real_set = dataversion.cache.set
    monkeypatch.setattr(dataversion.cache, "set", lambda key, *args, **kw: (stored.append(key), real_set(key, *args, **kw)))
    client = login(executive)
    strategy = fy2565_projects["p1"].strategy_id
    params = {"fy": "2565", "status": "in_progress", "strategy": strategy, "late": "1"}
    expected = {
        "th": "สถานะ “กำลังดำเนินการ” · ยุทธศาสตร์ที่ 1 · ที่ล่าช้าหรือมีความเสี่ยง",
        "en": "Status “In progress” · Strategy 1 · Delayed or at risk",
    }
    second = "en" if first == "th" else "th"
    r1 = _get(client, first, DRILL, params)
    assert any(key.startswith("monitoring:drill:") for key in stored)
    stored.clear()
    r2 = _get(client, second, DRILL, params)
    assert stored == []  # the second request read the first one's entry
    assert r1.context["filter_title"] == expected[first]
    assert r2.context["filter_title"] == expected[second]
    assert f"{expected[second]}</h1>" in r2.content.decode()


def test_drill_down_without_filter_and_district_titles(fy2565_projects: dict[str, Any], login: Any, executive: Any) -> None:
    client = login(executive)
    assert _get(client, "en", DRILL, {"fy": "2565"}).context["filter_title"] == "All"
    assert _get(client, "th", DRILL, {"fy": "2565"}).context["filter_title"] == "ทั้งหมด"
    assert _get(client, "th", DRILL, {"fy": "2565", "district": "4702"}).context["filter_title"] == "อำเภอรหัส 4702"
    assert _get(client, "en", DRILL, {"fy": "2565", "district": "4702"}).context["filter_title"] == "District code 4702"
    assert _get(client, "en", DRILL, {"fy": "2565", "district": "none"}).context["filter_title"] == "No district given"


@pytest.mark.parametrize("first", ["th", "en"])
def test_dashboard_status_chart_follows_each_request(
    fy2565_projects: dict[str, Any], login: Any, executive: Any, first: str
) -> None:
    cache.clear()
    client = login(executive)
    labels = {"th": ["ร่าง", "กำลังดำเนินการ"], "en": ["Draft", "In progress"]}
    second = "en" if first == "th" else "th"
    for language in (first, second):
        ctx = _get(client, language, reverse("monitoring:dashboard"), {"fy": "2565"}).context
        assert ctx["fig_status"]["data"][0]["x"] == labels[language]
        # what is cached is Thai whatever the language of the request that filled it
        assert [label for _, label, n in ctx["ov"].by_status if n] == labels["th"]


# ------------------------------------------------------------------------------ job progress
@pytest.mark.parametrize(("language", "expected"), [("en", "Computing the indicators"), ("th", "กำลังคำนวณตัวชี้วัด")])
def test_job_progress_text_is_shown_in_the_page_language(admin_user: Any, language: str, expected: str) -> None:
    from smartprovince.monitoring.jobs import measure

    job = Job.objects.create(kind="monitoring.measure", title="คำนวณตัวชี้วัดจากข้อมูลในระบบ", params={"period": "2565"})
    reports: list[str] = []

    class Reporter:
        def __call__(self, percent: float, message: str = "") -> None:
            reports.append(message)
            Job.objects.filter(pk=job.pk).update(message=message)

    job.actor = admin_user
    measure(job, Reporter())  # type: ignore[arg-type]
    assert reports == ["กำลังคำนวณตัวชี้วัด"]  # stored in Thai: a worker has no user language
    job.refresh_from_db()
    with translation.override(language):
        html = render_to_string("core/job_status.html", {"job": job})
    assert f'<p class="hint">{expected}</p>' in html
