"""Error codes of the training app, with their messages (Thai msgids, translated lazily)."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


class TrainingErrorCode(StrEnum):
    LEFT_BEFORE_START = "left_before_start"
    ALREADY_LEFT = "already_left"
    HEADCOUNT_TOO_SMALL = "headcount_too_small"
    SESSION_FULL = "session_full"
    SESSION_CANCELLED = "session_cancelled"
    ALREADY_ENROLLED = "already_enrolled"
    PERSON_INACTIVE = "person_inactive"
    NOT_COMPLETED = "not_completed"
    CERTIFICATE_EXISTS = "certificate_exists"
    SCORE_RANGE = "score_range"
    AREA_NOT_IN_FRAMEWORK = "area_not_in_framework"
    NO_SCORES = "no_scores"
    DUPLICATE_ASSESSMENT = "duplicate_assessment"
    ONLINE_NEEDS_URL = "online_needs_url"
    ONSITE_NEEDS_PLACE = "onsite_needs_place"
    NOT_A_DISTRICT = "not_a_district"
    IMPORT_INVALID = "import_invalid"


MESSAGES: dict[TrainingErrorCode, _StrPromise] = {
    TrainingErrorCode.LEFT_BEFORE_START: _("วันที่พ้นจากหน่วยงานต้องไม่ก่อนวันที่เริ่มปฏิบัติงาน"),
    TrainingErrorCode.ALREADY_LEFT: _("บุคลากรนี้พ้นจากหน่วยงานแล้ว"),
    TrainingErrorCode.HEADCOUNT_TOO_SMALL: _("จำนวนบุคลากรต้องมากกว่า 0"),
    TrainingErrorCode.SESSION_FULL: _("รุ่นนี้มีผู้ลงทะเบียนเต็มจำนวนที่รับแล้ว"),
    TrainingErrorCode.SESSION_CANCELLED: _("รุ่นนี้ถูกยกเลิกแล้ว"),
    TrainingErrorCode.ALREADY_ENROLLED: _("บุคลากรนี้ลงทะเบียนในรุ่นนี้แล้ว"),
    TrainingErrorCode.PERSON_INACTIVE: _("บุคลากรนี้พ้นจากหน่วยงานแล้ว ไม่สามารถลงทะเบียนได้"),
    TrainingErrorCode.NOT_COMPLETED: _("ออกวุฒิบัตรได้เฉพาะผู้ที่ผ่านการอบรมแล้ว"),
    TrainingErrorCode.CERTIFICATE_EXISTS: _("ออกวุฒิบัตรให้ผู้นี้แล้ว"),
    TrainingErrorCode.SCORE_RANGE: _("คะแนนต้องอยู่ระหว่าง 0 ถึง 100"),
    TrainingErrorCode.AREA_NOT_IN_FRAMEWORK: _("ด้านทักษะไม่อยู่ในกรอบที่เลือก"),
    TrainingErrorCode.NO_SCORES: _("กรุณากรอกคะแนนอย่างน้อยหนึ่งด้าน"),
    TrainingErrorCode.DUPLICATE_ASSESSMENT: _("บุคลากรนี้มีผลการประเมินของปีงบประมาณนี้แล้ว"),
    TrainingErrorCode.ONLINE_NEEDS_URL: _("การอบรมออนไลน์ต้องระบุลิงก์ห้องออนไลน์"),
    TrainingErrorCode.ONSITE_NEEDS_PLACE: _("การอบรมในสถานที่ต้องระบุสถานที่"),
    TrainingErrorCode.NOT_A_DISTRICT: _("กรุณาเลือกอำเภอของจังหวัด"),
    TrainingErrorCode.IMPORT_INVALID: _("ไฟล์มีข้อผิดพลาด ยังไม่ได้นำเข้าข้อมูลใด ๆ"),
}


def msg(code: TrainingErrorCode) -> str:
    return str(MESSAGES[code])
