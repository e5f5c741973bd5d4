"""Public API and pages of the training app; back-office pages render."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from smartprovince.training.models import PublicActivity

from . import factories as f

pytestmark = pytest.mark.django_db


def test_public_api_has_no_names(client):
    s = f.session(f.course("หลักสูตร API"), dt.date(2022, 1, 10))
    f.completed(s, f.person("SKN-AGRI", "ชื่อลับ"))
    for url in ("/api/v1/courses/", "/api/v1/sessions/"):
        r = client.get(url)
        assert r.status_code == 200 and "ชื่อลับ" not in r.content.decode()
    row = client.get("/api/v1/sessions/").json()["results"][0]
    assert (row["enrolled"], row["completed"]) == (1, 1)


def test_public_activities_page_and_api(client, django_assert_max_num_queries):
    for n in range(15):
        PublicActivity.objects.create(agency=f.agency("SKN-DE"), title_th=f"กิจกรรม {n}", held_on=dt.date(2022, 1, n + 1),
                                      district_id="4701", target_group="elderly", participants=10, topics_th="หัวข้อ",
                                      is_published=n != 0)
    with django_assert_max_num_queries(10):
        r = client.get(reverse("training_public:activities") + "?year=2565")
    assert r.status_code == 200 and "14 กิจกรรม ผู้เข้าร่วมรวม 140 คน" in r.content.decode()
    assert client.get("/api/v1/activities/?year=2565").json()["count"] == 14


@pytest.mark.parametrize("name", ["training:home", "training:course-list", "training:activity-list", "training:frameworks"])
def test_back_office_pages_render(login, executive, name):
    assert login(executive).get(reverse(name)).status_code == 200


def test_anonymous_redirected_from_back_office(client):
    assert client.get(reverse("training:home")).status_code == 302


def test_policy_page_admin_only(login, admin_user, agri_editor):
    assert login(agri_editor).get(reverse("training:policy")).status_code == 403
    assert login(admin_user).get(reverse("training:policy")).status_code == 200


def test_public_list_totals_are_counted_once_per_data_version(client, login, admin_user, agri_editor):
    from decimal import Decimal

    from smartprovince.testing.api import cached_total
    from smartprovince.training.models import Course, Session
    from smartprovince.training.services import activities, courses

    de = f.agency("SKN-DE")
    c = f.course("หลักสูตรนับจำนวน")
    for day in (10, 11, 12):
        f.session(c, dt.date(2022, 1, day))
    f.session(c, dt.date(2023, 1, 10))  # FY 2566
    for n in range(4):
        PublicActivity.objects.create(agency=de, title_th=f"กิจกรรม {n}", held_on=dt.date(2022, 2, n + 1),
                                      district_id="4701", target_group="elderly", participants=5,
                                      topics_th="หัวข้อ", is_published=n != 0)
    lists = {  # (url, params, rows carry their own counts): the exact number of rows each shows
        ("/api/v1/courses/", ()): Course.objects.count(),
        ("/api/v1/courses/", (("q", "นับจำนวน"),)): 1,
        ("/api/v1/sessions/", ()): Session.objects.count(),
        ("/api/v1/sessions/", (("year", "2565"),)): 3,
        ("/api/v1/sessions/", (("course", str(c.pk)),)): 4,
        ("/api/v1/activities/", (("year", "2565"),)): 3,  # the unpublished one is nobody's in the public API
    }
    # public lists: anonymous, an agency's editor and the province admin are one scope
    for who in (None, agri_editor, admin_user):
        caller = login(who) if who else client
        for (url, params), expected in lists.items():
            assert cached_total(caller, url, dict(params), per_row_counts=True) == expected, (who, url, params)
    # writes through the services are seen at once
    courses.course_create(actor=admin_user, agency=de, title_th="หลักสูตรนับจำนวนสอง", hours=Decimal(6),
                          provider_th="สำนักงานจังหวัด")
    courses.session_create(actor=admin_user, course=c, agency=de, starts_on=dt.date(2022, 3, 1),
                           ends_on=dt.date(2022, 3, 2), place_th="ศาลากลางจังหวัด", capacity=20)
    held = activities.activity_create(actor=admin_user, agency=de, title_th="กิจกรรมใหม่", held_on=dt.date(2022, 3, 1),
                                      district_id="4701", target_group="elderly", topics_th="หัวข้อ",
                                      participants=5, is_published=True)
    assert cached_total(client, "/api/v1/courses/", {"q": "นับจำนวน"}, per_row_counts=True) == 2
    assert cached_total(client, "/api/v1/sessions/", {"year": "2565"}, per_row_counts=True) == 4
    assert cached_total(client, "/api/v1/sessions/", {"course": c.pk}, per_row_counts=True) == 5
    assert cached_total(client, "/api/v1/activities/", {"year": "2565"}, per_row_counts=True) == 4
    activities.activity_update(actor=admin_user, activity=held, is_published=False)
    assert cached_total(client, "/api/v1/activities/", {"year": "2565"}, per_row_counts=True) == 3
