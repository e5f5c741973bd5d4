"""Loading CSV/XLSX files: every bad input gets a clear Thai message and loses nothing."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from openpyxl import Workbook

from smartprovince.core.models import Job
from smartprovince.datahub import query, services
from smartprovince.datahub.ingest import store
from smartprovince.datahub.models import Column, ResourceVersion
from smartprovince.datahub.selectors import columns_of

pytestmark = pytest.mark.django_db

RICE = "อำเภอ,ปี,พื้นที่ปลูก (ไร่),ผลผลิต (ตัน),วันที่สำรวจ\nเมืองสกลนคร,2565,\"120,500\",45000.5,15/07/2565\nพังโคน,๒๕๖๕,80000,30000,1 ส.ค. 2565\n"


def rows(resource: Any, **params: Any) -> list[dict[str, Any]]:
    return query.search(resource, columns_of(resource), {"limit": 1000, **params})["records"]


def version(resource: Any) -> ResourceVersion:
    return resource.versions.order_by("-number").first()


def test_utf8_csv_loads_with_types(make_dataset: Any, upload: Any, caplog: Any) -> None:
    resource = upload(make_dataset(), RICE.encode("utf-8"))
    assert "fast path could not convert" not in caplog.text  # PostgreSQL converts in the database
    types = {c.name: c.type for c in columns_of(resource)}
    assert types == {"อำเภอ": "text", "ปี": "integer", "พื้นที่ปลูก (ไร่)": "integer", "ผลผลิต (ตัน)": "decimal",
                     "วันที่สำรวจ": "date"}
    records = rows(resource)
    assert [r["ปี"] for r in records] == [2565, 2565]  # Thai digits normalised
    assert records[0]["พื้นที่ปลูก (ไร่)"] == 120500
    assert str(records[0]["ผลผลิต (ตัน)"]) == "45000.5"
    assert [r["วันที่สำรวจ"] for r in records] == ["2022-07-15", "2022-08-01"]  # BE dates
    v = version(resource)
    assert (v.status, v.rows_loaded, v.rows_rejected, v.encoding, v.delimiter) == ("loaded", 2, 0, "utf-8", ",")
    assert resource.datastore_active and resource.datastore_rows == 2


def test_utf8_bom_and_cp874(make_dataset: Any, upload: Any) -> None:
    bom = upload(make_dataset("bom"), b"\xef\xbb\xbf" + RICE.encode("utf-8"))
    assert version(bom).encoding == "utf-8-sig"
    assert columns_of(bom)[0].name == "อำเภอ"  # no BOM in the first name
    tis = upload(make_dataset("tis"), RICE.replace("๒๕๖๕", "2565").encode("cp874"))
    assert version(tis).encoding == "cp874"
    assert rows(tis)[1]["อำเภอ"] == "พังโคน"


def test_semicolon_delimiter_and_title_line(make_dataset: Any, upload: Any) -> None:
    text = "รายงานผลผลิตข้าว จังหวัดสกลนคร;;\nอำเภอ;ปี;ตัน\nเมืองสกลนคร;2565;10\nพังโคน;2565;20\n"
    resource = upload(make_dataset(), text.encode("utf-8"))
    assert [c.name for c in columns_of(resource)] == ["อำเภอ", "ปี", "ตัน"]
    assert version(resource).delimiter == ";"
    assert "ข้ามบรรทัดหัวเรื่อง" in version(resource).warnings[0]
    assert [r["ตัน"] for r in rows(resource)] == [10, 20]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "ไฟล์ว่างเปล่า (0 ไบต์)"),
    ],
)
def test_refused_before_storing(make_dataset: Any, agri_editor: Any, content: bytes, message: str) -> None:
    dataset = make_dataset()
    with pytest.raises(services.ValidationError) as exc:
        services.resource_create(actor=agri_editor, dataset=dataset, upload=SimpleUploadedFile("x.csv", content))
    assert message in str(exc.value)
    assert dataset.resources.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\n\n  \n", "ไฟล์ว่างเปล่า"),
        ("อำเภอ,ปี\n".encode(), "มีเฉพาะแถวหัวตาราง"),
        (b"\xff\xfe\x00a\x00b", "อ่านตัวอักษรในไฟล์ไม่ได้"),
        (b"a,b\n1,2,3\n4\n", "ไม่มีแถวใดโหลดได้"),
    ],
)
def test_bad_files_fail_with_thai_message(make_dataset: Any, upload: Any, content: bytes, message: str) -> None:
    resource = upload(make_dataset(), content)
    v = version(resource)
    assert v.status == "failed"
    assert message in v.error
    job = Job.objects.get(pk=v.job_id)
    assert job.status == "failed" and message in job.error
    assert not resource.datastore_active and resource.datastore_table == ""


def test_ragged_rows_listed_with_line_numbers(make_dataset: Any, upload: Any) -> None:
    text = "อำเภอ,ปี,ตัน\nเมืองสกลนคร,2565,10\nพังโคน,2565\nวานรนิวาส,2565,30,เกิน\nกุสุมาลย์,2565,40,,\n"
    resource = upload(make_dataset(), text.encode())
    v = version(resource)
    assert (v.rows_loaded, v.rows_rejected) == (2, 2)
    assert [r["line"] for r in v.rejects] == [3, 4]
    assert "ข้อมูลไม่ครบ" in v.rejects[0]["reason"] and "ข้อมูลเกินมา" in v.rejects[1]["reason"]
    assert [r["อำเภอ"] for r in rows(resource)] == ["เมืองสกลนคร", "กุสุมาลย์"]


def test_blank_duplicate_long_and_reserved_names(make_dataset: Any, upload: Any) -> None:
    long = "ก" * 80
    text = f"ชื่อ,,ชื่อ,{long},_id\nก,ข,ค,ง,จ\n"
    resource = upload(make_dataset(), text.encode())
    names = [c.name for c in columns_of(resource)]
    assert names == ["ชื่อ", "คอลัมน์_2", "ชื่อ_2", "ก" * 59, "col_id"]
    assert len(version(resource).warnings) == 4
    assert rows(resource)[0]["col_id"] == "จ"


def test_formula_cells_are_text_and_neutralised_in_csv(make_dataset: Any, upload: Any) -> None:
    text = "สูตร,จำนวน\n=HYPERLINK(\"http://x\"),-5\n+1+2,3\n@SUM(A1),4\n-จ่าย,5\n"
    resource = upload(make_dataset(), text.encode())
    records = rows(resource)
    assert [r["สูตร"] for r in records] == ['=HYPERLINK("http://x")', "+1+2", "@SUM(A1)", "-จ่าย"]
    assert [r["จำนวน"] for r in records] == [-5, 3, 4, 5]
    csv_text = query.search(resource, columns_of(resource), {"records_format": "csv", "fields": "สูตร,จำนวน"})["records"]
    assert csv_text.splitlines() == ['"\'=HYPERLINK(""http://x"")",-5', "'+1+2,3", "'@SUM(A1),4", "'-จ่าย,5"]


def test_codes_with_leading_zero_stay_text(make_dataset: Any, upload: Any) -> None:
    resource = upload(make_dataset(), b"code,n\n0042,1\n0100,2\n")
    assert [c.type for c in columns_of(resource)] == ["text", "integer"]
    assert rows(resource)[0]["code"] == "0042"


def _xlsx(build: Any) -> bytes:
    wb = Workbook()
    build(wb)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_xlsx_sheets_and_merged_header(make_dataset: Any, upload: Any, agri_editor: Any,
                                       django_capture_on_commit_callbacks: Any) -> None:
    def build(wb: Workbook) -> None:
        ws = wb.active
        ws.title = "สรุป"
        ws.append(["หมายเหตุ"])
        data = wb.create_sheet("ผลผลิต")
        data.append(["อำเภอ", "ผลผลิต", None])
        data.append([None, "นาปี", "นาปรัง"])
        data.merge_cells("B1:C1")
        data.merge_cells("A1:A2")
        data.append(["เมืองสกลนคร", 100, 20])
        data.append(["พังโคน", 50, 5])

    resource = upload(make_dataset(), _xlsx(build), "rice.xlsx", sheet="ผลผลิต")
    v = version(resource)
    assert v.sheets == ["สรุป", "ผลผลิต"] and v.sheet == "ผลผลิต"
    assert [c.name for c in columns_of(resource)] == ["อำเภอ", "ผลผลิต นาปี", "ผลผลิต นาปรัง"]
    assert [r["ผลผลิต นาปรัง"] for r in rows(resource)] == [20, 5]
    # load the other sheet as a new version
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_reload(actor=agri_editor, resource=resource, sheet="สรุป")
    resource.refresh_from_db()
    assert version(resource).status == "failed"  # one cell: header only
    assert columns_of(resource)[0].name == "อำเภอ"  # previous version untouched


def test_xlsx_bomb_refused(make_dataset: Any, upload: Any) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"<a>" + b"0" * 30_000_000 + b"</a>")
    resource = upload(make_dataset(), buffer.getvalue(), "bomb.xlsx")
    v = version(resource)
    assert v.status == "failed" and "ผิดปกติ" in v.error


def test_failed_reload_keeps_previous_version(make_dataset: Any, upload: Any, agri_editor: Any,
                                              django_capture_on_commit_callbacks: Any) -> None:
    resource = upload(make_dataset(), RICE.encode())
    table = resource.datastore_table
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_upload(actor=agri_editor, resource=resource, upload=SimpleUploadedFile("x.csv", b"a,b\n"))
    resource.refresh_from_db()
    assert resource.datastore_table == table and len(rows(resource)) == 2
    assert [v.status for v in resource.versions.order_by("number")] == ["loaded", "failed"]
    # a good new version swaps in and drops the old table
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_upload(actor=agri_editor, resource=resource,
                                 upload=SimpleUploadedFile("y.csv", "อำเภอ,ปี\nเต่างอย,2566\n".encode()))
    resource.refresh_from_db()
    assert resource.datastore_table != table and not store.table_exists(table)
    assert rows(resource) == [{"_id": 1, "อำเภอ": "เต่างอย", "ปี": 2566}]
    assert resource.versions.count() == 3


def test_mapping_keeps_across_versions(make_dataset: Any, upload: Any, agri_editor: Any,
                                       django_capture_on_commit_callbacks: Any) -> None:
    resource = upload(make_dataset(), RICE.encode())
    services.columns_update(actor=agri_editor, resource=resource,
                            items=[{"name": "อำเภอ", "standard_key": "area_code", "label": "อำเภอ (ชื่อ)"}])
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_upload(actor=agri_editor, resource=resource, upload=SimpleUploadedFile("y.csv", RICE.encode()))
    col = Column.objects.get(resource=resource, name="อำเภอ")
    assert (col.standard_key, col.label) == ("area_code", "อำเภอ (ชื่อ)")


def test_large_text_search_total_is_estimated(make_dataset: Any, upload: Any, monkeypatch: Any) -> None:
    resource = upload(make_dataset(), "อำเภอ,ปี\nพังโคน,2565\nพังโคน,2566\nเต่างอย,2565\n".encode())
    monkeypatch.setattr(query, "TOTAL_CAP", 1)
    result = query.search(resource, columns_of(resource), {"q": "พัง"})
    assert result["total_was_estimated"] is True and result["total"] >= 2
    exact = query.search(resource, columns_of(resource), {"q": "เต่างอย"})
    assert (exact["total"], exact["total_was_estimated"]) == (1, False)


MIXED = ("ชื่อ,ค่า,จำนวน,วันที่\n"
         "ก,1,10,15/07/2565\n"
         "ข,2,๒๐,1 ส.ค. 2565\n"
         "\n"
         "ค,3,\"1,000\",2022-01-05\n"
         "ง,4,5,6,7\n"
         "จ,ไม่ทราบ,  ,\n"
         " , , , \n"
         "\"ฉ\nบรรทัด\\2\tแท็บ\",5,7,\n")


def test_types_settle_over_batches(make_dataset: Any, upload: Any, monkeypatch: Any) -> None:
    """A column that turns out to be text after the first batch, normalised numbers and dates,
    a ragged row and blank rows: the same result on every path (PostgreSQL restarts its COPY)."""
    from smartprovince.datahub.ingest import pgcopy

    monkeypatch.setattr(pgcopy, "BATCH", 2)
    resource = upload(make_dataset(), MIXED.encode())
    assert [(c.name, c.type) for c in columns_of(resource)] == [
        ("ชื่อ", "text"), ("ค่า", "text"), ("จำนวน", "integer"), ("วันที่", "date")]
    assert rows(resource) == [
        {"_id": 1, "ชื่อ": "ก", "ค่า": "1", "จำนวน": 10, "วันที่": "2022-07-15"},
        {"_id": 2, "ชื่อ": "ข", "ค่า": "2", "จำนวน": 20, "วันที่": "2022-08-01"},
        {"_id": 3, "ชื่อ": "ค", "ค่า": "3", "จำนวน": 1000, "วันที่": "2022-01-05"},
        {"_id": 4, "ชื่อ": "จ", "ค่า": "ไม่ทราบ", "จำนวน": None, "วันที่": None},
        {"_id": 5, "ชื่อ": "ฉ\nบรรทัด\\2\tแท็บ", "ค่า": "5", "จำนวน": 7, "วันที่": None},
    ]
    v = version(resource)
    assert (v.rows_loaded, v.rows_rejected, [r["line"] for r in v.rejects]) == (5, 1, [6])
    assert [r["ชื่อ"] for r in rows(resource, q="ไม่ทราบ")] == ["จ"]


def test_csv_over_fifty_thousand_rows_loads(make_dataset: Any, upload: Any) -> None:
    """Regression: on PostgreSQL a progress query inside the open COPY hung every CSV load
    over 50,000 rows (the first progress write came at 50,000)."""
    lines = ["อำเภอ,ปี,จำนวน"] + [f"เมืองสกลนคร,2565,{i}" for i in range(60_001)]
    resource = upload(make_dataset("big-csv"), ("\n".join(lines) + "\n").encode())
    version = resource.versions.get()
    assert (version.status, version.rows_loaded, version.rows_rejected) == ("loaded", 60_001, 0)


CLEAN = ("ลำดับ,อำเภอ,วันที่สำรวจ,เนื้อที่,ผลผลิต,ตัวเลขไทย,ว่าง,มีน้ำ,หมายเหตุ\n"
         "1,เมืองสกลนคร,15/07/2565,12.50,6069,๑๒,,ใช่,ผลผลิตลดลงเนื่องจากฝนทิ้งช่วง\n"
         "2,พังโคน,1/8/2564,0.5,-20605,๓,,ไม่ใช่,   \n"
         "3,วานรนิวาส,2022-01-05,48,0,45,,ใช่,ใช้ปุ๋ยอินทรีย์\n")
CLEAN_TYPES = [("ลำดับ", "integer"), ("อำเภอ", "text"), ("วันที่สำรวจ", "date"), ("เนื้อที่", "decimal"),
               ("ผลผลิต", "integer"), ("ตัวเลขไทย", "integer"), ("ว่าง", "text"), ("มีน้ำ", "boolean"),
               ("หมายเหตุ", "text")]


@pytest.fixture
def row_by_row(monkeypatch: Any) -> list[str]:
    """Records each use of PostgreSQL's row-by-row CSV path."""
    from smartprovince.datahub.ingest import pgcopy

    calls: list[str] = []
    original = pgcopy.load

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs["table"])
        return original(*args, **kwargs)

    monkeypatch.setattr(pgcopy, "load", spy)
    return calls


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874", "crlf"])
def test_clean_csv_types_values_and_search(make_dataset: Any, upload: Any, row_by_row: list[str],
                                           encoding: str) -> None:
    """A clean CSV (no quotes, no ragged rows) goes straight into COPY on PostgreSQL, typed and
    converted in the database: the same types, values and search words as every other path."""
    text = CLEAN.replace("\n", "\r\n") if encoding == "crlf" else CLEAN
    resource = upload(make_dataset(), text.encode("utf-8" if encoding == "crlf" else encoding))
    assert [(c.name, c.type) for c in columns_of(resource)] == CLEAN_TYPES
    assert row_by_row == []  # PostgreSQL did not need the row-by-row path (SQLite never uses it)
    assert rows(resource) == [
        {"_id": 1, "ลำดับ": 1, "อำเภอ": "เมืองสกลนคร", "วันที่สำรวจ": "2022-07-15", "เนื้อที่": Decimal("12.50"),
         "ผลผลิต": 6069, "ตัวเลขไทย": 12, "ว่าง": None, "มีน้ำ": True, "หมายเหตุ": "ผลผลิตลดลงเนื่องจากฝนทิ้งช่วง"},
        {"_id": 2, "ลำดับ": 2, "อำเภอ": "พังโคน", "วันที่สำรวจ": "2021-08-01", "เนื้อที่": Decimal("0.5"),
         "ผลผลิต": -20605, "ตัวเลขไทย": 3, "ว่าง": None, "มีน้ำ": False, "หมายเหตุ": None},
        {"_id": 3, "ลำดับ": 3, "อำเภอ": "วานรนิวาส", "วันที่สำรวจ": "2022-01-05", "เนื้อที่": Decimal("48"),
         "ผลผลิต": 0, "ตัวเลขไทย": 45, "ว่าง": None, "มีน้ำ": True, "หมายเหตุ": "ใช้ปุ๋ยอินทรีย์"},
    ]
    assert [r["_id"] for r in rows(resource, q="ฝน พังโคน")] == []
    assert [r["_id"] for r in rows(resource, q="ฝนทิ้งช่วง เมืองสกลนคร")] == [1]
    assert [r["_id"] for r in rows(resource, q="ปุ๋ย")] == [3]
    v = version(resource)
    assert (v.status, v.rows_loaded, v.rows_rejected, v.rejects) == ("loaded", 3, 0, [])


