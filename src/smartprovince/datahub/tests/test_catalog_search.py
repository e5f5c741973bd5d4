"""The cached catalog search (``selectors.catalog_search``): the result list, its count and its facets
follow every write through the services, never leak another agency's private datasets, and the
catalog page and ``package_search`` cost the same number of queries whatever the catalog's size."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smartprovince.agencies.models import Agency
from smartprovince.agencies.services import agency_update
from smartprovince.datahub import selectors, services
from smartprovince.datahub.ckan import views as _views  # noqa: F401 - registers the actions
from smartprovince.datahub.models import Dataset

pytestmark = pytest.mark.django_db

PRIVATE = {"is_private": True, "data_category": "ข้อมูลใช้ภายใน", "data_classification": "ชั้นเผยแพร่ภายในองค์กร"}


def page(client: Any, **params: Any) -> tuple[list[str], int, dict[str, list[tuple[str, int]]]]:
    r = client.get("/data/", params)
    assert r.status_code == 200
    facets = {b["field"]: [(i["name"], i["count"]) for i in b["items"]] for b in r.context["facets"]}
    return [d.name for d in r.context["datasets"]], r.context["page_obj"].paginator.count, facets


def search(client: Any, **params: Any) -> dict[str, Any]:
    r = client.get("/api/3/action/package_search", params)
    assert r.status_code == 200, r.content
    result: dict[str, Any] = r.json()["result"]
    return result


def queries(client: Any, url: str, params: dict[str, Any]) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params).status_code == 200
    return len(ctx.captured_queries)


def test_cached_counts_and_facets_follow_create_update_and_delete(client: Any, make_dataset: Any,
                                                                   agri_editor: Any) -> None:
    rice = make_dataset("rice-2565", title="ผลผลิตข้าวนาปี 2565")
    assert page(client, q="ข้าว") == (["rice-2565"], 1, {
        "organization": [("skn-agri", 1)], "groups": [("agriculture", 1)], "tags": [("ข้าว", 1)], "res_format": [],
        "data_category": [("ข้อมูลสาธารณะ", 1)]})
    assert page(client, q="ข้าว")[1] == 1  # from the cache

    make_dataset("rice-2566", title="ผลผลิตข้าวนาปี 2566", tags=("ข้าว", "นาปี"))
    assert page(client, q="ข้าว") == (["rice-2566", "rice-2565"], 2, {
        "organization": [("skn-agri", 2)], "groups": [("agriculture", 2)], "tags": [("ข้าว", 2), ("นาปี", 1)],
        "res_format": [], "data_category": [("ข้อมูลสาธารณะ", 2)]})
    assert search(client, q="ข้าว", **{"facet.field": '["tags"]'})["facets"] == {"tags": {"ข้าว": 2, "นาปี": 1}}

    services.dataset_update(actor=agri_editor, dataset=rice, data={"title": "ผลผลิตอ้อย 2565", "notes": "อ้อยโรงงานรายอำเภอ"},
                            tags=["อ้อย"])
    assert page(client, q="ข้าว")[:2] == (["rice-2566"], 1)
    assert page(client, tags="อ้อย")[:2] == (["rice-2565"], 1)
    assert search(client, q="ข้าว", **{"facet.field": '["tags"]'})["facets"] == {"tags": {"ข้าว": 1, "นาปี": 1}}
    # an update without changes moves the dataset to the top of "last updated" all the same
    assert page(client)[0] == ["rice-2565", "rice-2566"]
    services.dataset_update(actor=agri_editor, dataset=Dataset.objects.get(name="rice-2566"), data={})
    assert page(client)[0] == ["rice-2566", "rice-2565"]

    services.dataset_delete(actor=agri_editor, dataset=Dataset.objects.get(name="rice-2566"))
    assert page(client, q="ข้าว") == ([], 0, {"organization": [], "groups": [], "tags": [], "res_format": [],
                                            "data_category": []})
    assert search(client, q="ข้าว")["count"] == 0


def test_agency_name_change_shows_in_cached_facets(client: Any, make_dataset: Any, admin_user: Any) -> None:
    make_dataset()
    assert search(client, **{"facet.field": '["organization"]'})["search_facets"]["organization"]["items"] == [
        {"name": "skn-agri", "display_name": "สำนักงานเกษตรจังหวัดสกลนคร", "count": 1}]
    agency_update(actor=admin_user, agency=Agency.objects.get(code="SKN-AGRI"), name_th="สำนักงานเกษตรจังหวัด")
    assert search(client, **{"facet.field": '["organization"]'})["search_facets"]["organization"]["items"] == [
        {"name": "skn-agri", "display_name": "สำนักงานเกษตรจังหวัด", "count": 1}]


def test_private_datasets_never_reach_another_users_counts(client: Any, login: Any, make_dataset: Any,
                                                           tourism_editor: Any, agri_viewer: Any,
                                                           executive: Any) -> None:
    make_dataset("rice-open", title="ผลผลิตข้าวนาปี")
    make_dataset("rice-internal", title="ผลผลิตข้าวภายใน", tags=("ข้าว", "ภายใน"), **PRIVATE)
    everything = (["rice-internal", "rice-open"], 2, {
        "organization": [("skn-agri", 2)], "groups": [("agriculture", 2)], "tags": [("ข้าว", 2), ("ภายใน", 1)],
        "res_format": [], "data_category": [("ข้อมูลสาธารณะ", 1), ("ข้อมูลใช้ภายใน", 1)]})
    public = (["rice-open"], 1, {
        "organization": [("skn-agri", 1)], "groups": [("agriculture", 1)], "tags": [("ข้าว", 1)], "res_format": [],
        "data_category": [("ข้อมูลสาธารณะ", 1)]})
    # the agency's own staff fill the cache first: nobody else may be answered from their entries
    login(agri_viewer)
    assert page(client, q="ข้าว") == everything
    login(executive)
    assert page(client, q="ข้าว") == everything
    login(tourism_editor)
    assert page(client, q="ข้าว") == public
    assert page(client, tags="ภายใน")[:2] == ([], 0)
    client.logout()
    assert page(client, q="ข้าว") == public
    assert search(client, q="ข้าว", include_private="true", **{"facet.field": '["tags"]'})["facets"] == {
        "tags": {"ข้าว": 1}}
    login(agri_viewer)
    assert page(client, q="ข้าว") == everything
    # the CKAN API shows private datasets only when asked to
    assert search(client, q="ข้าว")["count"] == 1
    assert search(client, q="ข้าว", include_private="true")["count"] == 2


def test_same_search_written_differently_shares_one_answer(make_dataset: Any, agri_viewer: Any) -> None:
    make_dataset("rice", tags=("ข้าว", "เกษตร"))
    a = selectors.catalog_search(actor=agri_viewer, q="ข้าว  เกษตร ข้าว", filters={"tags": ["เกษตร", "ข้าว", "ข้าว"]},
                                 facet_fields=["tags"])
    with CaptureQueriesContext(connection) as ctx:
        b = selectors.catalog_search(actor=agri_viewer, q="เกษตร ข้าว", filters={"tags": ["ข้าว", "เกษตร"]},
                                     facet_fields=["tags"])
    assert ctx.captured_queries[0]["sql"].count("dataversion:") == 2
    assert len(ctx.captured_queries) == 1  # the data version: nothing computed
    assert (a.count, a.facets) == (b.count, b.facets) == (1, {"tags": [
        {"name": "ข้าว", "display_name": "ข้าว", "count": 1}, {"name": "เกษตร", "display_name": "เกษตร", "count": 1}]})


@pytest.mark.parametrize(("url", "params"), [
    ("/data/", {}),
    ("/data/", {"q": "ข้าวนาปี"}),
    ("/data/", {"q": "ข้าว", "tags": "ข้าว", "page": "2"}),
    ("/api/3/action/package_search", {"q": "ข้าว", "rows": "20", "facet.field": '["organization","tags"]'}),
])
def test_catalog_queries_do_not_grow_with_the_catalog(client: Any, make_dataset: Any, url: str,
                                                      params: dict[str, Any]) -> None:
    client.get(url, params)  # once-per-process reads of the page (the site's demo flag) are done
    for i in range(3):
        make_dataset(f"rice-{i}", title=f"ผลผลิตข้าวนาปี ชุดที่ {i}")
    small = queries(client, url, params), queries(client, url, params)
    for i in range(3, 30):
        make_dataset(f"rice-{i}", title=f"ผลผลิตข้าวนาปี ชุดที่ {i}", tags=("ข้าว", f"คำ{i}"))
    large = queries(client, url, params), queries(client, url, params)
    api = url.startswith("/api/")
    # computed: version, result ids, facets (one query per field, agency and domain names), the page;
    # cached: version and the page (the dataset rows, their tags, domains and resources)
    assert small == large == ((9 if api else 13), 5)



def test_facets_of_multi_valued_fields_count_as_before(make_dataset: Any) -> None:
    """A dataset without tags, domains or resources is in none of their facets, and (as the facets
    always did) a dataset with a resource of unknown format ("") is left out of the format facet."""
    from smartprovince.datahub.models import Resource

    with_csv = make_dataset("with-csv", tags=("ข้าว", "เกษตร"))
    Resource.objects.create(dataset=with_csv, name="a.csv", format="CSV")
    Resource.objects.create(dataset=with_csv, name="b.xlsx", format="XLSX")
    mixed = make_dataset("mixed", tags=("ข้าว",), domains=())
    Resource.objects.create(dataset=mixed, name="c.csv", format="CSV")
    Resource.objects.create(dataset=mixed, name="link", format="")
    make_dataset("bare", tags=("ปลา",), domains=()).tags.clear()  # tags are required: removed behind the service
    qs = selectors.dataset_search(actor=None, q="")
    assert {f: [(i["name"], i["count"]) for i in items]
            for f, items in selectors.facets(qs, ["groups", "tags", "res_format"]).items()} == {
        "groups": [("agriculture", 1)], "tags": [("ข้าว", 2), ("เกษตร", 1)], "res_format": [("CSV", 1), ("XLSX", 1)]}
