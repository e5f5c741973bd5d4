"""Benchmark of the executive dashboard and the quarterly PDF (issue 4).

``run(results, scale=1, database_url=None)`` measures, against whatever data is in the database:

* ``GET /app/monitoring/?fy=<FY>`` as an executive: the first request of the process
  (``first_request_ms``: cold caches, the roll-ups computed), then p50 / p95 / max over N requests
  on unchanged data (``p50_ms`` …: the roll-ups come from the cache) and over N requests each
  after the cache is emptied (``uncached``: what the first view after a write costs), with the
  number of queries of one request of each kind;
* the quarterly PDF (data gathering + rendering, no file written).

Use ``python -c "import bench.dashboard as b; r={}; b.run(r); print(r)"`` or through ``make bench``.
"""

from __future__ import annotations

import os
import time
from typing import Any

from bench.common import summary_ms


def _setup(database_url: str | None) -> None:
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartprovince.config.settings")
    import django

    django.setup()


def _measure(results: dict[str, Any], *, scale: int = 1, database_url: str | None = None) -> None:
    _setup(database_url)
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from smartprovince.agencies.models import Agency, Membership
    from smartprovince.core.thai_calendar import quarter_period
    from smartprovince.monitoring.reports.data import report_data
    from smartprovince.monitoring.reports.pdf_report import build_pdf
    from smartprovince.monitoring.selectors.overview import current_plan
    from smartprovince.projects.models import Project

    plan = current_plan()
    fy = (
        Project.objects.order_by("-fiscal_year_be").values_list("fiscal_year_be", flat=True).first()
        or plan.fiscal_year_end_be
    )
    fy = min(max(fy, plan.fiscal_year_start_be), plan.fiscal_year_end_be)
    user, _ = get_user_model().objects.get_or_create(username="bench-executive", defaults={"first_name": "bench"})
    Membership.objects.get_or_create(user=user, agency=Agency.objects.get(code="SKN-PO"), role="executive")
    client = Client()
    client.force_login(user)
    url = f"/app/monitoring/?fy={fy}"
    from django.core.cache import cache

    cache.clear()
    start = time.perf_counter()
    assert client.get(url).status_code == 200  # cold: templates, imports, roll-ups computed
    first_ms = (time.perf_counter() - start) * 1000
    n = max(20, 20 * scale)

    def timed(*, clear: bool, count: int) -> list[float]:
        out = []
        for _ in range(count):
            if clear:
                cache.clear()
            start = time.perf_counter()
            response = client.get(url)
            out.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
        return out

    timings = timed(clear=False, count=n)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    uncached = timed(clear=True, count=20)  # each one recomputes every roll-up: 20 are enough
    cache.clear()
    with CaptureQueriesContext(connection) as ctx_uncached:
        client.get(url)
    q2 = quarter_period(fy, 2)
    pdf_runs = []
    for _ in range(2):  # the first run in a fresh process also loads the Thai dictionary and fonts
        start = time.perf_counter()
        data = report_data(kind="quarterly", plan=plan, period=q2, today=timezone.localdate())
        pdf = build_pdf(data)
        pdf_runs.append(time.perf_counter() - start)
    results["dashboard"] = {
        "database": connection.vendor,
        "url": url,
        "projects_in_fy": Project.objects.filter(fiscal_year_be__lte=fy, fiscal_year_end_be__gte=fy).count(),
        "requests": n,
        **summary_ms([t / 1000 for t in timings]),
        "queries": len(ctx.captured_queries),
        "first_request_ms": round(first_ms, 1),
        "uncached": {
            **summary_ms([t / 1000 for t in uncached]), "queries": len(ctx_uncached.captured_queries),
        },
        "quarterly_pdf_cold_s": round(pdf_runs[0], 2),
        "quarterly_pdf_s": round(pdf_runs[1], 2),
        "quarterly_pdf_pages": pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages"),
        "targets": {"p95_ms": 300, "queries": 30, "quarterly_pdf_s": 3},
    }


def run(results: dict[str, Any], *, scale: int = 1, database_url: str | None = None) -> None:
    """The dashboard and the quarterly PDF on the generated province-scale database of each
    vendor (``bench.common.ensure_scale_db``), measured in a child process with production
    settings."""
    from bench.common import VENDORS, ensure_scale_db, measure_in_child

    for vendor in VENDORS:
        db = ensure_scale_db(scale, vendor)
        results[vendor] = measure_in_child("bench.dashboard", db["database_url"], "--scale", str(scale))["dashboard"]


if __name__ == "__main__":
    import json
    import sys

    out: dict[str, Any] = {}
    scale = int(sys.argv[sys.argv.index("--scale") + 1]) if "--scale" in sys.argv else 1
    _measure(out, scale=scale, database_url=os.environ.get("DATABASE_URL"))
    print(json.dumps(out, ensure_ascii=False, default=str))
