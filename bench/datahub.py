"""Data hub benchmark (PostgreSQL): ingest vs a plain psycopg COPY, peak memory, datastore_search
over HTTP vs the same SQL run directly, and Thai ``q`` search.

``run(results, scale=1)`` adds figures to ``results["datahub"]``. Everything heavy runs in child
processes against the database ``wt_datahub_bench`` (recreated), so the parent's memory and
settings are untouched; the ingest child's peak RSS is read with ``os.wait4``.

    python -m bench.datahub            # prints the figures as JSON
"""

from __future__ import annotations

import csv
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = os.environ.get("DATAHUB_BENCH_DB", "wt_datahub_bench")
PG = os.environ.get("DATAHUB_BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_URL = f"{PG}/{DB_NAME}"
ROWS = 1_000_000
HEADER = ["ลำดับ", "รหัสตำบล", "อำเภอ", "หมู่บ้าน", "ชนิดพืช", "วันที่สำรวจ", "ปีงบประมาณ", "เนื้อที่ (ไร่)",
          "ผลผลิต (กก.)", "ราคา (บาท/กก.)", "มูลค่า (บาท)", "หมายเหตุ"]
CROPS = ["ข้าวเหนียว", "ข้าวหอมมะลิ", "มันสำปะหลัง", "อ้อยโรงงาน", "ยางพารา", "ข้าวโพดเลี้ยงสัตว์", "ครามธรรมชาติ", "มะเขือเทศ"]
SYLLABLES = ["โนน", "สว่าง", "นา", "คำ", "หนอง", "ดอน", "โคก", "ศรี", "บัว", "ทอง", "แก้ว", "ม่วง", "ไผ่", "เหล่า", "ภู", "ท่า",
             "แร่", "งิ้ว", "ขาม", "ตาล"]
NOTES = ["ผลผลิตลดลงเนื่องจากฝนทิ้งช่วง", "เกษตรกรเข้าร่วมโครงการแปลงใหญ่", "ใช้ปุ๋ยอินทรีย์ตามคำแนะนำ", "พื้นที่ประสบอุทกภัยบางส่วน",
         "จำหน่ายผ่านสหกรณ์การเกษตร", "ปลูกพืชหมุนเวียนหลังฤดูทำนา", ""]
DISTRICTS = ["เมืองสกลนคร", "กุสุมาลย์", "กุดบาก", "พรรณานิคม", "พังโคน", "วาริชภูมิ", "นิคมน้ำอูน", "วานรนิวาส", "คำตากล้า",
             "บ้านม่วง", "อากาศอำนวย", "สว่างแดนดิน", "ส่องดาว", "เต่างอย", "โคกศรีสุพรรณ", "เจริญศิลป์", "โพนนาแก้ว", "ภูพาน"]


def generate(path: Path, rows: int, seed: int = 2565) -> None:
    rng = random.Random(seed)
    villages = ["บ้าน" + rng.choice(SYLLABLES) + rng.choice(SYLLABLES) for _ in range(600)]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(1, rows + 1):
            d = rng.randrange(18)
            area = round(rng.uniform(1, 60), 2)
            yield_kg = int(area * rng.randint(300, 500))
            price = round(rng.uniform(6, 30), 2)
            year = rng.choice((2563, 2564, 2565))
            w.writerow([i, 470000 + (d + 1) * 100 + rng.randint(1, 9), DISTRICTS[d], rng.choice(villages),
                        rng.choice(CROPS), f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{year - 1 if rng.random() < .2 else year}",
                        year, area, yield_kg, price, round(yield_kg * price, 2), rng.choice(NOTES)])


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"DATABASE_URL": DB_URL, "PYTHONPATH": str(ROOT / "src"), "DJANGO_SETTINGS_MODULE":
                "smartprovince.config.settings", "SMARTPROVINCE_HOME": str(ROOT), "LOG_LEVEL": "ERROR"})
    env.update(extra)
    return env