@pytest.mark.parametrize(("late", "expected"), [
    ("7.25", ("decimal", [Decimal("1"), Decimal("2"), Decimal("7.25")])),
    ("0042", ("text", ["1", "2", "0042"])),
    ("+5", ("integer", [1, 2, 5])),
    ("1e5", ("text", ["1", "2", "1e5"])),
    ("NaN", ("text", ["1", "2", "NaN"])),
    ("  ", ("integer", [1, 2, None])),
])
def test_value_after_the_sample_settles_the_type(make_dataset: Any, upload: Any, monkeypatch: Any,
                                                 late: str, expected: tuple[str, list[Any]]) -> None:
    """Types hold over the whole column, not the sample: a later value that does not fit the
    sampled type gives the type every path gives (PostgreSQL falls back to the row-by-row path)."""
    from smartprovince.datahub.ingest import pgraw

    monkeypatch.setattr(pgraw, "SAMPLE_ROWS", 2)
    resource = upload(make_dataset(), f"ชื่อ,ค่า\nก,1\nข,2\nค,{late}\n".encode())
    assert columns_of(resource)[1].type == expected[0]
    assert [r["ค่า"] for r in rows(resource)] == expected[1]


def test_quoted_or_ragged_csv_takes_the_row_by_row_path(make_dataset: Any, upload: Any, row_by_row: list[str]) -> None:
    quoted = upload(make_dataset("quoted"), "ชื่อ,ค่า\n\"ก,ข\",1\nค,2\n".encode())
    assert [r["ชื่อ"] for r in rows(quoted)] == ["ก,ข", "ค"]
    ragged = upload(make_dataset("ragged"), "ชื่อ,ค่า\nก,1\nข,2,3\nค,4\n".encode())
    assert [r["ชื่อ"] for r in rows(ragged)] == ["ก", "ค"]
    assert [r["line"] for r in version(ragged).rejects] == [3]
    if store.is_postgres():
        assert len(row_by_row) == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("late", ["", "ค,3.5\n"])
