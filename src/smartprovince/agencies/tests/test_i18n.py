"""Agency service errors in the user's language (English when chosen, the same Thai as before otherwise)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from smartprovince.agencies import services
from smartprovince.agencies.models import Agency

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "An agency with this code already exists"),
    ("th", "มีหน่วยงานที่ใช้รหัสนี้แล้ว"),
])
def test_duplicate_agency_code(admin_user: Any, language: str, expected: str) -> None:
    count = Agency.objects.count()
    with translation.override(language), pytest.raises(ValidationError) as exc:
        services.agency_create(actor=admin_user, code="SKN-AGRI", name_th="หน่วยงานซ้ำ")
    with translation.override(language):  # the message is lazy: shown in the language of the request
        assert exc.value.message_dict == {"code": [expected]}
    assert Agency.objects.count() == count
