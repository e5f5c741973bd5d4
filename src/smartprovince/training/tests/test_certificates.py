"""Certificates: issue, PDF with QR, public verification with only name, course and date."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf import PdfReader

from smartprovince.core.models import AuditEvent
from smartprovince.training.certificates import qr_url
from smartprovince.training.models import Certificate, Enrolment
from smartprovince.training.services import certificate_issue, certificate_revoke

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment():
    s = f.session(f.course("การใช้ Google Workspace"), dt.date(2022, 3, 1), code="SKN-AGRI")
    p = f.person("SKN-AGRI", "สมศรี", email="somsri@example.go.th")
    return f.completed(s, p)


def test_issue_and_verify(client, agri_editor, enrolment):
    cert = certificate_issue(actor=agri_editor, enrolment=enrolment)
    assert cert.number == "SKN-AGRI-2565-00001"
    assert len(cert.token) >= 32  # 24 random bytes = 192 bits
    r = client.get(reverse("training_public:verify", args=[cert.token]))
    body = r.content.decode()
    assert r.status_code == 200
    assert "สมศรี ทดสอบ" in body and "การใช้ Google Workspace" in body and "2 มีนาคม 2565" in body
    # nothing else about the person
    assert "somsri@example.go.th" not in body and "นักวิชาการ" not in body and "SKN-AGRI" not in body


def test_unknown_token_is_404(client):
    assert client.get(reverse("training_public:verify", args=["x" * 32])).status_code == 404


def test_revoked_certificate_says_so(client, agri_editor, enrolment):
    cert = certificate_issue(actor=agri_editor, enrolment=enrolment)
    certificate_revoke(actor=agri_editor, certificate=cert, reason_th="ออกผิดคน")
    assert "ถูกเพิกถอน" in client.get(reverse("training_public:verify", args=[cert.token])).content.decode()


def test_only_completed_and_only_once(agri_editor, enrolment):
    Enrolment.objects.filter(pk=enrolment.pk).update(status="absent", completed_on=None)
    enrolment.refresh_from_db()
    with pytest.raises(ValidationError):
        certificate_issue(actor=agri_editor, enrolment=enrolment)
    assert not Certificate.objects.exists()
    Enrolment.objects.filter(pk=enrolment.pk).update(status="completed", completed_on=dt.date(2022, 3, 2))
    enrolment.refresh_from_db()
    certificate_issue(actor=agri_editor, enrolment=enrolment)
    with pytest.raises(ValidationError):
        certificate_issue(actor=agri_editor, enrolment=enrolment)
    assert Certificate.objects.count() == 1


def test_other_agency_cannot_issue(tourism_editor, enrolment):
    before = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied):
        certificate_issue(actor=tourism_editor, enrolment=enrolment)
    assert not Certificate.objects.exists() and AuditEvent.objects.count() == before


def test_pdf_has_thai_text_and_qr_link(login, agri_editor, tourism_editor, enrolment):
    cert = certificate_issue(actor=agri_editor, enrolment=enrolment)
    r = login(agri_editor).get(reverse("training:certificate-pdf", args=[enrolment.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(r.content)).pages)
    assert "สมศรี" in text and "การใช้ Google Workspace" in text and cert.token in text
    assert login(tourism_editor).get(reverse("training:certificate-pdf", args=[enrolment.pk])).status_code == 404


def test_qr_url_is_percent_encoded():
    assert qr_url("https://x.go.th/ตรวจ/abc/") == "https://x.go.th/%E0%B8%95%E0%B8%A3%E0%B8%A7%E0%B8%88/abc/"
