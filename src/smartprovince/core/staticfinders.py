"""Serve third-party assets straight from their installed Python packages (offline, nothing
vendored in the repository): the Sarabun web font from fontpkg-sarabun and plotly.js from
plotly. htmx comes from django-htmx's own static files, Swagger UI from the sidecar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage


def _package_dir(module: str) -> Path:
    imported = __import__(module, fromlist=["__file__"])
    return Path(str(imported.__file__)).resolve().parent


def package_assets() -> dict[str, Path]:
    assets: dict[str, Path] = {}
    fonts = _package_dir("fontpkg_sarabun") / "files"
    for weight in ("Regular", "Bold", "SemiBold", "Light", "Italic"):
        assets[f"vendor/sarabun/Sarabun-{weight}.ttf"] = fonts / f"Sarabun-{weight}.ttf"
    assets["vendor/sarabun/OFL.txt"] = _package_dir("fontpkg_sarabun") / "LICENSE"
    assets["vendor/plotly/plotly.min.js"] = _package_dir("plotly") / "package_data" / "plotly.min.js"
    return assets


class PackageAssetsFinder(BaseFinder):
    def check(self, **kwargs: Any) -> list[Any]:
        return []

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> Any:
        target = package_assets().get(path)
        if target is None or not target.exists():
            return [] if find_all else None
        return [str(target)] if find_all else str(target)

    def list(self, ignore_patterns: Any) -> Any:
        for rel, target in package_assets().items():
            if target.exists():
                storage = FileSystemStorage(location=str(target.parent))
                storage.prefix = str(Path(rel).parent)  # type: ignore[attr-defined]
                yield target.name, storage
