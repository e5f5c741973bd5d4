"""Thai Government Data Catalog (ckanext-thai_gdc) metadata: controlled values and rules.

The Thai strings are stored exactly as the national catalogs store them, so exports and
harvesting stay compatible (``shared/reference/thai-gdc-metadata.md``). Pure module, no DB.
"""

from __future__ import annotations

from typing import Any

from .gdc_labels import FIELD_LABELS, LABELS

OTHER = "อื่นๆ"

DATA_TYPE_RECORD = "ข้อมูลระเบียน"
DATA_TYPE_STAT = "ข้อมูลสถิติ"
DATA_TYPE_GEO = "ข้อมูลภูมิสารสนเทศเชิงพื้นที่"
DATA_TYPE_MULTI = "ข้อมูลหลากหลายประเภท"
DATA_TYPE_OTHER = "ข้อมูลประเภทอื่นๆ"
DATA_TYPES = (DATA_TYPE_RECORD, DATA_TYPE_STAT, DATA_TYPE_GEO, DATA_TYPE_MULTI, DATA_TYPE_OTHER)
# Which type-specific field groups a data type shows (R S G M O letters of the schema)
DATA_TYPE_LETTER = {
    DATA_TYPE_RECORD: "R", DATA_TYPE_STAT: "S", DATA_TYPE_GEO: "G", DATA_TYPE_MULTI: "M", DATA_TYPE_OTHER: "O",
}

