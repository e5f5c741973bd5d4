from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings

from smartprovince.core.backup import EXCLUDE, BackupError, backup_create, backup_restore, model_counts
from smartprovince.core.models import Job


def _dump() -> str:
    """Checksum of every row (many-to-many lists sorted: their order is not defined)."""
    out = io.StringIO()
    call_command("dumpdata", exclude=EXCLUDE, stdout=out)
    rows = json.loads(out.getvalue())
    for row in rows:
        for key, value in row["fields"].items():
            if isinstance(value, list) and all(isinstance(v, int) for v in value):
                row["fields"][key] = sorted(value)
    rows.sort(key=lambda r: (r["model"], str(r["pk"])))
    text = json.dumps(rows, sort_keys=True, ensure_ascii=False)
    # Django's serializer keeps milliseconds: 12:00:00.000 and 12:00:00 are the same instant.
    text = re.sub(r'(T\d\d:\d\d:\d\d)\.000(Z|[+-]\d\d:\d\d)"', r'\1\2"', text)
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database(seed: None, make_user: Any, tmp_path: Path) -> None:
    media = tmp_path / "media"
    with override_settings(MEDIA_ROOT=str(media)):
        make_user("backup_admin", role="province_admin")
        (media / "jobs").mkdir(parents=True)
        (media / "jobs" / "report.pdf").write_bytes(b"%PDF-1.4 test report")
        Job.objects.create(kind="test", title="รายงานทดสอบ", result_file="jobs/report.pdf")
        counts_before, dump_before = model_counts(), _dump()
        archive = tmp_path / "backup.tar.gz"
        manifest = backup_create(archive)
        assert manifest["counts"] == counts_before
        assert manifest["counts"]["plans.indicator"] == 12

        call_command("flush", interactive=False, verbosity=0)
        for path in media.rglob("*"):
            if path.is_file():
                path.unlink()
        assert model_counts()["plans.indicator"] == 0

        backup_restore(archive)
        assert model_counts() == counts_before
        assert _dump() == dump_before
        assert (media / "jobs" / "report.pdf").read_bytes() == b"%PDF-1.4 test report"

        with pytest.raises(BackupError, match="มีข้อมูลอยู่แล้ว"):
            backup_restore(archive)


@pytest.mark.django_db(transaction=True)
def test_corrupted_backup_is_refused(seed: None, tmp_path: Path) -> None:
    import tarfile

    archive = tmp_path / "backup.tar.gz"
    backup_create(archive)
    unpacked = tmp_path / "x"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="data")
    (unpacked / "db.json").write_text("[]", encoding="utf-8")
    broken = tmp_path / "broken.tar.gz"
    with tarfile.open(broken, "w:gz") as tar:
        for item in unpacked.iterdir():
            tar.add(item, arcname=item.name)
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(BackupError, match="เสียหาย"):
        backup_restore(broken)
