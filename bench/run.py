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
BENCHMARKS = ["projects", "dashboard", "datahub", "survey", "pdf"]
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
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS_DIR / f"bench-{stamp}.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    (RESULTS_DIR / "latest.json").write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
    print(table(results))
    print(f"\nwritten: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
