"""Benchmark: the project list page and the project list API at province scale (issue 3 / 8).

For each scale and each database (SQLite and PostgreSQL) the data is generated once by
``smartprovince gen-scale`` (``bench.common.ensure_scale_db``); then a child process with
production settings (DEBUG off) requests every page ``BENCH_REQUESTS`` times (default 100) with
the Django test client, in-process (no network, no web server): p50 / p95 / max and the number
of SQL queries of one request. The province admin sees every agency; the agency editor only
their own.

At scale 10 the figures are compared with the scale-1 figures of the same code: ``growth``
gives p50 and p95 (scale 10) / (scale 1) and the query counts at both scales. A page that only
shows its own page of results should stay near 1×.

    python -m bench.run --scale 1 --only projects
    python -m bench.projects --scale 1          # the same, printed as JSON
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import bench_clients, pages_main, peak_memory_mb, run_pages, time_pages

SCALES = (1, 10)
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
FY = 2564
# name → (user, path); {strategy} and {agency} are filled in by the child.
PAGES: dict[str, tuple[str, str]] = {
    "list_first_page": ("admin", "/app/projects/"),
    "list_filtered": ("admin", f"/app/projects/?fy={FY}&status=completed&strategy={{strategy}}"),
    "list_thai_search": ("admin", "/app/projects/?q=%E0%B8%9C%E0%B9%89%E0%B8%B2%E0%B8%A2%E0%B9%89%E0%B8%AD%E0%B8%A1%E0%B8%84%E0%B8%A3%E0%B8%B2%E0%B8%A1"),  # ผ้าย้อมคราม
    "list_page_20": ("admin", "/app/projects/?page=20"),
    "list_agency_editor": ("editor", "/app/projects/"),
    "api_list": ("admin", "/api/v1/projects/"),
    "api_filtered": ("admin", f"/api/v1/projects/?fy={FY}&status=completed&agency={{agency}}"),
    "api_thai_search": ("admin", "/api/v1/projects/?q=%E0%B8%AB%E0%B8%99%E0%B8%AD%E0%B8%87%E0%B8%AB%E0%B8%B2%E0%B8%A3"),  # หนองหาร
}


def _measure(requests: int) -> dict[str, Any]:
    """In the child process: Django on DATABASE_URL, every page timed."""
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count

    from smartprovince.plans.models import Strategy
    from smartprovince.projects.models import Project

    users = bench_clients()
    strategy = Strategy.objects.filter(plan__is_current=True).order_by("number").values_list("pk", flat=True).first()
    busiest = (
        Project.objects.filter(fiscal_year_be__lte=FY, fiscal_year_end_be__gte=FY).values("agency__code")
        .order_by().annotate(n=Count("id")).order_by("-n")
        .values_list("agency__code", flat=True).first()
    )
    figures: dict[str, Any] = {
        "database": connection.vendor,
        "projects": Project.objects.count(),
        "projects_in_fy": Project.objects.filter(fiscal_year_be__lte=FY, fiscal_year_end_be__gte=FY).count(),
        "requests_per_page": requests,
    }
    only = [n for n in os.environ.get("BENCH_PAGES", "").split(",") if n]  # e.g. BENCH_PAGES=list_thai_search
    pages = {name: (users[who], template.format(strategy=strategy, agency=busiest))
             for name, (who, template) in PAGES.items() if not only or name in only}
    figures["pages"] = time_pages(pages, requests)
    figures["peak_memory_mb"] = peak_memory_mb()
    return figures


def run(results: dict[str, Any], *, scale: int = 1, database_url: str | None = None) -> None:
    """``database_url`` (the shared bench database of ``bench.run``) is not used: this benchmark
    keeps one generated database per scale and vendor (see ``bench.common``)."""

    def generated(db: dict[str, Any]) -> dict[str, Any]:
        rows = ("agencies", "projects", "progress_reports", "survey_responses", "staff")
        return {"generation_s": db.get("generation_s"),
                "generated_rows": {k: v for k, v in db.get("counts", {}).items() if k in rows}}

    run_pages(results, module="bench.projects", scale=scale, requests=REQUESTS, extra=generated)


if __name__ == "__main__":
    pages_main(_measure, run, REQUESTS)
