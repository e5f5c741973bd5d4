from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def agri_survey(db: Any, admin_user: Any) -> Any:
    from smartprovince.agencies.models import Agency
    from smartprovince.eservices import services

    agri = Agency.objects.get(code="SKN-AGRI")
    service = services.eservice_create(
        actor=admin_user, agency=agri, name_th="ขึ้นทะเบียนเกษตรกร", category="agriculture", digital_level=4,
    )
    return services.survey_create(actor=admin_user, agency=agri, service=service, title_th="ความพึงพอใจต่อบริการขึ้นทะเบียนเกษตรกร")


@pytest.fixture
def tour_survey(db: Any, admin_user: Any) -> Any:
    from smartprovince.agencies.models import Agency
    from smartprovince.eservices import services

    return services.survey_create(actor=admin_user, agency=Agency.objects.get(code="SKN-TOUR"), title_th="ความพึงพอใจสำนักงาน")