def _child(mode: str, *args: str, env: dict[str, str] | None = None) -> tuple[dict[str, Any], int]:
    """Run ``python -m bench.datahub <mode>``; returns its JSON output and peak RSS (KB)."""
    proc = subprocess.Popen([sys.executable, "-m", "bench.datahub", mode, *args], cwd=ROOT, env=env or _env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate()
    if proc.returncode:
        raise RuntimeError(f"bench child {mode} failed: {err.decode()[-3000:]}")
    rss = json.loads(out.decode().strip().splitlines()[-1]).get("_maxrss_kb", 0)
    return json.loads(out.decode().strip().splitlines()[-1]), rss


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(results: dict[str, Any], *, scale: int = 1, database_url: str | None = None) -> None:
    """``database_url`` is not used: the data hub benchmark loads into its own database (``DB_NAME``)."""
    rows = int(ROWS * scale)
    out: dict[str, Any] = {"rows": rows, "columns": len(HEADER), "database": "PostgreSQL"}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.csv"
        generate(path, rows)
        out["file_mb"] = round(path.stat().st_size / 1e6, 1)
        _child("setup")
        ingest, rss = _child("ingest", str(path))
        out.update(ingest)
        out["ingest_peak_rss_mb"] = round(rss / 1024, 1)
        copy, _ = _child("copy", str(path))
        out["plain_copy_s"] = copy["seconds"]
        out["plain_copy_rows_per_s"] = round(rows / copy["seconds"])
        out["ingest_vs_copy_ratio"] = round(out["ingest_rows_per_s"] / out["plain_copy_rows_per_s"], 3)
        out["load_vs_copy_ratio"] = round(out["load_rows_per_s"] / out["plain_copy_rows_per_s"], 3)
        out.update(_http(ingest["resource_id"]))
    results["datahub"] = out


def _http(resource_id: str) -> dict[str, Any]:
    port = _free_port()
    env = _env(DEBUG="0", SECRET_KEY="bench-" + "x" * 40, SECURE_SSL_REDIRECT="0", SECURE_COOKIES="0",
               ALLOWED_HOSTS="127.0.0.1", RATE_ANON="1000000/min", RATE_USER="1000000/min", DB_CONN_MAX_AGE="600")
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "smartprovince.config.wsgi", "-w", "2", "-b",
                               f"127.0.0.1:{port}", "--log-level", "error"], cwd=ROOT, env=env)
    try:
        for _ in range(100):
            try:
                HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/api/3")
                break
            except OSError:
                time.sleep(0.2)
        conn = HTTPConnection("127.0.0.1", port, timeout=30)

        def timed(params: dict[str, Any]) -> float:
            query = urllib.parse.urlencode({k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v
                                            for k, v in params.items()})
            start = time.perf_counter()
            conn.request("GET", f"/api/3/action/datastore_search?{query}")
            response = conn.getresponse()
            body = response.read()
            elapsed = time.perf_counter() - start
            if response.status != 200:
                raise RuntimeError(body[:500])
            return elapsed * 1000

        rng = random.Random(7)
        codes = [470000 + (d + 1) * 100 + v for d in range(18) for v in range(1, 10)]
        filter_params = [{"resource_id": resource_id, "filters": {"รหัสตำบล": rng.choice(codes)},
                          "sort": "วันที่สำรวจ desc", "limit": 100} for _ in range(200)]
        for p in filter_params[:10]:
            timed(p)
        http_ms = [timed(p) for p in filter_params]
        villages_rng = random.Random(2565)
        words = ["บ้าน" + villages_rng.choice(SYLLABLES) + villages_rng.choice(SYLLABLES) for _ in range(50)]
        q_params = [{"resource_id": resource_id, "q": w + " ข้าวเหนียว", "limit": 100} for w in words]
        q_ms = [timed(p) for p in q_params * 2]
        direct, _ = _child("direct", resource_id, json.dumps([p["filters"]["รหัสตำบล"] for p in filter_params]))
    finally:
        server.terminate()
        server.wait(timeout=20)
    p50, p95 = _percentiles(http_ms)
    d50, d95 = _percentiles(direct["ms"])
    q50, q95 = _percentiles(q_ms)
    return {
        "search_http_p50_ms": round(p50, 2), "search_http_p95_ms": round(p95, 2),
        "search_sql_p50_ms": round(d50, 2), "search_sql_p95_ms": round(d95, 2),
        "search_http_vs_sql_p95_ratio": round(p95 / d95, 2) if d95 else None,
        "thai_q_p50_ms": round(q50, 2), "thai_q_p95_ms": round(q95, 2), "requests": len(http_ms),
    }


# ---------------------------------------------------------------- child processes


def _django() -> None:
    import django

    django.setup()


def _maxrss() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child_setup() -> dict[str, Any]:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    _django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from smartprovince.testing.seed import ensure_seed

    ensure_seed()
    return {}


