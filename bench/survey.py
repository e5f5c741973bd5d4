"""Benchmark: the public survey endpoint ``POST /api/v1/surveys/{id}/responses/`` under gunicorn
on PostgreSQL, driven for 60 s from a bounded load generator on loopback.

* database ``wt_eservices_bench`` (recreated on every run) at ``BENCH_PG`` (default
  ``postgres://postgres@127.0.0.1:5432``);
* gunicorn on 127.0.0.1 with ``BENCH_WORKERS`` gthread workers (default 2 × cores) × ``BENCH_THREADS``
  (default 4) threads with keep-alive, the survey rate
  limit switched off with ``SURVEY_RATE_LIMIT=off`` (the only place it is off);
* the generator: ``BENCH_CONCURRENCY`` threads (default 16) with ``http.client``; each request
  carries its own pre-minted one-time form token; it stops at the deadline or when the
  request bound (``scale`` × 40,000 tokens) is used up, whichever comes first;
* afterwards, rows stored are counted in the database and compared with the 2xx answers:
  ``lost = 2xx − rows`` must be 0.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = "wt_eservices_bench"
DURATION_S = float(os.environ.get("BENCH_DURATION", "60"))
SECRET = "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"  # noqa: S105 - throwaway bench key

SETUP_SCRIPT = r"""
import json, sys
import django
django.setup()
from smartprovince.testing.seed import ensure_seed
from smartprovince.agencies.models import Agency
from smartprovince.eservices import abuse, services
from django.contrib.auth import get_user_model
ensure_seed()
admin = get_user_model().objects.create_user("bench-admin", is_superuser=True)
agri = Agency.objects.get(code="SKN-AGRI")
service = services.eservice_create(actor=admin, agency=agri, name_th="ขึ้นทะเบียนเกษตรกร", category="agriculture", digital_level=4)
survey = services.survey_create(actor=admin, agency=agri, service=service, title_th="แบบสำรวจสำหรับวัดประสิทธิภาพ")
n = int(sys.argv[1])
tokens = [abuse.issue_form_token(survey.pk) for _ in range(n)]
json.dump({"survey": survey.pk, "questions": list(survey.questions.values_list("pk", flat=True)), "tokens": tokens}, sys.stdout)
"""


def _env(pg: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"{pg}/{DB_NAME}", SECRET_KEY=SECRET, DEBUG="0", SECURE_SSL_REDIRECT="0", SECURE_COOKIES="0",
        SURVEY_RATE_LIMIT="off", PYTHONPATH=str(ROOT / "src"), DJANGO_SETTINGS_MODULE="smartprovince.config.settings",
        SMARTPROVINCE_HOME=str(ROOT), LOG_LEVEL="ERROR", DB_CONN_MAX_AGE="600",
    )
    env.pop("SMARTPROVINCE_TESTING", None)
    return env


def _recreate_db(pg: str) -> None:
    import psycopg

    with psycopg.connect(f"{pg}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_up(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/v1/areas/?level=district")
            if conn.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _worker(port: int, path: str, questions: list[int], tokens: list[str], lock: threading.Lock, deadline: float,
            stats: dict[str, Any], seed: int) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    channels = ["counter", "eservice", "line_oa", "website", ""]
    while time.monotonic() < deadline:
        with lock:
            if not tokens:
                break
            token = tokens.pop()
        body = json.dumps({
            "form_token": token,
            "answers": {str(q): rng.choice((3, 4, 4, 5, 5)) for q in questions},
            "channel_type": rng.choice(channels),
            "district": rng.choice(["4701", "4702", "4703", ""]),
        })
        started = time.perf_counter()
        try:
            conn.request("POST", path, body=body, headers={"Content-Type": "application/json", "Connection": "keep-alive"})
            response = conn.getresponse()
            response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
        except (OSError, http.client.HTTPException):
            status = 0
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        elapsed = time.perf_counter() - started
        with lock:
            stats["latencies"].append(elapsed)
            stats["codes"][status] = stats["codes"].get(status, 0) + 1
    conn.close()


# Intake speed does not depend on how much data the province has: one scale is enough.
SCALES = (1,)


def run(results: dict, *, scale: int = 1, database_url: str | None = None) -> None:
    pg = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    workers = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1))))
    concurrency = int(os.environ.get("BENCH_CONCURRENCY", "16"))
    worker_class = os.environ.get("BENCH_WORKER_CLASS", "gthread")
    threads = int(os.environ.get("BENCH_THREADS", "4"))
    bound = 40_000 * scale
    env = _env(pg)
    python = sys.executable
    _recreate_db(pg)
    subprocess.run([python, "-m", "smartprovince", "migrate", "--noinput", "-v", "0"], env=env, cwd=ROOT, check=True)
    setup = subprocess.run([python, "-c", SETUP_SCRIPT, str(bound)], env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    data = json.loads(setup.stdout)
    port = _free_port()
    gunicorn = subprocess.Popen(
        [python, "-m", "gunicorn", "smartprovince.config.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", str(workers),
         "--worker-class", worker_class, "--threads", str(threads), "--keep-alive", "5", "--log-level", "warning",
         "--timeout", "60"],
        env=env, cwd=ROOT,
    )
    try:
        _wait_up(port)
        tokens: list[str] = data["tokens"]
        stats: dict[str, Any] = {"latencies": [], "codes": {}}
        lock = threading.Lock()
        path = f"/api/v1/surveys/{data['survey']}/responses/"
        started = time.monotonic()
        deadline = started + DURATION_S
        pool = [
            threading.Thread(target=_worker, args=(port, path, data["questions"], tokens, lock, deadline, stats, i), daemon=True)
            for i in range(concurrency)
        ]
        for t in pool:
            t.start()
        for t in pool:
            t.join(timeout=DURATION_S + 60)
        elapsed = time.monotonic() - started
    finally:
        gunicorn.terminate()
        try:
            gunicorn.wait(timeout=30)
        except subprocess.TimeoutExpired:
            gunicorn.kill()
    import psycopg

    with psycopg.connect(f"{pg}/{DB_NAME}") as conn:
        rows = conn.execute("SELECT count(*) FROM eservices_surveyresponse WHERE survey_id = %s", (data["survey"],)).fetchone()[0]
        answers = conn.execute(
            "SELECT count(*) FROM eservices_surveyanswer a JOIN eservices_surveyresponse r ON r.id = a.response_id WHERE r.survey_id = %s",
            (data["survey"],),
        ).fetchone()[0]
    ok = sum(n for code, n in stats["codes"].items() if 200 <= code < 300)
    latencies = sorted(stats["latencies"])
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    results["survey_submit"] = {
        "duration_s": round(elapsed, 1), "gunicorn_workers": workers, "worker_class": worker_class, "threads": threads, "client_threads": concurrency, "request_bound": bound,
        "requests": len(latencies), "status_counts": {str(k): v for k, v in sorted(stats["codes"].items())},
        "ok_2xx": ok, "rows_stored": rows, "answers_stored": answers, "lost": ok - rows,
        "submissions_per_s": round(rows / elapsed, 1), "latency_p50_ms": round(q[49] * 1000, 1),
        "latency_p95_ms": round(q[94] * 1000, 1), "cpu_count": os.cpu_count(),
    }


if __name__ == "__main__":
    out: dict[str, Any] = {}
    run(out)
    print(json.dumps(out, ensure_ascii=False, indent=2))
