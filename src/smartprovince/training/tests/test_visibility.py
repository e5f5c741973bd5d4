"""Personal data: names only for the agency's own editors and the province admin."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def somchai():
    return f.person("SKN-AGRI", "สมชายลับ")


def test_own_editor_sees_names(login, agri_editor, somchai):
    r = login(agri_editor).get(reverse("training:staff-list"))
    assert r.status_code == 200 and "สมชายลับ" in r.content.decode()
    assert login(agri_editor).get(reverse("training:person-detail", args=[somchai.pk])).status_code == 200


def test_admin_sees_names(login, admin_user, somchai):
    r = login(admin_user).get(reverse("training:staff-list") + "?agency=SKN-AGRI")
    assert "สมชายลับ" in r.content.decode()


@pytest.mark.parametrize("who", ["tourism_editor", "executive", "inspector", "agri_viewer"])
def test_others_see_no_names(request, login, who, somchai):
    user = request.getfixturevalue(who)
    client = login(user)
    assert client.get(reverse("training:person-detail", args=[somchai.pk])).status_code in (403, 404)
    r = client.get(reverse("training:staff-list") + "?agency=SKN-AGRI")
    assert r.status_code in (403, 404)
    assert "สมชายลับ" not in r.content.decode()
    api = client.get("/api/v1/staff/")
    assert api.status_code == 403 or "สมชายลับ" not in api.content.decode()
    # counts only on the overview
    home = client.get(reverse("training:home"))
    assert home.status_code == 200 and "สมชายลับ" not in home.content.decode()


def test_other_agency_editor_gets_404_on_person(login, tourism_editor, somchai):
    assert login(tourism_editor).get(reverse("training:person-detail", args=[somchai.pk])).status_code == 404
    assert login(tourism_editor).get(f"/api/v1/staff/{somchai.pk}/").status_code == 404
    r = login(tourism_editor).get("/api/v1/staff/")
    assert r.status_code == 200 and r.json()["count"] == 0


def test_anonymous_sees_nothing(client, somchai):
    assert client.get(reverse("training:person-detail", args=[somchai.pk])).status_code == 302
    assert client.get("/api/v1/staff/").status_code in (401, 403)
    assert client.get(f"/api/v1/staff/{somchai.pk}/").status_code in (401, 403)


def test_session_page_shows_other_agencies_staff_to_organiser_only(login, agri_editor, tourism_editor, somchai):
    from smartprovince.training.models import Enrolment

    s = f.session(f.course(), dt.date(2022, 1, 10), code="SKN-AGRI")
    tour_person = f.person("SKN-TOUR", "ท่องเที่ยวลับ")
    Enrolment.objects.create(session=s, person=somchai)
    Enrolment.objects.create(session=s, person=tour_person)
    organiser = login(agri_editor).get(reverse("training:session-detail", args=[s.pk])).content.decode()
    assert "สมชายลับ" in organiser and "ท่องเที่ยวลับ" in organiser
    other = login(tourism_editor).get(reverse("training:session-detail", args=[s.pk])).content.decode()
    assert "ท่องเที่ยวลับ" in other and "สมชายลับ" not in other


def test_staff_list_query_count_is_constant(login, agri_editor, django_assert_max_num_queries):
    for i in range(30):
        f.person("SKN-AGRI", f"คน{i}")
    client = login(agri_editor)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("training:staff-list")).status_code == 200


def test_staff_api_total_per_scope_follows_writes(login, admin_user, agri_editor, tourism_editor, somchai):
    from smartprovince.agencies import services as agency_services
    from smartprovince.testing.api import cached_total
    from smartprovince.training.models import Person
    from smartprovince.training.services import staff

    f.person("SKN-AGRI", "สมหญิงลับ")
    f.person("SKN-AGRI", "ลาออกแล้ว", started=dt.date(2020, 1, 1), left=dt.date(2021, 1, 1))
    for i in range(3):
        f.person("SKN-TOUR", f"ท่องเที่ยว{i}")

    def totals() -> tuple[int, int, int, int]:
        return (cached_total(login(agri_editor), "/api/v1/staff/"), cached_total(login(tourism_editor), "/api/v1/staff/"),
                cached_total(login(admin_user), "/api/v1/staff/"),
                cached_total(login(admin_user), "/api/v1/staff/", {"agency": "SKN-AGRI", "status": "all"}))

    everyone = Person.objects.filter(is_active=True).count()
    assert totals() == (2, 3, everyone, 3)  # each agency its own staff, the admin everyone's: no scope leaks
    person = staff.person_create(actor=agri_editor, agency=f.agency("SKN-AGRI"), first_name_th="ใหม่", last_name_th="ทดสอบ",
                                 position_th="นักวิชาการ", personnel_type="civil_servant")
    assert totals() == (3, 3, everyone + 1, 4)
    staff.person_leave(actor=agri_editor, person=person, left_on=dt.date(2022, 1, 1))
    assert totals() == (2, 3, everyone, 4)
    # the agency filter matches the agency's code: a new code is seen at once
    agency_services.agency_update(actor=admin_user, agency=f.agency("SKN-AGRI"), code="SKN-AGRI2")
    assert cached_total(login(admin_user), "/api/v1/staff/", {"agency": "SKN-AGRI", "status": "all"}) == 0
    assert cached_total(login(admin_user), "/api/v1/staff/", {"agency": "SKN-AGRI2", "status": "all"}) == 4
