"""``make bench``: run every benchmark module in this package and print the figures as JSON."""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path
from typing import Any


def main() -> None:
    results: dict[str, Any] = {}
    only = set(sys.argv[1:])
    for module in sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])):
        if module == "run" or (only and module not in only):
            continue
        mod = importlib.import_module(f"bench.{module}")
        if hasattr(mod, "run"):
            mod.run(results)
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
