"""Parameter helpers shared by the actions."""

from __future__ import annotations

import json
from typing import Any

from .registry import NotFound, ValidationFailed


def get(data: dict[str, Any], key: str, default: Any = None) -> Any:
    value = data.get(key, default)
    return default if value is None else value


def required(data: dict[str, Any], key: str, *aliases: str) -> Any:
    for k in (key, *aliases):
        value = data.get(k)
        if value not in (None, ""):
            return value
    raise ValidationFailed({key: ["Missing value"]})


def as_list(value: Any) -> list[Any]:
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                loaded = json.loads(text)
            except ValueError:
                raise ValidationFailed({"list": [f"JSON ไม่ถูกต้อง: {text[:50]}"]}) from None
            return loaded if isinstance(loaded, list) else [loaded]
        return [v.strip() for v in text.split(",") if v.strip()]
    return [value]


def as_dict(value: Any, key: str) -> dict[str, Any]:
    if value in (None, ""):
        return {}
    if isinstance(value, dict):
        return value
    if isinstance(value, str):
        try:
            loaded = json.loads(value)
        except ValueError:
            raise ValidationFailed({key: ["ต้องเป็น JSON object"]}) from None
        if isinstance(loaded, dict):
            return loaded
    raise ValidationFailed({key: ["ต้องเป็น JSON object"]})


def as_int(value: Any, key: str, default: int, *, maximum: int | None = None) -> int:
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationFailed({key: ["Invalid integer"]}) from None
    if number < 0:
        raise ValidationFailed({key: ["Must be a natural number"]})
    return min(number, maximum) if maximum is not None else number


def as_bool(value: Any, default: bool = False) -> bool:
    if value in (None, ""):
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "1", "yes", "on", "t")


def not_found(what: str) -> NotFound:
    return NotFound(what)