def test_large_clean_csv_on_two_connections(seed: None, make_user: Any, tmp_path: Any, monkeypatch: Any,
                                            row_by_row: list[str], late: str) -> None:
    """Outside a transaction a large clean CSV is COPYed in two halves on connections of their own;
    the rows keep the file's order and a value that does not fit the sample still falls back."""
    from django.test import override_settings

    from smartprovince.agencies.models import Agency
    from smartprovince.datahub.ingest import pgraw
    from smartprovince.datahub.models import DataDomain, Resource

    from .conftest import gdc_data

    monkeypatch.setattr(pgraw, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(pgraw, "SAMPLE_ROWS", 2)
    body = "".join(f"{'เมืองสกลนคร' if i % 2 else 'พังโคน'},{i}\n" for i in range(1, 201))
    with override_settings(MEDIA_ROOT=str(tmp_path / "media")):
        editor = make_user("ds_parallel", role="agency_editor", agency="SKN-AGRI")
        dataset = services.dataset_create(
            actor=editor, agency=Agency.objects.get(code="SKN-AGRI"), data=gdc_data(name="parallel"), tags=["ข้าว"],
            domain_ids=list(DataDomain.objects.filter(name="agriculture").values_list("pk", flat=True)),
        )
        services.resource_create(actor=editor, dataset=dataset, name="big.csv",
                                 upload=SimpleUploadedFile("big.csv", f"อำเภอ,ค่า\n{body}{late}".encode()))
        resource = Resource.objects.get(dataset=dataset)
        assert [(c.name, c.type) for c in columns_of(resource)] == [
            ("อำเภอ", "text"), ("ค่า", "decimal" if late else "integer")]
        records = rows(resource)
        assert [r["_id"] for r in records] == list(range(1, 201 + bool(late)))
        assert [int(r["ค่า"]) for r in records[:200]] == list(range(1, 201))
        assert len(rows(resource, q="พังโคน")) == 100
        if store.is_postgres():
            assert len(row_by_row) == (1 if late else 0)
            with connection.cursor() as cur:
                cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'datastore' "
                            "AND table_name LIKE %s", [resource.datastore_table + "%"])
                assert cur.fetchone()[0] == 1  # no stage or map table left
                cur.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'datastore' AND tablename = %s "
                            "ORDER BY indexname", [resource.datastore_table])
                assert [r[0] for r in cur.fetchall()] == [
                    f"ft_{resource.datastore_table[2:14]}_1", f"{resource.datastore_table}_pkey"]
                cur.execute("SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid = %s::regclass",
                            [store.qualified(resource.datastore_table)])
                assert cur.fetchall() == [(f"{resource.datastore_table}_pkey",)]
        store.drop_table(resource.datastore_table)


