"""Writes for datasets, resources, versions and the column dictionary. Each checks the
permission, validates with Thai messages, writes one audit event and runs in a transaction."""

from __future__ import annotations

import hashlib
import re
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from smartprovince.core import dataversion
from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.jobs import job_start
from smartprovince.core.permissions import require

from . import gdc
from .ingest import store
from .models import Column, DataDomain, Dataset, Resource, ResourceVersion, Tag
from .search import index_text

WRITE = "datahub.dataset:write"
NAME_RE = re.compile(r"[a-z0-9_\-]{2,70}")
TAG_RE = re.compile(r"[ก-๙\w \-.]+")
# API names of the GD Catalog fields that the model stores under another name
API_TO_MODEL = {"first_year_of_data": "first_year_of_data_be", "last_year_of_data": "last_year_of_data_be"}
MODEL_TO_API = {v: k for k, v in API_TO_MODEL.items()}
DATASET_FIELDS = [
    f.name for f in Dataset._meta.concrete_fields
    if f.name not in {"id", "agency", "search_text", "created_by", "created_at", "updated_at", "is_deleted"}
]
TABULAR = {"CSV", "TSV", "XLSX", "TXT"}
FORMAT_BY_EXT = {
    "csv": "CSV", "tsv": "TSV", "txt": "TXT", "xlsx": "XLSX", "xls": "XLS", "json": "JSON", "geojson": "GeoJSON",
    "pdf": "PDF", "zip": "ZIP", "doc": "DOC", "docx": "DOCX", "xml": "XML", "shp": "SHP", "kml": "KML",
    "png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "ppt": "PPT", "pptx": "PPTX", "rdf": "RDF", "ttl": "TTL",
}


def max_upload_bytes() -> int:
    return int(getattr(settings, "DATAHUB_MAX_UPLOAD_BYTES", getattr(settings, "UPLOAD_MAX_BYTES", 200 * 1024 * 1024)))


def _clean_tags(raw: Any) -> list[str]:
    if isinstance(raw, str):
        raw = re.split(r"[,\n]", raw)
    result: list[str] = []
    for item in raw or []:
        name = item.get("name", "") if isinstance(item, dict) else str(item)
        name = " ".join(name.split())
        if name and name not in result:
            result.append(name)
    return result


def _metadata_view(data: dict[str, Any], agency: Any, tags: list[str]) -> dict[str, Any]:
    view = {MODEL_TO_API.get(k, k): v for k, v in data.items()}
    view["owner_org"] = getattr(agency, "code", None)
    view["tags"] = tags
    return view


def _validate(dataset: Dataset, tags: list[str], domain_ids: list[int] | None) -> None:
    errors = gdc.validate_metadata(_metadata_view(snapshot(dataset, DATASET_FIELDS), dataset.agency, tags))
    if not NAME_RE.fullmatch(dataset.name or ""):
        errors.setdefault("name", []).append(
            "ชื่อใน URL ต้องยาว 2–70 ตัวอักษร ใช้ได้เฉพาะ a-z ตัวเล็ก ตัวเลข - และ _ เช่น rice-production-2565"
        )
    elif Dataset.objects.filter(name=dataset.name).exclude(pk=dataset.pk).exists():
        errors.setdefault("name", []).append(f"ชื่อใน URL “{dataset.name}” ถูกใช้แล้ว กรุณาใช้ชื่ออื่น")
    for tag in tags:
        if len(tag) > 100 or not TAG_RE.fullmatch(tag):
            errors.setdefault("tags", []).append(f"คำสำคัญ “{tag[:30]}” มีอักขระที่ใช้ไม่ได้หรือยาวเกิน 100 ตัวอักษร")
    if domain_ids is not None and DataDomain.objects.filter(pk__in=domain_ids).count() != len(set(domain_ids)):
        errors.setdefault("groups", []).append("ไม่พบด้านข้อมูลที่เลือก")
    if errors:
        raise ValidationError(errors)
    try:
        dataset.full_clean(exclude=["name", "agency", "search_text"])
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from None


def _search_text(dataset: Dataset, tags: list[str]) -> str:
    return index_text(dataset.title, dataset.name, dataset.notes, " ".join(tags), dataset.agency.name_th,
                      dataset.agency.code, dataset.data_source)


