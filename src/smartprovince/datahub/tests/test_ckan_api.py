"""The CKAN Action API: envelope, error types and codes, permissions, catalog and datastore."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from smartprovince.core.models import AuditEvent
from smartprovince.datahub.ckan import views as _views  # noqa: F401 - registers the actions
from smartprovince.datahub.ckan.registry import ACTIONS
from smartprovince.datahub.models import Dataset

from .conftest import gdc_data

pytestmark = pytest.mark.django_db
RICE = "อำเภอ,ปี,ผลผลิต (ตัน)\nเมืองสกลนคร,2565,45000\nพังโคน,2565,30000\nวานรนิวาส,2564,12000\n"


def call(client: Any, name: str, data: dict[str, Any] | None = None, *, token: str | None = None,
         method: str = "post") -> Any:
    headers = {"HTTP_AUTHORIZATION": token} if token else {}
    if method == "get":
        return client.get(f"/api/3/action/{name}", data or {}, **headers)
    return client.post(f"/api/3/action/{name}", json.dumps(data or {}), content_type="application/json", **headers)


@pytest.fixture
def token(agri_editor: Any) -> str:
    return Token.objects.create(user=agri_editor).key


def test_every_action_declares_permission_or_public() -> None:
    expected = {
        "status_show", "site_read", "help_show", "package_list", "package_show", "package_search",
        "organization_list", "organization_show", "group_list", "group_show", "tag_list", "resource_show",
        "datastore_search", "datastore_info", "package_create", "package_update", "package_patch", "package_delete",
        "resource_create", "resource_update", "resource_delete", "datastore_create", "datastore_upsert",
        "datastore_delete",
    }
    assert set(ACTIONS) == expected
    for action in ACTIONS.values():
        assert action.public != bool(action.permission), action.name
        if not action.side_effect_free:
            assert action.permission == "datahub.dataset:write", action.name


def test_envelope_and_errors(client: Any) -> None:
    r = call(client, "status_show", method="get")
    body = r.json()
    assert r.status_code == 200 and body["success"] is True
    assert body["help"] == "http://testserver/api/3/action/help_show?name=status_show"
    assert "datastore" in body["result"]["extensions"]
    r = call(client, "package_show", {"id": "missing"})
    assert r.status_code == 404
    assert r.json()["error"] == {"__type": "Not Found Error", "message": "Not found: Dataset"}
    assert r.json()["success"] is False
    r = call(client, "package_create", {"name": "x"})
    assert r.status_code == 403 and r.json()["error"]["__type"] == "Authorization Error"
    r = call(client, "nope")
    assert r.status_code == 400 and "Action name not known" in r.json()
    r = call(client, "package_create", method="get")
    assert r.status_code == 400
    r = client.post("/api/3/action/package_show", "{bad", content_type="application/json")
    assert r.status_code == 400
    r = call(client, "status_show", token="bad-token")
    assert r.status_code == 403 and r.json()["error"]["__type"] == "Authorization Error"


def test_package_create_validation_is_thai_and_field_keyed(client: Any, token: str) -> None:
    r = call(client, "package_create", {"name": "rice", "owner_org": "skn-agri", "title": "ข้าว"}, token=token)
    assert r.status_code == 409
    error = r.json()["error"]
    assert error["__type"] == "Validation Error"
    assert error["maintainer"] == ["กรุณากรอก “ชื่อผู้ติดต่อ” (เป็นข้อมูลบังคับตามมาตรฐานเมทาดาตาภาครัฐ)"]
    assert set(error) >= {"data_type", "notes", "objective", "tags", "license_id", "data_category"}
    assert not Dataset.objects.exists() and not AuditEvent.objects.filter(action__startswith="datahub").exists()


def test_category_classification_pairs(client: Any, token: str) -> None:
    data = {**gdc_data(), "name": "rice", "owner_org": "skn-agri", "tags": [{"name": "ข้าว"}],
            "data_category": "ข้อมูลส่วนบุคคล", "data_classification": "เปิดเผย", "private": True}
    r = call(client, "package_create", data, token=token)
    assert r.status_code == 409
    assert r.json()["error"]["data_classification"] == [
        "หมวดหมู่ “ข้อมูลส่วนบุคคล” ใช้ระดับชั้นข้อมูลได้เฉพาะ: ชั้นเผยแพร่ภายในองค์กร, ลับ, ลับมาก"]
    data.update(data_classification="ลับ", private=False)
    r = call(client, "package_create", data, token=token)
    assert "is_private" in r.json()["error"]


def test_create_other_agency_denied(client: Any, token: str) -> None:
    data = {**gdc_data(), "name": "tour", "owner_org": "skn-tour", "tags": ["ท่องเที่ยว"]}
    r = call(client, "package_create", data, token=token)
    assert r.status_code == 403 and r.json()["error"]["__type"] == "Authorization Error"
    assert not Dataset.objects.exists()


def test_package_lifecycle_and_search(client: Any, token: str, tourism_editor: Any) -> None:
    data = {**gdc_data(), "name": "rice-2565", "owner_org": "skn-agri", "tags": [{"name": "ข้าว"}, {"name": "เกษตร"}],
            "groups": [{"name": "agriculture"}], "first_year_of_data": 2560, "last_year_of_data": 2565}
    r = call(client, "package_create", data, token=token)
    assert r.status_code == 200, r.json()
    pkg = r.json()["result"]
    assert (pkg["name"], pkg["organization"]["name"], pkg["last_year_of_data"]) == ("rice-2565", "skn-agri", 2565)
    assert [t["name"] for t in pkg["tags"]] == ["ข้าว", "เกษตร"] and pkg["groups"][0]["name"] == "agriculture"
    r = call(client, "package_patch", {"id": "rice-2565", "title": "ผลผลิตข้าวนาปีรายอำเภอ จังหวัดสกลนคร"}, token=token)
    assert r.json()["result"]["maintainer"] == data["maintainer"]
    # Thai search: "ข้าวนาปี" is segmented into words, each found
    r = call(client, "package_search", {"q": "ผลผลิตข้าว", "facet.field": ["organization", "tags", "groups"]},
             method="post")
    result = r.json()["result"]
    assert result["count"] == 1 and result["results"][0]["name"] == "rice-2565"
    assert result["search_facets"]["organization"]["items"] == [
        {"name": "skn-agri", "display_name": "สำนักงานเกษตรจังหวัดสกลนคร", "count": 1}]
    assert call(client, "package_search", {"q": "ท่องเที่ยว"}).json()["result"]["count"] == 0
    fq = call(client, "package_search", {"fq": 'tags:"ข้าว" organization:skn-agri'}, method="post").json()
    assert fq["result"]["count"] == 1
    bad = call(client, "package_search", {"fq": "owner:x"})
    assert bad.status_code == 400 and bad.json()["error"]["__type"] == "Search Query Error"
    assert call(client, "package_list", method="get").json()["result"] == ["rice-2565"]
    assert "ข้าว" in call(client, "tag_list", method="get").json()["result"]
    groups = call(client, "group_list", {"all_fields": True}).json()["result"]
    assert [g["package_count"] for g in groups if g["name"] == "agriculture"] == [1]
    # another agency's token may not delete it
    other = Token.objects.create(user=tourism_editor).key
    r = call(client, "package_delete", {"id": "rice-2565"}, token=other)
    assert r.status_code == 403
    assert call(client, "package_delete", {"id": "rice-2565"}, token=token).json()["success"] is True
    assert call(client, "package_show", {"id": "rice-2565"}).status_code == 404


def test_private_dataset_is_404_for_others(client: Any, token: str, tourism_editor: Any) -> None:
    data = {**gdc_data(), "name": "internal", "owner_org": "skn-agri", "tags": ["ภายใน"], "private": True,
            "data_category": "ข้อมูลใช้ภายใน", "data_classification": "ชั้นเผยแพร่ภายในองค์กร"}
    assert call(client, "package_create", data, token=token).status_code == 200
    assert call(client, "package_show", {"id": "internal"}).status_code == 404
    other = Token.objects.create(user=tourism_editor).key
    assert call(client, "package_show", {"id": "internal"}, token=other).status_code == 404
    assert call(client, "package_show", {"id": "internal"}, token=token).status_code == 200
    assert call(client, "package_search", {"q": "", "include_private": True}, token=other).json()["result"]["count"] == 0


def test_resource_upload_and_datastore(client: Any, token: str, make_dataset: Any,
                                       django_capture_on_commit_callbacks: Any) -> None:
    dataset = make_dataset()
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post("/api/3/action/resource_create", {
            "package_id": dataset.name, "name": "ผลผลิตรายอำเภอ",
            "upload": SimpleUploadedFile("rice.csv", RICE.encode("cp874")),
        }, HTTP_AUTHORIZATION=f"Token {token}")
    assert r.status_code == 200, r.content
    assert r.json()["result"]["format"] == "CSV"
    res = call(client, "resource_show", {"id": r.json()["result"]["id"]}).json()["result"]
    assert res["datastore_active"] is True
    assert res["url"].startswith("http://testserver/data/resource/")
    rid = res["id"]
    r = call(client, "datastore_search", {"resource_id": rid, "filters": {"ปี": 2565, "อำเภอ": ["พังโคน", "เมืองสกลนคร"]},
                                          "sort": "ผลผลิต (ตัน) desc"})
    result = r.json()["result"]
    assert [rec["อำเภอ"] for rec in result["records"]] == ["เมืองสกลนคร", "พังโคน"]
    assert result["total"] == 2 and result["fields"][0] == {"id": "_id", "type": "int"}
    r = call(client, "datastore_search", {"resource_id": rid, "q": "วานร", "fields": ["อำเภอ"],
                                          "records_format": "lists"}, method="post")
    assert r.json()["result"]["records"] == [["วานรนิวาส"]]
    r = call(client, "datastore_search", {"resource_id": rid, "distinct": True, "fields": "ปี", "sort": "ปี"},
             method="get")
    assert r.json()["result"]["records"] == [{"ปี": 2564}, {"ปี": 2565}]
    r = call(client, "datastore_search", {"resource_id": rid, "filters": {"ไม่มี": 1}})
    assert r.status_code == 409 and "ไม่มีคอลัมน์" in r.json()["error"]["filters"][0]
    r = call(client, "datastore_search", {"resource_id": rid, "filters": {"ปี": "abc"}})
    assert r.status_code == 409
    r = call(client, "datastore_search", {"resource_id": rid, "limit": 99999})
    assert r.json()["result"]["limit"] == 32000
    info = call(client, "datastore_info", {"id": rid}).json()["result"]
    assert info["meta"]["count"] == 3 and [f["id"] for f in info["fields"]] == ["อำเภอ", "ปี", "ผลผลิต (ตัน)"]
    assert call(client, "datastore_search", {"resource_id": "0" * 32}).status_code == 404


def test_datastore_write_actions(client: Any, token: str, make_dataset: Any) -> None:
    dataset = make_dataset()
    r = call(client, "datastore_create", {
        "resource": {"package_id": dataset.name, "name": "จุดบริการ"},
        "fields": [{"id": "รหัส", "type": "text"}, {"id": "จำนวน", "type": "int"}],
        "records": [{"รหัส": "A", "จำนวน": 1}, {"รหัส": "B", "จำนวน": 2}], "primary_key": ["รหัส"],
    }, token=token)
    assert r.status_code == 200, r.json()
    rid = r.json()["result"]["resource_id"]
    r = call(client, "datastore_upsert", {"resource_id": rid, "records": [{"รหัส": "A", "จำนวน": 10}, {"รหัส": "C", "จำนวน": 3}]},
             token=token)
    assert r.status_code == 200, r.json()
    page = call(client, "datastore_search", {"resource_id": rid, "sort": "รหัส"}).json()["result"]
    assert [(x["รหัส"], x["จำนวน"]) for x in page["records"]] == [("A", 10), ("B", 2), ("C", 3)]
    assert (page["total"], page["total_was_estimated"]) == (3, False)  # the kept row count, exact
    r = call(client, "datastore_upsert", {"resource_id": rid, "records": [{"รหัส": "A", "จำนวน": 11, "_id": 1},
                                                                           {"รหัส": "บ้านโนนสว่าง", "จำนวน": 5}]},
             token=token)
    assert r.status_code == 200, r.json()
    found = call(client, "datastore_search", {"resource_id": rid, "q": "โนน"}).json()["result"]
    assert [x["จำนวน"] for x in found["records"]] == [5]  # rows written through the API are searchable too
    call(client, "datastore_upsert", {"resource_id": rid, "method": "update",
                                      "records": [{"_id": found["records"][0]["_id"], "รหัส": "D2"}]}, token=token)
    assert call(client, "datastore_search", {"resource_id": rid, "q": "โนน"}).json()["result"]["records"] == []
    assert call(client, "datastore_delete", {"resource_id": rid, "filters": {"รหัส": "D2"}}, token=token).status_code == 200
    bad = call(client, "datastore_upsert", {"resource_id": rid, "records": [{"รหัส": "D", "จำนวน": 4},
                                                                             {"รหัส": "E", "จำนวน": "x"}]}, token=token)
    assert bad.status_code == 409
    assert len(call(client, "datastore_search", {"resource_id": rid}).json()["result"]["records"]) == 3  # rolled back
    assert call(client, "datastore_delete", {"resource_id": rid, "filters": {"รหัส": "B"}}, token=token).status_code == 200
    assert call(client, "datastore_info", {"id": rid}).json()["result"]["meta"]["count"] == 2
    with CaptureQueriesContext(connection) as ctx:
        page = call(client, "datastore_search", {"resource_id": rid, "limit": 1}).json()["result"]
    assert (len(page["records"]), page["total"]) == (1, 2)
    assert not [q for q in ctx.captured_queries if "COUNT(" in q["sql"].upper()]  # no count of the whole table
    assert call(client, "datastore_upsert", {"resource_id": rid, "records": []}).status_code == 403


def test_organization_and_resource_show(client: Any, make_dataset: Any) -> None:
    dataset = make_dataset()
    orgs = call(client, "organization_list", {"all_fields": True}).json()["result"]
    agri = next(o for o in orgs if o["name"] == "skn-agri")
    assert agri["package_count"] == 1 and agri["title"] == "สำนักงานเกษตรจังหวัดสกลนคร"
    org = call(client, "organization_show", {"id": "skn-agri", "include_datasets": True}).json()["result"]
    assert [p["name"] for p in org["packages"]] == [dataset.name]
    assert call(client, "organization_show", {"id": "nope"}).status_code == 404
    assert call(client, "help_show", {"name": "package_search"}).json()["result"].startswith("ค้นหาชุดข้อมูล")


def test_upload_over_limit_refused_before_storing(client: Any, token: str, make_dataset: Any, settings: Any) -> None:
    settings.DATAHUB_MAX_UPLOAD_BYTES = 10
    dataset = make_dataset()
    r = client.post("/api/3/action/resource_create",
                    {"package_id": dataset.name, "upload": SimpleUploadedFile("big.csv", b"a,b\n" + b"1,2\n" * 400_000)},
                    HTTP_AUTHORIZATION=token)
    assert r.status_code == 409
    assert "เกินขนาดสูงสุด" in r.json()["error"]["upload"][0]
    assert dataset.resources.count() == 0


@pytest.mark.django_db(transaction=True)
def test_datastore_search_pages_outside_a_transaction(seed: None, make_user: Any, client: Any, tmp_path: Any,
                                                      monkeypatch: Any) -> None:
    """Outside a transaction PostgreSQL writes the page as JSON itself: the same records, in page
    order, for objects, lists, a field chosen twice, distinct, text search, an empty page and a
    text search whose total is estimated."""
    from django.test import override_settings

    from smartprovince.agencies.models import Agency
    from smartprovince.datahub import query, services
    from smartprovince.datahub.ingest import store
    from smartprovince.datahub.models import DataDomain, Resource

    csv_text = ("อำเภอ,ปี,เนื้อที่,วันที่\nเมืองสกลนคร,2565,12.50,15/07/2565\nพังโคน,2565,48,1/8/2565\n"
                "วานรนิวาส,2564,0.5,\nพังโคน \"ใต้\",2564,,2/1/2564\n")
    with override_settings(MEDIA_ROOT=str(tmp_path / "media")):
        editor = make_user("ds_json", role="agency_editor", agency="SKN-AGRI")
        dataset = services.dataset_create(
            actor=editor, agency=Agency.objects.get(code="SKN-AGRI"), data=gdc_data(name="json-page"), tags=["ข้าว"],
            domain_ids=list(DataDomain.objects.filter(name="agriculture").values_list("pk", flat=True)),
        )
        services.resource_create(actor=editor, dataset=dataset, name="a.csv",
                                 upload=SimpleUploadedFile("a.csv", csv_text.encode()))
        resource = Resource.objects.get(dataset=dataset)
        rid = str(resource.pk)
        from smartprovince.datahub.selectors import columns_of

        assert query.build(resource, columns_of(resource), {}).json is store.is_postgres()

        def search(**params: Any) -> dict[str, Any]:
            r = call(client, "datastore_search", {"resource_id": rid, **params})
            assert r.status_code == 200, r.content
            return r.json()["result"]

        page = search(filters={"ปี": 2565}, sort="เนื้อที่ desc")
        assert page["records"] == [
            {"_id": 2, "อำเภอ": "พังโคน", "ปี": 2565, "เนื้อที่": 48, "วันที่": "2022-08-01"},
            {"_id": 1, "อำเภอ": "เมืองสกลนคร", "ปี": 2565, "เนื้อที่": 12.5, "วันที่": "2022-07-15"},
        ]
        assert (page["total"], page["total_was_estimated"]) == (2, False)
        lists = search(fields=["อำเภอ", "_id", "อำเภอ"], records_format="lists", sort="_id", limit=2, offset=2)
        assert (lists["records"], lists["total"]) == ([["วานรนิวาส", 3, "วานรนิวาส"], ['พังโคน "ใต้"', 4, 'พังโคน "ใต้"']], 4)
        assert search(fields="ปี", distinct=True, sort="ปี desc")["records"] == [{"ปี": 2565}, {"ปี": 2564}]
        assert [r["_id"] for r in search(q="พังโคน", sort="_id")["records"]] == [2, 4]
        empty = search(filters={"ปี": 2500})
        assert (empty["records"], empty["total"]) == ([], 0)
        monkeypatch.setattr(query, "TOTAL_CAP", 1)
        capped = search(q="พังโคน", sort="_id desc", limit=1)
        assert ([r["_id"] for r in capped["records"]], capped["total_was_estimated"]) == ([4], True)
        store.drop_table(resource.datastore_table)
