"""CKAN-shaped dictionaries of datasets, resources, organisations (agencies) and groups
(data domains). Thai GD Catalog fields sit at the top level, as ckanext-scheming puts them."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from .. import gdc
from ..models import DataDomain, Dataset, Resource
from ..services import MODEL_TO_API

GDC_SCALARS = [
    "data_type", "data_type_other", "maintainer", "maintainer_email", "objective_other", "update_frequency_unit",
    "update_frequency_unit_other", "update_frequency_interval", "geo_coverage", "geo_coverage_other", "data_source",
    "data_format_other", "data_category", "data_classification", "license_id_other", "accessible_condition",
    "data_language_other", "data_support", "data_support_other", "data_collect", "data_collect_other",
    "created_date", "last_updated_date", "data_release_calendar", "first_year_of_data_be", "last_year_of_data_be",
    "disaggregate_other", "unit_of_measure", "unit_of_multiplier", "unit_of_multiplier_other", "calculation_method",
    "standard", "official_statistics", "geographic_data_set", "equivalent_scale", "equivalent_scale_other",
    "west_bound_longitude", "east_bound_longitude", "north_bound_longitude", "south_bound_longitude",
    "positional_accuracy", "reference_period", "data_release_date", "high_value_dataset", "reference_data",
    "allow_harvest", "reference_url_catalog",
]
GDC_LISTS = ["objective", "data_format", "data_language", "disaggregate"]


def _iso(value: Any) -> Any:
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _plain(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return float(value)
    return _iso(value)


def organization_dict(agency: Any, *, package_count: int | None = None) -> dict[str, Any]:
    result = {
        "id": str(agency.pk), "name": agency.code.lower(), "title": agency.name_th, "display_name": agency.name_th,
        "description": agency.parent_ministry_th or "", "image_url": "", "type": "organization",
        "is_organization": True, "state": "active" if agency.is_active else "deleted", "approval_status": "approved",
        "created": _iso(getattr(agency, "created_at", None)), "title_en": agency.name_en,
    }
    if package_count is not None:
        result["package_count"] = package_count
    return result


def group_dict(domain: DataDomain, *, package_count: int | None = None) -> dict[str, Any]:
    result = {
        "id": str(domain.pk), "name": domain.name, "title": domain.title_th, "display_name": domain.title_th,
        "description": domain.description, "image_url": "", "type": "group", "is_organization": False,
        "state": "active" if domain.is_active else "deleted", "approval_status": "approved",
        "created": _iso(domain.created_at), "title_en": domain.title_en,
    }
    if package_count is not None:
        result["package_count"] = package_count
    return result


def resource_url(resource: Resource, base: str) -> str:
    if resource.url:
        return resource.url
    if resource.file:
        filename = resource.file.name.rsplit("/", 1)[-1]
        return base + reverse("datahub_public:resource-file", args=[resource.pk, filename])
    return ""


def resource_dict(resource: Resource, base: str) -> dict[str, Any]:
    result = {
        "id": str(resource.pk), "package_id": str(resource.dataset_id), "name": resource.name,
        "description": resource.description, "format": resource.format, "url": resource_url(resource, base),
        "url_type": "upload" if resource.file and not resource.url else None, "size": resource.size,
        "mimetype": None, "position": resource.position, "state": "deleted" if resource.is_deleted else "active",
        "created": _iso(resource.created_at), "last_modified": _iso(resource.last_loaded_at or resource.updated_at),
        "metadata_modified": _iso(resource.updated_at), "datastore_active": resource.datastore_active,
        "datastore_contains_all_records_of_source_file": resource.datastore_active,
    }
    result.update({k: v for k, v in (resource.extras or {}).items() if k not in result})
    return result


def package_dict(dataset: Dataset, base: str) -> dict[str, Any]:
    """Needs ``agency``, ``tags``, ``domains`` and ``resources`` loaded (``selectors.dataset_base``)."""
    resources = [r for r in dataset.resources.all() if not r.is_deleted]
    tags = sorted(t.name for t in dataset.tags.all())
    result: dict[str, Any] = {
        "id": str(dataset.pk), "name": dataset.name, "title": dataset.title, "type": "dataset",
        "notes": dataset.notes, "url": dataset.url, "private": dataset.is_private,
        "state": "deleted" if dataset.is_deleted else "active", "owner_org": str(dataset.agency_id),
        "organization": organization_dict(dataset.agency), "author": None, "author_email": None,
        "license_id": dataset.license_id, "license_title": dataset.license_id_other or dataset.license_id,
        "metadata_created": _iso(dataset.created_at), "metadata_modified": _iso(dataset.updated_at),
        "creator_user_id": str(dataset.created_by_id) if dataset.created_by_id else None,
        "tags": [{"name": t, "display_name": t, "state": "active", "vocabulary_id": None} for t in tags],
        "num_tags": len(tags),
        "groups": [group_dict(d) for d in dataset.domains.all()],
        "resources": [resource_dict(r, base) for r in resources], "num_resources": len(resources),
        "extras": [], "relationships_as_object": [], "relationships_as_subject": [], "isopen": (
            dataset.license_id in gdc.LICENSES[:7] and not dataset.is_private
        ),
    }
    for field in GDC_SCALARS:
        result[MODEL_TO_API.get(field, field)] = _plain(getattr(dataset, field))
    for field in GDC_LISTS:
        result[field] = list(getattr(dataset, field) or [])
    return result
