"""The citizen's survey form (HTML): no login, double submit recorded once, honeypot, rate limit."""

from __future__ import annotations

import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from smartprovince.eservices import abuse
from smartprovince.eservices.models import SurveyAnswer, SurveyResponse

pytestmark = pytest.mark.django_db


def _form_data(client: Client, survey, **extra):
    page = client.get(reverse("eservices_public:survey", args=[survey.pk]))
    assert page.status_code == 200
    token = re.search(r'name="form_token" value="([^"]+)"', page.content.decode()).group(1)
    questions = list(survey.questions.order_by("order"))
    data = {"form_token": token, f"q_{questions[0].pk}": "5", f"q_{questions[1].pk}": "4", f"q_{questions[-1].pk}": "4"}
    data.update(extra)
    return data


def test_anonymous_citizen_submits_and_is_thanked(client, agri_survey):
    page = client.get(reverse("eservices_public:survey", args=[agri_survey.pk]))
    html = page.content.decode()
    assert "มากที่สุด" in html and "น้อยที่สุด" in html and "ด้านเจ้าหน้าที่/บุคลากรผู้ให้บริการ" in html
    assert page["Cache-Control"] == "no-store"
    assert "<script>" not in html
    data = _form_data(client, agri_survey, district="4701", channel_type="counter", comment="บริการดีมาก")
    response = client.post(reverse("eservices_public:survey", args=[agri_survey.pk]), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("eservices_public:survey-thanks", args=[agri_survey.pk])
    stored = SurveyResponse.objects.get()
    assert (stored.district_id, stored.channel_type, stored.comment, stored.source) == ("4701", "counter", "บริการดีมาก", "web")
    assert sorted(SurveyAnswer.objects.values_list("score", flat=True)) == [4, 4, 5]
    thanks = client.get(response["Location"])
    assert "ขอบคุณ" in thanks.content.decode()


def test_double_submit_is_recorded_once_and_thanked_twice(client, agri_survey):
    data = _form_data(client, agri_survey)
    url = reverse("eservices_public:survey", args=[agri_survey.pk])
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert SurveyResponse.objects.count() == 1
    assert SurveyAnswer.objects.count() == 3


def test_honeypot_is_thanked_and_not_stored(client, agri_survey):
    data = _form_data(client, agri_survey, website="http://spam.example")
    response = client.post(reverse("eservices_public:survey", args=[agri_survey.pk]), data)
    assert response.status_code == 302
    assert SurveyResponse.objects.count() == 0


@override_settings(ESERVICES_SURVEY_RATE="2/h")
def test_rate_limit_keeps_the_answers(client, agri_survey):
    url = reverse("eservices_public:survey", args=[agri_survey.pk])
    for _ in range(2):
        assert client.post(url, _form_data(client, agri_survey)).status_code == 302
    data = _form_data(client, agri_survey, comment="ข้อความที่พิมพ์ไว้")
    refused = client.post(url, data)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    html = refused.content.decode()
    assert "บ่อยเกินไป" in html and "ข้อความที่พิมพ์ไว้" in html
    assert 'value="5" checked' in html
    assert SurveyResponse.objects.count() == 2


def test_no_answer_is_a_thai_error_and_nothing_is_stored(client, agri_survey):
    data = _form_data(client, agri_survey)
    data = {k: v for k, v in data.items() if not k.startswith("q_")} | {"comment": "ไม่ได้ให้คะแนน"}
    response = client.post(reverse("eservices_public:survey", args=[agri_survey.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "กรุณาให้คะแนนอย่างน้อย 1 ข้อ" in html and "ไม่ได้ให้คะแนน" in html
    assert SurveyResponse.objects.count() == 0


def test_bad_token_renders_a_fresh_one_and_keeps_answers(client, agri_survey):
    data = _form_data(client, agri_survey)
    data["form_token"] = "tampered"
    response = client.post(reverse("eservices_public:survey", args=[agri_survey.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "รหัสแบบฟอร์มไม่ถูกต้อง" in html and 'value="5" checked' in html
    new_token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    assert abuse.read_form_token(new_token, agri_survey.pk)
    assert SurveyResponse.objects.count() == 0


def test_out_of_range_score_is_refused(client, agri_survey):
    data = _form_data(client, agri_survey)
    q = agri_survey.questions.first()
    data[f"q_{q.pk}"] = "9"
    response = client.post(reverse("eservices_public:survey", args=[agri_survey.pk]), data)
    assert response.status_code == 400
    assert SurveyResponse.objects.count() == 0


def test_closed_survey(client, agri_survey, admin_user):
    from smartprovince.eservices.services import survey_update

    data = _form_data(client, agri_survey)
    survey_update(actor=admin_user, survey=agri_survey, is_open=False)
    assert "ปิดรับคำตอบแล้ว" in client.get(reverse("eservices_public:survey", args=[agri_survey.pk])).content.decode()
    assert client.post(reverse("eservices_public:survey", args=[agri_survey.pk]), data).status_code == 409
    assert SurveyResponse.objects.count() == 0


def test_unknown_survey_is_404(client):
    assert client.get(reverse("eservices_public:survey", args=[999999])).status_code == 404


def test_public_directory_and_service_page(client, agri_survey, django_assert_max_num_queries):
    service = agri_survey.service
    link = reverse("eservices_public:service", args=[service.pk])
    with django_assert_max_num_queries(8):
        page = client.get(reverse("eservices_public:directory"), {"q": "ทะเบียน เกษตร"})
    assert link in page.content.decode()
    assert link not in client.get(reverse("eservices_public:directory"), {"q": "ท่องเที่ยว"}).content.decode()
    assert link in client.get(reverse("eservices_public:directory"), {"agency": "SKN-AGRI", "category": "agriculture"}).content.decode()
    assert link not in client.get(reverse("eservices_public:directory"), {"category": "health"}).content.decode()
    detail = client.get(reverse("eservices_public:service", args=[service.pk])).content.decode()
    assert reverse("eservices_public:survey", args=[agri_survey.pk]) in detail
