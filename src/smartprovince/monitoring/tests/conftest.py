from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from smartprovince.agencies.models import Agency

from .factories import indicator, make_project, make_report


@pytest.fixture
def fy2565_projects(db: Any) -> dict[str, Any]:
    """Three FY 2565 projects with known numbers.

    P1 (AGRI, S1, 100,000 allocated): Oct–Dec reports; Oct and Nov on time, Dec late; progress 40, disbursed 30,000.
    P2 (TOUR, S3, 300,000): Oct report on time; progress 20, disbursed 60,000; latest says "delayed".
    P3 (AGRI, S1, 50,000): draft project, never counted.
    """
    p1 = make_project(code="T-AGRI-1", agency="SKN-AGRI", strategy=1, allocated="100000", districts=["4701"])
    p2 = make_project(code="T-TOUR-1", agency="SKN-TOUR", strategy=3, allocated="300000", districts=["4701", "4702"])
    p3 = make_project(code="T-AGRI-2", agency="SKN-AGRI", strategy=1, allocated="50000", status="draft")
    make_report(p1, dt.date(2021, 10, 1), progress="10", disbursed="10000", sent_on=dt.date(2021, 11, 3))
    make_report(p1, dt.date(2021, 11, 1), progress="25", disbursed="20000", sent_on=dt.date(2021, 12, 5))
    make_report(p1, dt.date(2021, 12, 1), progress="40", disbursed="30000", sent_on=dt.date(2022, 1, 20),
                problems="ผู้รับจ้างส่งมอบอุปกรณ์ล่าช้า")
    make_report(p2, dt.date(2021, 10, 1), progress="20", disbursed="60000", sent_on=dt.date(2021, 11, 1), schedule="delayed")
    return {"p1": p1, "p2": p2, "p3": p3}


@pytest.fixture
def only_test_metrics(monkeypatch: Any) -> None:
    """An empty metric registry: the apps' real metrics are registered too, but these tests
    need indicators whose metric is not registered."""
    from smartprovince.monitoring import registry

    monkeypatch.setattr(registry, "_METRICS", {})


@pytest.fixture
def gpp(db: Any) -> Any:
    """Indicator P.K1 (GPP growth, a reported value), with the provincial statistics office responsible."""
    ind = indicator("P.K1")
    ind.responsible_agency = Agency.objects.get(code="SKN-STAT")
    ind.save()
    return ind


@pytest.fixture
def stat_editor(make_user: Any) -> Any:
    return make_user("stat_ed", role="agency_editor", agency="SKN-STAT")