def test_number_then_date_is_text(make_dataset: Any, upload: Any) -> None:
    """A column is of a type only if every value fits it, whatever their order: nothing is lost."""
    resource = upload(make_dataset(), "ชื่อ,ค่า\nก,5\nข,1/1/2565\n".encode())
    assert columns_of(resource)[1].type == "text"
    assert [r["ค่า"] for r in rows(resource)] == ["5", "1/1/2565"]
    xlsx = io.BytesIO()
    wb = Workbook()
    wb.active.append(["ชื่อ", "ค่า"])
    wb.active.append(["ก", 5])
    wb.active.append(["ข", "1/1/2565"])
    wb.save(xlsx)
    sheet = upload(make_dataset("xlsx-mixed"), xlsx.getvalue(), "mixed.xlsx")
    assert [r["ค่า"] for r in rows(sheet)] == ["5", "1/1/2565"]


def test_q_with_a_word_in_every_row(make_dataset: Any, upload: Any, monkeypatch: Any) -> None:
    """A word found in (almost) every row is checked on the rows the other words find: the same
    matches as the plain query."""
    villages = ["บ้านโนนดอน", "บ้านหนองบัว", "บ้านโคกศรี", "บ้านนาคำ"]
    crops = ["ข้าวเหนียว", "มันสำปะหลัง", "อ้อยโรงงาน"]
    body = "".join(f"{villages[i % 4]},{crops[i % 3]},{i}\n" for i in range(60))
    resource = upload(make_dataset(), f"หมู่บ้าน,ชนิดพืช,จำนวน\n{body}".encode())
    expected = [i + 1 for i in range(60) if i % 4 == 1 and i % 3 == 0]
    assert [r["_id"] for r in rows(resource, q="บ้านหนองบัว ข้าวเหนียว")] == expected
    assert len(rows(resource, q="บ้าน")) == 60
    assert [r["_id"] for r in rows(resource, q="บ้าน มันสำปะหลัง", limit=3)] == [2, 5, 8]
    assert rows(resource, q="บ้าน ไม่มีคำนี้") == []
    if store.is_postgres():
        assert "บ้าน" in store.frequent_words(resource.datastore_table)
        plan = query.build(resource, columns_of(resource), {"q": "บ้านหนองบัว ข้าวเหนียว"})
        assert "ts_match_vq" in plan.sql
    monkeypatch.setattr(query, "TOTAL_CAP", 1)
    found = query.search(resource, columns_of(resource), {"q": "บ้าน มันสำปะหลัง"})
    assert found["total_was_estimated"] is True and found["total"] >= 2


