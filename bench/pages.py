"""Benchmark: the main pages of every app at province scale, and how they grow from scale 1 to 10
(issue 8: "pages must not grow with data size beyond their own page of results").

The project list has its own benchmark (``bench.projects``) and the executive dashboard too
(``bench.dashboard``); this one covers the rest: the public portal, the data catalog and its
Thai search, the 1,000,000 × scale-row datastore preview and ``datastore_search``, area
profiles, the e-service directory and survey results, digital-skills and smart-city pages, and
the workspace lists of each app. For each scale and database (SQLite and PostgreSQL) the data
comes from ``smartprovince gen-scale`` (``bench.common.ensure_scale_db``); a child process with
production settings requests each page ``BENCH_PAGE_REQUESTS`` times (default 30) with the
Django test client: p50 / p95 / max and the queries of one request. At scale 10 the figures are
compared with the scale-1 figures of the same code (``growth_vs_scale1``).

    python -m bench.run --scale 1 --scale 10 --only pages
    python -m bench.pages --scale 1          # the same, printed as JSON
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
REQUESTS = int(os.environ.get("BENCH_PAGE_REQUESTS", "30"))
THAI_Q = "ข้าว"  # a word in many generated titles and rows
# name → (who, path); {…} placeholders are filled in by the child from the generated data.
PAGES: dict[str, tuple[str, str]] = {
    "public_home": ("anonymous", "/"),
    "public_plan": ("anonymous", "/plan/"),
    "public_agencies": ("anonymous", "/agencies/"),
    "catalog": ("anonymous", "/data/"),
    "catalog_thai_search": ("anonymous", "/data/?q={q}"),
    "dataset": ("anonymous", "/data/dataset/{dataset}/"),
    "datastore_preview": ("anonymous", "/data/dataset/{dataset}/resource/{resource}/"),
    "ckan_package_search": ("anonymous", "/api/3/action/package_search?q={q}&rows=20"),
    "ckan_datastore_search": ("anonymous", "/api/3/action/datastore_search?resource_id={resource}&limit=100"),
    "area_province": ("anonymous", "/areas/47/"),
    "area_district": ("anonymous", "/areas/4701/"),
    "eservice_directory": ("anonymous", "/services/"),
    "skills_activities": ("anonymous", "/digital-skills/activities/"),
    "smartcity_showcase": ("anonymous", "/smart-city/"),
    "workspace_admin": ("admin", "/app/workspace/"),
    "report_queue": ("admin", "/app/projects/reports/"),
    "reporting_compliance": ("admin", "/app/projects/compliance/?period=2564"),
    "indicator_list": ("admin", "/app/monitoring/indicators/"),
    "pdca_board": ("admin", "/app/monitoring/pdca/?fy=2564"),
    "drill_late_projects": ("admin", "/app/monitoring/drill/projects/?fy=2564&late=1"),
    "drill_strategy_page_2": ("admin", "/app/monitoring/drill/projects/?fy=2564&strategy={strategy}&page=2"),
    "eservice_list": ("admin", "/app/eservices/"),
    "survey_results": ("admin", "/app/eservices/surveys/{survey}/results/"),
    "satisfaction_overview": ("admin", "/app/eservices/satisfaction/"),
    "staff_list": ("admin", "/app/training/staff/"),
    "course_list": ("admin", "/app/training/courses/"),
    "datahub_my_datasets": ("editor", "/app/datahub/"),
    "smartcity_initiatives": ("admin", "/app/smartcity/"),
}


def _measure(requests: int) -> dict[str, Any]:
    """In the child process: Django on DATABASE_URL, every page timed."""
    import urllib.parse

    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count

    from smartprovince.datahub.models import Resource
    from smartprovince.eservices.models import Survey
    from smartprovince.plans.models import Strategy

    clients = bench_clients()
    resource = Resource.objects.select_related("dataset").filter(dataset__name="scale-0001").order_by("-pk").first()
    survey = (
        Survey.objects.annotate(n=Count("responses")).order_by("-n").values_list("pk", flat=True).first()
    )
    fill = {
        "q": urllib.parse.quote(THAI_Q),
        "dataset": resource.dataset.name if resource else "scale-0001",
        "resource": str(resource.pk) if resource else "00000000-0000-0000-0000-000000000000",
        "survey": survey or 0,
        "strategy": Strategy.objects.filter(plan__is_current=True).order_by("number").values_list("pk", flat=True).first(),
    }
    only = [n for n in os.environ.get("BENCH_PAGES", "").split(",") if n]  # e.g. BENCH_PAGES=pdca_board,catalog
    pages = {name: (clients[who], template.format(**fill)) for name, (who, template) in PAGES.items()
             if not only or name in only}
    figures: dict[str, Any] = {"database": connection.vendor, "requests_per_page": requests,
                               "pages": time_pages(pages, requests)}
    figures["peak_memory_mb"] = peak_memory_mb()
    return figures


def run(results: dict[str, Any], *, scale: int = 1, database_url: str | None = None) -> None:
    """One generated database per scale and vendor (``bench.common``); ``database_url`` is unused."""
    run_pages(results, module="bench.pages", scale=scale, requests=REQUESTS)


if __name__ == "__main__":
    pages_main(_measure, run, REQUESTS)
