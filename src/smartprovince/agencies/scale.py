"""Synthetic agencies for ``gen-scale``: the real agencies stay; generated ones (codes
``SCALE-0001`` …, names marked "ข้อมูลจำลอง") bring the total to 150 × scale."""

from __future__ import annotations

import random
from typing import Any

from django.utils import timezone

from smartprovince.core import bulkload
from smartprovince.core.models import Area
from smartprovince.core.scale import count

from .models import Agency

SCALE_ORDER = 10
DATA_MODELS: tuple[str, ...] = ()
CODE_PREFIX = "SCALE-"

_LOCAL_KINDS = (
    ("องค์การบริหารส่วนตำบล", "Subdistrict Administrative Organization", "อบต."),
    ("เทศบาลตำบล", "Subdistrict Municipality", "ทต."),
)
_OFFICES = (
    ("โรงพยาบาลส่งเสริมสุขภาพตำบล", "สำนักงานปลัดกระทรวงสาธารณสุข", Agency.Kind.REGIONAL_OFFICE),
    ("โรงเรียน", "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", Agency.Kind.EDUCATION),
    ("สำนักงานเกษตรอำเภอ", "กระทรวงเกษตรและสหกรณ์", Agency.Kind.REGIONAL_OFFICE),
    ("ที่ทำการปกครองอำเภอ", "กระทรวงมหาดไทย", Agency.Kind.REGIONAL_OFFICE),
)


def generate(*, scale: float, rng: random.Random, stdout: Any) -> dict[str, int]:
    target = count(150, scale)
    existing = Agency.objects.count()
    todo = max(0, target - existing)
    if not todo:
        return {"agencies": existing, "agencies_generated": 0}
    subdistricts = list(
        Area.objects.filter(level=Area.Level.SUBDISTRICT).order_by("code").values_list("code", "name_th", "parent_id")
    )
    districts = dict(Area.objects.filter(level=Area.Level.DISTRICT).values_list("code", "name_th"))
    taken = set(Agency.objects.filter(code__startswith=CODE_PREFIX).values_list("code", flat=True))
    now = timezone.now()
    rows = []
    number = 0
    pk = bulkload.next_pk(Agency)
    for i in range(todo):
        number += 1
        while f"{CODE_PREFIX}{number:04d}" in taken:
            number += 1
        code = f"{CODE_PREFIX}{number:04d}"
        sub_code, sub_name, district_code = subdistricts[i % len(subdistricts)]
        round_no = i // len(subdistricts) + 1
        suffix = f" แห่งที่ {round_no}" if round_no > 1 else ""
        if rng.random() < 0.7:
            prefix_th, prefix_en, short = rng.choice(_LOCAL_KINDS)
            name_th = f"{prefix_th}{sub_name}{suffix} (ข้อมูลจำลอง)"
            name_en = f"{prefix_en} {sub_code}{suffix} (synthetic)"
            short_name = f"{short}{sub_name}"
            kind, ministry = Agency.Kind.LOCAL_GOVERNMENT, "กระทรวงมหาดไทย (กรมส่งเสริมการปกครองท้องถิ่น)"
        else:
            prefix_th, ministry, kind = rng.choice(_OFFICES)
            place = sub_name if kind != Agency.Kind.REGIONAL_OFFICE else districts.get(district_code, sub_name)
            name_th = f"{prefix_th}{place}{suffix} (ข้อมูลจำลอง)"
            name_en = f"Synthetic agency {code}"
            short_name = ""
        rows.append((
            pk + i, code, name_th, name_en, short_name[:64], kind, ministry, district_code,
            f"https://{code.lower()}.example/", f"{code.lower()}@example.invalid", f"042-{rng.randrange(100000, 999999)}",
            True, now, now,
        ))
    written = bulkload.insert(
        Agency,
        ("id", "code", "name_th", "name_en", "short_name_th", "kind", "parent_ministry_th", "district_id", "website",
         "email", "phone", "is_active", "created_at", "updated_at"),
        rows, now=now,
    )
    bulkload.reset_sequences(Agency)
    return {"agencies": existing + written, "agencies_generated": written}
