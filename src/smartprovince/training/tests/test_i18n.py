"""Training service errors in the user's language (English when chosen, the same Thai as before otherwise)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from smartprovince.agencies.models import Agency
from smartprovince.training.models import Enrolment, Person
from smartprovince.training.services import enrolment_add, staff_import

from . import factories as f
from .test_staff_import import GOOD, xlsx

pytestmark = pytest.mark.django_db


def test_session_full(agri_editor: Any) -> None:
    s = f.session(f.course(), dt.date(2022, 1, 10), code="SKN-DE", capacity=1)
    a1, a2 = (f.person("SKN-AGRI", n) for n in ("ก", "ข"))
    enrolment_add(actor=agri_editor, session=s, people=[a1])
    for language, expected in (
        ("en", "This session is fully booked (capacity 1, already enrolled 1)"),
        ("th", "รุ่นนี้มีผู้ลงทะเบียนเต็มจำนวนที่รับแล้ว (รับ 1 คน ลงทะเบียนแล้ว 1 คน)"),
    ):
        with translation.override(language), pytest.raises(ValidationError) as exc:
            enrolment_add(actor=agri_editor, session=s, people=[a2])
        assert exc.value.messages == [expected]
    assert Enrolment.objects.filter(session=s).count() == 1


def test_staff_import_row_errors(agri_editor: Any) -> None:
    agri = Agency.objects.get(code="SKN-AGRI")
    rows = [GOOD[0], ["นาง", "", "มีสุข", "นักวิชาการ", "ข้าราชการ", "IT", "ระดับสูง", "", "31/02/2565"], GOOD[0]]
    for language, expected in (
        ("en", [
            "The file contains errors. Nothing has been imported.",
            "Row 3: ชื่อ is missing",
            "Row 3: ระดับ “ระดับสูง” is invalid (use ปฏิบัติการ, หัวหน้างาน/ผู้อำนวยการ หรือ ผู้บริหาร)",
            "Row 3: Invalid start date of service “31/02/2565” (for example 01/10/2564, Buddhist Era year)",
            "Row 4: Same name as row 2",
        ]),
        ("th", [
            "ไฟล์มีข้อผิดพลาด ยังไม่ได้นำเข้าข้อมูลใด ๆ",
            "แถวที่ 3: ไม่ได้กรอกชื่อ",
            "แถวที่ 3: ระดับ “ระดับสูง” ไม่ถูกต้อง (ใช้ ปฏิบัติการ, หัวหน้างาน/ผู้อำนวยการ หรือ ผู้บริหาร)",
            "แถวที่ 3: วันที่เริ่มปฏิบัติงาน “31/02/2565” ไม่ถูกต้อง (ตัวอย่าง 01/10/2564)",
            "แถวที่ 4: ชื่อซ้ำกับแถวที่ 2",
        ]),
    ):
        with translation.override(language), pytest.raises(ValidationError) as exc:
            staff_import(actor=agri_editor, agency=agri, fileobj=xlsx(rows))
        assert exc.value.messages == expected
    assert Person.objects.filter(agency=agri).count() == 0


@pytest.mark.parametrize(("language", "one", "two"), [
    ("en", "1 person enrolled", "2 people enrolled"),
    ("th", "ลงทะเบียน 1 คนแล้ว", "ลงทะเบียน 2 คนแล้ว"),
])
def test_enrol_flash_counts_people(client: Any, agri_editor: Any, language: str, one: str, two: str) -> None:
    s = f.session(f.course(), dt.date(2022, 1, 10), code="SKN-DE")
    a, b, c = (f.person("SKN-AGRI", n) for n in ("ก", "ข", "ค"))
    client.force_login(agri_editor)
    if language == "en":
        client.cookies["django_language"] = "en"
    flashes = []
    try:
        for people in ([a], [b, c]):
            response = client.post(f"/app/training/sessions/{s.pk}/enrol/", {"people": [p.pk for p in people]}, follow=True)
            assert response.redirect_chain == [(f"/app/training/sessions/{s.pk}/", 302)]
            flashes += re.findall(r'<li class="msg-success">(.*?)</li>', response.content.decode())
    finally:
        translation.activate("th")  # the middleware leaves the last request's language active in this thread
    assert flashes == [one, two]
    assert Enrolment.objects.filter(session=s).count() == 3
