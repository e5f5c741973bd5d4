"""Benchmark of the quarterly executive PDF at province scale (goal: at most 3 s).

``run(results, scale=1, database_url=None)`` builds a scratch database (recreated every run) with
3,000 × scale projects in fiscal year 2565, their budget lines, monthly progress reports for the
first half of the year (some with problems), inspection findings and corrective actions, all with
``bulk_create``; then times the quarterly PDF of 2565-Q2 (data gathering and rendering apart, wall
and CPU time, best of the warm runs) in a child process, so the harness's own Django settings are
untouched.

* ``database_url`` a PostgreSQL URL: the scratch database is ``<its name>_pdf`` on that server;
* ``database_url`` None: a SQLite file in a temporary folder.

    python -m bench.pdf                          # SQLite scratch file, prints the figures as JSON
    python -m bench.pdf --database-url postgres://postgres@127.0.0.1:5432/wt_pdf_bench
    python -m bench.pdf --profile                # also writes a pyinstrument profile of the render
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = 3_000
SCALES = [1]  # the PDF shows at most 30 late projects and 60 problems: more projects only grow the data step
RUNS = 3
FY = 2565


def _scratch_url(database_url: str | None, tmp: str) -> str:
    if not database_url or database_url.startswith("sqlite"):
        return f"sqlite:///{Path(tmp) / 'bench-pdf.sqlite3'}"
    parts = urlsplit(database_url)
    name = (parts.path.lstrip("/") or "smartprovince_bench") + "_pdf"
    admin = urlunsplit((parts.scheme, parts.netloc, "/postgres", "", ""))
    import psycopg

    with psycopg.connect(admin.replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))


def run(results: dict[str, Any], *, scale: int = 1, database_url: str | None = None, profile: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = _scratch_url(database_url, tmp)
        env = dict(os.environ)
        env.update({"DATABASE_URL": url, "PYTHONPATH": str(ROOT / "src"), "SMARTPROVINCE_HOME": str(ROOT),
                    "DJANGO_SETTINGS_MODULE": "smartprovince.config.settings", "LOG_LEVEL": "ERROR"})
        cmd = [sys.executable, "-m", "bench.pdf", "--child", str(PROJECTS * scale)]
        if profile:
            cmd.append("--profile")
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        if proc.returncode:
            raise RuntimeError(f"bench.pdf child failed: {proc.stderr[-4000:]}")
        out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["database"] = "SQLite" if url.startswith("sqlite") else "PostgreSQL"
    results["pdf"] = out


# ---------------------------------------------------------------------------------------- child

def _populate(n: int) -> dict[str, Any]:
    import datetime as dt
    import random
    from decimal import Decimal

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from smartprovince.agencies.models import Agency
    from smartprovince.core.thai_calendar import fiscal_year_range
    from smartprovince.monitoring.models import CorrectiveAction, InspectionFinding
    from smartprovince.plans.models import Indicator, Plan, Strategy
    from smartprovince.projects.demo import OFFICERS, PROBLEMS, WORK
    from smartprovince.projects.demo import PROJECTS as NAMES
    from smartprovince.projects.models import BudgetLine, ProgressReport, Project
    from smartprovince.testing.seed import ensure_seed

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    ensure_seed()
    rng = random.Random(FY)
    user, _ = get_user_model().objects.get_or_create(username="bench-pdf")
    plan = Plan.objects.get(is_current=True)
    strategies = list(Strategy.objects.filter(plan=plan).order_by("number"))
    agencies = list(Agency.objects.order_by("code"))
    start, end = fiscal_year_range(FY)
    statuses = [Project.Status.IN_PROGRESS] * 6 + [Project.Status.APPROVED, Project.Status.COMPLETED,
                                                   Project.Status.SUSPENDED]
    projects = []
    for i in range(n):
        agency = agencies[i % len(agencies)]
        _, strategy_no, name, *_ = NAMES[i % len(NAMES)]
        begin = start + dt.timedelta(days=rng.randrange(0, 90))
        projects.append(Project(
            agency=agency, strategy=strategies[(strategy_no - 1) % len(strategies)], code=f"{FY}-B{i:05d}",
            sequence=i // len(agencies) + 1, name_th=f"{name} ระยะที่ {i // len(NAMES) + 1}",
            objectives_th="เพื่อนำเข้าข้อมูลและเพิ่มจำนวนบริการดิจิทัล", start_date=begin,
            end_date=end - dt.timedelta(days=rng.randrange(0, 120)), fiscal_year_be=FY, fiscal_year_end_be=FY,
            officer_name=rng.choice(OFFICERS), status=rng.choice(statuses), created_by=user,
        ))
    projects = Project.objects.bulk_create(projects, batch_size=1000)
    lines = []
    sources = [s for s, _ in BudgetLine.Source.choices]
    for p in projects:
        planned = Decimal(rng.randrange(200, 6000) * 1000)
        lines.append(BudgetLine(project=p, fiscal_year_be=FY, source=rng.choice(sources), planned=planned,
                                allocated=planned * Decimal(rng.choice(["1", "0.9", "0.8"]))))
    BudgetLine.objects.bulk_create(lines, batch_size=2000)
    now = timezone.now()
    reports = []
    months = [dt.date(2021, m, 1) for m in (10, 11, 12)] + [dt.date(2022, m, 1) for m in (1, 2, 3)]
    for p, line in zip(projects, lines, strict=True):
        progress = 0
        for k, month in enumerate(months):
            if month < p.start_date.replace(day=1) or rng.random() < 0.04:
                continue
            progress = min(100, progress + rng.randrange(3, 18))
            due = (month + dt.timedelta(days=40)).replace(day=5)
            late = rng.random() < 0.15
            sent = dt.datetime.combine(due + dt.timedelta(days=6 if late else -1), dt.time(10), tzinfo=dt.UTC)
            reports.append(ProgressReport(
                project=p, month=month, fiscal_year_be=FY, due_date=due, progress_percent=Decimal(progress),
                disbursed_cumulative=line.allocated * Decimal(progress) / 200,
                schedule_status=ProgressReport.Schedule.DELAYED if progress < 10 * (k + 1) else ProgressReport.Schedule.ON_PLAN,
                work_done_th=rng.choice(WORK), problems_th=rng.choice(PROBLEMS),
                help_needed_th="ขอรับการสนับสนุนงบประมาณเพิ่มเติมเพื่อดำเนินการให้แล้วเสร็จตามกำหนด" if rng.random() < 0.3 else "",
                status=ProgressReport.Status.ACCEPTED, first_submitted_at=sent, submitted_at=sent, submitted_by=user,
                created_by=user, created_at=now, updated_at=now,
            ))
    ProgressReport.objects.bulk_create(reports, batch_size=5000)
    indicators = list(Indicator.objects.all()[:20])
    findings = [
        InspectionFinding(
            fiscal_year_be=FY, round_number=1 + i % 2, inspected_on=dt.date(2022, 1 + i % 3, 10 + i % 15),
            agency=agencies[i % len(agencies)], project=projects[i * 37 % len(projects)],
            findings_th="หน่วยงานนำเข้าข้อมูลโครงการครบถ้วน แต่จำนวนผู้ใช้บริการยังต่ำกว่าเป้าหมาย",
            problems_th="ขาดบุคลากรด้านเทคโนโลยีสารสนเทศ", obstacles_th="งบประมาณได้รับจัดสรรล่าช้า",
            recommendations_th="เร่งประชาสัมพันธ์บริการและจัดอบรมเจ้าหน้าที่ผู้ดูแลระบบ", created_by=user,
        )
        for i in range(40)
    ]
    InspectionFinding.objects.bulk_create(findings)
    actions = [
        CorrectiveAction(
            indicator=indicators[i % len(indicators)] if i % 2 == 0 and indicators else None,
            project=None if i % 2 == 0 and indicators else projects[i * 53 % len(projects)],
            fiscal_year_be=FY, period_key=f"{FY}-Q2", problem_th="จำนวนงานบริการดิจิทัลต่ำกว่าเป้าหมายตามสัดส่วนเวลา",
            action_th="จัดอบรมหน่วยงานเพื่อเปิดบริการออนไลน์เพิ่มและติดตามผลทุกเดือน",
            owner_agency=agencies[i % len(agencies)], due_date=dt.date(2022, 6, 30), created_by=user,
        )
        for i in range(30)
    ]
    CorrectiveAction.objects.bulk_create(actions)
    return {"projects": n, "progress_reports": len(reports), "findings": len(findings), "actions": len(actions),
            "populate_s": round(time.perf_counter() - started, 1)}


def _child(n: int, profile: bool) -> dict[str, Any]:
    import django

    django.setup()
    import datetime as dt

    from smartprovince.core.thai_calendar import quarter_period
    from smartprovince.monitoring.reports.data import report_data
    from smartprovince.monitoring.reports.pdf_report import build_pdf
    from smartprovince.plans.models import Plan

    out = _populate(n)
    plan = Plan.objects.get(is_current=True)
    period = quarter_period(FY, 2)
    today = dt.date(2022, 4, 20)
    data_s, render_s, total_s, cpu_s, render_cpu_s = [], [], [], [], []
    pdf = b""
    for _ in range(RUNS):  # the first run in a fresh process also loads the Thai dictionary and fonts
        t0, c0 = time.perf_counter(), time.process_time()
        data = report_data(kind="quarterly", plan=plan, period=period, today=today)
        t1, c1 = time.perf_counter(), time.process_time()
        pdf = build_pdf(data)
        t2, c2 = time.perf_counter(), time.process_time()
        data_s.append(t1 - t0)
        render_s.append(t2 - t1)
        total_s.append(t2 - t0)
        cpu_s.append(c2 - c0)
        render_cpu_s.append(c2 - c1)
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        build_pdf(data)
        profiler.stop()
        target = ROOT / "bench" / "results" / "pdf-profile.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")
        out["profile"] = str(target)
    import io

    from pypdf import PdfReader

    out.update({
        "quarterly_pdf_cold_s": round(total_s[0], 2),
        "quarterly_pdf_s": round(min(total_s[1:]), 2),
        "data_s": round(min(data_s[1:]), 2),
        "render_s": round(min(render_s[1:]), 2),
        # CPU time of this process: steadier than wall time on a shared machine
        "quarterly_pdf_cpu_s": round(min(cpu_s[1:]), 2),
        "render_cpu_s": round(min(render_cpu_s[1:]), 2),
        "pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "pdf_kb": round(len(pdf) / 1024),
        "runs": RUNS,
        "targets": {"quarterly_pdf_s": 3},
    })
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, args.profile), ensure_ascii=False))
    else:
        results: dict[str, Any] = {}
        run(results, scale=args.scale, database_url=args.database_url, profile=args.profile)
        print(json.dumps(results, ensure_ascii=False, indent=2))
