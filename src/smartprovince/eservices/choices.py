"""Controlled values of the e-service registry (plain data, no database).

The channel types and which of them count as *digital* decide goal 2 of the plan
("every agency serves citizens through at least 3 digital channels"), so they live here, in
one place, with a test per rule.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChannelType(models.TextChoices):
    WEBSITE = "website", _("เว็บไซต์หน่วยงาน")
    ESERVICE = "eservice", _("ระบบ e-Service / แบบฟอร์มออนไลน์")
    MOBILE_APP = "mobile_app", _("แอปพลิเคชันมือถือ")
    LINE_OA = "line_oa", "LINE Official Account"
    FACEBOOK = "facebook", "Facebook Page"
    EMAIL = "email", _("อีเมล")
    KIOSK = "kiosk", _("ตู้บริการอัตโนมัติ (Kiosk)")
    GOV_PLATFORM = "gov_platform", _("แพลตฟอร์มกลางภาครัฐ")
    QR_PROMPTPAY = "qr_promptpay", _("QR/พร้อมเพย์")
    PHONE = "phone", _("โทรศัพท์/สายด่วน")
    COUNTER = "counter", _("เคาน์เตอร์")


# Telephone and the walk-in counter serve citizens but are not digital channels.
NON_DIGITAL_CHANNEL_TYPES = frozenset({ChannelType.PHONE.value, ChannelType.COUNTER.value})
DIGITAL_CHANNEL_TYPES = frozenset(c.value for c in ChannelType) - NON_DIGITAL_CHANNEL_TYPES
# Channel types whose address is a web URL the checker can request.
URL_CHANNEL_TYPES = frozenset(
    {
        ChannelType.WEBSITE.value, ChannelType.ESERVICE.value, ChannelType.MOBILE_APP.value,
        ChannelType.LINE_OA.value, ChannelType.FACEBOOK.value, ChannelType.GOV_PLATFORM.value,
        ChannelType.KIOSK.value, ChannelType.QR_PROMPTPAY.value,
    }
)


def is_digital(channel_type: str) -> bool:
    return channel_type in DIGITAL_CHANNEL_TYPES


class DigitalLevel(models.IntegerChoices):
    INFO_ONLY = 1, _("ข้อมูลอย่างเดียว")
    DOWNLOAD_FORM = 2, _("ดาวน์โหลดแบบฟอร์ม")
    ONLINE_SUBMISSION = 3, _("ยื่นคำขอออนไลน์")
    FULLY_ONLINE = 4, _("ออนไลน์ครบวงจรรวมชำระเงินและรับผล")


# Strategy 2 KPI 1 counts services at online-submission level or above.
DIGITAL_SERVICE_MIN_LEVEL = DigitalLevel.ONLINE_SUBMISSION.value


class ServiceCategory(models.TextChoices):
    REGISTRATION = "registration", _("ทะเบียนและบัตร")
    PERMITS = "permits", _("ใบอนุญาตและการอนุมัติ")
    AGRICULTURE = "agriculture", _("เกษตรกรรม")
    HEALTH = "health", _("สาธารณสุข")
    TOURISM = "tourism", _("ท่องเที่ยวและกีฬา")
    BUSINESS = "business", _("ธุรกิจ การค้า และการลงทุน")
    WELFARE = "welfare", _("สวัสดิการสังคมและการพัฒนาชุมชน")
    EDUCATION = "education", _("การศึกษา")
    TAX_FEES = "tax_fees", _("ภาษีและค่าธรรมเนียม")
    INFORMATION = "information", _("ข้อมูลข่าวสารและสถิติ")
    COMPLAINTS = "complaints", _("เรื่องร้องเรียนร้องทุกข์")
    OTHER = "other", _("อื่น ๆ")


class TimeUnit(models.TextChoices):
    MINUTES = "minutes", _("นาที")
    HOURS = "hours", _("ชั่วโมง")
    WORKING_DAYS = "working_days", _("วันทำการ")
    DAYS = "days", _("วัน")


class Section(models.TextChoices):
    """Sections (ด้าน) of the satisfaction questionnaire, in report order."""

    PROCESS = "process", _("ด้านกระบวนการ/ขั้นตอนการให้บริการ")
    STAFF = "staff", _("ด้านเจ้าหน้าที่/บุคลากรผู้ให้บริการ")
    FACILITIES = "facilities", _("ด้านสิ่งอำนวยความสะดวก")
    CHANNELS = "channels", _("ด้านช่องทางการให้บริการ")
    OVERALL = "overall", _("ความพึงพอใจโดยรวม")


SECTION_ORDER = {value: index for index, value in enumerate(Section.values)}

# The Thai five-level scale, highest first as it is printed on forms.
SCALE = ((5, _("มากที่สุด")), (4, _("มาก")), (3, _("ปานกลาง")), (2, _("น้อย")), (1, _("น้อยที่สุด")))

DEFAULT_QUESTIONS: tuple[tuple[str, str], ...] = (
    (Section.PROCESS, "ขั้นตอนการให้บริการไม่ยุ่งยากซับซ้อน"),
    (Section.PROCESS, "ความรวดเร็วในการให้บริการ"),
    (Section.PROCESS, "ความชัดเจนในการอธิบาย ชี้แจง และแนะนำขั้นตอน"),
    (Section.PROCESS, "ความเป็นธรรม ให้บริการตามลำดับก่อนหลัง"),
    (Section.PROCESS, "ระยะเวลาการให้บริการเหมาะสม"),
    (Section.STAFF, "ความสุภาพ กิริยามารยาทของเจ้าหน้าที่"),
    (Section.STAFF, "การแต่งกายเหมาะสมของเจ้าหน้าที่"),
    (Section.STAFF, "ความเอาใจใส่ กระตือรือร้น และเต็มใจให้บริการ"),
    (Section.STAFF, "ความรู้ความสามารถในการตอบคำถามและแก้ปัญหา"),
    (Section.FACILITIES, "สถานที่ให้บริการสะอาด สะดวก และเป็นระเบียบ"),
    (Section.FACILITIES, "ป้ายบอกทางและจุดให้บริการชัดเจน"),
    (Section.FACILITIES, "ที่นั่งรอรับบริการและสิ่งอำนวยความสะดวกเพียงพอ"),
    (Section.CHANNELS, "มีช่องทางการให้บริการหลากหลายและเข้าถึงง่าย"),
    (Section.CHANNELS, "ช่องทางออนไลน์ใช้งานง่ายและพร้อมใช้งาน"),
    (Section.OVERALL, "ความพึงพอใจต่อการให้บริการโดยรวม"),
)