OBJECTIVES = (
    "ยุทธศาสตร์ชาติ", "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ", "แผนความมั่นคงแห่งชาติ", "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ",
    "แผนปฏิรูปประเทศ", "แผนระดับที่ 3 (มติครม. 4 ธ.ค. 2560)", "นโยบายรัฐบาล/ข้อสั่งการนายกรัฐมนตรี", "มติคณะรัฐมนตรี",
    "เพื่อการให้บริการประชาชน", "กฎหมายที่เกี่ยวข้อง", "พันธกิจหน่วยงาน", "ดัชนี/ตัวชี้วัดระดับนานาชาติ", "ไม่ทราบ", OTHER,
)
UPDATE_FREQUENCY_UNITS = (
    "ไม่ทราบ", "ปี", "ครึ่งปี", "ไตรมาส", "เดือน", "สัปดาห์", "วัน", "วันทำการ", "ชั่วโมง", "นาที", "ตามเวลาจริง",
    "ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล", OTHER,
)
# Expected days between updates per unit (timeliness); None = not measurable
UPDATE_FREQUENCY_DAYS: dict[str, int | None] = {
    "ปี": 365, "ครึ่งปี": 183, "ไตรมาส": 92, "เดือน": 31, "สัปดาห์": 7, "วัน": 1, "วันทำการ": 3,
    "ชั่วโมง": 1, "นาที": 1, "ตามเวลาจริง": 1,
}
GEO_COVERAGES = (
    "ไม่มี", "โลก", "ทวีป/กลุ่มประเทศในทวีป", "กลุ่มประเทศทางเศรษฐกิจ", "ประเทศ", "ภาค", "จังหวัด", "อำเภอ", "ตำบล",
    "หมู่บ้าน", "เทศบาล/อบต.", "พิกัด", "ไม่ทราบ", OTHER,
)
DATA_FORMATS = (
    "Database", "CSV", "XML", "Image", "Video", "Audio", "Text", "JSON", "HTML", "DOC/DOCX", "XLS (XLS/XLSX)", "PDF",
    "RDF", "NoSQL", "Arc/Info Coverage", "Shapefile", "GeoTiff", "GML", "ไม่ทราบ", OTHER,
)
CATEGORY_PUBLIC = "ข้อมูลสาธารณะ"
DATA_CATEGORIES = (CATEGORY_PUBLIC, "ข้อมูลใช้ภายใน", "ข้อมูลส่วนบุคคล", "ข้อมูลความมั่นคง", "ข้อมูลความลับทางราชการ")
CLASS_OPEN = "เปิดเผย"
DATA_CLASSIFICATIONS = (CLASS_OPEN, "ชั้นเผยแพร่ภายในองค์กร", "ลับ", "ลับมาก", "ลับที่สุด")
ALLOWED_CLASSIFICATIONS: dict[str, tuple[str, ...]] = {
    "ข้อมูลสาธารณะ": ("เปิดเผย",),
    "ข้อมูลใช้ภายใน": ("ชั้นเผยแพร่ภายในองค์กร",),
    "ข้อมูลส่วนบุคคล": ("ชั้นเผยแพร่ภายในองค์กร", "ลับ", "ลับมาก"),
    "ข้อมูลความมั่นคง": ("ลับ", "ลับมาก", "ลับที่สุด"),
    "ข้อมูลความลับทางราชการ": ("ลับ", "ลับมาก", "ลับที่สุด"),
}
LICENSES = (
    "Open Data Common", "Creative Commons Attributions", "Creative Commons Attribution Non-Commercial",
    "Creative Commons Attribution Share-Alike", "Creative Commons Attribution Non-Commercial Share-Alike",
    "Creative Commons Attribution Non-Commercial No-Derivs", "Creative Commons Attribution No-Derivs", OTHER,
)
DATA_SUPPORTS = (
    "ไม่มี", "หน่วยงานของรัฐ", "หน่วยงานเอกชน", "หน่วยงาน/องค์กรระหว่างประเทศ", "มูลนิธิ/สมาคม", "สถาบันการศึกษา", OTHER,
)
DATA_COLLECTS = (
    "ไม่มี", "บุคคล", "ครัวเรือน/ครอบครัว", "บ้าน/ที่อยู่อาศัย", "บริษัท/ห้างร้าน/สถานประกอบการ", "อาคาร/สิ่งปลูกสร้าง",
    "พื้นที่การเกษตร ประมง ป่าไม้", "สัตว์และพันธุ์พืช", "ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่", "แหล่งน้ำ เช่น แม่น้ำ อ่างเก็บน้ำ",
    "เส้นทางการเดินทาง เช่น ถนน ทางรถไฟ", "ไม่ทราบ", OTHER,
)
DATA_LANGUAGES = (
    "ไทย", "อังกฤษ", "จีน", "มลายู", "พม่า", "ลาว", "เขมร", "ญี่ปุ่น", "เกาหลี", "ฝรั่งเศส", "เยอรมัน", "อารบิก", "ไม่ทราบ", OTHER,
)
DISAGGREGATES = (
    "ไม่มี", "เพศ", "อายุ/กลุ่มอายุ", "สถานภาพสมรส", "ศาสนา", "ระดับการศึกษา", "อาชีพ", "สถานภาพการทำงาน",
    "อุตสาหกรรม/ประเภทกิจการ", "รายได้", "ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่", "ผลิตภัณฑ์", "ไม่ทราบ", OTHER,
)
UNIT_MULTIPLIERS = (
    "หน่วย", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน", "ล้าน", "สิบล้าน", "ร้อยล้าน", "พันล้าน", "หมื่นล้าน", "แสนล้าน", "ล้านล้าน",
    "ไม่ทราบ", OTHER,
)
GEOGRAPHIC_DATA_SETS = (
    "ชั้นข้อมูลแปลงที่ดิน", "ชั้นข้อมูลขอบเขตการปกครอง", "ชั้นข้อมูลเส้นทางคมนาคม", "ชั้นข้อมูลชุมนุม/อาคาร", "ชั้นข้อมูลป่าไม้",
    "ชั้นข้อมูลการใช้ประโยชน์ที่ดิน", "ชั้นข้อมูลแหล่งน้ำ", "ชั้นข้อมูลอุทกศาสตร์", "ชั้นข้อมูลหมุดหลักฐานแผนที่",
    "ชั้นข้อมูลความสูงภูมิประเทศเชิงตัวเลข", "ชั้นข้อมูลภาพแผนที่ภูมิประเทศ", "ชั้นข้อมูลแผนที่ภาพถ่ายทางอากาศ",
    "ชั้นข้อมูลภาพวาดดาวเทียมดัดแก้",
)
EQUIVALENT_SCALES = ("1:4,000", "1:10,000", "1:25,000", "1:50,000", "1:250,000", OTHER)

