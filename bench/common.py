"""Shared pieces of the benchmarks: province-scale databases generated once, timing, statistics.

``ensure_scale_db(scale, "postgresql" | "sqlite")`` returns a ``DATABASE_URL`` holding the seed
(areas, agencies, plan) plus ``smartprovince gen-scale --scale N --seed SEED``. A database is
generated once and reused by every benchmark (``projects``, ``dashboard`` …) until the code
that shapes it changes: a marker file under ``var/bench/`` records scale, seed and a fingerprint
of the migrations, the generators and the data hub loader (which builds the datastore tables). ``BENCH_REGENERATE=1`` forces a fresh one;
``BENCH_MIGRATE=1`` migrates a database in place when only migrations changed (the marker counts
how often: ``migrated_in_place``).

* PostgreSQL: database ``smartprovince_bench_s{scale}`` at ``BENCH_PG``
  (default ``postgres://postgres@127.0.0.1:5432``);
* SQLite: ``var/bench/smartprovince-s{scale}.sqlite3``.

Measurements run in a child process per database (``measure_in_child``), so one run can measure
SQLite and PostgreSQL, scale 1 and 10, without Django being set up twice in one process.
"""

from __future__ import annotations

import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
SEED = int(os.environ.get("BENCH_SEED", "2563"))
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
SECRET = "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"  # noqa: S105 - throwaway bench key
VENDORS = tuple(os.environ.get("BENCH_VENDORS", "sqlite,postgresql").split(","))  # e.g. BENCH_VENDORS=postgresql


