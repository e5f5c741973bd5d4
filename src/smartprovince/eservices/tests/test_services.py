"""Registry and survey writes: permissions per agency, validation, audit."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from smartprovince.agencies.models import Agency
from smartprovince.core.models import AuditEvent
from smartprovince.eservices import services
from smartprovince.eservices.models import Channel, EService, Survey, SurveyQuestion

pytestmark = pytest.mark.django_db


def test_editor_registers_a_service_in_own_agency(agri_editor):
    agri = Agency.objects.get(code="SKN-AGRI")
    service = services.eservice_create(actor=agri_editor, agency=agri, name_th=" ขึ้นทะเบียนเกษตรกร ", category="agriculture", digital_level=3)
    assert (service.code, service.name_th, service.is_digital_service) == ("SKN-AGRI-001", "ขึ้นทะเบียนเกษตรกร", True)
    assert services.eservice_create(actor=agri_editor, agency=agri, name_th="ข", category="agriculture").code == "SKN-AGRI-002"
    event = AuditEvent.objects.get(action="eservices.service.created", object_id=str(service.pk))
    assert event.actor == agri_editor and event.agency_id == agri.pk


def test_editor_may_not_write_another_agency(agri_editor, tourism_editor):
    tour = Agency.objects.get(code="SKN-TOUR")
    with pytest.raises(PermissionDenied):
        services.eservice_create(actor=agri_editor, agency=tour, name_th="ก", category="tourism")
    service = services.eservice_create(actor=tourism_editor, agency=tour, name_th="ก", category="tourism")
    events = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied):
        services.eservice_update(actor=agri_editor, service=service, name_th="แก้")
    with pytest.raises(PermissionDenied):
        services.channel_create(actor=agri_editor, agency=tour, channel_type="website", address="https://t.invalid/")
    service.refresh_from_db()
    assert service.name_th == "ก" and Channel.objects.count() == 0 and AuditEvent.objects.count() == events
    assert EService.objects.filter(agency__code="SKN-AGRI").count() == 0


def test_duplicate_code_and_bad_values(admin_user):
    agri = Agency.objects.get(code="SKN-AGRI")
    services.eservice_create(actor=admin_user, agency=agri, code="X-1", name_th="ก", category="agriculture")
    with pytest.raises(ValidationError) as info:
        services.eservice_create(actor=admin_user, agency=agri, code="X-1", name_th="ข", category="agriculture")
    assert info.value.message_dict == {"code": ["มีงานบริการรหัสนี้อยู่แล้ว"]}
    with pytest.raises(ValidationError) as info:
        services.eservice_create(actor=admin_user, agency=agri, name_th="ข", category="nope", fee_baht=-5)
    assert set(info.value.message_dict) == {"category", "fee_baht"}
    assert EService.objects.count() == 1


def test_channel_rules(admin_user):
    agri, tour = Agency.objects.get(code="SKN-AGRI"), Agency.objects.get(code="SKN-TOUR")
    tour_service = services.eservice_create(actor=admin_user, agency=tour, name_th="ก", category="tourism")
    with pytest.raises(ValidationError) as info:
        services.channel_create(actor=admin_user, agency=agri, service=tour_service, channel_type="website", address="https://a.invalid/")
    assert info.value.message_dict == {"service": ["งานบริการที่เลือกไม่ได้อยู่ในหน่วยงานนี้"]}
    with pytest.raises(ValidationError) as info:
        services.channel_create(actor=admin_user, agency=agri, channel_type="facebook", address="")
    assert "address" in info.value.message_dict
    with pytest.raises(ValidationError):
        services.channel_create(actor=admin_user, agency=agri, channel_type="website", address="https://not a url")
    counter = services.channel_create(actor=admin_user, agency=agri, channel_type="counter", address="")
    assert counter.is_digital is False
    updated = services.channel_update(actor=admin_user, channel=counter, is_active=False)
    assert updated.is_active is False
    event = AuditEvent.objects.get(action="eservices.channel.updated")
    assert event.changes == {"is_active": [True, False]}


def test_survey_default_questionnaire_and_edits(agri_editor, tourism_editor):
    agri = Agency.objects.get(code="SKN-AGRI")
    survey = services.survey_create(actor=agri_editor, agency=agri, title_th="แบบสำรวจ")
    sections = list(survey.questions.order_by("order").values_list("section", flat=True))
    assert len(sections) == 15
    assert [s for i, s in enumerate(sections) if i == 0 or sections[i - 1] != s] == ["process", "staff", "facilities", "channels", "overall"]
    q = services.question_create(actor=agri_editor, survey=survey, section="staff", text_th="เจ้าหน้าที่ให้ข้อมูลถูกต้อง")
    assert q.order == 160
    services.question_update(actor=agri_editor, question=q, text_th="เจ้าหน้าที่ให้ข้อมูลถูกต้องครบถ้วน")
    with pytest.raises(PermissionDenied):
        services.question_update(actor=tourism_editor, question=q, text_th="x")
    services.question_delete(actor=agri_editor, question=q)
    assert not SurveyQuestion.objects.filter(pk=q.pk).exists()
    assert list(AuditEvent.objects.filter(action__startswith="eservices.question").order_by("id").values_list("action", flat=True)) == [
        "eservices.question.created", "eservices.question.updated", "eservices.question.deleted",
    ]


def test_answered_question_cannot_be_deleted(agri_survey, admin_user):
    q = agri_survey.questions.first()
    services.survey_response_submit(survey=agri_survey, answers={q.pk: 4}, nonce=None)
    with pytest.raises(ValidationError, match="ลบไม่ได้"):
        services.question_delete(actor=admin_user, question=q)
    assert SurveyQuestion.objects.filter(pk=q.pk).exists()


def test_survey_of_another_agencys_service_is_refused(admin_user):
    tour_service = services.eservice_create(actor=admin_user, agency=Agency.objects.get(code="SKN-TOUR"), name_th="ก", category="tourism")
    with pytest.raises(ValidationError):
        services.survey_create(actor=admin_user, agency=Agency.objects.get(code="SKN-AGRI"), service=tour_service, title_th="x")
    assert Survey.objects.count() == 0


def test_response_submit_duplicate_nonce(agri_survey):
    q = agri_survey.questions.first()
    first = services.survey_response_submit(survey=agri_survey, answers={q.pk: 5}, nonce="a" * 32)
    second = services.survey_response_submit(survey=agri_survey, answers={q.pk: 1}, nonce="a" * 32)
    assert (first.duplicate, second.duplicate, second.response_id) == (False, True, first.response_id)
    assert list(agri_survey.responses.get().answers.values_list("score", flat=True)) == [5]


def test_inactive_question_cannot_be_answered(agri_survey, admin_user):
    q = agri_survey.questions.first()
    services.question_update(actor=admin_user, question=q, is_active=False)
    with pytest.raises(ValidationError):
        services.survey_response_submit(survey=agri_survey, answers={q.pk: 5}, nonce=None)
