"""Error codes of the agencies app (machine-readable) with their Thai messages."""

from enum import StrEnum


class AgencyErrorCode(StrEnum):
    DUPLICATE_CODE = "duplicate_code"
    DUPLICATE_MEMBERSHIP = "duplicate_membership"
    LAST_ADMIN = "last_admin"


MESSAGES_TH = {
    AgencyErrorCode.DUPLICATE_CODE: "มีหน่วยงานที่ใช้รหัสนี้แล้ว",
    AgencyErrorCode.DUPLICATE_MEMBERSHIP: "ผู้ใช้นี้มีบทบาทนี้ในหน่วยงานนี้อยู่แล้ว",
    AgencyErrorCode.LAST_ADMIN: "ไม่สามารถถอนบทบาทผู้ดูแลระบบระดับจังหวัดคนสุดท้ายได้",
}
