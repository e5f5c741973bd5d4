"""Import from the GD Catalog Excel template: all rows valid or nothing written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from smartprovince.datahub.metadata_import import import_metadata
from smartprovince.datahub.models import Dataset

pytestmark = pytest.mark.django_db
COLUMNS = ["name", "title", "maintainer", "maintainer_email", "tag_string", "notes", "objective",
           "update_frequency_unit", "geo_coverage", "data_source", "data_format", "data_category", "license_id",
           "last_updated_date", "first_year_of_data", "last_year_of_data"]


def _template(tmp_path: Path, rows: list[list[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Temp2_Meta_Stat"
    ws.append(["Template การจัดทำบัญชีข้อมูล"])
    ws.append([])
    ws.append(["คำอธิบาย"])
    ws.append(COLUMNS)
    for row in rows:
        ws.append(row)
    res = wb.create_sheet("Temp3_Resource_Stat")
    for _ in range(3):
        res.append([])
    res.append(["dataset_name", "resource_name", "resource_url", "description", "format"])
    res.append(["rice-import", "ตารางผลผลิต", "https://data.example.go.th/rice.csv", "", "CSV"])
    path = tmp_path / "template.xlsx"
    wb.save(path)
    return path


GOOD = ["rice-import", "ผลผลิตข้าว", "กลุ่มสารสนเทศ", "info@agri.example.go.th", "ข้าว,เกษตร", "ผลผลิตข้าวรายปี",
        "พันธกิจหน่วยงาน", "ปี", "จังหวัด", "สำนักงานเกษตรจังหวัด", "CSV", "ข้อมูลสาธารณะ", "Open Data Common",
        "31/10/2565", 2560, 2565]


def test_import_all_or_nothing(tmp_path: Path, agri_editor: Any, agri: Any) -> None:
    bad = [*GOOD[:3], "not-an-email", *GOOD[4:]]
    bad[0] = "rice-bad"
    with pytest.raises(ValidationError) as exc:
        import_metadata(actor=agri_editor, agency=agri, path=_template(tmp_path, [GOOD, bad]))
    assert any("Temp2_Meta_Stat แถวที่ 6" in m for m in exc.value.messages)
    assert not Dataset.objects.exists()
    result = import_metadata(actor=agri_editor, agency=agri, path=_template(tmp_path, [GOOD]))
    assert result["created"] == ["rice-import"]
    dataset = Dataset.objects.get(name="rice-import")
    assert (dataset.data_type, dataset.last_year_of_data_be, str(dataset.last_updated_date)) == (
        "ข้อมูลสถิติ", 2565, "2022-10-31")
    assert dataset.resources.get().url == "https://data.example.go.th/rice.csv"
