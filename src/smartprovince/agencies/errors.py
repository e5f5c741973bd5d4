"""Error codes of the agencies app (machine-readable) with their messages for people.

The messages are Thai msgids, translated lazily so each request sees its own language."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


class AgencyErrorCode(StrEnum):
    DUPLICATE_CODE = "duplicate_code"
    DUPLICATE_MEMBERSHIP = "duplicate_membership"
    LAST_ADMIN = "last_admin"


MESSAGES: dict[AgencyErrorCode, _StrPromise] = {
    AgencyErrorCode.DUPLICATE_CODE: _("มีหน่วยงานที่ใช้รหัสนี้แล้ว"),
    AgencyErrorCode.DUPLICATE_MEMBERSHIP: _("ผู้ใช้นี้มีบทบาทนี้ในหน่วยงานนี้อยู่แล้ว"),
    AgencyErrorCode.LAST_ADMIN: _("ไม่สามารถถอนบทบาทผู้ดูแลระบบระดับจังหวัดคนสุดท้ายได้"),
}
