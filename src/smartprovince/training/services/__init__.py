"""Writes of the training app. Each service checks the permission, validates, writes one audit
event and runs in a transaction."""

from .activities import activity_create, activity_photo_add, activity_photo_remove, activity_update
from .assessments import assessment_record, policy_get, policy_update
from .courses import (
    attendance_record,
    certificate_issue,
    certificate_revoke,
    course_create,
    course_update,
    enrolment_add,
    enrolment_remove,
    session_create,
    session_update,
)
from .frameworks import area_save, framework_new_version, framework_update
from .staff import headcount_set, headcount_snapshot_take, person_create, person_leave, person_update
from .staff_import import staff_import

__all__ = [
    "activity_create", "activity_photo_add", "activity_photo_remove", "activity_update", "area_save",
    "assessment_record", "attendance_record", "certificate_issue", "certificate_revoke", "course_create",
    "course_update", "enrolment_add", "enrolment_remove", "framework_new_version", "framework_update",
    "headcount_set", "headcount_snapshot_take", "person_create", "person_leave", "person_update",
    "policy_get", "policy_update", "session_create", "session_update", "staff_import",
]
