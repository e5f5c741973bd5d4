"""The datastore tables are part of a platform backup and come back identical."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from smartprovince.agencies.models import Agency
from smartprovince.core.backup import backup_create, backup_restore
from smartprovince.datahub import services
from smartprovince.datahub.ingest import store
from smartprovince.datahub.models import DataDomain, Resource

from .conftest import gdc_data

CSV = "อำเภอ,รหัส,ปี,ผลผลิต\nเมืองสกลนคร,4701,2565,1200.5\nกุสุมาลย์,4702,2565,830\n".encode()


def _rows(name: str) -> list[tuple[Any, ...]]:
    with connection.cursor() as cur:
        cur.execute(f"SELECT * FROM {store.qualified(name)} ORDER BY 1")  # noqa: S608
        return [tuple(str(v) for v in row) for row in cur.fetchall()]


@pytest.mark.django_db(transaction=True)
def test_datastore_tables_are_backed_up_and_restored(seed: None, make_user: Any, tmp_path: Path) -> None:
    with override_settings(MEDIA_ROOT=str(tmp_path / "media")):
        editor = make_user("ds_backup", role="agency_editor", agency="SKN-AGRI")
        dataset = services.dataset_create(
            actor=editor, agency=Agency.objects.get(code="SKN-AGRI"), data=gdc_data(name="rice-backup"), tags=["ข้าว"],
            domain_ids=list(DataDomain.objects.filter(name="agriculture").values_list("pk", flat=True)),
        )
        services.resource_create(actor=editor, dataset=dataset, name="rice.csv", upload=SimpleUploadedFile("rice.csv", CSV))
        table = Resource.objects.get(dataset=dataset).versions.get().table_name
        assert table and store.table_exists(table)
        before = _rows(table)
        assert len(before) == 2

        archive = tmp_path / "backup.tar.gz"
        backup_create(archive)
        call_command("flush", interactive=False, verbosity=0)
        store.drop_table(table)
        assert not store.table_exists(table)

        backup_restore(archive)
        assert store.table_exists(table)
        assert _rows(table) == before
