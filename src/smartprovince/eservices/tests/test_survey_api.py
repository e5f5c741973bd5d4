"""The survey API: questionnaire + token, anonymous responses, duplicates, throttling, results."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from smartprovince.eservices.models import SurveyResponse

pytestmark = pytest.mark.django_db


def _payload(client: APIClient, survey, **extra):
    body = client.get(reverse("api-survey-detail", args=[survey.pk])).json()
    q = body["questions"]
    payload = {"form_token": body["form_token"], "answers": {str(q[0]["id"]): 5, str(q[1]["id"]): 3}}
    payload.update(extra)
    return payload


def test_questionnaire_has_scale_sections_and_token(agri_survey):
    client = APIClient()
    response = client.get(reverse("api-survey-detail", args=[agri_survey.pk]))
    assert response.status_code == 200
    body = response.json()
    assert [s["label_th"] for s in body["scale"]] == ["มากที่สุด", "มาก", "ปานกลาง", "น้อย", "น้อยที่สุด"]
    assert len(body["questions"]) == 15
    assert [q["section"] for q in body["questions"]][:1] == ["process"]
    assert body["questions"][-1]["section"] == "overall"
    assert body["form_token"]


def test_submit_then_duplicate(agri_survey):
    client = APIClient()
    payload = _payload(client, agri_survey, district="4701", channel_type="line_oa")
    url = reverse("api-survey-responses", args=[agri_survey.pk])
    first = client.post(url, payload, format="json")
    assert first.status_code == 201
    assert first.json()["duplicate"] is False
    again = client.post(url, payload, format="json")
    assert again.status_code == 200
    assert again.json() == {"id": first.json()["id"], "duplicate": True, "detail": first.json()["detail"]}
    stored = SurveyResponse.objects.get()
    assert (stored.source, stored.channel_type, stored.district_id) == ("api", "line_oa", "4701")
    assert sorted(stored.answers.values_list("score", flat=True)) == [3, 5]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"answers": {"999999": 5}}, "answers"),
        ({"answers": {}}, "answers"),
        ({"form_token": "forged"}, "form_token"),
        ({"district": "9999"}, "district"),
        ({"channel_type": "pigeon"}, "channel_type"),
    ],
)
def test_bad_input_is_400_in_thai_and_nothing_stored(agri_survey, change, field):
    client = APIClient()
    payload = _payload(client, agri_survey)
    payload.update(change)
    response = client.post(reverse("api-survey-responses", args=[agri_survey.pk]), payload, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "ข้อมูลไม่ถูกต้อง"
    assert field in body["errors"]
    assert SurveyResponse.objects.count() == 0


def test_score_out_of_range(agri_survey):
    client = APIClient()
    payload = _payload(client, agri_survey)
    payload["answers"] = dict.fromkeys(payload["answers"], 6)
    assert client.post(reverse("api-survey-responses", args=[agri_survey.pk]), payload, format="json").status_code == 400
    assert SurveyResponse.objects.count() == 0


def test_token_of_another_survey_is_refused(agri_survey, tour_survey):
    client = APIClient()
    payload = _payload(client, tour_survey)
    payload["answers"] = {str(agri_survey.questions.first().pk): 5}
    response = client.post(reverse("api-survey-responses", args=[agri_survey.pk]), payload, format="json")
    assert response.status_code == 400
    assert SurveyResponse.objects.count() == 0


@override_settings(ESERVICES_SURVEY_RATE="3/h")
def test_rate_limit_per_client(agri_survey):
    client = APIClient()
    url = reverse("api-survey-responses", args=[agri_survey.pk])
    codes = [client.post(url, _payload(client, agri_survey), format="json").status_code for _ in range(4)]
    assert codes == [201, 201, 201, 429]
    assert SurveyResponse.objects.count() == 3
    refused = client.post(url, _payload(client, agri_survey), format="json")
    assert refused.json()["detail"] == "เรียกใช้บ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่"
    assert int(refused["Retry-After"]) > 0
    other = APIClient(REMOTE_ADDR="192.0.2.77")
    assert other.post(url, _payload(other, agri_survey), format="json").status_code == 201


def test_results_permissions(agri_survey, agri_editor, tourism_editor, executive):
    url = reverse("api-survey-results", args=[agri_survey.pk])
    assert APIClient().get(url).status_code in (401, 403)
    for user, expected in ((agri_editor, 200), (executive, 200), (tourism_editor, 404)):
        client = APIClient()
        client.force_authenticate(user)
        assert client.get(url).status_code == expected


def test_public_registry_api(agri_survey, django_assert_max_num_queries):
    from smartprovince.eservices import services

    service = agri_survey.service
    client = APIClient()
    with django_assert_max_num_queries(3):
        body = client.get(reverse("api-eservice-list"), {"agency": "SKN-AGRI"}).json()
    assert [r["code"] for r in body["results"]] == [service.code]
    assert body["results"][0]["digital_level_label"] == "ออนไลน์ครบวงจรรวมชำระเงินและรับผล"
    admin = agri_survey.agency.memberships.model.objects.filter(role="province_admin").first().user
    services.channel_create(actor=admin, agency=service.agency, channel_type="phone", address="0 4271 1000")
    services.channel_create(actor=admin, agency=service.agency, service=service, channel_type="eservice", address="https://e.invalid/")
    detail = client.get(reverse("api-eservice-detail", args=[service.pk])).json()
    assert sorted(c["channel_type"] for c in detail["channels"]) == ["eservice", "phone"]
    digital = client.get(reverse("api-channel-list"), {"agency": "SKN-AGRI", "digital": "true"}).json()
    assert [c["channel_type"] for c in digital["results"]] == ["eservice"]
