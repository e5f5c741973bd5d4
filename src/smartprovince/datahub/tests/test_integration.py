"""Area profiles, the join view, goal-3 / strategy-1 metrics, data quality and DCAT."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from rdflib import Graph
from rdflib.namespace import DCAT, DCTERMS, RDF

from smartprovince.agencies.models import Agency
from smartprovince.core.thai_calendar import fiscal_year_period
from smartprovince.datahub import quality, registry_services, services
from smartprovince.datahub.metrics import integrated_domains, integrated_systems
from smartprovince.datahub.models import ITSystem

pytestmark = pytest.mark.django_db

RICE = "อำเภอ,ปี,ผลผลิต (ตัน)\nเมืองสกลนคร,2564,40000\nเมืองสกลนคร,2565,45000\nพังโคน,2565,30000\n"
VISITORS = "รหัสอำเภอ,ปี,นักท่องเที่ยว (คน)\n4701,2565,120000\n4705,2565,5000\n"


def _map(actor: Any, resource: Any, area: str, year: str) -> None:
    services.columns_update(actor=actor, resource=resource, items=[
        {"name": area, "standard_key": "area_code"}, {"name": year, "standard_key": "year_be"}])


@pytest.fixture
def two_agencies(make_dataset: Any, upload: Any, agri_editor: Any, tourism_editor: Any) -> tuple[Any, Any]:
    rice = upload(make_dataset("rice"), RICE.encode())
    _map(agri_editor, rice, "อำเภอ", "ปี")
    tour_ds = make_dataset("visitors", actor=tourism_editor, agency=Agency.objects.get(code="SKN-TOUR"),
                           tags=("ท่องเที่ยว",), domains=("agriculture", "tourism"), title="จำนวนนักท่องเที่ยวรายอำเภอ")
    visitors = upload(tour_ds, VISITORS.encode(), actor=tourism_editor)
    _map(tourism_editor, visitors, "รหัสอำเภอ", "ปี")
    return rice, visitors


def test_area_profile_shows_latest_values_from_both_agencies(client: Any, two_agencies: Any) -> None:
    r = client.get("/areas/4701/")
    assert r.status_code == 200
    blocks = r.context["blocks"]
    assert sorted((b["agency"].code, b["period"], b["rows"]) for b in blocks) == [
        ("SKN-AGRI", 2565, [[45000]]), ("SKN-TOUR", 2565, [[120000]])]
    api = client.get("/api/v1/datahub/areas/4701/").json()
    assert {d["agency"] for d in api["datasets"]} == {"SKN-AGRI", "SKN-TOUR"}
    assert client.get("/areas/4799/").status_code == 404


def test_province_profile_shows_each_districts_latest_year_and_undated_rows_only_alone(
    client: Any, make_dataset: Any, upload: Any, agri_editor: Any
) -> None:
    data = "รหัสอำเภอ,ปี,ค่า\n4701,2564,1\n4701,2565,2\n4702,2565,3\n4702,2563,9\n4703,,4\n4703,,5\n"
    resource = upload(make_dataset("mixed"), data.encode())
    _map(agri_editor, resource, "รหัสอำเภอ", "ปี")
    (block,) = client.get("/areas/47/").context["blocks"]
    assert block["by_child"] and block["period"] == 2565
    assert block["rows"] == [["เมืองสกลนคร", 2], ["กุสุมาลย์", 3]]
    (district,) = client.get("/areas/4702/").context["blocks"]
    assert (district["period"], district["rows"]) == (2565, [[3]])
    (undated,) = client.get("/areas/4703/").context["blocks"]
    assert (undated["period"], undated["rows"]) == (None, [[5], [4]])  # the most recently loaded first


def test_area_profile_hides_private_datasets(client: Any, two_agencies: Any, agri_editor: Any) -> None:
    rice, _ = two_agencies
    services.dataset_update(actor=agri_editor, dataset=rice.dataset, data={
        "is_private": True, "data_category": "ข้อมูลใช้ภายใน", "data_classification": "ชั้นเผยแพร่ภายในองค์กร"})
    r = client.get("/areas/4701/")
    assert [b["agency"].code for b in r.context["blocks"]] == ["SKN-TOUR"]


def test_join_on_area_and_year(client: Any, two_agencies: Any) -> None:
    rice, visitors = two_agencies
    r = client.get("/data/join/", {"left": str(rice.pk), "right": str(visitors.pk)})
    joined = r.context["joined"]
    assert joined["use_year"] is True
    assert [(row["area_code"], row["year"], row["left"], row["right"]) for row in joined["rows"]] == [
        ("4701", 2565, [45000], [120000]), ("4705", 2565, [30000], [5000])]
    assert joined["unmatched_left"] == 1


def test_integrated_domains_metric(two_agencies: Any) -> None:
    result = integrated_domains(fiscal_year_period(2570))
    assert result.value == Decimal(1)
    assert [(r["domain"], r["n_agencies"]) for r in result.rows] == [("เกษตร", 2), ("เกษตร", 2)]
    assert integrated_domains(fiscal_year_period(2500)).value == Decimal(0)


def test_integrated_systems_metric(agri_editor: Any, tourism_editor: Any) -> None:
    agri, tour = Agency.objects.get(code="SKN-AGRI"), Agency.objects.get(code="SKN-TOUR")
    a = registry_services.system_save(actor=agri_editor, data={"agency": agri, "name": "ระบบทะเบียนเกษตรกร", "kind": "system"})
    b = registry_services.system_save(actor=tourism_editor, data={"agency": tour, "name": "ฐานข้อมูลแหล่งท่องเที่ยว",
                                                                  "kind": "database"})
    registry_services.system_save(actor=tourism_editor, data={"agency": tour, "name": "เว็บไซต์", "kind": "system"})
    assert integrated_systems(fiscal_year_period(2570)).value == Decimal(0)
    registry_services.link_create(actor=agri_editor, data={"source": a, "target": b, "method": "api",
                                                           "since": dt.date(2022, 1, 1)})
    result = integrated_systems(fiscal_year_period(2570))
    assert (result.value, result.denominator) == (Decimal(2), Decimal(3))
    assert integrated_systems(fiscal_year_period(2564)).value == Decimal(0)  # link since 2022-01 (FY 2565)
    with pytest.raises(services.ValidationError):
        registry_services.link_create(actor=agri_editor, data={"source": a, "target": b, "method": "api"})
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        registry_services.system_save(actor=agri_editor, system=ITSystem.objects.get(pk=b.pk), data={"name": "x"})
    assert ITSystem.objects.get(pk=b.pk).name == "ฐานข้อมูลแหล่งท่องเที่ยว"


@pytest.mark.parametrize(
    ("unit", "last", "today", "expected"),
    [
        ("ปี", dt.date(2024, 1, 1), dt.date(2024, 12, 1), "on_time"),
        ("ปี", dt.date(2023, 1, 1), dt.date(2024, 6, 1), "late"),
        ("เดือน", dt.date(2024, 1, 1), dt.date(2024, 2, 3), "on_time"),
        ("เดือน", dt.date(2024, 1, 1), dt.date(2024, 2, 10), "late"),
        ("ไม่ทราบ", dt.date(2020, 1, 1), dt.date(2024, 2, 10), "unknown"),
    ],
)
def test_timeliness(make_dataset: Any, unit: str, last: dt.date, today: dt.date, expected: str) -> None:
    dataset = make_dataset(update_frequency_unit=unit, last_updated_date=last)
    assert quality.assess(dataset, today).timeliness == expected


def test_completeness(make_dataset: Any) -> None:
    dataset = make_dataset()
    q = quality.assess(dataset, dt.date(2024, 1, 1))
    assert q.missing == ["วันที่ปรับปรุงข้อมูลล่าสุด", "ปีข้อมูลที่เริ่มต้นจัดทำ", "ปีข้อมูลล่าสุดที่เผยแพร่", "หน่วยวัด"]
    assert q.completeness_pct == 79  # 15 of 19


def test_dcat(client: Any, make_dataset: Any, upload: Any) -> None:
    dataset = make_dataset()
    upload(dataset, RICE.encode())
    make_dataset("secret", is_private=True, data_category="ข้อมูลใช้ภายใน", data_classification="ชั้นเผยแพร่ภายในองค์กร")
    r = client.get("/catalog.ttl")
    assert r["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=r.content.decode(), format="turtle")
    datasets = list(g.subjects(RDF.type, DCAT.Dataset))
    assert [str(d) for d in datasets] == ["http://testserver/dataset/rice-2565"]
    assert str(g.value(datasets[0], DCTERMS.title)) == "ผลผลิตข้าวนาปีรายอำเภอ"
    assert len(list(g.subjects(RDF.type, DCAT.Distribution))) == 1
    r = client.get("/dataset/rice-2565.jsonld")
    g = Graph().parse(data=json.dumps(json.loads(r.content)), format="json-ld")
    assert [str(s) for s in g.subjects(RDF.type, DCAT.Dataset)] == ["http://testserver/dataset/rice-2565"]
    assert client.get("/dataset/secret.jsonld").status_code == 404
    assert client.get("/catalog.jsonld?page=9").status_code == 404


def test_system_registry_offers_edit_and_delete_only_for_the_users_agencies(client: Any, login: Any, agri_editor: Any,
                                                                             tourism_editor: Any, admin_user: Any) -> None:
    agri, tour = Agency.objects.get(code="SKN-AGRI"), Agency.objects.get(code="SKN-TOUR")
    a = registry_services.system_save(actor=agri_editor, data={"agency": agri, "name": "ระบบทะเบียนเกษตรกร", "kind": "system"})
    b = registry_services.system_save(actor=tourism_editor, data={"agency": tour, "name": "ฐานข้อมูลแหล่งท่องเที่ยว",
                                                                  "kind": "database"})
    registry_services.link_create(actor=tourism_editor, data={"source": b, "target": a, "method": "api"})
    mine = registry_services.link_create(actor=agri_editor, data={"source": a, "target": b, "method": "api"})
    login(agri_editor)
    html = client.get("/app/datahub/systems/").content.decode()
    assert f'href="/app/datahub/systems/{a.pk}/"' in html
    assert f'href="/app/datahub/systems/{b.pk}/"' not in html
    assert html.count('name="delete" value="') == 1 and f'name="delete" value="{mine.pk}"' in html
    assert client.get(f"/app/datahub/systems/{b.pk}/").status_code == 404
    login(admin_user)
    html = client.get("/app/datahub/systems/").content.decode()
    assert f'href="/app/datahub/systems/{b.pk}/"' in html and html.count('name="delete" value="') == 2