# field -> (Thai label, allowed values or None, multi-valued)
FIELDS: dict[str, tuple[str, tuple[str, ...] | None, bool]] = {
    "data_type": ("ประเภทชุดข้อมูล", DATA_TYPES, False),
    "title": ("ชื่อชุดข้อมูล", None, False),
    "owner_org": ("หน่วยงาน/องค์กร", None, False),
    "maintainer": ("ชื่อผู้ติดต่อ", None, False),
    "maintainer_email": ("อีเมลผู้ติดต่อ", None, False),
    "tags": ("คำสำคัญ", None, True),
    "notes": ("รายละเอียด/คำอธิบาย", None, False),
    "objective": ("วัตถุประสงค์", OBJECTIVES, True),
    "update_frequency_unit": ("หน่วยความถี่ของการปรับปรุงข้อมูล", UPDATE_FREQUENCY_UNITS, False),
    "geo_coverage": ("ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่", GEO_COVERAGES, False),
    "data_source": ("แหล่งที่มา", None, False),
    "data_format": ("รูปแบบการเก็บข้อมูล", DATA_FORMATS, True),
    "data_category": ("หมวดหมู่ข้อมูลตามธรรมาภิบาลข้อมูลภาครัฐ", DATA_CATEGORIES, False),
    "license_id": ("สัญญาอนุญาตให้ใช้ข้อมูล", LICENSES, False),
    "data_classification": ("ระดับชั้นข้อมูล", DATA_CLASSIFICATIONS, False),
    "data_support": ("ผู้สนับสนุนหรือผู้ร่วมดำเนินการ", DATA_SUPPORTS, False),
    "data_collect": ("หน่วยที่ย่อยที่สุดของการจัดเก็บข้อมูล", DATA_COLLECTS, False),
    "data_language": ("ภาษาที่ใช้", DATA_LANGUAGES, True),
    "disaggregate": ("การจัดจำแนก (สำหรับชุดข้อมูลสถิติ)", DISAGGREGATES, True),
    "unit_of_multiplier": ("หน่วยตัวคูณ (สำหรับชุดข้อมูลสถิติ)", UNIT_MULTIPLIERS, False),
    "geographic_data_set": ("ชุดข้อมูลภูมิศาสตร์", GEOGRAPHIC_DATA_SETS, False),
    "equivalent_scale": ("มาตราส่วน", EQUIVALENT_SCALES, False),
}

# The 14 mandatory items (13 flagged required in thai_gdc + owner_org)
MANDATORY = (
    "data_type", "title", "owner_org", "maintainer", "maintainer_email", "tags", "notes", "objective",
    "update_frequency_unit", "geo_coverage", "data_source", "data_format", "data_category", "license_id",
)
# Fields with an "อื่นๆ" companion free-text field
WITH_OTHER = (
    "data_type", "objective", "update_frequency_unit", "geo_coverage", "data_format", "license_id", "data_support",
    "data_collect", "data_language", "disaggregate", "unit_of_multiplier", "equivalent_scale",
)
STAT_FIELDS = (
    "first_year_of_data", "last_year_of_data", "data_release_calendar", "disaggregate", "unit_of_measure",
    "unit_of_multiplier", "calculation_method", "standard", "official_statistics",
)
GEO_FIELDS = (
    "geographic_data_set", "equivalent_scale", "west_bound_longitude", "east_bound_longitude",
    "north_bound_longitude", "south_bound_longitude", "positional_accuracy", "reference_period",
    "data_release_calendar", "data_release_date",
)
RECORD_FIELDS = ("data_support", "data_collect", "created_date", "high_value_dataset", "reference_data")


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


