"""Write actions (API token or login): datasets, resources, datastore tables."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import UploadedFile

from smartprovince.agencies.models import Agency

from .. import datastore_services, selectors, services
from ..models import DataDomain, Dataset
from .actions_read import _agency, _datastore_resource, _resource, package_show, resource_show
from .dicts import GDC_LISTS, GDC_SCALARS, package_dict
from .params import as_bool, as_dict, as_list, required
from .registry import NotAuthorized, NotFound, ValidationFailed, action

WRITE = "datahub.dataset:write"
DATASET_KEYS = {"name", "title", "notes", "url", "license_id", *GDC_LISTS,
                *(services.MODEL_TO_API.get(f, f) for f in GDC_SCALARS)}
BOOL_KEYS = {"official_statistics", "high_value_dataset", "reference_data", "allow_harvest"}
RESOURCE_KEYS = {"name", "description", "format", "url"}


def _dataset_input(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key in DATASET_KEYS:
        if key not in data:
            continue
        value = data[key]
        if key in GDC_LISTS:
            value = [str(v) for v in as_list(value)]
        elif key in BOOL_KEYS:
            value = as_bool(value)
        elif value is None:
            value = ""
        result[key] = value
    if "private" in data:
        result["is_private"] = as_bool(data["private"])
    for key in ("update_frequency_interval", "first_year_of_data", "last_year_of_data", "west_bound_longitude",
                "east_bound_longitude", "north_bound_longitude", "south_bound_longitude", "created_date",
                "last_updated_date", "data_release_calendar", "data_release_date"):
        if result.get(key) == "":
            result[key] = None
    return result


def _tags(data: dict[str, Any]) -> Any:
    if "tags" in data:
        return [t.get("name") if isinstance(t, dict) else t for t in as_list(data["tags"])]
    if "tag_string" in data:
        return str(data["tag_string"])
    return None


def _domains(data: dict[str, Any]) -> list[int] | None:
    if "groups" not in data:
        return None
    keys = [g.get("name") or g.get("id") if isinstance(g, dict) else g for g in as_list(data["groups"])]
    ids = []
    for key in keys:
        domain = DataDomain.objects.filter(name=str(key)).first() or (
            DataDomain.objects.filter(pk=int(str(key))).first() if str(key).isdigit() else None)
        if domain is None:
            raise ValidationFailed({"groups": [f"ไม่พบด้านข้อมูล “{key}”"]})
        ids.append(domain.pk)
    return ids


def _owner(data: dict[str, Any], user: Any) -> Agency:
    if not data.get("owner_org"):
        raise ValidationFailed({"owner_org": ["กรุณาระบุหน่วยงานเจ้าของข้อมูล (owner_org)"]})
    try:
        return _agency(data["owner_org"])
    except NotFound:
        raise ValidationFailed({"owner_org": [f"ไม่พบหน่วยงาน “{data['owner_org']}”"]}) from None


def _writable_dataset(context: dict[str, Any], key: Any) -> Dataset:
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    try:
        return selectors.access_dataset(actor=context["user"], key=str(key), write=True)
    except Http404:
        raise NotFound("Dataset") from None
    except PermissionDenied:
        raise NotAuthorized("ไม่มีสิทธิ์แก้ไขชุดข้อมูลของหน่วยงานอื่น") from None


@action("package_create", permission=WRITE)
def package_create(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """สร้างชุดข้อมูล (ต้องมีเมทาดาตาบังคับ 14 รายการ) ทรัพยากรแบบลิงก์ส่งใน resources ได้"""
    agency = _owner(data, context["user"])
    dataset = services.dataset_create(actor=context["user"], agency=agency, data=_dataset_input(data),
                                      tags=_tags(data), domain_ids=_domains(data))
    for item in as_list(data.get("resources")):
        if isinstance(item, dict):
            services.resource_create(actor=context["user"], dataset=dataset, name=item.get("name", ""),
                                     description=item.get("description", ""), url=item.get("url", ""),
                                     format=item.get("format", ""))
    return package_dict(selectors.dataset_base().get(pk=dataset.pk), context["base"])


def _update(context: dict[str, Any], data: dict[str, Any], *, patch: bool) -> dict[str, Any]:
    dataset = _writable_dataset(context, required(data, "id", "name"))
    values = _dataset_input(data)
    if not patch:
        # package_update replaces the metadata: fields left out are cleared
        for key in DATASET_KEYS - {"name"}:
            values.setdefault(key, [] if key in GDC_LISTS else (False if key in BOOL_KEYS else None))
        values = {k: ("" if v is None and k not in _NULLABLE else v) for k, v in values.items()}
    agency = _owner(data, context["user"]) if data.get("owner_org") else None
    tags = _tags(data)
    if not patch and tags is None:
        tags = []
    services.dataset_update(actor=context["user"], dataset=dataset, data=values, tags=tags,
                            domain_ids=_domains(data), agency=agency)
    if not patch and "resources" in data:
        keep = set()
        for item in as_list(data["resources"]):
            if not isinstance(item, dict):
                continue
            if item.get("id"):
                resource = _resource(context, item["id"], write=True)
                services.resource_update(actor=context["user"], resource=resource,
                                         data={k: v for k, v in item.items() if k in RESOURCE_KEYS})
                keep.add(resource.pk)
            else:
                created = services.resource_create(actor=context["user"], dataset=dataset, name=item.get("name", ""),
                                                   url=item.get("url", ""), format=item.get("format", ""),
                                                   description=item.get("description", ""))
                keep.add(created.pk)
        for resource in dataset.resources.filter(is_deleted=False).exclude(pk__in=keep):
            services.resource_delete(actor=context["user"], resource=resource)
    return package_dict(selectors.dataset_base().get(pk=dataset.pk), context["base"])


_NULLABLE = {"update_frequency_interval", "first_year_of_data", "last_year_of_data", "west_bound_longitude",
             "east_bound_longitude", "north_bound_longitude", "south_bound_longitude", "created_date",
             "last_updated_date", "data_release_calendar", "data_release_date"}


@action("package_update", permission=WRITE)
def package_update(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """แทนที่เมทาดาตาทั้งหมดของชุดข้อมูล (ฟิลด์ที่ไม่ส่งจะถูกล้าง)"""
    return _update(context, data, patch=False)


@action("package_patch", permission=WRITE)
def package_patch(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """แก้ไขเฉพาะฟิลด์ที่ส่งมา"""
    return _update(context, data, patch=True)


@action("package_delete", permission=WRITE)
def package_delete(context: dict[str, Any], data: dict[str, Any]) -> None:
    """ลบชุดข้อมูล (id หรือ name)"""
    services.dataset_delete(actor=context["user"], dataset=_writable_dataset(context, required(data, "id")))
    return None


@action("resource_create", permission=WRITE)
def resource_create(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """เพิ่มทรัพยากร: package_id และ upload (multipart) หรือ url; ไฟล์ CSV/XLSX จะโหลดเข้าคลังข้อมูล"""
    dataset = _writable_dataset(context, required(data, "package_id"))
    upload = context["files"].get("upload")
    if context.get("upload_too_large"):
        raise ValidationFailed({"upload": [context["upload_too_large"]]})
    extras = {k: v for k, v in data.items() if k.startswith("resource_")}
    resource = services.resource_create(
        actor=context["user"], dataset=dataset, name=str(data.get("name") or ""),
        description=str(data.get("description") or ""), url=str(data.get("url") or "") if not upload else "",
        format=str(data.get("format") or ""), upload=upload if isinstance(upload, UploadedFile) else None,
        sheet=str(data.get("sheet") or ""), extras=extras,
    )
    return resource_show(context, {"id": str(resource.pk)})


@action("resource_update", permission=WRITE)
def resource_update(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """แก้ไขทรัพยากร (id) ส่ง upload เพื่ออัปโหลดไฟล์ฉบับใหม่"""
    resource = _resource(context, required(data, "id"), write=True)
    upload = context["files"].get("upload")
    if context.get("upload_too_large"):
        raise ValidationFailed({"upload": [context["upload_too_large"]]})
    services.resource_update(actor=context["user"], resource=resource,
                             data={k: v for k, v in data.items() if k in RESOURCE_KEYS and not (upload and k == "url")})
    if isinstance(upload, UploadedFile):
        services.resource_upload(actor=context["user"], resource=resource, upload=upload, sheet=str(data.get("sheet") or ""))
    return resource_show(context, {"id": str(resource.pk)})


@action("resource_delete", permission=WRITE)
def resource_delete(context: dict[str, Any], data: dict[str, Any]) -> None:
    """ลบทรัพยากร (id) และตารางในคลังข้อมูล"""
    services.resource_delete(actor=context["user"], resource=_resource(context, required(data, "id"), write=True))
    return None


@action("datastore_create", permission=WRITE)
def datastore_create(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """สร้างตาราง (fields) และเพิ่มระเบียน (records) ของทรัพยากร; ส่ง resource เพื่อสร้างทรัพยากรใหม่"""
    if data.get("resource") and not data.get("resource_id"):
        spec = as_dict(data["resource"], "resource")
        dataset = _writable_dataset(context, required(spec, "package_id"))
        created = services.resource_create(actor=context["user"], dataset=dataset, name=spec.get("name", "datastore"),
                                           url=spec.get("url", ""), format=spec.get("format", "CSV"),
                                           datastore_only=True)
        resource = created
    else:
        resource = _resource(context, required(data, "resource_id"), write=True)
    fields = data.get("fields")
    result = datastore_services.datastore_create(
        actor=context["user"], resource=resource, fields=as_list(fields) if fields else None,
        records=as_list(data.get("records")), primary_key=as_list(data["primary_key"]) if "primary_key" in data else None,
    )
    return result


@action("datastore_upsert", permission=WRITE)
def datastore_upsert(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """เพิ่ม/ปรับปรุงระเบียน: method = upsert (ค่าเริ่มต้น), insert, update"""
    resource = _datastore_resource(context, data)
    _resource(context, resource.pk, write=True)
    records = as_list(data.get("records"))
    datastore_services.datastore_upsert(actor=context["user"], resource=resource, records=records,
                                        method=str(data.get("method") or "upsert"))
    return {"resource_id": str(resource.pk), "method": str(data.get("method") or "upsert")}


@action("datastore_delete", permission=WRITE)
def datastore_delete(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """ลบระเบียนตาม filters หรือลบทั้งตารางเมื่อไม่ส่ง filters"""
    resource = _datastore_resource(context, data)
    _resource(context, resource.pk, write=True)
    filters = as_dict(data.get("filters"), "filters")
    datastore_services.datastore_delete(actor=context["user"], resource=resource, filters=filters)
    return {"resource_id": str(resource.pk), "filters": filters}


__all__ = ["package_show"]