def _apply(dataset: Dataset, data: dict[str, Any]) -> None:
    for key, value in data.items():
        key = API_TO_MODEL.get(key, key)
        if key in DATASET_FIELDS:
            setattr(dataset, key, value)


def _set_relations(dataset: Dataset, tags: list[str], domain_ids: list[int] | None) -> None:
    tag_objs = [Tag.objects.get_or_create(name=t)[0] for t in tags]
    dataset.tags.set(tag_objs)
    if domain_ids is not None:
        dataset.domains.set(domain_ids)


def generate_name(title: str, agency_code: str) -> str:
    ascii_part = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40]
    base = f"{agency_code.lower()}-{ascii_part}" if ascii_part else agency_code.lower()
    return f"{base}-{uuid.uuid4().hex[:6]}"[:70]


@transaction.atomic
def dataset_create(*, actor: Any, agency: Any, data: dict[str, Any], tags: Any = None,
                   domain_ids: list[int] | None = None) -> Dataset:
    require(actor, WRITE, agency.pk if agency else None)
    tag_list = _clean_tags(tags)
    dataset = Dataset(agency=agency, created_by=actor if getattr(actor, "is_authenticated", False) else None)
    _apply(dataset, data)
    if not dataset.name:
        dataset.name = generate_name(dataset.title or "", agency.code)
    _validate(dataset, tag_list, domain_ids)
    dataset.search_text = _search_text(dataset, tag_list)
    dataset.save()
    _set_relations(dataset, tag_list, domain_ids)
    audit_log(actor=actor, action="datahub.dataset.created", obj=dataset,
              changes={**snapshot(dataset, DATASET_FIELDS), "tags": tag_list, "domains": domain_ids or []})
    return dataset


@transaction.atomic
def dataset_update(*, actor: Any, dataset: Dataset, data: dict[str, Any], tags: Any = None,
                   domain_ids: list[int] | None = None, agency: Any = None) -> Dataset:
    require(actor, WRITE, dataset.agency_id)
    if agency is not None and agency.pk != dataset.agency_id:
        require(actor, WRITE, agency.pk)
        dataset.agency = agency
    before = snapshot(dataset, DATASET_FIELDS)
    old_tags = sorted(dataset.tags.values_list("name", flat=True))
    tag_list = _clean_tags(tags) if tags is not None else old_tags
    _apply(dataset, data)
    _validate(dataset, tag_list, domain_ids)
    dataset.search_text = _search_text(dataset, tag_list)
    dataset.save()
    _set_relations(dataset, tag_list, domain_ids)
    changes = diff(before, snapshot(dataset, DATASET_FIELDS))
    if sorted(tag_list) != old_tags:
        changes["tags"] = [old_tags, sorted(tag_list)]
    if changes or domain_ids is not None:
        audit_log(actor=actor, action="datahub.dataset.updated", obj=dataset, changes=changes)
    else:  # nothing to audit, but updated_at moved: the cached catalog order (by last update) must follow
        dataversion.bump("datahub")
    return dataset


@transaction.atomic
def dataset_delete(*, actor: Any, dataset: Dataset) -> None:
    require(actor, WRITE, dataset.agency_id)
    dataset.is_deleted = True
    dataset.save(update_fields=["is_deleted", "updated_at"])
    audit_log(actor=actor, action="datahub.dataset.deleted", obj=dataset, changes={"is_deleted": [False, True]})


def format_of(filename: str, declared: str = "") -> str:
    if declared:
        return declared.strip().upper()[:30]
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return FORMAT_BY_EXT.get(ext, ext.upper()[:30])


