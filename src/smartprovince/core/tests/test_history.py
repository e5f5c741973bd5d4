"""The change history shown on object pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from smartprovince.agencies.models import Agency
from smartprovince.core.audit import audit_log
from smartprovince.core.audit_display import change_text as audit_change


@pytest.mark.parametrize(("value", "shown"), [
    (["open", "done"], "open → done"),
    ([None, "2022-09-30"], "– → 30 ก.ย. 2565"),
    (["2565", 2566], "2565 → 2566"),
    ("สำนักงานเกษตรจังหวัดสกลนคร", "สำนักงานเกษตรจังหวัดสกลนคร"),
    ("2021-10-01", "1 ต.ค. 2564"),
    (None, "–"),
    (True, "ใช่"),
    ([False, True], "ไม่ใช่ → ใช่"),
    (12, "12"),
])
def test_audit_change(value: Any, shown: str) -> None:
    with translation.override("th"):
        assert audit_change(value) == shown


def test_history_shows_a_loaded_events_plain_values_whole() -> None:
    event = {"created_at": None, "actor": None, "action": "agencies.agency.loaded",
             "changes": {"name_th": "สำนักงานเกษตรจังหวัดสกลนคร", "closed_on": ["2022-09-29", "2022-09-30"]}}
    with translation.override("th"):
        html = render_to_string("core/_history.html", {"events": [event]})
    assert "<td>นำเข้าหน่วยงาน</td>" in html
    assert "<strong>ชื่อหน่วยงาน (ไทย)</strong>: สำนักงานเกษตรจังหวัดสกลนคร</div>" in html
    assert "<strong>closed_on</strong>: 29 ก.ย. 2565 → 30 ก.ย. 2565</div>" in html


def _render(lang: str, **event: Any) -> str:
    event.setdefault("created_at", None)
    event.setdefault("actor", None)
    with translation.override(lang):
        return render_to_string("core/_history.html", {"events": [event]})


def test_history_shows_the_action_field_and_choice_labels() -> None:
    event = {"action": "monitoring.corrective_action.updated", "object_type": "monitoring.correctiveaction",
             "changes": {"status": ["open", "done"]}}
    html = _render("th", **event)
    assert "<td>แก้ไขมาตรการแก้ไข (Act)</td>" in html
    assert "<strong>สถานะ</strong>: ยังไม่ดำเนินการ → ดำเนินการแล้วเสร็จ</div>" in html
    assert "monitoring.corrective_action.updated" not in html
    assert "<strong>status</strong>" not in html


def test_history_in_english_uses_the_english_choice_labels() -> None:
    html = _render("en", action="monitoring.corrective_action.updated", object_type="monitoring.correctiveaction",
                   changes={"status": ["open", "done"]})
    assert "<strong>Status</strong>: Not started → Completed</div>" in html
    assert "<td>Corrective measures (Act) updated</td>" in html


@pytest.mark.parametrize(("action", "object_type", "shown"), [
    ("projects.budget_line.deleted", "projects.project", "Budget line deleted"),
    ("agencies.agency.updated", "agencies.agency", "Agency updated"),
    ("projects.report.returned", "projects.progressreport", "returned for revision"),
])
def test_history_action_labels_in_english(action: str, object_type: str, shown: str) -> None:
    html = _render("en", action=action, object_type=object_type, changes={"is_active": [True, False]})
    assert shown in html
    assert not any("\u0e00" <= ch <= "\u0e7f" for ch in html.split("<td>", 1)[1].split("</td>", 1)[0])  # no Thai left


def test_history_shows_booleans_as_yes_no() -> None:
    html = _render("th", action="agencies.agency.updated", object_type="agencies.agency",
                   changes={"is_active": [True, False], "kind": ["provincial_office", "local_government"]})
    assert "<td>แก้ไขหน่วยงาน</td>" in html
    assert "<strong>ใช้งาน</strong>: ใช่ → ไม่ใช่</div>" in html
    assert "<strong>ประเภท</strong>: ส่วนราชการประจำจังหวัด → องค์กรปกครองส่วนท้องถิ่น</div>" in html


def test_history_shows_a_date_field_in_be() -> None:
    html = _render("th", action="monitoring.corrective_action.updated", object_type="monitoring.correctiveaction",
                   changes={"closed_on": [None, "2022-09-30"], "due_date": ["2022-08-31", "2022-09-15"]})
    assert "<strong>วันที่ปิดเรื่อง</strong>: – → 30 ก.ย. 2565</div>" in html
    assert "<strong>กำหนดแล้วเสร็จ</strong>: 31 ส.ค. 2565 → 15 ก.ย. 2565</div>" in html


def test_history_keeps_a_foreign_key_id_and_resolves_the_attname() -> None:
    html = _render("th", action="monitoring.corrective_action.updated", object_type="monitoring.correctiveaction",
                   changes={"owner_agency_id": [3, 7]})
    assert "<strong>หน่วยงานรับผิดชอบ</strong>: 3 → 7</div>" in html


@pytest.mark.parametrize(("action", "object_type", "shown"), [
    ("monitoring.corrective_action.teleported", "monitoring.correctiveaction", "monitoring.corrective_action.teleported"),
    ("nowhere.gadget.updated", "nowhere.gadget", "nowhere.gadget.updated"),
    ("odd", "", "odd"),
    # the resource names the model even when the event is on another object (a project's budget line)
    ("projects.budget_line.deleted", "projects.project", "ลบรายการงบประมาณ"),
    ("projects.report.submitted", "projects.progressreport", "ส่งรายงานความก้าวหน้ารายเดือน"),
    ("monitoring.indicator.responsible_set", "plans.indicator", "กำหนดหน่วยงานรับผิดชอบตัวชี้วัด"),
    ("datahub.datastore.upserted", "datahub.resource", "เพิ่มหรือปรับปรุงแถวในตารางข้อมูล (DataStore)"),
])
def test_history_action_labels_fall_back_to_the_raw_code(action: str, object_type: str, shown: str) -> None:
    assert f"<td>{shown}</td>" in _render("th", action=action, object_type=object_type, changes={})


def test_history_unknown_field_and_value_stay_raw() -> None:
    html = _render("th", action="monitoring.corrective_action.updated", object_type="monitoring.correctiveaction",
                   changes={"mystery_field": ["a", "b"], "status": ["open", "lost"]})
    assert "<strong>mystery_field</strong>: a → b</div>" in html
    assert "<strong>สถานะ</strong>: ยังไม่ดำเนินการ → lost</div>" in html


def _agency_page_queries(client: Any, agency: Agency) -> int:
    with translation.override("th"), CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("agencies:detail", args=[agency.code]))
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_history_query_count_does_not_grow_with_the_history(db: Any, client: Any, login: Any, admin_user: Any) -> None:
    agency = Agency.objects.get(code="SKN-AGRI")
    login(admin_user)
    audit_log(actor=admin_user, action="agencies.agency.updated", obj=agency, changes={"is_active": [True, False]})
    _agency_page_queries(client, agency)  # the first request also warms per-session caches
    short = _agency_page_queries(client, agency)
    for n in range(30):
        audit_log(actor=admin_user, action="agencies.agency.updated", obj=agency,
                  changes={"is_active": [n % 2 == 0, n % 2 == 1], "kind": ["provincial_office", "local_government"],
                           "phone": ["", str(n)], "closed_on": [None, "2022-09-30"]})
    response = client.get(reverse("agencies:detail", args=[agency.code]))
    assert response.content.decode().count("<td>แก้ไขหน่วยงาน</td>") == 31
    assert _agency_page_queries(client, agency) == short
