"""Back-office pages: who sees what, 404 for other agencies, constant query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from smartprovince.agencies.models import Agency
from smartprovince.eservices import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(admin_user):
    agri, tour = Agency.objects.get(code="SKN-AGRI"), Agency.objects.get(code="SKN-TOUR")
    made = []
    for agency in (agri, tour):
        for i in range(3):
            s = services.eservice_create(actor=admin_user, agency=agency, name_th=f"บริการ {agency.code} {i}", category="other", digital_level=3)
            services.channel_create(actor=admin_user, agency=agency, service=s, channel_type="eservice", address=f"https://e{i}.invalid/")
            made.append(s)
        services.channel_create(actor=admin_user, agency=agency, channel_type="website", address="https://w.invalid/")
    return made


STAFF_URLS = ["eservices:service-list", "eservices:channel-list", "eservices:usage", "eservices:survey-list", "eservices:satisfaction", "eservices:coverage"]


@pytest.mark.parametrize("name", STAFF_URLS)
def test_staff_pages_need_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_agency_editor_sees_only_own_agency(client, agri_editor, registry, agri_survey, tour_survey):
    client.force_login(agri_editor)
    html = client.get(reverse("eservices:service-list")).content.decode()
    assert "บริการ SKN-AGRI 0" in html and "บริการ SKN-TOUR 0" not in html
    tour_service = next(s for s in registry if s.agency.code == "SKN-TOUR")
    tour_channel = tour_service.channels.first()
    for url in (
        reverse("eservices:service-detail", args=[tour_service.pk]), reverse("eservices:service-update", args=[tour_service.pk]),
        reverse("eservices:channel-update", args=[tour_channel.pk]), reverse("eservices:survey-detail", args=[tour_survey.pk]),
        reverse("eservices:survey-results", args=[tour_survey.pk]), reverse("eservices:survey-poster", args=[tour_survey.pk]),
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("eservices:service-update", args=[tour_service.pk]), {"name_th": "แก้"})
    assert response.status_code == 404
    tour_service.refresh_from_db()
    assert tour_service.name_th == "บริการ SKN-TOUR 0"
    assert client.get(reverse("eservices:survey-results", args=[agri_survey.pk])).status_code == 200


def test_viewer_cannot_write(client, agri_viewer, registry):
    client.force_login(agri_viewer)
    assert client.get(reverse("eservices:service-list")).status_code == 200
    assert client.get(reverse("eservices:service-create")).status_code == 403
    assert client.post(reverse("eservices:usage-record"), {}).status_code == 403


def test_editor_creates_service_through_the_form(client, agri_editor):
    client.force_login(agri_editor)
    agri = Agency.objects.get(code="SKN-AGRI")
    data = {"agency": agri.pk, "name_th": "ขอรับพันธุ์พืช", "category": "agriculture", "fee_baht": "0", "processing_time_unit": "working_days", "digital_level": "3", "is_active": "on"}
    response = client.post(reverse("eservices:service-create"), data)
    assert response.status_code == 302
    bad = client.post(reverse("eservices:service-create"), {**data, "agency": Agency.objects.get(code="SKN-TOUR").pk, "name_th": "ข้อความที่พิมพ์"})
    assert bad.status_code == 400 and "ข้อความที่พิมพ์" in bad.content.decode()


def test_list_pages_keep_constant_queries(client, admin_user, registry, django_assert_max_num_queries):
    client.force_login(admin_user)
    for name in ("eservices:service-list", "eservices:channel-list", "eservices:usage", "eservices:survey-list"):
        with django_assert_max_num_queries(12):
            assert client.get(reverse(name)).status_code == 200
    for i in range(10):
        services.eservice_create(actor=admin_user, agency=Agency.objects.get(code="SKN-AGRI"), name_th=f"เพิ่ม {i}", category="other")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("eservices:service-list")).status_code == 200


def test_coverage_page_for_admin(client, admin_user, registry, django_assert_max_num_queries):
    client.force_login(admin_user)
    with django_assert_max_num_queries(10):
        html = client.get(reverse("eservices:coverage")).content.decode()
    assert "สำนักงานเกษตรจังหวัดสกลนคร" in html and "ขาดอีก 1 ช่องทาง" in html
    xlsx = client.get(reverse("eservices:coverage") + "?export=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_results_page_and_export(client, agri_editor, agri_survey):
    q = agri_survey.questions.first()
    services.survey_response_submit(survey=agri_survey, answers={q.pk: 5}, nonce=None)
    services.survey_response_submit(survey=agri_survey, answers={q.pk: 4}, nonce=None)
    client.force_login(agri_editor)
    html = client.get(reverse("eservices:survey-results", args=[agri_survey.pk])).content.decode()
    assert 'data-figure-id="fig-sections"' in html and "4.50" in html and "มากที่สุด" in html
    from io import BytesIO

    from openpyxl import load_workbook

    wb = load_workbook(BytesIO(client.get(reverse("eservices:survey-results", args=[agri_survey.pk]) + "?export=xlsx").content))
    rows = list(wb["สรุปรายด้าน"].iter_rows(min_row=3, values_only=True))
    assert rows[-1] == ("ภาพรวม", 2, 4.5, 0.71, 100.0, 90.0, "มากที่สุด")


def test_poster_pdf_is_thai_and_has_the_url(client, agri_editor, agri_survey):
    import re
    import unicodedata
    from io import BytesIO

    from pypdf import PdfReader

    client.force_login(agri_editor)
    response = client.get(reverse("eservices:survey-poster", args=[agri_survey.pk]))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    # ำ is written decomposed (core.pdf), so the text layer is NFKC-equal to the original and has no
    # control characters; zero-width spaces mark the word breaks.
    raw = reader.pages[0].extract_text()
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", raw)
    text = unicodedata.normalize("NFKC", raw).replace("\u200b", "")
    assert len(reader.pages) == 1
    assert "ช่วยประเมินความพึงพอใจ" in text and unicodedata.normalize("NFKC", "สำนักงานเกษตรจังหวัดสกลนคร") in text
    assert f"http://testserver/survey/{agri_survey.pk}/" in text
    assert abs(float(reader.pages[0].mediabox.width) - 595.28) < 1


def test_workspace_panel_and_menu(client, agri_editor):
    client.force_login(agri_editor)
    html = client.get(reverse("core:workspace")).content.decode()
    assert "บริการประชาชนและช่องทางดิจิทัล" in html