def _check_upload(upload: UploadedFile) -> None:
    limit = max_upload_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError({"upload": [
            f"ไฟล์มีขนาด {upload.size / 1048576:,.1f} MB เกินขนาดสูงสุดที่รับได้ ({limit / 1048576:,.0f} MB)"
        ]})
    if upload.size == 0:
        raise ValidationError({"upload": ["ไฟล์ว่างเปล่า (0 ไบต์) ไม่มีข้อมูลให้จัดเก็บ"]})


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _new_version(*, actor: Any, resource: Resource, upload: UploadedFile, sheet: str = "") -> ResourceVersion:
    number = (ResourceVersion.objects.filter(resource=resource).order_by("-number").values_list("number", flat=True)
              .first() or 0) + 1
    version = ResourceVersion(
        resource=resource, number=number, original_filename=(upload.name or "")[:300], size=upload.size or 0,
        sha256=_sha256(upload), sheet=sheet, created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    version.file.save(upload.name or f"upload-{number}", upload, save=False)
    is_tabular = format_of(upload.name or "", resource.format) in TABULAR
    version.status = ResourceVersion.Status.PENDING if is_tabular else ResourceVersion.Status.STORED
    version.save()
    resource.file.name = version.file.name
    resource.size = version.size
    resource.save(update_fields=["file", "size", "updated_at"])
    if is_tabular:
        job = job_start(kind="datahub.ingest", title=f"โหลดข้อมูล “{resource.name}” ฉบับที่ {number}", actor=actor,
                        params={"version_id": version.pk}, agency_id=resource.dataset.agency_id)
        version.job = job
        version.save(update_fields=["job"])
    return version


RESOURCE_FIELDS = ("name", "description", "format", "url", "position", "extras")


@transaction.atomic
def resource_create(*, actor: Any, dataset: Dataset, name: str = "", description: str = "", url: str = "",
                    format: str = "", upload: UploadedFile | None = None, sheet: str = "",
                    extras: dict[str, Any] | None = None, datastore_only: bool = False) -> Resource:
    require(actor, WRITE, dataset.agency_id)
    if upload is None and not url and not datastore_only:
        raise ValidationError({"upload": ["กรุณาเลือกไฟล์ที่จะอัปโหลด หรือใส่ลิงก์ (URL) ของข้อมูล"]})
    if upload is not None:
        _check_upload(upload)
    name = (name or (upload.name if upload else "") or url.rsplit("/", 1)[-1] or "ทรัพยากร").strip()[:300]
    resource = Resource(
        dataset=dataset, name=name, description=description, url="" if upload else url,
        format=format_of((upload.name or "") if upload else url, format), extras=extras or {},
        position=dataset.resources.count(),
    )
    try:
        resource.full_clean(exclude=["file", "dataset"])
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from None
    resource.save()
    audit_log(actor=actor, action="datahub.resource.created", obj=resource, agency_id=dataset.agency_id,
              changes=snapshot(resource, RESOURCE_FIELDS))
    if upload is not None:
        _new_version(actor=actor, resource=resource, upload=upload, sheet=sheet)
    Dataset.objects.filter(pk=dataset.pk).update(updated_at=resource.updated_at)
    return resource


@transaction.atomic
def resource_upload(*, actor: Any, resource: Resource, upload: UploadedFile, sheet: str = "") -> ResourceVersion:
    """A new version of a resource's file (loaded into a new table, swapped on success)."""
    require(actor, WRITE, resource.dataset.agency_id)
    _check_upload(upload)
    resource.format = format_of(upload.name or "", "")
    resource.url = ""
    resource.save(update_fields=["format", "url", "updated_at"])
    version = _new_version(actor=actor, resource=resource, upload=upload, sheet=sheet)
    audit_log(actor=actor, action="datahub.resource.uploaded", obj=resource, agency_id=resource.dataset.agency_id,
              changes={"version": version.number, "filename": version.original_filename, "size": version.size})
    return version


@transaction.atomic
def resource_reload(*, actor: Any, resource: Resource, sheet: str = "") -> ResourceVersion:
    """Load the latest file again (e.g. another sheet of the workbook) as a new version."""
    require(actor, WRITE, resource.dataset.agency_id)
    latest = resource.versions.order_by("-number").first()
    if latest is None or not latest.file:
        raise ValidationError({"sheet": ["ยังไม่มีไฟล์ที่อัปโหลดสำหรับทรัพยากรนี้"]})
    if sheet and latest.sheets and sheet not in latest.sheets:
        raise ValidationError({"sheet": [f"ไม่พบแผ่นงาน “{sheet}” ในไฟล์"]})
    version = ResourceVersion.objects.create(
        resource=resource, number=latest.number + 1, file=latest.file.name, original_filename=latest.original_filename,
        size=latest.size, sha256=latest.sha256, sheet=sheet, sheets=latest.sheets,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    job = job_start(kind="datahub.ingest", title=f"โหลดข้อมูล “{resource.name}” ฉบับที่ {version.number}", actor=actor,
                    params={"version_id": version.pk}, agency_id=resource.dataset.agency_id)
    version.job = job
    version.save(update_fields=["job"])
    audit_log(actor=actor, action="datahub.resource.reloaded", obj=resource, agency_id=resource.dataset.agency_id,
              changes={"version": version.number, "sheet": sheet})
    return version


@transaction.atomic
def resource_update(*, actor: Any, resource: Resource, data: dict[str, Any]) -> Resource:
    require(actor, WRITE, resource.dataset.agency_id)
    before = snapshot(resource, RESOURCE_FIELDS)
    for key in RESOURCE_FIELDS:
        if key in data and data[key] is not None:
            setattr(resource, key, data[key])
    if not resource.name.strip():
        raise ValidationError({"name": ["กรุณากรอกชื่อทรัพยากร"]})
    try:
        resource.full_clean(exclude=["file", "dataset"])
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from None
    resource.save()
    changes = diff(before, snapshot(resource, RESOURCE_FIELDS))
    if changes:
        audit_log(actor=actor, action="datahub.resource.updated", obj=resource, agency_id=resource.dataset.agency_id,
                  changes=changes)
    return resource


@transaction.atomic
def resource_delete(*, actor: Any, resource: Resource) -> None:
    require(actor, WRITE, resource.dataset.agency_id)
    table = resource.datastore_table
    resource.is_deleted = True
    resource.datastore_active = False
    resource.datastore_table = ""
    resource.save(update_fields=["is_deleted", "datastore_active", "datastore_table", "updated_at"])
    if table:
        store.drop_after_commit(table)
    audit_log(actor=actor, action="datahub.resource.deleted", obj=resource, agency_id=resource.dataset.agency_id,
              changes={"is_deleted": [False, True]})


@transaction.atomic
def columns_update(*, actor: Any, resource: Resource, items: list[dict[str, Any]]) -> list[Column]:
    """Update labels, descriptions and standard keys of the column dictionary; index key columns."""
    require(actor, WRITE, resource.dataset.agency_id)
    columns = {c.name: c for c in Column.objects.select_for_update().filter(resource=resource)}
    valid_keys = {k for k, _ in Column.StandardKey.choices}
    errors: dict[str, list[str]] = {}
    changes: dict[str, Any] = {}
    for item in items:
        column = columns.get(item.get("name", ""))
        if column is None:
            errors.setdefault("columns", []).append(f"ไม่มีคอลัมน์ “{item.get('name')}” ในทรัพยากรนี้")
            continue
        key = item.get("standard_key", column.standard_key) or ""
        if key and key not in valid_keys:
            errors.setdefault("columns", []).append(f"คีย์มาตรฐาน “{key}” ไม่ถูกต้อง")
            continue
        if key in {"fiscal_year_be", "year_be"} and column.type not in {"integer", "text"}:
            errors.setdefault("columns", []).append(f"คอลัมน์ “{column.name}” ต้องเป็นปี พ.ศ. (จำนวนเต็ม) จึงเป็นคีย์ปีได้")
            continue
        if key == "date" and column.type != "date":
            errors.setdefault("columns", []).append(f"คอลัมน์ “{column.name}” ไม่ใช่ชนิดวันที่ จึงเป็นคีย์วันที่ไม่ได้")
            continue
        new = {"label": (item.get("label") or column.label or column.name)[:200],
               "description": item.get("description", column.description) or "", "standard_key": key}
        old = {"label": column.label, "description": column.description, "standard_key": column.standard_key}
        if new != old:
            changes[column.name] = [old, new]
            for k, v in new.items():
                setattr(column, k, v)
            column.save()
    if errors:
        raise ValidationError(errors)
    used = [c for c in columns.values() if c.standard_key]
    if len({c.standard_key for c in used}) != len(used):
        raise ValidationError({"columns": ["คีย์มาตรฐานแต่ละชนิดใช้ได้กับคอลัมน์เดียวในทรัพยากรหนึ่ง"]})
    table = Resource.objects.filter(pk=resource.pk).values_list("datastore_table", flat=True).first()
    if table:
        store.index_keys(table, {c.standard_key: c.physical for c in used})
    if changes:
        audit_log(actor=actor, action="datahub.columns.updated", obj=resource, agency_id=resource.dataset.agency_id,
                  changes=changes)
    return sorted(columns.values(), key=lambda c: c.position)
