"""Demo data: loaded only by ``make run`` / ``smartprovince demo``, and labelled on every page.

Each app may provide ``<app>/demo.py`` with ``DEMO_ORDER: int`` and
``load_demo(*, rng: random.Random, today: datetime.date, stdout) -> None``. Apps run in
``DEMO_ORDER`` (agencies and users first). Loading is idempotent: an app's loader must check
whether its demo rows already exist.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from . import dataversion
from .sitestate import demo_mark

DEMO_PASSWORD = "demo-password"  # noqa: S105 - printed by make run, demo only
DEMO_USERS = [
    ("admin", "ผู้ดูแลระบบจังหวัด (สาธิต)", "province_admin", "SKN-PO"),
    ("governor", "ผู้ว่าราชการจังหวัด (สาธิต)", "executive", "SKN-PO"),
    ("inspector", "ผู้ตรวจติดตาม (สาธิต)", "inspector", "SKN-PO"),
    ("agri", "เจ้าหน้าที่เกษตรจังหวัด (สาธิต)", "agency_editor", "SKN-AGRI"),
    ("tourism", "เจ้าหน้าที่ท่องเที่ยวและกีฬาจังหวัด (สาธิต)", "agency_editor", "SKN-TOUR"),
]


def demo_modules() -> list[Any]:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("smartprovince."):
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.demo"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
    return sorted(modules, key=lambda m: getattr(m, "DEMO_ORDER", 100))


def demo_today() -> dt.date:
    """The date the demo is written as of: today, or the last day of the current plan when the
    plan has already ended (so the demo's reports, trainings and surveys fall inside the plan
    period and its KPIs have values)."""
    from smartprovince.core.thai_calendar import fiscal_year_range
    from smartprovince.plans.selectors import plan_current

    today = timezone.localdate()
    plan = plan_current()
    if plan is None:
        return today
    return min(today, fiscal_year_range(plan.fiscal_year_end_be)[1])


def load_demo(*, seed: int = 2565, today: dt.date | None = None, stdout: Any = None) -> None:
    today = today or demo_today()
    rng = random.Random(seed)
    for module in demo_modules():
        if module.__name__ == __name__:
            continue
        with transaction.atomic():
            module.load_demo(rng=rng, today=today, stdout=stdout)
    dataversion.bump_all()  # demo rows are written directly, not through the (audited) services
    demo_mark(True)
