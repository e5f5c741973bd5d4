"""``gen-scale``: deterministic, refuses real data, keeps the services' rules."""

from __future__ import annotations

import hashlib
import io
import random
from collections import defaultdict
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Max, Min, Sum

from smartprovince.agencies.models import Agency
from smartprovince.core.models import Area, SiteFlag
from smartprovince.core.scale import SCALE_FLAG, ScaleRefused, count, generate, real_data_reasons
from smartprovince.core.thai_calendar import month_start
from smartprovince.datahub.models import Resource
from smartprovince.datahub.profiles import area_profile
from smartprovince.eservices.models import SurveyAnswer, SurveyResponse
from smartprovince.projects.models import BudgetLine, ProgressReport, Project
from smartprovince.projects.scale import _durations
from smartprovince.training.models import Enrolment, Person

TINY = 0.01  # 30 projects, 1,000 reports, 2,000 survey responses, 100 staff, 400 attendance records


def _digest(rows: Any) -> str:
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()[:16]


def checksums() -> dict[str, Any]:
    return {
        "projects": _digest(Project.objects.order_by("code").values_list(
            "code", "agency__code", "name_th", "start_date", "end_date", "status", "officer_name")),
        "reports": _digest(ProgressReport.objects.order_by("project__code", "month").values_list(
            "project__code", "month", "progress_percent", "disbursed_cumulative", "status", "first_submitted_at")),
        "budget": _digest(BudgetLine.objects.order_by("project__code", "fiscal_year_be", "source").values_list(
            "project__code", "fiscal_year_be", "source", "planned", "allocated")),
        "responses": _digest(SurveyResponse.objects.order_by("submitted_at", "id").values_list(
            "survey__title_th", "submitted_at", "district_id", "channel_type")),
        "answers": SurveyAnswer.objects.aggregate(n=Sum("score"), lo=Min("score"), hi=Max("score")),
        "staff": _digest(Person.objects.order_by("id").values_list("agency__code", "first_name_th", "last_name_th")),
        "attendance": _digest(Enrolment.objects.order_by("session_id", "person_id").values_list(
            "session_id", "person_id", "status", "hours_attended")),
    }


def _generate_and_roll_back(seed: int) -> tuple[dict[str, int], dict[str, Any]]:
    with transaction.atomic():
        counts = generate(scale=TINY, seed=seed)
        sums = checksums()
        transaction.set_rollback(True)
    return counts, sums


@pytest.mark.django_db
def test_same_seed_same_data_other_seed_other_data() -> None:
    counts_a, sums_a = _generate_and_roll_back(7)
    assert not Project.objects.exists()
    counts_b, sums_b = _generate_and_roll_back(7)
    _, sums_c = _generate_and_roll_back(8)
    assert counts_a == counts_b
    assert sums_a == sums_b
    assert sums_a["projects"] != sums_c["projects"]
    assert sums_a["reports"] != sums_c["reports"]
    assert counts_a["projects"] == 30
    assert counts_a["progress_reports"] == 1000
    assert counts_a["survey_responses"] == 2000
    assert counts_a["staff"] == 100
    assert counts_a["attendance_records"] == 400
    assert counts_a["eservices"] == 3
    assert counts_a["inspection_findings"] == 6 and counts_a["corrective_actions"] == 3
    assert counts_a["indicator_snapshots"] > 0


@pytest.mark.django_db
def test_scale_one_counts_for_agencies() -> None:
    """Scale 1 = 150 agencies: the 60 real ones stay, 90 synthetic ones are added with SCALE- codes."""
    from smartprovince.agencies import scale as agency_scale

    real = Agency.objects.count()
    out = agency_scale.generate(scale=1, rng=random.Random(1), stdout=None)
    assert out == {"agencies": 150, "agencies_generated": 150 - real}
    synthetic = Agency.objects.filter(code__startswith="SCALE-")
    assert synthetic.count() == 150 - real
    assert all("ข้อมูลจำลอง" in name for name in synthetic.values_list("name_th", flat=True))


