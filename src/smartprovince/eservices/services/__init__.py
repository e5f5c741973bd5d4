"""Writes of the e-services app. Each runs in a transaction, checks permission and is audited."""

from .registry import channel_create, channel_record_check, channel_update, eservice_create, eservice_update
from .surveys import (
    SubmitResult,
    question_create,
    question_delete,
    question_update,
    survey_create,
    survey_response_submit,
    survey_update,
)
from .usage import ImportResult, usage_import, usage_record

__all__ = [
    "ImportResult", "SubmitResult", "channel_create", "channel_record_check", "channel_update",
    "eservice_create", "eservice_update", "question_create", "question_delete", "question_update",
    "survey_create", "survey_response_submit", "survey_update", "usage_import", "usage_record",
]
