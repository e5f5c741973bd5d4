"""Public (read) actions: status, catalog, organisations, groups, tags, resources, datastore."""

from __future__ import annotations

import re
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404

from smartprovince.agencies.models import Agency

from .. import query, selectors
from ..models import DataDomain, Dataset, Resource
from .dicts import group_dict, organization_dict, package_dict, resource_dict
from .params import as_bool, as_dict, as_int, as_list, get, required
from .registry import ACTIONS, NotAuthorized, NotFound, SearchQueryError, action

ROWS_MAX = 1000


@action("status_show", side_effect_free=True, public=True)
def status_show(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """สถานะของระบบและส่วนขยายที่รองรับ"""
    return {
        "site_title": settings.PLATFORM_NAME_TH, "site_description": "ศูนย์ข้อมูลจังหวัด (CKAN-compatible API)",
        "site_url": context["base"], "ckan_version": "2.10.4", "error_emails_to": None, "locale_default": "th",
        "extensions": ["datastore", "thai_gdc", "dcat", "scheming_datasets"],
    }


@action("site_read", side_effect_free=True, public=True)
def site_read(context: dict[str, Any], data: dict[str, Any]) -> bool:
    """ผู้เรียกอ่านข้อมูลเว็บไซต์ได้หรือไม่ (เสมอ true)"""
    return True


@action("help_show", side_effect_free=True, public=True)
def help_show(context: dict[str, Any], data: dict[str, Any]) -> str:
    """คำอธิบายของ action ตามชื่อ (name)"""
    name = required(data, "name")
    if name not in ACTIONS:
        raise NotFound(f"Action function not found: {name}")
    return ACTIONS[name].doc


def _dataset(context: dict[str, Any], key: Any) -> Dataset:
    try:
        return selectors.access_dataset(actor=context["user"], key=str(key))
    except Http404:
        raise NotFound("Dataset") from None


@action("package_list", side_effect_free=True, public=True)
def package_list(context: dict[str, Any], data: dict[str, Any]) -> list[str]:
    """รายชื่อ (name) ชุดข้อมูลสาธารณะ พารามิเตอร์ limit, offset"""
    qs = Dataset.objects.filter(is_deleted=False, is_private=False).order_by("name").values_list("name", flat=True)
    offset = as_int(data.get("offset"), "offset", 0)
    limit = data.get("limit")
    if limit not in (None, ""):
        return list(qs[offset: offset + as_int(limit, "limit", 0)])
    return list(qs[offset:])


@action("package_show", side_effect_free=True, public=True)
def package_show(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """ชุดข้อมูลหนึ่งชุด (id หรือ name) พร้อมทรัพยากรและเมทาดาตาตามมาตรฐาน GD Catalog"""
    return package_dict(_dataset(context, required(data, "id", "name_or_id")), context["base"])


_FQ_RE = re.compile(r'([+-]?)([\w.]+):(?:"([^"]*)"|(\S+))')


def parse_fq(fq: str) -> dict[str, list[str]]:
    filters: dict[str, list[str]] = {}
    rest = _FQ_RE.sub("", fq or "").strip()
    if rest and rest not in ("*:*",):
        raise SearchQueryError(f"fq “{rest[:40]}” ต้องอยู่ในรูป field:value")
    for sign, field, quoted, bare in _FQ_RE.findall(fq or ""):
        if sign == "-":
            raise SearchQueryError("ยังไม่รองรับเงื่อนไขปฏิเสธ (-field:value)")
        if field not in selectors.FACET_FIELDS:
            if field in ("capacity", "state", "dataset_type", "site_id"):
                continue
            raise SearchQueryError(f"ไม่รองรับการกรองด้วย “{field}” (ใช้ได้: {', '.join(selectors.FACET_FIELDS)})")
        filters.setdefault(field, []).append(quoted if quoted else bare)
    return filters


@action("package_search", side_effect_free=True, public=True)
def package_search(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """ค้นหาชุดข้อมูล: q (ตัดคำภาษาไทย), fq (organization/groups/tags/res_format/data_category),
    facet.field, facet.limit, rows (สูงสุด 1000), start, sort, include_private"""
    q = str(get(data, "q", "")).strip()
    if q in ("*:*", "*"):
        q = ""
    fq = str(get(data, "fq", ""))
    filters = parse_fq(fq)
    for extra in as_list(data.get("fq_list")):
        for k, v in parse_fq(str(extra)).items():
            filters.setdefault(k, []).extend(v)
    rows = as_int(data.get("rows"), "rows", 10, maximum=ROWS_MAX)
    start = as_int(data.get("start"), "start", 0)
    sort = str(get(data, "sort", "")) or "score desc, metadata_modified desc"
    fields = [str(f) for f in as_list(data.get("facet.field"))] if as_bool(data.get("facet"), True) else []
    facet_limit = int(get(data, "facet.limit", 50) or 50)
    found = selectors.catalog_search(
        actor=context["user"], q=q, filters=filters, sort=sort.split(",")[-1] if sort else "",
        include_private=as_bool(data.get("include_private")), facet_fields=fields,
        facet_limit=facet_limit if facet_limit > 0 else 1000,
    )
    count = found.count
    results = [package_dict(d, context["base"]) for d in found.datasets(found.ids[start: start + rows])]
    facet_values = found.facets
    return {
        "count": count, "sort": sort, "results": results,
        "facets": {f: {i["name"]: i["count"] for i in items} for f, items in facet_values.items()},
        "search_facets": {f: {"title": f, "items": items} for f, items in facet_values.items()},
    }


def _agency(key: Any) -> Agency:
    key = str(key or "")
    agency = Agency.objects.filter(Q(code__iexact=key) | (Q(pk=int(key)) if key.isdigit() else Q(pk=None))).first()
    if agency is None:
        raise NotFound("Organization")
    return agency


@action("organization_list", side_effect_free=True, public=True)
def organization_list(context: dict[str, Any], data: dict[str, Any]) -> list[Any]:
    """รายชื่อหน่วยงาน (องค์กร) all_fields=true เพื่อรับรายละเอียดและจำนวนชุดข้อมูล"""
    qs = Agency.objects.filter(is_active=True).annotate(
        n=Count("datasets", filter=Q(datasets__is_deleted=False, datasets__is_private=False))
    ).order_by("code")
    if as_bool(data.get("all_fields")):
        return [organization_dict(a, package_count=a.n) for a in qs]
    return [a.code.lower() for a in qs]


@action("organization_show", side_effect_free=True, public=True)
def organization_show(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """หน่วยงานหนึ่งหน่วย (id หรือ name) include_datasets=true เพื่อรับชุดข้อมูล"""
    agency = _agency(required(data, "id"))
    visible = Dataset.objects.filter(selectors.visible_q(context["user"]), agency=agency)
    result = organization_dict(agency, package_count=visible.count())
    if as_bool(data.get("include_datasets")):
        datasets = selectors.dataset_base().filter(pk__in=visible.values("pk")).order_by("-updated_at")[:1000]
        result["packages"] = [package_dict(d, context["base"]) for d in datasets]
    return result


@action("group_list", side_effect_free=True, public=True)
def group_list(context: dict[str, Any], data: dict[str, Any]) -> list[Any]:
    """รายการด้านข้อมูล (กลุ่ม) all_fields=true เพื่อรับรายละเอียด"""
    domains = list(selectors.domain_list())
    if as_bool(data.get("all_fields")):
        return [group_dict(d, package_count=getattr(d, "n_datasets", 0)) for d in domains]
    return [d.name for d in domains]


@action("group_show", side_effect_free=True, public=True)
def group_show(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """ด้านข้อมูลหนึ่งด้าน (id หรือ name)"""
    key = str(required(data, "id"))
    domain = DataDomain.objects.filter(Q(name=key) | (Q(pk=int(key)) if key.isdigit() else Q(pk=None))).first()
    if domain is None:
        raise NotFound("Group")
    count = Dataset.objects.filter(domains=domain, is_deleted=False, is_private=False).count()
    return group_dict(domain, package_count=count)


@action("tag_list", side_effect_free=True, public=True)
def tag_list(context: dict[str, Any], data: dict[str, Any]) -> list[Any]:
    """คำสำคัญของชุดข้อมูลสาธารณะ query เพื่อกรอง all_fields=true เพื่อรับ object"""
    tags = selectors.tag_list(str(get(data, "query", "")))
    if as_bool(data.get("all_fields")):
        return [{"id": str(t.pk), "name": t.name, "display_name": t.name, "vocabulary_id": None} for t in tags]
    return [t.name for t in tags]


def _resource(context: dict[str, Any], key: Any, *, write: bool = False) -> Resource:
    try:
        return selectors.access_resource(actor=context["user"], resource_id=key, write=write)
    except Http404:
        raise NotFound("Resource") from None
    except PermissionDenied:
        raise NotAuthorized("ไม่มีสิทธิ์แก้ไขทรัพยากรของหน่วยงานอื่น") from None


@action("resource_show", side_effect_free=True, public=True)
def resource_show(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """ทรัพยากรหนึ่งรายการ (id)"""
    return resource_dict(_resource(context, required(data, "id")), context["base"])


def _datastore_resource(context: dict[str, Any], data: dict[str, Any]) -> Resource:
    key = required(data, "resource_id", "id")
    try:
        uuid.UUID(str(key))
    except ValueError:
        raise NotFound(f"Resource \"{key}\" was not found.") from None
    resource = _resource(context, key)
    if not resource.datastore_active or not resource.datastore_table:
        raise NotFound(f"Resource \"{key}\" was not found.")
    return resource


@action("datastore_search", side_effect_free=True, public=True)
def datastore_search(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """ค้นข้อมูลในตาราง: resource_id, filters (รายการ = OR), q (ตัดคำภาษาไทย), fields, sort,
    limit (สูงสุด 32000), offset, include_total, distinct, records_format (objects/lists/csv/tsv)"""
    key = required(data, "resource_id", "id")
    try:
        resource, columns = selectors.datastore_resource(actor=context["user"], resource_id=key)
    except Http404:
        raise NotFound(f"Resource \"{key}\" was not found.") from None
    params = dict(data)
    params["filters"] = as_dict(data.get("filters"), "filters")
    return query.search(resource, columns, params, raw_json=True)


@action("datastore_info", side_effect_free=True, public=True)
def datastore_info(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """โครงสร้างตาราง (ชนิดคอลัมน์ พจนานุกรมข้อมูล) และจำนวนแถว"""
    resource = _datastore_resource(context, data)
    fields = [query._field(c) for c in selectors.columns_of(resource)]
    for f in fields:
        f["schema"] = {"native_type": f["type"], "is_index": bool(f.get("info", {}).get("standard_key"))}
    return {"meta": {"id": str(resource.pk), "count": resource.datastore_rows, "table_type": "BASE TABLE",
                     "aliases": []}, "fields": fields}
