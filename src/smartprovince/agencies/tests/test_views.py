"""Agency and user management pages: the permission matrix and the write paths."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from smartprovince.agencies.models import Agency, Membership
from smartprovince.core.models import AuditEvent

pytestmark = pytest.mark.django_db

ROLES = {
    "admin": ("province_admin", "SKN-PO"),
    "executive": ("executive", "SKN-PO"),
    "inspector": ("inspector", "SKN-PO"),
    "editor": ("agency_editor", "SKN-AGRI"),
    "viewer": ("agency_viewer", "SKN-AGRI"),
}

# (method, url, role, expected status)
MATRIX = [
    ("get", "/app/workspace/", "admin", 200),
    ("get", "/app/workspace/", "executive", 200),
    ("get", "/app/workspace/", "inspector", 200),
    ("get", "/app/workspace/", "editor", 200),
    ("get", "/app/workspace/", "viewer", 200),
    ("get", "/app/agencies/", "admin", 200),
    ("get", "/app/agencies/", "editor", 200),
    ("get", "/app/agencies/new/", "admin", 200),
    ("get", "/app/agencies/new/", "executive", 403),
    ("get", "/app/agencies/new/", "inspector", 403),
    ("get", "/app/agencies/new/", "editor", 403),
    ("get", "/app/agencies/new/", "viewer", 403),
    ("get", "/app/agencies/SKN-AGRI/edit/", "admin", 200),
    ("get", "/app/agencies/SKN-AGRI/edit/", "editor", 403),
    ("get", "/app/agencies/users/", "admin", 200),
    ("get", "/app/agencies/users/", "executive", 403),
    ("get", "/app/agencies/users/", "editor", 403),
    ("get", "/app/agencies/users/new/", "admin", 200),
    ("get", "/app/agencies/users/new/", "inspector", 403),
    ("get", "/app/agencies/NOPE/", "admin", 404),
]


@pytest.fixture
def as_role(client: Client, make_user: Any) -> Any:
    def login(role: str) -> Client:
        name, agency = ROLES[role]
        client.force_login(make_user(f"u_{role}", role=name, agency=agency))
        return client

    return login


@pytest.mark.parametrize(("method", "url", "role", "expected"), MATRIX)
def test_permission_matrix(method: str, url: str, role: str, expected: int, as_role: Any) -> None:
    assert getattr(as_role(role), method)(url).status_code == expected


def test_user_without_membership_sees_no_back_office(client: Client, make_user: Any) -> None:
    client.force_login(make_user("nobody"))
    assert client.get("/app/workspace/").status_code == 403


def test_admin_creates_agency(as_role: Any) -> None:
    client = as_role("admin")
    response = client.post(
        "/app/agencies/new/",
        {"code": "SKN-NEW", "name_th": "สำนักงานทดสอบจังหวัดสกลนคร", "kind": "provincial_office", "district": "4701", "is_active": "on"},
    )
    assert response.status_code == 302
    agency = Agency.objects.get(code="SKN-NEW")
    assert agency.name_th == "สำนักงานทดสอบจังหวัดสกลนคร" and agency.district_id == "4701"
    event = AuditEvent.objects.get(action="agencies.agency.created", object_id=str(agency.pk))
    assert event.actor.username == "u_admin" and event.changes["code"] == "SKN-NEW"


def test_duplicate_code_keeps_input_and_changes_nothing(as_role: Any) -> None:
    client = as_role("admin")
    count = Agency.objects.count()
    response = client.post("/app/agencies/new/", {"code": "SKN-AGRI", "name_th": "ชื่อที่พิมพ์ไว้", "kind": "other"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "มีหน่วยงานที่ใช้รหัสนี้แล้ว" in html
    assert "ชื่อที่พิมพ์ไว้" in html
    assert Agency.objects.count() == count


def test_editor_cannot_create_agency_and_nothing_changes(as_role: Any) -> None:
    client = as_role("editor")
    count, events = Agency.objects.count(), AuditEvent.objects.count()
    response = client.post("/app/agencies/new/", {"code": "SKN-X", "name_th": "x", "kind": "other"})
    assert response.status_code == 403
    assert Agency.objects.count() == count and AuditEvent.objects.count() == events


def test_admin_creates_user_with_editor_role(as_role: Any) -> None:
    client = as_role("admin")
    agri = Agency.objects.get(code="SKN-AGRI")
    response = client.post(
        "/app/agencies/users/new/",
        {"username": "somchai", "first_name": "สมชาย", "last_name": "ใจดี", "password": "Sakon-2565-plan", "agency": agri.pk, "role": "agency_editor"},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="somchai")
    assert user.check_password("Sakon-2565-plan")
    assert list(Membership.objects.filter(user=user).values_list("agency__code", "role")) == [("SKN-AGRI", "agency_editor")]
    assert AuditEvent.objects.filter(action="agencies.membership.granted", actor__username="u_admin").count() == 1


def test_weak_password_is_refused_in_thai_and_nothing_created(as_role: Any) -> None:
    client = as_role("admin")
    users = get_user_model().objects.count()
    response = client.post("/app/agencies/users/new/", {"username": "weak", "first_name": "ทดสอบ", "password": "12345"})
    assert response.status_code == 400
    assert "รหัสผ่าน" in response.content.decode()
    assert get_user_model().objects.count() == users


def test_grant_and_revoke_role(as_role: Any, make_user: Any) -> None:
    client = as_role("admin")
    target = make_user("target")
    tour = Agency.objects.get(code="SKN-TOUR")
    assert client.post(f"/app/agencies/users/{target.pk}/", {"agency": tour.pk, "role": "agency_viewer"}).status_code == 302
    membership = Membership.objects.get(user=target, agency=tour, role="agency_viewer", is_active=True)
    again = client.post(f"/app/agencies/users/{target.pk}/", {"agency": tour.pk, "role": "agency_viewer"})
    assert again.status_code == 400 and "มีบทบาทนี้ในหน่วยงานนี้อยู่แล้ว" in again.content.decode()
    assert client.post(f"/app/agencies/memberships/{membership.pk}/revoke/").status_code == 302
    membership.refresh_from_db()
    assert membership.is_active is False
    assert AuditEvent.objects.filter(action="agencies.membership.revoked", object_id=str(membership.pk)).exists()


def test_agency_list_query_count(as_role: Any, django_assert_max_num_queries: Any) -> None:
    client = as_role("admin")
    with django_assert_max_num_queries(12):
        response = client.get("/app/agencies/")
    assert response.status_code == 200
    assert response.content.decode().count('href="/app/agencies/SKN-') == 50


def test_api_agency_totals_follow_writes(client: Client, make_user: Any) -> None:
    from smartprovince.agencies import services
    from smartprovince.testing.api import cached_total

    admin = make_user("api_admin", role="province_admin", agency="SKN-PO")
    editor = make_user("api_editor", role="agency_editor", agency="SKN-AGRI")
    active = Agency.objects.filter(is_active=True)
    lists = {(): active.count(), (("kind", "local_government"),): active.filter(kind="local_government").count(),
             (("q", "เกษตร"),): active.filter(name_th__icontains="เกษตร").count(),
             (("district", "4701"),): active.filter(district_id="4701").count()}
    assert all(lists.values())
    # a public list: anonymous, an agency's editor and the province admin get the same totals
    for caller in (None, editor, admin):
        if caller:
            client.force_login(caller)
        assert {p: cached_total(client, "/api/v1/agencies/", dict(p)) for p in lists} == lists
    made = services.agency_create(actor=admin, code="SKN-NEW", name_th="สำนักงานเกษตรทดลอง", kind="local_government",
                                  district="4701")
    assert {p: cached_total(client, "/api/v1/agencies/", dict(p)) for p in lists} == {p: n + 1 for p, n in lists.items()}
    services.agency_update(actor=admin, agency=made, is_active=False)
    assert {p: cached_total(client, "/api/v1/agencies/", dict(p)) for p in lists} == lists