def child_env(database_url: str) -> dict[str, str]:
    """Production-like settings (DEBUG off) for a child process on ``database_url``."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url, SECRET_KEY=SECRET, DEBUG="0", SECURE_SSL_REDIRECT="0", SECURE_COOKIES="0",
        PYTHONPATH=str(ROOT / "src") + os.pathsep + str(ROOT), DJANGO_SETTINGS_MODULE="smartprovince.config.settings",
        SMARTPROVINCE_HOME=str(ROOT), LOG_LEVEL="ERROR", RATE_USER="1000000/min", RATE_ANON="1000000/min",
        MEDIA_ROOT=str(media_root(database_url)),
    )
    env.pop("SMARTPROVINCE_TESTING", None)
    return env


def media_root(database_url: str) -> Path:
    """Uploaded files of one benchmark database (scale 10 stores a 2 GB CSV): kept apart from the
    development files and removed when that database is generated again."""
    name = database_url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".sqlite3")
    return BENCH_DIR / "media" / name


def fingerprint(*, generators_only: bool = False) -> str:
    """Hash of everything that shapes a generated database: migrations, ``scale.py`` modules and the
    data hub loader (``generators_only``: without the migrations)."""
    digest = hashlib.sha256()
    src = ROOT / "src" / "smartprovince"
    files = sorted([*([] if generators_only else src.glob("*/migrations/*.py")), *src.glob("*/scale.py"),
                    src / "core" / "bulkload.py", *src.glob("datahub/ingest/*.py")])
    for path in files:
        digest.update(str(path.relative_to(src)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def database_url(scale: int, vendor: str) -> str:
    if vendor == "postgresql":
        return f"{PG}/smartprovince_bench_s{scale}"
    return f"sqlite:///{BENCH_DIR / f'smartprovince-s{scale}.sqlite3'}"


def _recreate(scale: int, vendor: str) -> None:
    import shutil

    shutil.rmtree(media_root(database_url(scale, vendor)), ignore_errors=True)
    if vendor == "postgresql":
        import psycopg

        name = f"smartprovince_bench_s{scale}"
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{BENCH_DIR / f'smartprovince-s{scale}.sqlite3'}{suffix}").unlink(missing_ok=True)


def ensure_scale_db(scale: int, vendor: str = "postgresql", *, seed: int = SEED, log: Callable[[str], None] = print) -> dict[str, Any]:
    """The database for ``scale`` on ``vendor``, generated if missing or stale.

    Returns ``{"database_url", "generated", "generation_s", "counts"}`` (``generation_s`` is the
    time of the generation that made it, possibly in an earlier run)."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    marker = BENCH_DIR / f"{vendor}-s{scale}.json"
    url = database_url(scale, vendor)
    wanted = {"scale": scale, "seed": seed, "fingerprint": fingerprint(), "database_url": url}
    wanted["generators"] = fingerprint(generators_only=True)
    if marker.exists() and os.environ.get("BENCH_REGENERATE") != "1":
        known = json.loads(marker.read_text(encoding="utf-8"))
        if all(known.get(k) == v for k, v in wanted.items()):
            return {**known, "generated": False}
        if os.environ.get("BENCH_MIGRATE") == "1" and all(
                known.get(k) == v for k, v in wanted.items() if k != "fingerprint"):
            # the generators are unchanged, only migrations were added (indexes, say): migrate the
            # database in place instead of generating it again (recorded in the marker)
            log(f"migrating scale {scale} on {vendor} in place (BENCH_MIGRATE=1) …")
            subprocess.run([sys.executable, "-m", "smartprovince", "migrate", "--noinput", "-v", "0"],
                           env=child_env(url), cwd=ROOT, check=True)
            known.update(fingerprint=wanted["fingerprint"], migrated_in_place=known.get("migrated_in_place", 0) + 1)
            marker.write_text(json.dumps(known, ensure_ascii=False, indent=2), encoding="utf-8")
            return {**known, "generated": False}
    marker.unlink(missing_ok=True)
    log(f"generating scale {scale} on {vendor} (seed {seed}) …")
    _recreate(scale, vendor)
    env = child_env(url)
    python = sys.executable
    started = time.perf_counter()
    subprocess.run([python, "-m", "smartprovince", "migrate", "--noinput", "-v", "0"], env=env, cwd=ROOT, check=True)
    subprocess.run([python, "-m", "smartprovince", "loadagencies"], env=env, cwd=ROOT, check=True, capture_output=True)
    subprocess.run([python, "-m", "smartprovince", "loadplan"], env=env, cwd=ROOT, check=True, capture_output=True)
    setup_s = time.perf_counter() - started
    started = time.perf_counter()
    out = subprocess.run(
        [python, "-m", "smartprovince", "gen_scale", "--scale", str(scale), "--seed", str(seed)],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True,
    )
    generation_s = time.perf_counter() - started
    if vendor == "postgresql":
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:  # what autovacuum would do after a bulk load
            conn.execute("VACUUM ANALYZE")
    counts: dict[str, int] = {}
    app_seconds: dict[str, float] = {}
    for line in out.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].replace(",", "").isdigit():
            counts[parts[0]] = int(parts[1].replace(",", ""))
        elif len(parts) > 3 and parts[2] == "s":
            app_seconds[parts[0]] = float(parts[1])
    info = {**wanted, "setup_s": round(setup_s, 1), "generation_s": round(generation_s, 1),
            "generation_s_by_app": app_seconds, "counts": counts}
    marker.write_text(json.dumps(info, ensure_ascii=False, indent=2), encoding="utf-8")
    log(f"generated scale {scale} on {vendor} in {generation_s:.0f} s")
    return {**info, "generated": True}


