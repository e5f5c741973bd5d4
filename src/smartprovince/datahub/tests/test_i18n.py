"""The data hub in English: labels, help texts and the GD Catalog controlled values are shown
translated, while the stored values stay the Thai strings the national catalogs use (the CKAN
API answers the same bytes and DCAT the same graph in either language)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from rdflib import Graph
from rdflib.compare import isomorphic

from smartprovince.agencies.models import Agency
from smartprovince.datahub import gdc
from smartprovince.datahub.gdc_labels import FIELD_LABELS, LABELS
from smartprovince.datahub.models import DataDomain, Dataset, IntegrationLink, ITSystem

pytestmark = pytest.mark.django_db



def test_every_thai_controlled_value_has_a_translatable_label() -> None:
    values = {v for name in dir(gdc) if name.isupper() and isinstance(getattr(gdc, name), tuple)
              for v in getattr(gdc, name) if isinstance(v, str) and any("\u0e00" <= c <= "\u0e7f" for c in v)}
    assert values - set(LABELS) == set()
    with translation.override("th"):
        assert all(str(LABELS[v]) == v for v in values)
    with translation.override("en"):
        untranslated = [v for v in values if str(LABELS[v]) == v]
    assert untranslated == []


def test_choices_keep_the_thai_stored_value() -> None:
    with translation.override("en"):
        pairs = [(value, str(label)) for value, label in gdc.choices(gdc.DATA_CLASSIFICATIONS)]
    assert pairs == [("เปิดเผย", "Open"), ("ชั้นเผยแพร่ภายในองค์กร", "Internal distribution"), ("ลับ", "Confidential"),
                     ("ลับมาก", "Secret"), ("ลับที่สุด", "Top secret")]


def test_dataset_form_in_english_and_thai(login: Any, agri_editor: Any, page_html: Callable[..., str]) -> None:
    login(agri_editor)
    html = page_html("/app/datahub/datasets/new/", "en")
    for english in (">Data Type ", ">Data Category ", ">Data Classification<", ">Update Frequency Interval<",
                    ">Accessible Condition<", ">First year of data (B.E.)<", ">West bound longitude<",
                    "Separate with commas, e.g. rice, yield, agriculture", "— Select —",
                    '<option value="ข้อมูลสถิติ">Statistical data</option>', '<option value="ลับที่สุด">Top secret</option>',
                    "National Strategy", "Household/family", "Orthorectified satellite imagery layer"):
        assert english in html, english
    for thai in (">ประเภทชุดข้อมูล", ">ข้อมูลสถิติ<", ">ลับที่สุด<", "ยุทธศาสตร์ชาติ<", "คั่นด้วยจุลภาค", "— เลือก —",
                 ">เงื่อนไขในการเข้าถึงข้อมูล<"):
        assert thai not in html, thai
    html = page_html("/app/datahub/datasets/new/", "th")
    for thai in (">ประเภทชุดข้อมูล ", '<option value="ข้อมูลสถิติ">ข้อมูลสถิติ</option>', "คั่นด้วยจุลภาค เช่น ข้าว, ผลผลิต, เกษตร",
                 "— เลือก —"):
        assert thai in html, thai
    assert "Statistical data" not in html


def test_dataset_saved_from_an_english_page_stores_the_thai_values(
    client: Client, login: Any, agri_editor: Any, make_dataset: Callable[..., Any], page_html: Callable[..., str],
) -> None:
    dataset = make_dataset(data_classification="เปิดเผย")
    login(agri_editor)
    html = page_html(f"/data/dataset/{dataset.name}/", "en")
    assert "Statistical data" in html and "Public data" in html and "National" not in html
    assert ">ข้อมูลสถิติ<" not in html
    dataset.refresh_from_db()
    assert (dataset.data_type, dataset.data_category, dataset.data_classification, dataset.objective) == (
        "ข้อมูลสถิติ", "ข้อมูลสาธารณะ", "เปิดเผย", ["พันธกิจหน่วยงาน"])
    answers = {}
    for language in ("th", "en"):
        client.cookies["django_language"] = language
        answers[language] = (client.get(f"/api/3/action/package_show?id={dataset.name}").content,
                             client.get(f"/dataset/{dataset.name}.jsonld").content)
        translation.activate("th")
    assert answers["en"][0] == answers["th"][0]
    # the same graph (blank-node ids, and so the order of the nodes, differ from one request to the next)
    graphs = [Graph().parse(data=answers[language][1], format="json-ld") for language in ("th", "en")]
    assert len(graphs[0]) > 20 and isomorphic(graphs[0], graphs[1])
    result = json.loads(answers["en"][0])["result"]
    assert (result["data_type"], result["data_category"], result["data_classification"]) == (
        "ข้อมูลสถิติ", "ข้อมูลสาธารณะ", "เปิดเผย")
    assert Dataset.objects.filter(data_type="ข้อมูลสถิติ").count() == 1


def test_resource_pages_in_english_and_thai(
    login: Any, agri_editor: Any, make_dataset: Callable[..., Any], upload: Callable[..., Any], page_html: Callable[..., str],
) -> None:
    dataset = make_dataset()
    resource = upload(dataset, "อำเภอ,ปี,ค่า\nเมืองสกลนคร,2565,10\n".encode(), "rice.csv")
    login(agri_editor)
    html = page_html(f"/app/datahub/datasets/{dataset.name}/resources/new/", "en")
    for english in (">Resource name<", "Leave blank to use the file name", ">Or a link to the data<", ">Sheet (XLSX)<"):
        assert english in html, english
    assert "ชื่อทรัพยากร" not in html and "เว้นว่างเพื่อใช้ชื่อไฟล์" not in html
    html = page_html(f"/app/datahub/resources/{resource.pk}/", "en")
    for english in ("— Not a key —", ">Area code (DOPA 2/4/6 digits or area name)<", ">Fiscal year (B.E.)<", ">Integer<",
                    ">Text<", ">New version of the file"):
        assert english in html, english
    for thai in ("— ไม่ใช่คีย์ —", "รหัสพื้นที่ (มท.", ">จำนวนเต็ม<", ">ข้อความ<", ">ไฟล์ฉบับใหม่"):
        assert thai not in html, thai
    html = page_html(f"/app/datahub/resources/{resource.pk}/", "th")
    for thai in ("— ไม่ใช่คีย์ —", ">รหัสพื้นที่ (มท. 2/4/6 หลัก หรือชื่อพื้นที่)<", ">จำนวนเต็ม<", ">ไฟล์ฉบับใหม่"):
        assert thai in html, thai


def test_it_system_registry_in_english_and_thai(login: Any, admin_user: Any, page_html: Callable[..., str]) -> None:
    agri = Agency.objects.get(code="SKN-AGRI")
    source = ITSystem.objects.create(agency=agri, name="ระบบทะเบียนเกษตรกร", kind="database", status="development")
    target = ITSystem.objects.create(agency=agri, name="ระบบแผนที่", status="planned")
    IntegrationLink.objects.create(source=source, target=target, method="gdx")
    login(admin_user)
    html = page_html("/app/datahub/systems/", "en")
    for english in (">Database<", ">In development<", "GDX (Government Data Exchange)"):
        assert english in html, english
    assert "ศูนย์แลกเปลี่ยนข้อมูลกลางภาครัฐ" not in html and ">กำลังพัฒนา<" not in html
    html = page_html("/app/datahub/systems/new/", "en")
    for english in (">Information system<", ">Planned<", ">Retired<", ">System name", ">Hosting/provider<"):
        assert english in html, english
    assert ">ระบบสารสนเทศ<" not in html and ">วางแผน<" not in html
    html = page_html("/app/datahub/links/new/", "en")
    for english in (">Source system", ">Integration method", ">File exchange<", ">Direct database link<"):
        assert english in html, english
    assert ">แลกเปลี่ยนไฟล์<" not in html
    html = page_html("/app/datahub/systems/new/", "th")
    assert ">ระบบสารสนเทศ<" in html and ">วางแผน<" in html and ">ชื่อระบบ" in html
    html = page_html("/app/datahub/links/new/", "th")
    assert ">GDX (ศูนย์แลกเปลี่ยนข้อมูลกลางภาครัฐ)<" in html and ">แลกเปลี่ยนไฟล์<" in html
    assert set(ITSystem.objects.values_list("kind", "status")) == {("database", "development"), ("system", "planned")}


def test_missing_metadata_fields_in_english_and_thai(
    make_dataset: Callable[..., Any], page_html: Callable[..., str],
) -> None:
    dataset = make_dataset()  # statistical, without last update date, years or unit of measure
    html = page_html(f"/data/dataset/{dataset.name}/", "en")
    assert "Missing: Date last updated, First year of data, Last year of data, Unit of measure<" in html
    for thai in ("วันที่ปรับปรุงข้อมูลล่าสุด", "ปีข้อมูลที่เริ่มต้นจัดทำ", "ปีข้อมูลล่าสุดที่เผยแพร่", "หน่วยวัด"):
        assert thai not in html, thai
    html = page_html(f"/data/dataset/{dataset.name}/", "th")
    assert "ยังขาด: วันที่ปรับปรุงข้อมูลล่าสุด, ปีข้อมูลที่เริ่มต้นจัดทำ, ปีข้อมูลล่าสุดที่เผยแพร่, หน่วยวัด<" in html


def test_every_completeness_field_label_is_translated() -> None:
    labels = [label for label, _allowed, _multi in gdc.FIELDS.values()] + list(gdc.EXTRA_LABELS.values())
    with translation.override("th"):
        assert [str(FIELD_LABELS[label]) for label in labels] == labels
    with translation.override("en"):
        untranslated = [label for label in labels if str(FIELD_LABELS[label]) == label]
        # the validation messages that quote the same labels stay Thai
        assert gdc.validate_metadata({})["title"] == [
            "กรุณากรอก “ชื่อชุดข้อมูล” (เป็นข้อมูลบังคับตามมาตรฐานเมทาดาตาภาครัฐ)"]
    assert untranslated == []


def test_domain_titles_in_english_and_thai(
    login: Any, admin_user: Any, make_dataset: Callable[..., Any], page_html: Callable[..., str],
) -> None:
    dataset = make_dataset(domains=("agriculture", "social-quality-of-life"))
    html = page_html("/data/", "en")
    for english in (">Agriculture</a> (1)", ">Society and quality of life</a> (1)", " · Agriculture · Society and quality of life<"):
        assert english in html, english
    assert ">เกษตร</a>" not in html and "· เกษตร" not in html and "สังคมและคุณภาพชีวิต" not in html
    html = page_html(f"/data/dataset/{dataset.name}/", "en")
    assert " · Agriculture · Society and quality of life<" in html and "สังคมและคุณภาพชีวิต" not in html
    html = page_html("/data/?groups=agriculture", "en")
    assert "<strong>Agriculture</strong> (1)" in html
    html = page_html("/data/", "th")
    assert ">เกษตร</a> (1)" in html and ">สังคมและคุณภาพชีวิต</a> (1)" in html and "Agriculture" not in html
    login(admin_user)
    html = page_html("/app/datahub/domains/", "en")
    for english in (">Agriculture</a>", ">Tourism</a>", ">Trade and investment</a>"):
        assert english in html, english
    assert ">เกษตร</a>" not in html and ">ท่องเที่ยว</a>" not in html
    html = page_html("/app/datahub/domains/", "th")
    assert ">เกษตร</a>" in html and ">ท่องเที่ยว</a>" in html and ">Agriculture</a>" not in html


def test_catalog_data_category_filter_in_english_and_thai(
    make_dataset: Callable[..., Any], page_html: Callable[..., str],
) -> None:
    make_dataset()
    html = page_html("/data/", "en")
    assert "data_category=%E0%B8%82%E0%B9%89%E0%B8%AD%E0%B8%A1%E0%B8%B9%E0%B8%A5%E0%B8%AA%E0%B8%B2%E0%B8%98" in html
    assert ">Public data</a> (1)" in html and "ข้อมูลสาธารณะ" not in html
    html = page_html("/data/?data_category=ข้อมูลสาธารณะ", "en")  # the filter value stays the stored Thai value
    assert "<strong>Public data</strong> (1)" in html and "rice-2565" in html
    assert '<input type="hidden" name="data_category" value="ข้อมูลสาธารณะ">' in html
    html = page_html("/data/", "th")
    assert ">ข้อมูลสาธารณะ</a> (1)" in html and "Public data" not in html


def test_catalog_api_answers_the_same_in_either_language(client: Client, make_dataset: Callable[..., Any]) -> None:
    make_dataset(domains=("agriculture",))
    urls = ['/api/3/action/package_search?facet.field=["groups","data_category","data_type"]',
            "/api/3/action/group_list?all_fields=true", "/api/3/action/group_show?id=agriculture"]
    answers: dict[str, list[bytes]] = {}
    for language in ("th", "en"):
        client.cookies["django_language"] = language
        answers[language] = [client.get(url).content for url in urls]
        translation.activate("th")
    assert answers["en"] == answers["th"]
    facets = json.loads(answers["en"][0])["result"]["search_facets"]
    assert [(i["name"], i["display_name"]) for i in facets["groups"]["items"]] == [("agriculture", "เกษตร")]
    assert [(i["name"], i["display_name"]) for i in facets["data_category"]["items"]] == [("ข้อมูลสาธารณะ", "ข้อมูลสาธารณะ")]


@pytest.mark.parametrize(("language", "flash"), [("th", "บันทึกด้านข้อมูลแล้ว"), ("en", "Data domain saved.")])
def test_data_hub_flash_messages_follow_the_language(client: Client, login: Any, admin_user: Any, language: str,
                                                      flash: str) -> None:
    login(admin_user)
    client.cookies["django_language"] = language
    r = client.post("/app/datahub/domains/", {"name": "energy", "title_th": "พลังงาน", "title_en": "Energy",
                                              "description": "", "order": "9", "is_active": "on"}, follow=True)
    translation.activate("th")
    assert r.status_code == 200 and flash in r.content.decode()
    assert DataDomain.objects.get(name="energy").title_en == "Energy"
