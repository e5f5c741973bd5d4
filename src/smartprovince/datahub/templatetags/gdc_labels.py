"""``{{ dataset.data_type|gdc_label }}``: a GD Catalog controlled value as shown to people (the
stored Thai value, translated on English pages); ``{{ quality.missing|gdc_field_labels }}``: Thai
field labels of the metadata standard, likewise."""

from __future__ import annotations

from typing import Any

from django import template

from smartprovince.datahub import gdc

register = template.Library()


@register.filter
def gdc_label(value: Any) -> Any:
    return gdc.label(value)


@register.filter
def gdc_field_labels(labels: list[str]) -> list[Any]:
    return gdc.field_labels(labels)
