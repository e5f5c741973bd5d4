"""HTML pages: public catalog, dataset and resource pages, downloads, agency pages."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from openpyxl import load_workbook

from smartprovince.core.models import AuditEvent
from smartprovince.datahub.models import Column, Dataset

from .conftest import gdc_data

pytestmark = pytest.mark.django_db
RICE = "อำเภอ,ปี,ผลผลิต (ตัน),หมายเหตุ\nเมืองสกลนคร,2565,45000,=1+1\nพังโคน,2565,30000,@cmd\n"


def test_catalog_thai_search_facets_and_query_count(client: Any, make_dataset: Any,
                                                    django_assert_max_num_queries: Any) -> None:
    for i in range(12):
        make_dataset(f"rice-{i}", title=f"ผลผลิตข้าวนาปีรายอำเภอ ชุดที่ {i}")
    make_dataset("fish", title="ปริมาณการจับปลาในหนองหาร", tags=("ประมง",), notes="สถิติการประมงน้ำจืด")
    with django_assert_max_num_queries(14):
        r = client.get("/data/", {"q": "ข้าวนาปี"})
    assert r.status_code == 200
    assert r.context["page_obj"].paginator.count == 12
    facets = {b["field"]: b["items"] for b in r.context["facets"]}
    assert facets["organization"] == [{"name": "skn-agri", "display_name": "สำนักงานเกษตรจังหวัดสกลนคร", "count": 12,
                                       "selected": False,
                                       "url": "?q=%E0%B8%82%E0%B9%89%E0%B8%B2%E0%B8%A7%E0%B8%99%E0%B8%B2%E0%B8%9B%E0%B8%B5"
                                              "&organization=skn-agri"}]
    r = client.get("/data/", {"q": "หนองหาร"})
    assert [d.name for d in r.context["datasets"]] == ["fish"]
    r = client.get("/data/", {"tags": "ประมง"})
    assert [d.name for d in r.context["datasets"]] == ["fish"]


def test_dataset_and_resource_pages(client: Any, make_dataset: Any, upload: Any) -> None:
    resource = upload(make_dataset(), RICE.encode())
    r = client.get("/data/dataset/rice-2565/")
    assert r.status_code == 200 and "ผลผลิตข้าวนาปีรายอำเภอ" in r.content.decode()
    r = client.get(f"/data/dataset/rice-2565/resource/{resource.pk}/")
    assert r.context["total"] == 2
    assert r.context["records"][0][:3] == ["เมืองสกลนคร", 2565, 45000]
    assert [t["name"] for t in r.context["figure"]["data"]] == ["ปี", "ผลผลิต (ตัน)"]
    assert r.context["figure"]["data"][1]["y"] == [45000.0, 30000.0]


def test_downloads_neutralise_formulas(client: Any, make_dataset: Any, upload: Any) -> None:
    resource = upload(make_dataset(), RICE.encode())
    r = client.get(f"/data/resource/{resource.pk}/download.csv")
    text = b"".join(r.streaming_content).decode("utf-8-sig")
    assert text.splitlines() == ["อำเภอ,ปี,ผลผลิต (ตัน),หมายเหตุ", "เมืองสกลนคร,2565,45000,'=1+1", "พังโคน,2565,30000,'@cmd"]
    r = client.get(f"/data/resource/{resource.pk}/download.xlsx")
    ws = load_workbook(io.BytesIO(b"".join(r.streaming_content))).active
    assert [c.value for c in ws[2]] == ["เมืองสกลนคร", 2565, 45000, "'=1+1"]
    r = client.get(f"/data/resource/{resource.pk}/download.json")
    assert b'"records": [{"' in b"".join(r.streaming_content)


def test_private_dataset_pages_404_for_other_agency(client: Any, login: Any, make_dataset: Any,
                                                    tourism_editor: Any, agri_viewer: Any) -> None:
    make_dataset("internal", is_private=True, data_category="ข้อมูลใช้ภายใน",
                 data_classification="ชั้นเผยแพร่ภายในองค์กร")
    assert client.get("/data/dataset/internal/").status_code == 404
    login(tourism_editor)
    assert client.get("/data/dataset/internal/").status_code == 404
    assert client.get("/app/datahub/datasets/internal/edit/").status_code == 404
    login(agri_viewer)
    assert client.get("/data/dataset/internal/").status_code == 200
    assert client.get("/app/datahub/datasets/internal/edit/").status_code == 403


def test_other_agency_cannot_edit_public_dataset(client: Any, login: Any, make_dataset: Any,
                                                 tourism_editor: Any) -> None:
    make_dataset()
    login(tourism_editor)
    r = client.post("/app/datahub/datasets/rice-2565/edit/", {"title": "แก้"})
    assert r.status_code == 403
    assert Dataset.objects.get(name="rice-2565").title == "ผลผลิตข้าวนาปีรายอำเภอ"


def _form_data(**overrides: Any) -> dict[str, Any]:
    data = gdc_data()
    form = {k: v for k, v in data.items() if not isinstance(v, list)}
    form.update({"objective": data["objective"], "data_format": data["data_format"], "tags_text": "ข้าว, เกษตร",
                 "name": "rice-form", "allow_harvest": "on"})
    form.update(overrides)
    return form


def test_create_dataset_form(client: Any, login: Any, agri_editor: Any, agri: Any) -> None:
    login(agri_editor)
    assert client.get("/app/datahub/datasets/new/").status_code == 200
    r = client.post("/app/datahub/datasets/new/", _form_data(agency=agri.pk, maintainer=""))
    assert r.status_code == 400
    html = r.content.decode()
    assert "กรุณากรอก “ชื่อผู้ติดต่อ”" in html and "ผลผลิตข้าวนาปีรายอำเภอ" in html  # kept what was typed
    assert not Dataset.objects.exists()
    r = client.post("/app/datahub/datasets/new/", _form_data(agency=agri.pk))
    assert r.status_code == 302 and r["Location"] == "/app/datahub/datasets/rice-form/resources/new/"
    dataset = Dataset.objects.get(name="rice-form")
    assert sorted(dataset.tags.values_list("name", flat=True)) == ["ข้าว", "เกษตร"]
    assert AuditEvent.objects.filter(action="datahub.dataset.created", object_id=str(dataset.pk)).count() == 1


def test_create_for_other_agency_refused(client: Any, login: Any, agri_editor: Any) -> None:
    from smartprovince.agencies.models import Agency

    login(agri_editor)
    r = client.post("/app/datahub/datasets/new/", _form_data(agency=Agency.objects.get(code="SKN-TOUR").pk))
    assert r.status_code == 400 and not Dataset.objects.exists()


def test_upload_and_map_columns_through_pages(client: Any, login: Any, agri_editor: Any, make_dataset: Any,
                                             django_capture_on_commit_callbacks: Any) -> None:
    make_dataset()
    login(agri_editor)
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post("/app/datahub/datasets/rice-2565/resources/new/",
                        {"upload": SimpleUploadedFile("rice.csv", RICE.encode("cp874"))})
    assert r.status_code == 302
    resource = Dataset.objects.get(name="rice-2565").resources.get()
    r = client.get(r["Location"])
    assert r.context["latest"].rows_loaded == 2 and r.context["job"].status == "succeeded"
    post = {"action": "columns", "col-TOTAL_FORMS": "4", "col-INITIAL_FORMS": "4"}
    for i, c in enumerate(Column.objects.filter(resource=resource).order_by("position")):
        post.update({f"col-{i}-name": c.name, f"col-{i}-label": c.label, f"col-{i}-description": "",
                     f"col-{i}-standard_key": "area_code" if c.name == "อำเภอ" else ""})
    r = client.post(f"/app/datahub/resources/{resource.pk}/", post)
    assert r.status_code == 302
    assert Column.objects.get(resource=resource, name="อำเภอ").standard_key == "area_code"
    r = client.get("/areas/4705/")
    assert r.context["blocks"][0]["rows"] == [["@cmd", 2565, 30000]]


def test_upload_over_limit_refused_before_storing(client: Any, login: Any, agri_editor: Any, make_dataset: Any,
                                                  settings: Any) -> None:
    settings.DATAHUB_MAX_UPLOAD_BYTES = 1000
    make_dataset()
    login(agri_editor)
    r = client.post("/app/datahub/datasets/rice-2565/resources/new/",
                    {"upload": SimpleUploadedFile("big.csv", b"a,b\n" + b"1,2\n" * 500_000)})
    assert r.status_code == 413
    assert "เกินขนาดสูงสุดที่รับได้" in r.content.decode()
    assert Dataset.objects.get(name="rice-2565").resources.count() == 0


def test_manage_list_query_count(client: Any, login: Any, agri_editor: Any, make_dataset: Any,
                                 django_assert_max_num_queries: Any) -> None:
    for i in range(8):
        make_dataset(f"ds-{i}")
    login(agri_editor)
    with django_assert_max_num_queries(16):
        r = client.get("/app/datahub/")
    assert len(r.context["rows"]) == 8
    assert client.get("/app/datahub/systems/").status_code == 200


def test_anonymous_redirected_from_agency_pages(client: Any) -> None:
    r = client.get("/app/datahub/datasets/new/")
    assert r.status_code == 302 and r["Location"].startswith("/accounts/login/")


def test_catalog_lists_a_dataset_once_when_several_of_its_tags_and_domains_match(client: Any, make_dataset: Any) -> None:
    make_dataset("rice-two-tags", tags=("ข้าว", "เกษตร"), domains=("agriculture", "tourism"))
    make_dataset("other", tags=("ท่องเที่ยว",), title="แหล่งท่องเที่ยว")
    r = client.get("/data/", {"tags": ["ข้าว", "เกษตร"], "groups": ["agriculture", "tourism"]})
    assert [d.name for d in r.context["datasets"]] == ["rice-two-tags"]
    assert r.context["page_obj"].paginator.count == 1
    with CaptureQueriesContext(connection) as ctx:
        client.get("/data/")
    assert not [q for q in ctx.captured_queries if "DISTINCT \"datahub_dataset\".\"id\", " in q["sql"]]


def test_catalog_facet_links_narrow_the_search_from_a_bare_catalog_url(client: Any, make_dataset: Any) -> None:
    make_dataset()
    r = client.get("/data/")
    html = r.content.decode()
    assert '<a href="?organization=skn-agri">' in html
    assert '<a href="?tags=%E0%B8%82%E0%B9%89%E0%B8%B2%E0%B8%A7">' in html
    assert client.get("/data/", {"organization": "skn-agri"}).context["page_obj"].paginator.count == 1
    r = client.get("/data/", {"q": "ข้าว", "tags": "ข้าว", "page": "1"})
    assert '<a href="?q=%E0%B8%82%E0%B9%89%E0%B8%B2%E0%B8%A7&amp;tags=%E0%B8%82%E0%B9%89%E0%B8%B2%E0%B8%A7&amp;organization=skn-agri">' in r.content.decode()


def test_catalog_facet_titles_in_english(client: Any, make_dataset: Any) -> None:
    make_dataset()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    try:
        r = client.get("/data/")
    finally:
        translation.activate("th")  # the middleware leaves the last request's language active in this thread
    assert [b["title"] for b in r.context["facets"]] == ["Agency", "Data domains", "Keywords", "File format",
                                                          "Data category"]
