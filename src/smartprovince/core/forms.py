"""Form helpers shared by every app."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


def apply_validation_error(form: forms.BaseForm, exc: ValidationError, field_map: dict[str, str] | None = None) -> None:
    """Put a service's ``ValidationError`` onto the form: field errors on their fields (when the
    form has them), the rest as non-field errors. The user's input stays in the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            target = (field_map or {}).get(field, field)
            form.add_error(target if target in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


class ThaiDateInput(forms.DateInput):
    """A date typed in BE (``15/07/2565``) or picked from the browser's calendar."""

    input_type = "date"
