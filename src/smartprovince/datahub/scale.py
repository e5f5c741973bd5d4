"""Synthetic data hub for ``gen-scale``: 500 × scale datasets with Thai GD Catalog metadata across
the data domains and agencies, and one datastore resource of 1,000,000 × scale rows (12 columns:
Thai text, numbers, BE dates, district codes) loaded through the data hub's own ingest, so the
benchmark exercises the real loader and datastore."""

from __future__ import annotations

import csv
import datetime as dt
import random
import tempfile
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.test.utils import override_settings

from smartprovince.agencies.models import Agency
from smartprovince.core.jobs import job_run
from smartprovince.core.models import Area
from smartprovince.core.scale import BENCH_USER_PREFIX, count
from smartprovince.core.scale_names import TOPICS

from . import services
from .models import DataDomain, Dataset, Resource

SCALE_ORDER = 60
DATA_MODELS = ("datahub.Dataset",)
_COLUMNS = ["อำเภอ", "รหัสอำเภอ", "ปีงบประมาณ", "วันที่บันทึก", "ประเภท", "รายการ", "จำนวน", "มูลค่า (บาท)",
            "พื้นที่ (ไร่)", "ร้อยละ", "หมายเหตุ", "สถานะ"]


def _actor() -> Any:
    user, _ = get_user_model().objects.get_or_create(
        username=f"{BENCH_USER_PREFIX}datahub", defaults={"is_superuser": True, "first_name": "ข้อมูลจำลอง"}
    )
    if not user.is_superuser:
        user.is_superuser = True
        user.save(update_fields=["is_superuser"])
    return user


def _metadata(title: str, agency: Agency, rng: random.Random) -> dict[str, Any]:
    return {
        "title": title,
        "data_type": "ข้อมูลสถิติ",
        "maintainer": f"กลุ่มงานข้อมูล {agency.name_th}"[:200],
        "maintainer_email": "data@scale.invalid",
        "notes": f"{title} (ข้อมูลจำลองสำหรับทดสอบประสิทธิภาพ ไม่ใช่ข้อมูลจริง)",
        "objective": ["พันธกิจหน่วยงาน"],
        "update_frequency_unit": rng.choice(["ปี", "ไตรมาส", "เดือน"]),
        "geo_coverage": "อำเภอ",
        "data_source": agency.name_th[:300],
        "data_format": ["CSV"],
        "data_category": "ข้อมูลสาธารณะ",
        "data_classification": "เปิดเผย",
        "license_id": "Open Data Common",
    }


def _write_csv(path: Path, rows: int, rng: random.Random) -> None:
    districts = list(Area.objects.filter(level=Area.Level.DISTRICT).order_by("code").values_list("code", "name_th"))
    kinds = ["ข้าวนาปี", "มันสำปะหลัง", "อ้อยโรงงาน", "ยางพารา", "ผ้าคราม", "ท่องเที่ยวชุมชน", "ปศุสัตว์", "ประมงน้ำจืด"]
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(_COLUMNS)
        start = dt.date(2019, 10, 1)
        for i in range(rows):
            code, name = districts[i % len(districts)]
            day = start + dt.timedelta(days=rng.randrange(1096))
            fy = day.year + 543 + (1 if day.month >= 10 else 0)
            out.writerow([
                name, code, fy, f"{day.day:02d}/{day.month:02d}/{day.year + 543}", rng.choice(kinds),
                f"{rng.choice(TOPICS)}บ้าน{rng.choice(['หนองแวง', 'โคกสูง', 'นาดี', 'ดอนเมือง', 'ท่าแร่'])}",
                rng.randint(1, 5000), f"{rng.uniform(100, 1_000_000):.2f}", f"{rng.uniform(1, 900):.1f}",
                f"{rng.uniform(0, 100):.2f}", "" if rng.random() < 0.7 else "ตรวจสอบแล้ว", rng.choice(["ปกติ", "ติดตาม"]),
            ])


def generate(*, scale: float, rng: random.Random, stdout: Any) -> dict[str, int]:
    actor = _actor()
    agencies = list(Agency.objects.filter(is_active=True).order_by("code"))
    domains = list(DataDomain.objects.filter(is_active=True).order_by("order").values_list("pk", flat=True))
    n = count(500, scale)
    rows = count(1_000_000, scale, minimum=100)
    first: Dataset | None = None
    for i in range(n):
        agency = agencies[i % len(agencies)]
        title = f"{rng.choice(TOPICS)} รายอำเภอ ชุดที่ {i + 1:04d}"
        dataset = services.dataset_create(
            actor=actor, agency=agency, data=_metadata(title, agency, rng) | {"name": f"scale-{i + 1:04d}"},
            tags=[rng.choice(TOPICS)[:100]], domain_ids=[domains[i % len(domains)]] if domains else [],
        )
        first = first or dataset
    assert first is not None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scale-rows.csv"
        _write_csv(path, rows, rng)
        size = path.stat().st_size
        # The limit is a setting a province raises for its big files; scale 10 writes about 2 GB.
        with path.open("rb") as f, override_settings(DATAHUB_MAX_UPLOAD_BYTES=max(services.max_upload_bytes(), size)):
            upload = UploadedFile(file=f, name="scale-rows.csv", content_type="text/csv", size=size)
            services.resource_create(actor=actor, dataset=first, name="ข้อมูลรายการรายอำเภอ (จำลอง)", upload=upload)
    resource = Resource.objects.filter(dataset=first).order_by("-pk").first()
    version = resource.versions.order_by("-number").first() if resource else None
    if version is not None and version.job_id:
        # The ingest job would start when this transaction commits; run it now (job_run is
        # idempotent, so the later on-commit start finds it done).
        job_run(version.job_id)
        version.refresh_from_db()
    loaded = version.rows_loaded if version else 0
    if resource is not None and loaded:
        # Map the district code and the fiscal year as an officer would, so the area profiles,
        # the join view and their benchmarks work on the big resource (and its key columns are indexed).
        services.columns_update(actor=actor, resource=resource, items=[
            {"name": "รหัสอำเภอ", "standard_key": "area_code"}, {"name": "ปีงบประมาณ", "standard_key": "fiscal_year_be"},
        ])
    return {"datahub_datasets": n, "datahub_datastore_rows": int(loaded or 0)}
