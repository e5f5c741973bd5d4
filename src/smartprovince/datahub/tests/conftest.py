from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from smartprovince.agencies.models import Agency
from smartprovince.datahub import services
from smartprovince.datahub.models import DataDomain


def gdc_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "title": "ผลผลิตข้าวนาปีรายอำเภอ",
        "data_type": "ข้อมูลสถิติ",
        "maintainer": "กลุ่มสารสนเทศ สำนักงานเกษตรจังหวัดสกลนคร",
        "maintainer_email": "info@agri.example.go.th",
        "notes": "ผลผลิตข้าวนาปีของจังหวัดสกลนคร แยกรายอำเภอ",
        "objective": ["พันธกิจหน่วยงาน"],
        "update_frequency_unit": "ปี",
        "geo_coverage": "อำเภอ",
        "data_source": "สำนักงานเกษตรจังหวัดสกลนคร",
        "data_format": ["CSV"],
        "data_category": "ข้อมูลสาธารณะ",
        "data_classification": "เปิดเผย",
        "license_id": "Open Data Common",
    }
    data.update(overrides)
    return data


@pytest.fixture
def agri(db: Any) -> Agency:
    return Agency.objects.get(code="SKN-AGRI")


@pytest.fixture
def make_dataset(agri: Agency, agri_editor: Any) -> Callable[..., Any]:
    def make(name: str = "rice-2565", *, actor: Any = None, agency: Agency | None = None, tags: Any = ("ข้าว",),
             domains: tuple[str, ...] = ("agriculture",), **overrides: Any) -> Any:
        domain_ids = list(DataDomain.objects.filter(name__in=domains).values_list("pk", flat=True))
        return services.dataset_create(
            actor=actor or agri_editor, agency=agency or agri, data=gdc_data(name=name, **overrides), tags=list(tags),
            domain_ids=domain_ids,
        )

    return make


@pytest.fixture
def upload(django_capture_on_commit_callbacks: Any, agri_editor: Any) -> Callable[..., Any]:
    """Create a resource from bytes and run its ingest job; returns the resource (refreshed)."""

    def do(dataset: Any, content: bytes, filename: str = "data.csv", *, actor: Any = None, sheet: str = "") -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            resource = services.resource_create(
                actor=actor or agri_editor, dataset=dataset, name=filename,
                upload=SimpleUploadedFile(filename, content), sheet=sheet,
            )
        resource.refresh_from_db()
        return resource

    return do