@pytest.mark.django_db
def test_generated_rows_keep_the_services_rules() -> None:
    generate(scale=TINY, seed=3)
    allocated: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    for project_id, fy, amount in BudgetLine.objects.values_list("project_id", "fiscal_year_be", "allocated"):
        allocated[(project_id, fy)] += amount
    previous: dict[int, Decimal] = {}
    for report in ProgressReport.objects.select_related("project").order_by("project_id", "month"):
        project = report.project
        assert month_start(project.start_date) <= report.month <= project.end_date
        assert project.fiscal_year_be <= report.fiscal_year_be <= project.fiscal_year_end_be
        assert report.disbursed_cumulative <= allocated[(project.pk, report.fiscal_year_be)]
        assert report.progress_percent >= previous.get(project.pk, Decimal(0))
        previous[project.pk] = report.progress_percent
        if report.schedule_status == "done":
            assert report.progress_percent == 100
        assert report.first_submitted_at is not None and report.events.exists()
    assert set(SurveyAnswer.objects.values_list("score", flat=True)) <= {1, 2, 3, 4, 5}
    assert not SurveyResponse.objects.filter(answers__isnull=True).exists()
    for model in (Project, ProgressReport, Person, Enrolment, SurveyResponse):
        for obj in model.objects.order_by("pk")[:20]:
            obj.full_clean(validate_unique=False)
    flag = SiteFlag.objects.get(key=SCALE_FLAG).value
    assert flag["seed"] == 3 and flag["counts"]["projects"] == 30
    # Rows in bulk: no audit events, no history rows.
    assert not Project.history.exists()
    # The big datastore resource is keyed to districts and fiscal years, as an officer maps it, so
    # every district's area profile shows its latest fiscal year.
    resource = Resource.objects.get(dataset__name="scale-0001")
    keys = dict(resource.columns.exclude(standard_key="").values_list("name", "standard_key"))
    assert keys == {"รหัสอำเภอ": "area_code", "ปีงบประมาณ": "fiscal_year_be"}
    blocks = area_profile(Area.objects.get(code="4701"), actor=None)
    assert [b["dataset"].name for b in blocks] == ["scale-0001"]
    assert blocks[0]["period"] == 2565 and blocks[0]["rows"]


@pytest.mark.django_db
def test_refuses_a_database_with_real_data(make_user: Any) -> None:
    make_user("somchai", role="agency_editor", agency="SKN-AGRI")
    assert real_data_reasons() == ["มีบัญชีผู้ใช้จริง 1 บัญชี (นอกเหนือจากผู้ใช้สาธิต)"]
    with pytest.raises(ScaleRefused):
        generate(scale=TINY, seed=1)
    with pytest.raises(CommandError, match="ไม่สร้างข้อมูลจำลอง"):
        call_command("gen_scale", "--scale", "0.01", stdout=io.StringIO())
    assert not Project.objects.exists() and not Person.objects.exists()
    assert not SiteFlag.objects.filter(key=SCALE_FLAG).exists()
    counts = generate(scale=TINY, seed=1, force=True)
    assert counts["projects"] == Project.objects.count() == 30


@pytest.mark.django_db
def test_refuses_data_entered_without_demo_and_a_second_run() -> None:
    Person.objects.create(agency=Agency.objects.get(code="SKN-AGRI"), first_name_th="สมชาย", last_name_th="ใจดี",
                          position_th="นักวิชาการคอมพิวเตอร์", personnel_type="civil_servant")
    assert real_data_reasons() == ["มีข้อมูล บุคลากร อยู่แล้ว"]
    Person.objects.all().delete()
    out = io.StringIO()
    call_command("gen_scale", "--scale", "0.01", "--seed", "5", stdout=out)
    assert "เสร็จใน" in out.getvalue() and "progress_reports" in out.getvalue()
    with pytest.raises(CommandError, match="มีข้อมูลจำลองจาก gen-scale อยู่แล้ว"):
        call_command("gen_scale", "--scale", "0.01", "--force", stdout=io.StringIO())
    assert Project.objects.count() == 30


@pytest.mark.django_db
def test_demo_data_is_not_real_data() -> None:
    from django.contrib.auth import get_user_model

    from smartprovince.core.sitestate import demo_mark

    get_user_model().objects.create_user("agri")
    Person.objects.create(agency=Agency.objects.get(code="SKN-AGRI"), first_name_th="มาลี", last_name_th="ศรีสุข",
                          position_th="นักพัฒนาชุมชน", personnel_type="civil_servant")
    demo_mark(True)
    assert real_data_reasons() == []


@pytest.mark.parametrize(("n", "total", "longest"), [(30, 1000, 36), (3000, 100_000, 36), (7, 7, 36), (5, 500, 36)])
def test_durations_add_up(n: int, total: int, longest: int) -> None:
    months = _durations(random.Random(1), n, total, longest)
    assert len(months) == n
    assert sum(months) == min(total, n * longest)
    assert all(1 <= m <= longest for m in months)


@pytest.mark.parametrize(("base", "scale", "expected"), [(3000, 1, 3000), (3000, 10, 30_000), (3000, 0.01, 30), (40, 0.01, 1)])
def test_count(base: int, scale: float, expected: int) -> None:
    assert count(base, scale) == expected
