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
