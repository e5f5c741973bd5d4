"""The real ``ckanapi`` client against a live server proves the CKAN contract."""

from __future__ import annotations

import io
from typing import Any

import ckanapi
import pytest
from rest_framework.authtoken.models import Token

from .conftest import gdc_data

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def remote(live_server: Any, seed: Any, make_user: Any) -> Any:
    from smartprovince.datahub.demo import ensure_default_domains

    ensure_default_domains()  # transactional tests flush the rows made by data migrations
    user = make_user("ckan_agri", role="agency_editor", agency="SKN-AGRI")
    token = Token.objects.create(user=user).key
    return ckanapi.RemoteCKAN(live_server.url, apikey=token, user_agent="smartprovince-tests/1.0")


def test_ckanapi_roundtrip(remote: Any, live_server: Any) -> None:
    status = remote.action.status_show()
    assert "datastore" in status["extensions"]
    pkg = remote.action.package_create(**gdc_data(), name="rice-ckanapi", owner_org="skn-agri",
                                       tags=[{"name": "ข้าว"}], groups=[{"name": "agriculture"}])
    assert pkg["name"] == "rice-ckanapi"
    csv_bytes = "อำเภอ,ปี,ตัน\nเมืองสกลนคร,2565,100\nพังโคน,2565,50\n".encode("cp874")
    res = remote.action.resource_create(package_id="rice-ckanapi", name="ผลผลิต",
                                        upload=("rice.csv", io.BytesIO(csv_bytes)))
    assert res["package_id"] == pkg["id"]
    found = remote.action.datastore_search(resource_id=res["id"], filters={"อำเภอ": "พังโคน"})
    assert [r["ตัน"] for r in found["records"]] == [50]
    search = remote.action.package_search(q="ข้าว", facet__field=["tags"])
    assert search["count"] == 1
    with pytest.raises(ckanapi.ValidationError) as exc:
        remote.action.package_create(name="bad", owner_org="skn-agri", title="x")
    assert "maintainer" in exc.value.error_dict
    with pytest.raises(ckanapi.NotFound):
        remote.action.package_show(id="does-not-exist")
    anonymous = ckanapi.RemoteCKAN(live_server.url, user_agent="smartprovince-tests/1.0")
    with pytest.raises(ckanapi.NotAuthorized):
        anonymous.action.package_delete(id="rice-ckanapi")
    assert anonymous.action.package_show(id="rice-ckanapi")["num_resources"] == 1
    remote.action.package_patch(id="rice-ckanapi", notes="ปรับปรุงคำอธิบาย")
    assert anonymous.action.package_show(id="rice-ckanapi")["notes"] == "ปรับปรุงคำอธิบาย"
    remote.action.package_delete(id="rice-ckanapi")
    with pytest.raises(ckanapi.NotFound):
        anonymous.action.package_show(id="rice-ckanapi")