def test_row_of_empty_cells_is_skipped(make_dataset: Any, upload: Any, monkeypatch: Any) -> None:
    from smartprovince.datahub.ingest import pgraw

    monkeypatch.setattr(pgraw, "SAMPLE_ROWS", 1)  # the blank rows come after the sample
    for name, blank in (("nulls", ",\n"), ("spaces", " , \n")):
        resource = upload(make_dataset(name), f"ชื่อ,หมายเหตุ\nก,x\nค,y\nง,z\n{blank}ข,w\n".encode())
        assert [(r["_id"], r["ชื่อ"]) for r in rows(resource)] == [(1, "ก"), (2, "ค"), (3, "ง"), (4, "ข")]
        assert (version(resource).rows_loaded, version(resource).rows_rejected) == (4, 0)


@pytest.mark.parametrize(("text", "row_by_row_path"), [
    ("ชื่อ,ค่า\nก,1\nข,2\n\n\n", False), ("ชื่อ,ค่า\r\nก,1\r\nข,2\r\n\r\n", False), ("ชื่อ,ค่า\nก,1\nข,2", False),
    ("ชื่อ,ค่า\nก,1\n\nข,2\n", True),
])
def test_blank_lines(make_dataset: Any, upload: Any, row_by_row: list[str], text: str, row_by_row_path: bool) -> None:
    """Blank lines are no rows on every path; at the end of the file they keep the raw COPY path."""
    resource = upload(make_dataset(), text.encode())
    assert [(r["_id"], r["ชื่อ"], r["ค่า"]) for r in rows(resource)] == [(1, "ก", 1), (2, "ข", 2)]
    assert len(row_by_row) == (1 if row_by_row_path and store.is_postgres() else 0)
