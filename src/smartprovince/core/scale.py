"""Province-scale synthetic data (``smartprovince gen-scale``) for benchmarks and load tests.

Each app may provide ``<app>/scale.py`` with ``SCALE_ORDER: int``, optionally
``DATA_MODELS: tuple[str, ...]`` (labels of models whose rows are user data) and
``generate(*, scale: float, rng: random.Random, stdout) -> dict[str, int]``. The driver runs
them in ``SCALE_ORDER``, each inside its own transaction, with its own ``random.Random`` seeded
from the seed and the app's name (so one app's output does not depend on another's).

Generated rows are written in bulk (``core.bulkload``): no audit events, no history rows; every
rule the services enforce still holds (dates, amounts, scores). The database is marked with the
site flag ``scale_generated`` (scale, seed, counts) and as demo data, so every page says that
the data is not real.
"""

from __future__ import annotations

import importlib
import random
import time
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .demo import DEMO_USERS
from .models import AuditEvent, SiteFlag
from .sitestate import demo_mark, flag_set

SCALE_FLAG = "scale_generated"
# Accounts that benchmarks create for themselves; they are not real users.
BENCH_USER_PREFIX = "bench-"


class ScaleRefused(Exception):
    """The database holds data that generated rows must not be mixed with."""


def count(base: int, scale: float, minimum: int = 1) -> int:
    """``base`` rows at scale 1, multiplied by ``scale`` (at least ``minimum``)."""
    return max(minimum, round(base * scale))


def scale_modules() -> list[Any]:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("smartprovince.") or config.name.endswith(".core"):
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.scale"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.scale":
                raise
    return sorted(modules, key=lambda m: (getattr(m, "SCALE_ORDER", 100), m.__name__))


def real_data_reasons() -> list[str]:
    """Why this database looks like it holds real data (empty list: safe to generate into).

    The shipped seed (areas, agencies, the plan) and the demo data are not real data. Real data
    is: user accounts other than the demo and benchmark accounts; rows in the apps' data tables
    when no demo data was loaded; audit events written by anyone but a demo account."""
    reasons: list[str] = []
    flag = SiteFlag.objects.filter(key=SCALE_FLAG).values_list("value", flat=True).first()
    if flag:
        reasons.append(
            f"ฐานข้อมูลนี้มีข้อมูลจำลองจาก gen-scale อยู่แล้ว (scale {flag.get('scale')}, seed {flag.get('seed')}) "
            "กรุณาใช้ฐานข้อมูลใหม่"
        )
    demo_names = {u[0] for u in DEMO_USERS}
    users = (
        get_user_model().objects.exclude(username__in=demo_names).exclude(username__startswith=BENCH_USER_PREFIX)
    )
    n_users = users.count()
    if n_users:
        reasons.append(f"มีบัญชีผู้ใช้จริง {n_users:,} บัญชี (นอกเหนือจากผู้ใช้สาธิต)")
    demo = bool(SiteFlag.objects.filter(key="demo_loaded").values_list("value", flat=True).first())
    if not demo:
        for module in scale_modules():
            for label in getattr(module, "DATA_MODELS", ()):
                model = apps.get_model(label)
                if model._default_manager.exists():
                    reasons.append(f"มีข้อมูล {model._meta.verbose_name} อยู่แล้ว")
    events = AuditEvent.objects.exclude(actor__isnull=True).exclude(actor__username__in=demo_names)
    if events.exists():
        reasons.append(f"มีบันทึกการเปลี่ยนแปลงโดยผู้ใช้จริง {events.count():,} รายการ")
    return reasons


def generate(*, scale: float, seed: int, stdout: Any = None, force: bool = False) -> dict[str, int]:
    """Generate every app's synthetic data; returns the row counts by table."""
    if scale <= 0:
        raise ValueError("scale ต้องมากกว่า 0")
    reasons = real_data_reasons()
    already = SiteFlag.objects.filter(key=SCALE_FLAG).exists()
    if already or (reasons and not force):
        raise ScaleRefused("ไม่สร้างข้อมูลจำลอง: " + "; ".join(reasons))

    def say(text: str) -> None:
        if stdout is not None:
            stdout.write(text)
            if hasattr(stdout, "flush"):
                stdout.flush()

    counts: dict[str, int] = {}
    started = time.perf_counter()
    for module in scale_modules():
        app = module.__name__.split(".")[-2]
        t0 = time.perf_counter()
        with transaction.atomic():
            rng = random.Random(f"{seed}:{app}")  # noqa: S311 - test data, not secrets
            produced = module.generate(scale=scale, rng=rng, stdout=stdout)
        counts.update(produced)
        detail = ", ".join(f"{k} {v:,}" for k, v in produced.items())
        say(f"  {app:<11} {time.perf_counter() - t0:7.1f} s  {detail}")
    with transaction.atomic():
        flag_set(SCALE_FLAG, {
            "scale": scale, "seed": seed, "counts": counts, "generated_at": timezone.now().isoformat(timespec="seconds"),
            "seconds": round(time.perf_counter() - started, 1),
        })
        demo_mark(True)
    return counts
