"""The public directory and the back-office lists (services, channels, surveys, usage): the
agency picker filters, and the pages cost the same number of queries whether the province has a
handful or many agencies/services."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from smartprovince.agencies.models import Agency
from smartprovince.eservices import services
from smartprovince.eservices.models import Channel, EService, Survey, UsageStat

pytestmark = pytest.mark.django_db

AGRI = "สำนักงานเกษตรจังหวัดสกลนคร"


@pytest.fixture
def registry(admin_user):
    made = {}
    for code in ("SKN-AGRI", "SKN-TOUR"):
        agency = Agency.objects.get(code=code)
        made[code] = services.eservice_create(actor=admin_user, agency=agency, name_th=f"บริการของ {code}", category="other", digital_level=3)
        services.channel_create(actor=admin_user, agency=agency, service=made[code], channel_type="eservice", address="https://e.invalid/")
        services.channel_create(actor=admin_user, agency=agency, service=made[code], channel_type="line_oa", address="@skn")
    return made


def grow(n_agencies: int = 60, per_agency: int = 3) -> None:
    """More agencies, each with services and channels (direct writes: only the volume matters)."""
    agencies = Agency.objects.bulk_create([Agency(code=f"GROW-{i:03}", name_th=f"หน่วยงานเพิ่ม {i:03}") for i in range(n_agencies)])
    rows = EService.objects.bulk_create([
        EService(agency=a, code=f"{a.code}-{j}", name_th=f"บริการเพิ่ม {a.code} {j}", category="other", digital_level=3)
        for a in agencies for j in range(per_agency)
    ])
    Channel.objects.bulk_create([Channel(agency=s.agency, service=s, channel_type="eservice", address="https://g.invalid/") for s in rows])


def queries(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


# ----------------------------------------------------------------- public directory

DIRECTORY = "/services/"


def test_directory_filters_by_code_as_before_and_by_typed_name(client, registry):
    agri, tour = (reverse("eservices_public:service", args=[registry[c].pk]) for c in ("SKN-AGRI", "SKN-TOUR"))
    for typed in ("SKN-AGRI", "เกษตรจังหวัด", f"{AGRI} (SKN-AGRI)"):
        html = client.get(DIRECTORY, {"agency": typed}).content.decode()
        assert agri in html and tour not in html, typed
        assert f'value="{AGRI} (SKN-AGRI)"' in html  # the chosen agency is shown by name


def test_directory_says_in_thai_when_no_agency_matches(client, registry):
    html = client.get(DIRECTORY, {"agency": "ไม่มีหน่วยงานนี้"}).content.decode()
    assert "ไม่พบหน่วยงานที่ตรงกับ “ไม่มีหน่วยงานนี้” ลองพิมพ์ชื่อให้สั้นลง หรือพิมพ์รหัสหน่วยงาน" in html
    assert "พบ 0 งานบริการ" in html
    several = client.get(DIRECTORY, {"agency": "เกษตร"}).content.decode()
    assert "มีหลายหน่วยงานที่ตรงกับ “เกษตร”" in several and 'href="?agency=SKN-AGRI"' in several
    assert "พบ 0 งานบริการ" in several


def test_directory_lists_no_agency_options(client, registry):
    html = client.get(DIRECTORY).content.decode()
    assert "<option" not in html.split('id="category"')[0]
    assert 'hx-get="/lookup/agencies/?field=agency"' in html


def test_directory_queries_do_not_grow(client, registry):
    client.get(DIRECTORY)  # warm the site-state cache
    before, _ = queries(client, DIRECTORY)
    filtered, _ = queries(client, DIRECTORY, {"agency": "SKN-AGRI"})
    assert (before, filtered) == (2, 3)  # count + page; + the typed agency
    grow()
    after, html = queries(client, DIRECTORY)
    assert after == before and html.count('class="level level-3"') == 20
    assert queries(client, DIRECTORY, {"agency": "SKN-AGRI", "page": "1"})[0] == filtered


# ----------------------------------------------------------------- back-office registry

REGISTRY = "/app/eservices/"


def test_registry_filters_by_id_as_before_and_by_code(client, admin_user, registry):
    client.force_login(admin_user)
    agri = Agency.objects.get(code="SKN-AGRI")
    for typed in (str(agri.pk), "SKN-AGRI", "เกษตรจังหวัด"):
        html = client.get(REGISTRY, {"agency": typed}).content.decode()
        assert "บริการของ SKN-AGRI" in html and "บริการของ SKN-TOUR" not in html, typed
    html = client.get(REGISTRY, {"agency": "ไม่มีหน่วยงานนี้"}).content.decode()
    assert "ไม่พบหน่วยงานที่ตรงกับ" in html and "ยังไม่มีงานบริการ" in html


def test_registry_channel_counts_per_row(client, admin_user, registry):
    client.force_login(admin_user)
    services.channel_create(actor=admin_user, agency=registry["SKN-TOUR"].agency, channel_type="website", address="https://w.invalid/")
    Channel.objects.filter(service=registry["SKN-TOUR"], channel_type="line_oa").update(is_active=False)
    html = client.get(REGISTRY).content.decode()
    rows = {code: html.split(f"บริการของ {code}</a>")[1].split("</tr>")[0] for code in ("SKN-AGRI", "SKN-TOUR")}
    assert '<td class="num">2</td>' in rows["SKN-AGRI"] and '<td class="num">1</td>' in rows["SKN-TOUR"]


def test_editor_cannot_pick_another_agency(client, agri_editor, registry):
    client.force_login(agri_editor)
    tour = Agency.objects.get(code="SKN-TOUR")
    for typed in (str(tour.pk), "SKN-TOUR"):
        html = client.get(REGISTRY, {"agency": typed}).content.decode()
        assert "บริการของ SKN-TOUR" not in html and "ไม่พบหน่วยงานที่ตรงกับ" in html


def test_registry_queries_do_not_grow(client, admin_user, registry):
    client.force_login(admin_user)
    client.get(REGISTRY)  # warm the site-state cache
    before, _ = queries(client, REGISTRY)
    filtered, _ = queries(client, REGISTRY, {"agency": "SKN-AGRI"})
    # session, user, memberships, count, page, channel counts (+ the typed agency)
    assert (before, filtered) == (6, 7)
    grow()
    after, html = queries(client, REGISTRY)
    assert after == before and html.count('<td class="num">') == 50
    assert queries(client, REGISTRY, {"agency": "SKN-AGRI"})[0] == filtered


# ----------------------------------------------------------------- back-office channels, surveys, usage

TOUR = "สำนักงานการท่องเที่ยวและกีฬาจังหวัดสกลนคร"
ESERVICE = "ระบบ e-Service / แบบฟอร์มออนไลน์"
WEBSITE = "เว็บไซต์หน่วยงาน"
NOT_FOUND = "ไม่พบหน่วยงานที่ตรงกับ “ไม่มีหน่วยงานนี้” ลองพิมพ์ชื่อให้สั้นลง หรือพิมพ์รหัสหน่วยงาน"
CHANNELS, SURVEYS, USAGE = "/app/eservices/channels/", "/app/eservices/surveys/", "/app/eservices/usage/"
TABLES = {CHANNELS: "channel-table", SURVEYS: "survey-table", USAGE: "usage-table"}
EMPTY = {CHANNELS: [("ยังไม่มีช่องทาง",)], SURVEYS: [("ยังไม่มีแบบสำรวจ",)], USAGE: [("ยังไม่มีสถิติ",)]}
# Each page's rows of one agency, in the page's order (channels and surveys by agency name, so
# the tourism office comes first; usage by month then service name). Both channels belong to the
# service: the list orders by service_id, and an agency-wide channel (NULL) sorts first on SQLite
# but last on PostgreSQL.
ROWS = {
    CHANNELS: {
        "SKN-AGRI": [(AGRI, "บริการของ SKN-AGRI", ESERVICE, "https://skn-agri.invalid/", "ใช้งาน", "–", "แก้ไข"),
                     (AGRI, "บริการของ SKN-AGRI", WEBSITE, "https://www.skn-agri.invalid/", "ใช้งาน", "–", "แก้ไข")],
        "SKN-TOUR": [(TOUR, "บริการของ SKN-TOUR", ESERVICE, "https://skn-tour.invalid/", "ใช้งาน", "–", "แก้ไข"),
                     (TOUR, "บริการของ SKN-TOUR", WEBSITE, "https://www.skn-tour.invalid/", "ใช้งาน", "–", "แก้ไข")],
    },
    SURVEYS: {
        "SKN-AGRI": [("แบบสำรวจของ SKN-AGRI", AGRI, "ภาพรวมหน่วยงาน", "0", "เปิดรับคำตอบ", "ผลสำรวจ")],
        "SKN-TOUR": [("แบบสำรวจของ SKN-TOUR", TOUR, "ภาพรวมหน่วยงาน", "0", "เปิดรับคำตอบ", "ผลสำรวจ")],
    },
    USAGE: {
        "SKN-AGRI": [("ม.ค. 2567", "บริการของ SKN-AGRI", AGRI, ESERVICE, "1,200")],
        "SKN-TOUR": [("ม.ค. 2567", "บริการของ SKN-TOUR", TOUR, ESERVICE, "45")],
    },
}
ALL_ROWS = {
    CHANNELS: ROWS[CHANNELS]["SKN-TOUR"] + ROWS[CHANNELS]["SKN-AGRI"],
    SURVEYS: ROWS[SURVEYS]["SKN-TOUR"] + ROWS[SURVEYS]["SKN-AGRI"],
    USAGE: ROWS[USAGE]["SKN-AGRI"] + ROWS[USAGE]["SKN-TOUR"],
}
PAGES = pytest.mark.parametrize("url", [CHANNELS, SURVEYS, USAGE])


@pytest.fixture
def staff_lists(admin_user):
    """Per agency: a service with two channels, a survey, a month of usage."""
    for code, transactions in (("SKN-AGRI", 1200), ("SKN-TOUR", 45)):
        agency = Agency.objects.get(code=code)
        service = services.eservice_create(actor=admin_user, agency=agency, name_th=f"บริการของ {code}", category="other", digital_level=3)
        services.channel_create(actor=admin_user, agency=agency, service=service, channel_type="eservice", address=f"https://{code.lower()}.invalid/")
        services.channel_create(actor=admin_user, agency=agency, service=service, channel_type="website", address=f"https://www.{code.lower()}.invalid/")
        services.survey_create(actor=admin_user, agency=agency, title_th=f"แบบสำรวจของ {code}")
        services.usage_record(actor=admin_user, service=service, channel_type="eservice", month=dt.date(2024, 1, 1), transactions=transactions)


def table_rows(html, url):
    """The cells' text of each body row of the page's table."""
    body = html.split(f'data-testid="{TABLES[url]}"')[1].split("<tbody>")[1].split("</tbody>")[0]
    return [
        tuple(" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S))
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def picker_status(html):
    return re.search(r'<p id="agency-status" class="hint" role="status">(.*?)</p>', html).group(1)


def row_counts():
    return Channel.objects.count(), Survey.objects.count(), UsageStat.objects.count()


@PAGES
def test_staff_list_filters_by_id_and_by_typed_code(client, admin_user, staff_lists, url):
    client.force_login(admin_user)
    assert table_rows(client.get(url).content.decode(), url) == ALL_ROWS[url]
    for code, label in (("SKN-AGRI", f"{AGRI} (SKN-AGRI)"), ("SKN-TOUR", f"{TOUR} (SKN-TOUR)")):
        agency = Agency.objects.get(code=code)
        for typed in (str(agency.pk), code, code.lower(), label):
            html = client.get(url, {"agency": typed}).content.decode()
            assert table_rows(html, url) == ROWS[url][code], (code, typed)
            assert f'value="{label}"' in html and picker_status(html) == ""  # the chosen agency, by name


@PAGES
def test_staff_list_unknown_agency_says_so_in_thai_and_lists_nothing(client, admin_user, staff_lists, url):
    client.force_login(admin_user)
    before = row_counts()
    html = client.get(url, {"agency": "ไม่มีหน่วยงานนี้"}).content.decode()
    assert picker_status(html) == NOT_FOUND
    assert table_rows(html, url) == EMPTY[url]
    assert 'value="ไม่มีหน่วยงานนี้"' in html  # what was typed stays in the box
    # several agencies match: offered as links that pick one, still nothing listed
    several = client.get(url, {"agency": "เกษตร", "page": "2"}).content.decode()
    assert picker_status(several) == "มีหลายหน่วยงานที่ตรงกับ “เกษตร” กรุณาเลือกหน่วยงานจากรายการด้านล่าง"
    assert 'href="?agency=SKN-AGRI"' in several and table_rows(several, url) == EMPTY[url]
    # nothing was lost or changed: every row is still there, unfiltered
    assert row_counts() == before == (4, 2, 2)
    assert table_rows(client.get(url).content.decode(), url) == ALL_ROWS[url]


@PAGES
def test_staff_list_officer_sees_and_picks_only_own_agency(client, agri_editor, staff_lists, url):
    client.force_login(agri_editor)
    assert table_rows(client.get(url).content.decode(), url) == ROWS[url]["SKN-AGRI"]
    assert table_rows(client.get(url, {"agency": "SKN-AGRI"}).content.decode(), url) == ROWS[url]["SKN-AGRI"]
    tour = Agency.objects.get(code="SKN-TOUR")
    for typed in (str(tour.pk), "SKN-TOUR", TOUR):
        html = client.get(url, {"agency": typed}).content.decode()
        assert table_rows(html, url) == EMPTY[url], typed
        assert picker_status(html) == f"ไม่พบหน่วยงานที่ตรงกับ “{typed}” ลองพิมพ์ชื่อให้สั้นลง หรือพิมพ์รหัสหน่วยงาน"


# Without a filter's <option>s per agency, a page holds a fixed number of them: the channel
# type filter's three; the usage page's record form asks a province admin to choose an agency
# first (no choice of every service in the province).
OPTIONS = {CHANNELS: 3, SURVEYS: 0, USAGE: 0}


@PAGES
def test_staff_list_has_no_option_per_agency(client, admin_user, staff_lists, url):
    client.force_login(admin_user)
    html = client.get(url).content.decode()
    assert html.count("<option") == OPTIONS[url]
    assert 'hx-get="/lookup/agencies/?field=agency&amp;perm=' in html
    Agency.objects.bulk_create([Agency(code=f"MORE-{i:03}", name_th=f"หน่วยงานเพิ่ม {i:03}") for i in range(30)])
    assert client.get(url).content.decode().count("<option") == OPTIONS[url]


# session, user, memberships, count, page (+ the survey page's response counts are in its page
# query; the usage page adds its record form's service choices)
QUERIES = {CHANNELS: 5, SURVEYS: 5, USAGE: 6}


@PAGES
def test_staff_list_queries_do_not_grow(client, admin_user, staff_lists, url):
    client.force_login(admin_user)
    client.get(url)  # warm the site-state cache
    before, _ = queries(client, url)
    filtered, _ = queries(client, url, {"agency": "SKN-AGRI"})
    assert (before, filtered) == (QUERIES[url], QUERIES[url] + 1)  # + the typed agency
    grow(30)
    assert queries(client, url)[0] == before
    after_filtered, html = queries(client, url, {"agency": "SKN-AGRI"})
    assert after_filtered == filtered and table_rows(html, url) == ROWS[url]["SKN-AGRI"]


def test_staff_list_pages_keep_the_agency(client, admin_user, staff_lists):
    client.force_login(admin_user)
    agri = Agency.objects.get(code="SKN-AGRI")
    Channel.objects.bulk_create([
        Channel(agency=agri, channel_type="phone", address=f"042-000-{i:03}") for i in range(60)
    ])
    first = client.get(CHANNELS, {"agency": "SKN-AGRI", "digital": "0"}).content.decode()
    assert len(table_rows(first, CHANNELS)) == 50
    assert 'href="?agency=SKN-AGRI&amp;digital=0&amp;page=2"' in first
    second = client.get(CHANNELS, {"agency": "SKN-AGRI", "digital": "0", "page": "2"}).content.decode()
    assert len(table_rows(second, CHANNELS)) == 10 and {row[0] for row in table_rows(second, CHANNELS)} == {AGRI}


def test_channel_list_puts_agency_wide_channels_first_on_every_database(admin_user):
    from smartprovince.eservices.selectors import channel_list

    agency = Agency.objects.get(code="SKN-AGRI")
    service = services.eservice_create(actor=admin_user, agency=agency, name_th="ขออนุญาต", category="other", digital_level=3)
    services.channel_create(actor=admin_user, agency=agency, service=service, channel_type="eservice", address="https://a.invalid/")
    services.channel_create(actor=admin_user, agency=agency, service=None, channel_type="website", address="https://b.invalid/")
    rows = [(c.service_id, c.channel_type) for c in channel_list(actor=admin_user, agency_id=agency.pk)]
    assert rows == [(None, "website"), (service.pk, "eservice")]


def _service_choices(html):
    form = html.split('data-testid="usage-record"')[1].split('name="service"')[1].split("</select>")[0]
    return re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', form)


CHOOSE_FIRST = "เลือกหน่วยงานที่ช่อง “หน่วยงาน” ด้านล่างแล้วกด “กรอง” ก่อน แบบบันทึกจะแสดงงานบริการของหน่วยงานนั้น"


def test_usage_record_form_offers_one_agencys_services(client, admin_user, agri_editor, staff_lists):
    agri_service = EService.objects.get(name_th="บริการของ SKN-AGRI")
    client.force_login(admin_user)
    html = client.get(USAGE).content.decode()
    assert CHOOSE_FIRST in html and 'name="service"' not in html
    html = client.get(USAGE, {"agency": "SKN-AGRI"}).content.decode()
    assert _service_choices(html) == [(str(agri_service.pk), f"{agri_service.code} · บริการของ SKN-AGRI")]
    assert f'action="/app/eservices/usage/record/?agency={agri_service.agency_id}"' in html
    # an agency officer writes for one agency: its services, without choosing
    client.force_login(agri_editor)
    html = client.get(USAGE).content.decode()
    assert CHOOSE_FIRST not in html and [pk for pk, _ in _service_choices(html)] == [str(agri_service.pk)]


def test_usage_record_keeps_the_agency_and_a_refused_post_changes_nothing(client, admin_user, staff_lists):
    agri_service = EService.objects.get(name_th="บริการของ SKN-AGRI")
    tour_service = EService.objects.get(name_th="บริการของ SKN-TOUR")
    client.force_login(admin_user)
    url = f"/app/eservices/usage/record/?agency={agri_service.agency_id}"
    before = list(UsageStat.objects.order_by("pk").values_list("service_id", "month", "transactions"))
    refused = client.post(url, {"service": agri_service.pk, "channel_type": "eservice", "month": "2", "year_be": "2567",
                                "transactions": "-5"})
    assert refused.status_code == 400
    assert list(UsageStat.objects.order_by("pk").values_list("service_id", "month", "transactions")) == before
    html = refused.content.decode()
    assert _service_choices(html) == [(str(agri_service.pk), f"{agri_service.code} · บริการของ SKN-AGRI")]
    assert f'<option value="{agri_service.pk}" selected>' in html
    # any service the admin may write is still accepted (the choice shown is only a view of them)
    done = client.post(url, {"service": tour_service.pk, "channel_type": "eservice", "month": "2", "year_be": "2567",
                             "transactions": "7"})
    assert done.status_code == 302 and done["Location"] == f"/app/eservices/usage/?agency={tour_service.agency_id}"
    assert UsageStat.objects.get(service=tour_service, month=dt.date(2024, 2, 1)).transactions == 7
