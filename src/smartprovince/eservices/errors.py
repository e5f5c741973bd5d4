"""Error codes of the e-services app (typed for machines, Thai for people)."""

from __future__ import annotations

from enum import StrEnum


class EServiceErrorCode(StrEnum):
    DUPLICATE_CODE = "duplicate_code"
    SERVICE_OTHER_AGENCY = "service_other_agency"
    SURVEY_CLOSED = "survey_closed"
    NO_ANSWERS = "no_answers"
    BAD_QUESTION = "bad_question"
    BAD_SCORE = "bad_score"
    BAD_DISTRICT = "bad_district"
    QUESTION_HAS_ANSWERS = "question_has_answers"
    IMPORT_ROWS = "import_rows"
    IMPORT_FILE = "import_file"


MESSAGES_TH: dict[EServiceErrorCode, str] = {
    EServiceErrorCode.DUPLICATE_CODE: "มีงานบริการรหัสนี้อยู่แล้ว",
    EServiceErrorCode.SERVICE_OTHER_AGENCY: "งานบริการที่เลือกไม่ได้อยู่ในหน่วยงานนี้",
    EServiceErrorCode.SURVEY_CLOSED: "แบบสำรวจนี้ปิดรับคำตอบแล้ว",
    EServiceErrorCode.NO_ANSWERS: "กรุณาให้คะแนนอย่างน้อย 1 ข้อ",
    EServiceErrorCode.BAD_QUESTION: "ข้อคำถามไม่อยู่ในแบบสำรวจนี้",
    EServiceErrorCode.BAD_SCORE: "คะแนนต้องเป็น 1 ถึง 5",
    EServiceErrorCode.BAD_DISTRICT: "ไม่พบอำเภอที่เลือก",
    EServiceErrorCode.QUESTION_HAS_ANSWERS: "ข้อคำถามนี้มีผู้ตอบแล้ว ลบไม่ได้ ให้ปิดการใช้งานแทน",
    EServiceErrorCode.IMPORT_ROWS: "ไฟล์มีข้อมูลไม่ถูกต้อง ยังไม่ได้บันทึกข้อมูลใด ๆ",
    EServiceErrorCode.IMPORT_FILE: "อ่านไฟล์ไม่ได้ กรุณาใช้ไฟล์ Excel (.xlsx) ตามแบบฟอร์มที่ดาวน์โหลด",
}