def validate_metadata(data: dict[str, Any]) -> dict[str, list[str]]:
    """Field-keyed Thai error messages for a dataset's metadata (empty dict = valid)."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    for field in MANDATORY:
        if _empty(data.get(field)):
            add(field, f"กรุณากรอก “{FIELDS[field][0]}” (เป็นข้อมูลบังคับตามมาตรฐานเมทาดาตาภาครัฐ)")
    for field, (label, allowed, multi) in FIELDS.items():
        value = data.get(field)
        if allowed is None or _empty(value):
            continue
        values = list(value) if multi and isinstance(value, (list, tuple)) else [value]
        bad = [v for v in values if v not in allowed]
        if bad:
            add(field, f"“{label}” ไม่มีค่า “{bad[0]}” ในรายการที่กำหนด")
            continue
        if field in WITH_OTHER and OTHER in values and field != "data_type" and _empty(data.get(f"{field}_other")):
            add(f"{field}_other", f"เลือก “อื่นๆ” ใน “{label}” แล้ว กรุณาระบุรายละเอียด")
    if data.get("data_type") == DATA_TYPE_OTHER and _empty(data.get("data_type_other")):
        add("data_type_other", "เลือก “ข้อมูลประเภทอื่นๆ” แล้ว กรุณาระบุประเภทชุดข้อมูล")
    category = data.get("data_category")
    classification = data.get("data_classification")
    if category in ALLOWED_CLASSIFICATIONS and not _empty(classification):
        allowed_pairs = ALLOWED_CLASSIFICATIONS[category]
        if classification not in allowed_pairs:
            add(
                "data_classification",
                f"หมวดหมู่ “{category}” ใช้ระดับชั้นข้อมูลได้เฉพาะ: {', '.join(allowed_pairs)}",
            )
    if not data.get("is_private") and category and category != CATEGORY_PUBLIC:
        add("is_private", f"ชุดข้อมูลหมวด “{category}” เปิดเผยต่อสาธารณะไม่ได้ ต้องตั้งเป็น “ไม่เปิดเผย (เฉพาะหน่วยงาน)”")
    if not data.get("is_private") and classification and classification != CLASS_OPEN:
        add("is_private", f"ระดับชั้นข้อมูล “{classification}” เปิดเผยต่อสาธารณะไม่ได้")
    first: Any = data.get("first_year_of_data")
    last: Any = data.get("last_year_of_data")
    for field in ("first_year_of_data", "last_year_of_data"):
        year: Any = data.get(field)
        if not _empty(year) and not (2400 <= int(year) <= 2700):
            add(field, "ปีข้อมูลต้องเป็นปีพุทธศักราช เช่น 2565")
    if not _empty(first) and not _empty(last) and int(first) > int(last):
        add("last_year_of_data", "ปีข้อมูลล่าสุดต้องไม่น้อยกว่าปีที่เริ่มต้นจัดทำ")
    for field in ("west_bound_longitude", "east_bound_longitude"):
        lon: Any = data.get(field)
        if not _empty(lon) and not (-180 <= float(lon) <= 180):
            add(field, "ค่าลองจิจูดต้องอยู่ระหว่าง -180 ถึง 180")
    for field in ("north_bound_longitude", "south_bound_longitude"):
        lat: Any = data.get(field)
        if not _empty(lat) and not (-90 <= float(lat) <= 90):
            add(field, "ค่าละติจูดต้องอยู่ระหว่าง -90 ถึง 90")
    return errors


def completeness(data: dict[str, Any]) -> tuple[int, int, list[str]]:
    """(filled, expected, missing Thai labels) over the mandatory fields plus the fields that
    the data type asks for (statistical: years/unit; geospatial: bounds/scale)."""
    expected = [*MANDATORY, "data_classification", "last_updated_date"]
    letter = DATA_TYPE_LETTER.get(data.get("data_type") or "", "")
    if letter == "S":
        expected += ["first_year_of_data", "last_year_of_data", "unit_of_measure"]
    if letter == "G":
        expected += ["geographic_data_set", "equivalent_scale", "west_bound_longitude", "east_bound_longitude",
                     "north_bound_longitude", "south_bound_longitude"]
    labels = {**{k: v[0] for k, v in FIELDS.items()}, **EXTRA_LABELS}
    missing = [labels.get(f, f) for f in expected if _empty(data.get(f))]
    return len(expected) - len(missing), len(expected), missing


EXTRA_LABELS = {
    "last_updated_date": "วันที่ปรับปรุงข้อมูลล่าสุด",
    "first_year_of_data": "ปีข้อมูลที่เริ่มต้นจัดทำ",
    "last_year_of_data": "ปีข้อมูลล่าสุดที่เผยแพร่",
    "unit_of_measure": "หน่วยวัด",
    "west_bound_longitude": "พิกัดกรอบพื้นที่ด้านทิศตะวันตก",
    "east_bound_longitude": "พิกัดกรอบพื้นที่ด้านทิศตะวันออก",
    "north_bound_longitude": "พิกัดกรอบพื้นที่ด้านทิศเหนือ",
    "south_bound_longitude": "พิกัดกรอบพื้นที่ด้านทิศใต้",
}


def choices(values: tuple[str, ...]) -> list[tuple[str, Any]]:
    """``(stored value, label)`` pairs: the value stays the Thai controlled value; the label is
    translated on English pages (``gdc_labels``). Values without a Thai word label themselves."""
    return [(v, LABELS.get(v, v)) for v in values]


def label(value: Any) -> Any:
    """The display label of a controlled value, or of each value of a multi-valued field."""
    if isinstance(value, (list, tuple)):
        return [LABELS.get(v, v) for v in value]
    return LABELS.get(value, value)


def field_labels(labels: list[str]) -> list[Any]:
    """The display labels of Thai field labels (``completeness``'s missing list) in the page's
    language; the validation messages keep quoting the Thai labels."""
    return [FIELD_LABELS.get(label, label) for label in labels]
