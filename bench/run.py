"""``make bench``: run every benchmark and write one JSON file under bench/results/.

Each benchmark is a module in this package exposing ``run(results, *, scale, database_url)``
that adds its figures to ``results``. Figures are reported, never asserted.

    python -m bench.run                      # all benchmarks, scales 1 and 10
    python -m bench.run --scale 1 --only datahub,survey
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

RESULTS_DIR = Path(__file__).resolve().parent / "results"
BENCHMARKS = ["projects", "pages", "dashboard", "datahub", "survey", "pdf"]
PG_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/smartprovince_bench")


def machine_facts() -> dict[str, Any]:
    def version(cmd: list[str]) -> str:
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout.strip().splitlines()[0]
        except Exception:
            return "unknown"

    import django

    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "django": django.get_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "postgresql": version(["psql", "--version"]),
        "sqlite": __import__("sqlite3").sqlite_version,
    }


def table(results: dict[str, Any]) -> str:
    lines = [f"{'benchmark':<48} {'figure':<22} value"]
    for bench, data in results.get("benchmarks", {}).items():
        for name, value in _flatten(data):
            lines.append(f"{bench:<48} {name:<22} {value}")
    return "\n".join(lines)


# The figures the issues set, checked against every scale a run measured:
# (label, benchmark, path inside its result, "<=" or ">=", target).
GOALS: list[tuple[str, str, str, str, float]] = [
    ("dashboard p95 ms (SQLite)", "dashboard", "sqlite.p95_ms", "<=", 300),
    ("dashboard p95 ms (PostgreSQL)", "dashboard", "postgresql.p95_ms", "<=", 300),
    ("dashboard queries (SQLite)", "dashboard", "sqlite.queries", "<=", 30),
    ("dashboard queries (PostgreSQL)", "dashboard", "postgresql.queries", "<=", 30),
    ("quarterly PDF s (SQLite)", "dashboard", "sqlite.quarterly_pdf_s", "<=", 3),
    ("quarterly PDF s (PostgreSQL)", "dashboard", "postgresql.quarterly_pdf_s", "<=", 3),
    ("data hub ingest / plain COPY", "datahub", "datahub.ingest_vs_copy_ratio", ">=", 0.5),
    ("data hub ingest peak MB", "datahub", "datahub.ingest_peak_rss_mb", "<=", 300),
    ("datastore_search HTTP p95 ms", "datahub", "datahub.search_http_p95_ms", "<=", 50),
    ("datastore_search HTTP/SQL p95", "datahub", "datahub.search_http_vs_sql_p95_ratio", "<=", 3),
    ("Thai q search p95 ms", "datahub", "datahub.thai_q_p95_ms", "<=", 100),
    ("survey intake per s", "survey", "survey_submit.submissions_per_s", ">=", 200),
    ("survey responses lost", "survey", "survey_submit.lost", "<=", 0),
]


def goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each goal of the issues with the value every measured scale reached, and whether it is met."""
    rows = []
    for label, bench, path, op, target in GOALS:
        for key, data in results.get("benchmarks", {}).items():
            if key.split("@")[0] != bench:
                continue
            value: Any = data
            for part in path.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            if not isinstance(value, int | float):
                continue
            met = value <= target if op == "<=" else value >= target
            rows.append({"goal": label, "scale": key.split("@scale")[-1], "value": value, "target": f"{op} {target}",
                         "met": met})
    return rows


def growth_table(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Every page's growth factor from scale 1 to each larger scale, as the benchmarks reported it."""
    rows = []
    for key, data in results.get("benchmarks", {}).items():
        for vendor in ("sqlite", "postgresql"):
            for page, figures in (data.get(vendor, {}).get("growth_vs_scale1") or {}).items():
                rows.append({"benchmark": key, "database": vendor, "page": page, **figures})
    for vendor in ("sqlite", "postgresql"):  # the dashboard reports one page per scale
        one = results.get("benchmarks", {}).get("dashboard@scale1", {}).get(vendor)
        for key, data in results.get("benchmarks", {}).items():
            if key.startswith("dashboard@") and key != "dashboard@scale1" and one and data.get(vendor):
                ten = data[vendor]
                rows.append({"benchmark": key, "database": vendor, "page": "dashboard",
                             "p50_growth": round(ten["p50_ms"] / one["p50_ms"], 2),
                             "p95_growth": round(ten["p95_ms"] / one["p95_ms"], 2),
                             "queries_scale1": one["queries"], "queries_this_scale": ten["queries"]})
    return rows


def readable(results: dict[str, Any]) -> str:
    """The goals and the growth factors as plain text tables, then every figure."""
    lines = [f"{'goal':<34} {'scale':>5} {'value':>10} {'target':>9}  met"]
    for row in results.get("goals", []):
        lines.append(f"{row['goal']:<34} {row['scale']:>5} {row['value']:>10} {row['target']:>9}  "
                     f"{'yes' if row['met'] else 'NO'}")
    if results.get("growth"):
        lines += ["", f"{'page (growth scale 1 → N)':<48} {'database':<11} {'p50×':>6} {'p95×':>6} {'queries 1→N':>12}"]
        for row in results["growth"]:
            name = f"{row['benchmark'].split('@')[0]}.{row['page']} ({row['benchmark'].split('@')[1]})"
            lines.append(f"{name:<48} {row['database']:<11} {row['p50_growth']!s:>6} {row['p95_growth']!s:>6} "
                         f"{str(row['queries_scale1']) + '→' + str(row['queries_this_scale']):>12}")
    if results.get("errors"):
        lines += ["", "errors: " + ", ".join(results["errors"])]
    return "\n".join(lines) + "\n\n" + table(results)


def _flatten(data: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(data, dict):
        items: list[tuple[str, Any]] = []
        for key, value in data.items():
            items.extend(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return items
    return [(prefix, data)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, action="append", help="scale(s) to run (default 1 and 10)")
    parser.add_argument("--only", default="", help="comma-separated benchmark names")
    parser.add_argument("--database-url", default=PG_URL)
    args = parser.parse_args()
    scales = args.scale or [1, 10]
    names = [n for n in (args.only.split(",") if args.only else BENCHMARKS) if n]
    results: dict[str, Any] = {"machine": machine_facts(), "scales": scales, "benchmarks": {}, "errors": {}}
    for name in names:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            results["errors"][name] = f"not available: {exc}"
            continue
        for scale in [s for s in scales if s in getattr(module, "SCALES", scales)]:
            key = f"{name}@scale{scale}"
            started = time.perf_counter()
            bucket: dict[str, Any] = {}
            try:
                module.run(bucket, scale=scale, database_url=args.database_url)
            except Exception:
                results["errors"][key] = traceback.format_exc()
            bucket["_seconds"] = round(time.perf_counter() - started, 1)
            results["benchmarks"][key] = bucket
            print(f"done {key} in {bucket['_seconds']} s", flush=True)
    results["goals"] = goals(results)
    results["growth"] = growth_table(results)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS_DIR / f"bench-{stamp}.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    (RESULTS_DIR / "latest.json").write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
    text = readable(results)
    out.with_suffix(".txt").write_text(text, encoding="utf-8")
    (RESULTS_DIR / "latest.txt").write_text(text, encoding="utf-8")
    print(text)
    print(f"\nwritten: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