def child_ingest(path: str) -> dict[str, Any]:
    _django()
    from django.contrib.auth import get_user_model
    from django.core.files import File

    from smartprovince.agencies.models import Agency, Membership
    from smartprovince.datahub import services
    from smartprovince.datahub.ingest import loader, store
    from smartprovince.datahub.models import Resource, ResourceVersion

    user = get_user_model().objects.create_user("bench", password="bench-password-123")  # noqa: S106
    agency = Agency.objects.get(code="SKN-AGRI")
    Membership.objects.create(user=user, agency=agency, role="agency_editor")
    dataset = services.dataset_create(actor=user, agency=agency, tags=["ข้าว"], data={
        "name": "bench", "title": "ผลการสำรวจแปลงเพาะปลูก (ทดสอบสมรรถนะ)", "data_type": "ข้อมูลสถิติ",
        "maintainer": "ทดสอบ", "maintainer_email": "bench@example.go.th", "notes": "ข้อมูลทดสอบ",
        "objective": ["พันธกิจหน่วยงาน"], "update_frequency_unit": "ปี", "geo_coverage": "ตำบล", "data_source": "ทดสอบ",
        "data_format": ["CSV"], "data_category": "ข้อมูลสาธารณะ", "data_classification": "เปิดเผย",
        "license_id": "Open Data Common"})
    resource = Resource.objects.create(dataset=dataset, name="bench.csv", format="CSV")
    with open(path, "rb") as f:
        version = ResourceVersion(resource=resource, number=1, original_filename="bench.csv", size=os.path.getsize(path))
        version.file.save("bench.csv", File(f), save=True)
    timings = {"search_index_s": 0.0}
    original = store.create_search_index

    def timed_index(name: str, cols: Any) -> None:
        start = time.perf_counter()
        original(name, cols)
        timings["search_index_s"] += time.perf_counter() - start

    loader.store.create_search_index = timed_index  # type: ignore[assignment]
    start = time.perf_counter()
    marks: list[list[float]] = []  # [percent reported, seconds since start]: where the time goes

    def report(percent: float, message: str = "") -> None:
        marks.append([percent, round(time.perf_counter() - start, 2)])

    result = loader.load_version(version, report)
    seconds = time.perf_counter() - start
    services.columns_update(actor=user, resource=resource, items=[
        {"name": "รหัสตำบล", "standard_key": "area_code"}, {"name": "วันที่สำรวจ", "standard_key": "date"}])
    store.analyze(Resource.objects.get(pk=resource.pk).datastore_table)
    rows = result["rows_loaded"]
    load_s = seconds - timings["search_index_s"]
    return {"resource_id": str(resource.pk), "rows_loaded": rows, "ingest_s": round(seconds, 2),
            "ingest_rows_per_s": round(rows / seconds), "load_s": round(load_s, 2),
            "load_rows_per_s": round(rows / load_s), "search_index_s": round(timings["search_index_s"], 2),
            "ingest_progress_s": marks,
            "_maxrss_kb": _maxrss()}


def child_copy(path: str) -> dict[str, Any]:
    import psycopg

    cols = ", ".join(f'"c{i}" text' for i in range(1, len(HEADER) + 1))
    with psycopg.connect(DB_URL, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_plain_copy")
        conn.execute(f"CREATE TABLE bench_plain_copy ({cols})")
        start = time.perf_counter()
        with conn.cursor() as cur, cur.copy("COPY bench_plain_copy FROM STDIN (FORMAT csv, HEADER true)") as copy, \
                open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                copy.write(chunk)
        seconds = time.perf_counter() - start
        conn.execute("DROP TABLE bench_plain_copy")
    return {"seconds": round(seconds, 2), "_maxrss_kb": _maxrss()}


def child_direct(resource_id: str, codes_json: str) -> dict[str, Any]:
    _django()
    from django.db import connection

    from smartprovince.datahub import query, selectors
    from smartprovince.datahub.ingest import store
    from smartprovince.datahub.models import Resource

    resource = Resource.objects.get(pk=resource_id)
    columns = selectors.columns_of(resource)
    ms = []
    with connection.cursor() as cur:
        for code in json.loads(codes_json):
            # the very SQL datastore_search sends (page and total in one statement)
            plan = query.build(resource, columns, {"filters": {"รหัสตำบล": code}, "sort": "วันที่สำรวจ desc",
                                                   "limit": 100})
            start = time.perf_counter()
            cur.execute(plan.total_sql, plan.total_params)
            cur.fetchall()
            ms.append((time.perf_counter() - start) * 1000)
    del store
    return {"ms": ms, "_maxrss_kb": _maxrss()}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in {"setup", "ingest", "copy", "direct"}:
        result = globals()[f"child_{sys.argv[1]}"](*sys.argv[2:])
        print(json.dumps(result, ensure_ascii=False))
        return
    results: dict[str, Any] = {}
    run(results, scale=float(os.environ.get("DATAHUB_BENCH_SCALE", "1")))  # type: ignore[arg-type]
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
