from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from smartprovince.agencies.models import Agency
from smartprovince.plans.models import Strategy
from smartprovince.projects import services


@pytest.fixture
def strategy3(db: Any) -> Strategy:
    return Strategy.objects.get(plan__is_current=True, number=3)


@pytest.fixture
def agri(db: Any) -> Agency:
    return Agency.objects.get(code="SKN-AGRI")


@pytest.fixture
def project(agri_editor: Any, agri: Agency, strategy3: Strategy) -> Any:
    """An in-progress SKN-AGRI project running FY 2565 with 1,000,000 baht allocated."""
    p = services.project_create(
        actor=agri_editor, agency=agri, strategy=strategy3, name_th="โครงการเกษตรอัจฉริยะทดสอบ",
        start_date=dt.date(2021, 10, 1), end_date=dt.date(2022, 9, 30), officer_name="นายทดสอบ ระบบ",
        districts=["4701"],
    )
    services.budget_line_save(actor=agri_editor, project=p, fiscal_year_be=2565, source="province",
                              planned=Decimal("1200000"), allocated=Decimal("1000000"))
    return services.project_set_status(actor=agri_editor, project=p, status="in_progress")


def report_data(**overrides: Any) -> dict[str, Any]:
    data = {"progress_percent": Decimal("20"), "disbursed_cumulative": Decimal("100000"), "schedule_status": "on_plan",
            "work_done_th": "จัดประชุมคณะทำงาน"}
    data.update(overrides)
    return data
