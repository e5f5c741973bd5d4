"""Survey results and the satisfaction / digital-services metrics, against hand-computed values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.utils import timezone

from smartprovince.core.thai_calendar import fiscal_year_period
from smartprovince.eservices import services
from smartprovince.eservices.models import SurveyResponse
from smartprovince.eservices.results import survey_results
from smartprovince.monitoring.registry import metric_compute

pytestmark = pytest.mark.django_db
TZ = timezone.get_current_timezone()


def _respond(survey, scores_by_section: dict[str, list[int]], when: dt.datetime, **extra):
    questions = {}
    for q in survey.questions.order_by("order"):
        questions.setdefault(q.section, q)  # first question of each section
    answers = {questions[section].pk: score for section, score in scores_by_section.items()}
    result = services.survey_response_submit(survey=survey, answers=answers, nonce=None, **extra)
    SurveyResponse.objects.filter(pk=result.response_id).update(submitted_at=when)


@pytest.fixture
def answered(agri_survey):
    jan = dt.datetime(2022, 1, 10, 9, 0, tzinfo=TZ)
    feb = dt.datetime(2022, 2, 10, 9, 0, tzinfo=TZ)
    # process: 5, 4, 3 ; staff: 5, 5 ; overall: 4, 2
    _respond(agri_survey, {"process": 5, "staff": 5, "overall": 4}, jan, comment="ดีมาก")
    _respond(agri_survey, {"process": 4, "staff": 5}, jan)
    _respond(agri_survey, {"process": 3, "overall": 2}, feb, channel_type="line_oa")
    return agri_survey


def test_results_per_section_question_and_month(answered):
    r = survey_results(answered.pk)
    assert r.n_responses == 3
    # all 7 scores: 5,5,4,4,5,3,2 → x̄ = 28/7 = 4.00; Σ(x−4)² = 1+1+0+0+1+1+4 = 8; s = √(8/6) = 1.1547
    assert (r.overall.n, r.overall.mean, r.overall.sd, r.overall.pct_satisfied, r.overall.band) == (7, D("4.00"), D("1.15"), D("71.4"), "มาก")
    sections = {code: s for code, _, s in r.sections}
    assert list(sections) == ["process", "staff", "facilities", "channels", "overall"]
    # process 5,4,3: x̄ 4.00, s = 1.00, 2/3 satisfied
    assert (sections["process"].mean, sections["process"].sd, sections["process"].pct_satisfied) == (D("4.00"), D("1.00"), D("66.7"))
    assert (sections["staff"].mean, sections["staff"].sd, sections["staff"].band) == (D("5.00"), D("0.00"), "มากที่สุด")
    # overall 4,2: x̄ 3.00, s = √2 = 1.41
    assert (sections["overall"].mean, sections["overall"].sd, sections["overall"].band) == (D("3.00"), D("1.41"), "ปานกลาง")
    assert sections["facilities"].n == 0
    months = [(label, s.n, s.mean) for _, label, s in r.months]
    # January: 5,5,4,4,5 → 23/5 = 4.60 ; February: 3,2 → 2.50
    assert months == [("ม.ค. 2565", 5, D("4.60")), ("ก.พ. 2565", 2, D("2.50"))]
    assert r.channels == [("ไม่ระบุ", 2), ("LINE Official Account", 1)]
    assert [c.comment for c in r.comments] == ["ดีมาก"]


def test_results_in_a_period(answered):
    r = survey_results(answered.pk, start=dt.date(2022, 2, 1), end=dt.date(2022, 2, 28))
    assert (r.n_responses, r.overall.n, r.overall.mean) == (1, 2, D("2.50"))


def test_satisfaction_metric(answered, tour_survey):
    _respond(tour_survey, {"process": 1}, dt.datetime(2022, 3, 1, 10, 0, tzinfo=TZ))
    _respond(tour_survey, {"process": 5}, dt.datetime(2023, 3, 1, 10, 0, tzinfo=TZ))  # FY 2566: not counted
    result = metric_compute("eservices.satisfaction", fiscal_year_period(2565))
    # 5,5,4,4,5,3,2,1 → 29/8 = 3.625 → 3.63; 5 of 8 satisfied
    assert result.value == D("3.63")
    assert result.numerator == D(4)
    rows = {r["agency"]: r for r in result.rows}
    assert rows["สำนักงานเกษตรจังหวัดสกลนคร"]["mean"] == D("4.00")
    assert rows["สำนักงานเกษตรจังหวัดสกลนคร"]["responses"] == 3
    assert "ร้อยละ 62.5" in result.note_th and "ระดับมาก" in result.note_th
    empty = metric_compute("eservices.satisfaction", fiscal_year_period(2560))
    assert empty.value is None and empty.note_th == "ยังไม่มีผู้ตอบแบบสำรวจในงวดนี้"


def test_digital_services_metric(admin_user):
    from smartprovince.agencies.models import Agency

    agri = Agency.objects.get(code="SKN-AGRI")
    for level, launched in ((1, None), (2, None), (3, dt.date(2021, 1, 1)), (4, None), (4, dt.date(2023, 5, 1))):
        services.eservice_create(actor=admin_user, agency=agri, name_th=f"บริการระดับ {level}", category="agriculture", digital_level=level, launched_on=launched)
    inactive = services.eservice_create(actor=admin_user, agency=agri, name_th="ปิดแล้ว", category="agriculture", digital_level=4)
    services.eservice_update(actor=admin_user, service=inactive, is_active=False)
    fy65 = metric_compute("eservices.digital_services", fiscal_year_period(2565))
    assert (fy65.value, fy65.denominator) == (D(2), D(4))
    assert metric_compute("eservices.digital_services", fiscal_year_period(2566)).value == D(3)
    assert metric_compute("eservices.digital_services", fiscal_year_period(2563)).value == D(1)