def measure_in_child(module: str, database_url: str, *args: str) -> dict[str, Any]:
    """Run ``python -m <module> --measure <args>`` on ``database_url``; its last stdout line is JSON."""
    out = subprocess.run(
        [sys.executable, "-m", module, "--measure", *args], env=child_env(database_url), cwd=ROOT,
        check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def summary_ms(timings_s: list[float]) -> dict[str, float]:
    """p50 / p95 / max in milliseconds."""
    ordered = sorted(timings_s)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * (len(ordered) - 1))))]
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(p95 * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def bench_clients() -> dict[str, Any]:
    """In a child process: test clients for an anonymous visitor, a province admin (``admin``) and
    an agency editor of SKN-AGRI (``editor``), their users created once."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from smartprovince.agencies.models import Agency, Membership

    clients: dict[str, Any] = {"anonymous": Client()}
    for name, role, agency_code in (("admin", "province_admin", "SKN-PO"), ("editor", "agency_editor", "SKN-AGRI")):
        user, _ = get_user_model().objects.get_or_create(username=f"bench-{name}", defaults={"first_name": "bench"})
        Membership.objects.get_or_create(user=user, agency=Agency.objects.get(code=agency_code), role=role)
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        clients[name] = client
    return clients


def run_pages(results: dict[str, Any], *, module: str, scale: int, requests: int,
              extra: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> None:
    """A page benchmark (``module`` measures in a child) on each vendor's database of ``scale``;
    its figures are kept under ``var/bench/`` so that a larger scale reports its growth over scale 1
    of the same code. ``extra(db)`` adds figures about the generated database."""
    name = module.rsplit(".", 1)[-1]

    def figures_file(at_scale: int, vendor: str) -> Path:
        return BENCH_DIR / f"{name}-figures-{vendor}-s{at_scale}.json"

    for vendor in VENDORS:
        db = ensure_scale_db(scale, vendor)
        figures = measure_in_child(module, db["database_url"], "--requests", str(requests))
        figures.update(extra(db) if extra else {})
        figures_file(scale, vendor).write_text(
            json.dumps({"fingerprint": fingerprint(), **figures}, ensure_ascii=False, indent=2), encoding="utf-8")
        if scale != 1 and figures_file(1, vendor).exists():
            scale1 = json.loads(figures_file(1, vendor).read_text(encoding="utf-8"))
            if scale1.get("fingerprint") == fingerprint():
                figures["growth_vs_scale1"] = growth(scale1["pages"], figures["pages"])
        results[vendor] = figures


def pages_main(measure: Callable[[int], dict[str, Any]], run: Callable[..., None], requests: int) -> None:
    """Command line of a page benchmark: ``--measure`` (in the child) or a whole run printed as JSON."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--requests", type=int, default=requests)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.requests), ensure_ascii=False))
        return
    out: dict[str, Any] = {}
    run(out, scale=args.scale)
    print(json.dumps(out, ensure_ascii=False, indent=2))


def time_pages(pages: dict[str, tuple[Any, str]], requests: int) -> dict[str, dict[str, Any]]:
    """In a child process: each ``name → (client, path)`` requested once to warm up, then
    ``requests`` times; p50 / p95 / max, the queries of one request, the size of the answer and
    (for an API list) its ``count``. A page that does not answer 200 is reported, not timed."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    out: dict[str, dict[str, Any]] = {}
    for name, (client, path) in pages.items():
        warm = client.get(path)  # templates, Thai dictionary, connection
        if warm.status_code != 200:
            out[name] = {"path": path, "error": f"HTTP {warm.status_code}"}
            continue
        timings = []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(path)
            timings.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: HTTP {response.status_code}")
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        count = None
        if response.get("Content-Type", "").startswith("application/json"):
            body = response.json()
            count = body.get("count") if isinstance(body, dict) else None
        out[name] = {"path": path, **summary_ms(timings), "queries": len(ctx.captured_queries),
                     **({"total_results": count} if count is not None else {}), "bytes": len(response.content)}
    return out


def growth(scale1: dict[str, Any], scale_n: dict[str, Any]) -> dict[str, Any]:
    """Per page: p50 and p95 at scale N over scale 1, and the query counts at both scales."""
    out = {}
    for name, page in scale_n.items():
        base = scale1.get(name)
        if not base or "p50_ms" not in base or "p50_ms" not in page:
            continue
        out[name] = {
            "p50_growth": round(page["p50_ms"] / base["p50_ms"], 2) if base["p50_ms"] else None,
            "p95_growth": round(page["p95_ms"] / base["p95_ms"], 2) if base["p95_ms"] else None,
            "queries_scale1": base["queries"], "queries_this_scale": page["queries"],
        }
    return out


def peak_memory_mb() -> float:
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
