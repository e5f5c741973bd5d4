"""The staff and activity KPIs against hand-computed values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from smartprovince.core.thai_calendar import fiscal_year_period, quarter_period
from smartprovince.monitoring.registry import metric_compute
from smartprovince.training.models import HeadcountSnapshot, PublicActivity

from . import factories as f

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def staff_world():
    """FY 2565 = 1 Oct 2021 – 30 Sep 2022.

    SKN-AGRI (no headcount snapshot → registry): 5 people
      a1 trained twice in FY2565 (counted once), assessed level 4 → trained, literate
      a2 assessed level 2 (below threshold 3), no course → neither
      a3 completed a qualifying course in FY2564 → literate (course counts), not trained in FY2565
      a4 left on 1 Mar 2022, trained in Nov 2021 → not counted anywhere at year end
      a5 started 1 Oct 2022 (FY2566) → not staff in FY2565
    SKN-TOUR: headcount snapshot 10 for FY2565; registered t1 trained, t2 literate by assessment
    """
    c = f.course("ทักษะดิจิทัลพื้นฐาน")
    q = f.course("การรู้ดิจิทัลสำหรับข้าราชการ", qualifies=True)
    s1, s2 = f.session(c, D(2021, 11, 10)), f.session(c, D(2022, 5, 3))
    old = f.session(q, D(2021, 3, 1))
    a1, a2, a3 = f.person("SKN-AGRI", "เอ1"), f.person("SKN-AGRI", "เอ2"), f.person("SKN-AGRI", "เอ3")
    a4 = f.person("SKN-AGRI", "เอ4", left=D(2022, 3, 1))
    f.person("SKN-AGRI", "เอ5", started=D(2022, 10, 1))
    f.completed(s1, a1)
    f.completed(s2, a1)
    f.completed(s1, a4)
    f.completed(old, a3)
    f.assessed(a1, D(2022, 2, 1), 4)
    f.assessed(a2, D(2022, 2, 1), 2)
    t1, t2 = f.person("SKN-TOUR", "ที1"), f.person("SKN-TOUR", "ที2")
    f.completed(s2, t1)
    f.assessed(t2, D(2022, 6, 1), 3)
    HeadcountSnapshot.objects.create(agency=f.agency("SKN-TOUR"), fiscal_year_be=2565, total=10)


def by_agency(result):
    return {r["agency_id"]: r for r in result.rows}


def test_trained_staff_year(staff_world):
    result = metric_compute("training.trained_staff", fiscal_year_period(2565))
    # AGRI: 1 of 3 (a1 once; a4 left; a5 not started). TOUR: 1 of 10 (snapshot).
    assert (result.numerator, result.denominator) == (Decimal(2), Decimal(13))
    assert result.value == Decimal("15.38")
    rows = by_agency(result)
    agri, tour = rows[f.agency("SKN-AGRI").pk], rows[f.agency("SKN-TOUR").pk]
    assert (agri["registered"], agri["headcount"], agri["numerator"], agri["denominator"]) == (3, None, 1, 3)
    assert (tour["registered"], tour["headcount"], tour["numerator"], tour["denominator"]) == (2, 10, 1, 10)


def test_trained_staff_first_quarter_counts_who_was_staff_then(staff_world):
    # Q1 ends 31 Dec 2021: a4 still on staff and trained in November; a1 trained in November.
    result = metric_compute("training.trained_staff", quarter_period(2565, 1))
    assert (result.numerator, result.denominator) == (Decimal(2), Decimal(14))
    assert result.value == Decimal("14.29")


def test_literate_staff_year(staff_world):
    result = metric_compute("training.digitally_literate_staff", fiscal_year_period(2565))
    # AGRI: a1 (level 4) + a3 (qualifying course) = 2 of 3; TOUR: t2 (level 3) = 1 of 10.
    assert (result.numerator, result.denominator) == (Decimal(3), Decimal(13))
    assert result.value == Decimal("23.08")


def test_literate_threshold_is_configuration(staff_world, admin_user):
    from smartprovince.training.services import policy_update

    policy_update(actor=admin_user, min_level=4, level_bounds=[40, 60, 75, 90], course_counts=False)
    result = metric_compute("training.digitally_literate_staff", fiscal_year_period(2565))
    # Only a1 (level 4) remains.
    assert (result.numerator, result.denominator) == (Decimal(1), Decimal(13))


def test_staff_metrics_without_data():
    result = metric_compute("training.trained_staff", fiscal_year_period(2563))
    assert result.value is None and result.denominator == 0


def test_public_activities_cumulative_in_fiscal_year(db):
    agency, district = f.agency("SKN-DE"), "4701"
    for held, n, published in [(D(2021, 9, 30), 50, True), (D(2021, 10, 1), 40, True), (D(2022, 1, 15), 25, False),
                               (D(2022, 9, 30), 60, True), (D(2022, 10, 1), 70, True)]:
        PublicActivity.objects.create(agency=agency, title_th=f"อบรม {held}", held_on=held, district_id=district,
                                      target_group="elderly", participants=n, topics_th="การใช้แอปเป๋าตัง",
                                      is_published=published)
    year = metric_compute("training.public_activities", fiscal_year_period(2565))
    assert year.value == Decimal(3)
    assert [r["participants"] for r in year.rows] == [40, 25, 60]
    assert year.note_th == "ผู้เข้าร่วมรวม 125 คน"
    q2 = metric_compute("training.public_activities", quarter_period(2565, 2))
    assert q2.value == Decimal(2)
