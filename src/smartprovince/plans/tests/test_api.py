from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_plan_detail_nested() -> None:
    data = APIClient().get("/api/v1/plans/SKN-DAP-2563-2565/").json()
    assert data["fiscal_year_start_be"] == 2563 and data["fiscal_year_end_be"] == 2565
    assert [m["code"] for m in data["missions"]] == ["M1", "M2", "M3", "M4"]
    assert [len(s["indicators"]) for s in data["strategies"]] == [1, 2, 1, 2]
    g2 = data["goals"][1]["indicators"][0]
    assert g2["metric"] == "eservices.agency_digital_channel_coverage"
    assert [(t["fiscal_year_be"], t["value"]) for t in g2["targets"]][-1] == (2565, "100.0000")
    assert [p["code"] for p in data["province_indicators"]] == ["P.K1", "P.K2"]


def test_plan_list_and_404() -> None:
    client = APIClient()
    assert [p["code"] for p in client.get("/api/v1/plans/").json()] == ["SKN-DAP-2563-2565"]
    response = client.get("/api/v1/plans/NOPE/")
    assert response.status_code == 404 and response.json()["detail"] == "ไม่พบข้อมูล"


def test_areas_and_agencies() -> None:
    client = APIClient()
    districts = client.get("/api/v1/areas/?level=district").json()
    assert len(districts) == 18 and districts[0] == {
        "code": "4701", "level": "district", "parent_code": "47", "name_th": "เมืองสกลนคร",
        "name_en": "Mueang Sakon Nakhon", "postcode": "47000",
    }
    assert len(client.get("/api/v1/areas/?level=subdistrict").json()) == 125
    agencies = client.get("/api/v1/agencies/?limit=5").json()
    assert agencies["count"] == 60 and len(agencies["results"]) == 5
    assert client.get("/api/v1/agencies/SKN-AGRI/").json()["name_th"] == "สำนักงานเกษตรจังหวัดสกลนคร"


def test_token_authentication(make_user: Any, capsys: Any) -> None:
    make_user("apiuser", role="executive")
    call_command("createtoken", "apiuser")
    token = capsys.readouterr().out.strip()
    assert len(token) == 40
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/plans/").status_code == 200
    bad = APIClient()
    bad.credentials(HTTP_AUTHORIZATION="Token wrong")
    assert bad.get("/api/v1/plans/").status_code == 401


def test_schema_and_docs_offline() -> None:
    client = APIClient()
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"/api/v1/plans/" in schema.content
    docs = client.get("/api/docs/").content.decode()
    assert "cdn" not in docs.lower() and "/static/drf_spectacular_sidecar/" in docs
