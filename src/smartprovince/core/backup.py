"""Backup and restore of the whole platform: database rows, uploaded files and app-specific
stores (e.g. the data hub's datastore tables) in one ``.tar.gz``.

An app with data outside the ORM provides ``<app>/backup.py`` with
``dump(directory: Path) -> None`` and ``restore(directory: Path) -> None``.

The archive holds ``manifest.json`` (versions, row counts per model, SHA-256 of every file),
``db.json`` (Django ``dumpdata``), ``media/`` and ``apps/<app>/``. Restore refuses a non-empty
database unless forced, loads everything in one transaction, and checks the checksums first.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import shutil
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

from . import dataversion

EXCLUDE = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "django_tasks_database", "axes"]
FORMAT_VERSION = 1


class BackupError(Exception):
    pass


def _app_modules() -> list[tuple[str, Any]]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("smartprovince."):
            continue
        try:
            found.append((config.label, importlib.import_module(f"{config.name}.backup")))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.backup":
                raise
    return [(label, module) for label, module in found if module.__name__ != __name__]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def model_counts() -> dict[str, int]:
    counts = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if any(label == e or label.startswith(e + ".") for e in EXCLUDE) or not model._meta.managed:
            continue
        counts[label] = model._default_manager.count()
    return counts


def backup_create(path: Path) -> dict[str, Any]:
    """Write a backup archive to ``path``; returns its manifest."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with (root / "db.json").open("w", encoding="utf-8") as out:
            call_command("dumpdata", exclude=EXCLUDE, stdout=out, indent=None, use_natural_foreign_keys=False)
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            shutil.copytree(media, root / "media", dirs_exist_ok=True)
        for label, module in _app_modules():
            target = root / "apps" / label
            target.mkdir(parents=True, exist_ok=True)
            module.dump(target)
        files = {
            str(p.relative_to(root)): _sha256(p) for p in sorted(root.rglob("*")) if p.is_file()
        }
        manifest = {
            "format": FORMAT_VERSION,
            "database_vendor": connection.vendor,
            "counts": model_counts(),
            "files": files,
        }
        (root / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(path, "w:gz") as tar:
            for item in sorted(root.iterdir()):
                tar.add(item, arcname=item.name)
    return manifest


def _database_is_empty() -> bool:
    from smartprovince.plans.models import Plan

    return not Plan.objects.exists()


def backup_restore(path: Path, *, force: bool = False) -> dict[str, Any]:
    """Restore ``path`` into this (migrated, empty) database and media directory."""
    if not path.exists():
        raise BackupError(f"ไม่พบไฟล์สำรอง {path}")
    if not force and not _database_is_empty():
        raise BackupError("ฐานข้อมูลนี้มีข้อมูลอยู่แล้ว การกู้คืนจะเขียนทับ — ใช้ --force หากต้องการจริง")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with tarfile.open(path, "r:gz") as tar:
            tar.extractall(root, filter="data")
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError("ไฟล์สำรองนี้เป็นรูปแบบที่ระบบรุ่นนี้ไม่รู้จัก")
        for name, digest in manifest["files"].items():
            if _sha256(root / name) != digest:
                raise BackupError(f"ไฟล์สำรองเสียหาย: {name} ไม่ตรงกับค่าตรวจสอบ")
        with transaction.atomic():
            if force:
                _flush_domain_data()
            dataversion.forget()  # the backup's own versions (or fresh ones) replace this database's
            call_command("loaddata", str(root / "db.json"), verbosity=0)
            for label, module in _app_modules():
                source = root / "apps" / label
                if source.exists():
                    module.restore(source)
        if (root / "media").exists():
            shutil.copytree(root / "media", Path(settings.MEDIA_ROOT), dirs_exist_ok=True)
    counts = model_counts()
    mismatched = {k: (v, counts.get(k)) for k, v in manifest["counts"].items() if counts.get(k) != v}
    if mismatched:
        raise BackupError(f"จำนวนข้อมูลหลังกู้คืนไม่ตรงกับไฟล์สำรอง: {mismatched}")
    return manifest


def _flush_domain_data() -> None:
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
