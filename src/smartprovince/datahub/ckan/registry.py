"""The action registry: every action declares its permission or is explicitly public."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from smartprovince.core.permissions import get_permission


class ActionError(Exception):
    status = 500
    type_ = "Internal Server Error"

    def __init__(self, message: str = "", **extra: Any) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra

    def body(self) -> dict[str, Any]:
        return {"__type": self.type_, "message": self.message, **self.extra}


class NotFound(ActionError):
    status = 404
    type_ = "Not Found Error"

    def body(self) -> dict[str, Any]:
        return {"__type": self.type_, "message": f"Not found: {self.message}"}


class NotAuthorized(ActionError):
    status = 403
    type_ = "Authorization Error"

    def body(self) -> dict[str, Any]:
        return {"__type": self.type_, "message": f"Access denied: {self.message}"}


class ValidationFailed(ActionError):
    status = 409
    type_ = "Validation Error"

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("")
        self.errors = errors

    def body(self) -> dict[str, Any]:
        return {"__type": self.type_, **self.errors}


class SearchQueryError(ActionError):
    status = 400
    type_ = "Search Query Error"

    def body(self) -> dict[str, Any]:
        return {"__type": self.type_, "message": f"Search Query is invalid: {self.message}"}


@dataclass(frozen=True)
class Action:
    name: str
    func: Callable[..., Any]
    side_effect_free: bool
    permission: str | None
    public: bool
    doc: str


ACTIONS: dict[str, Action] = {}


def action(name: str, *, side_effect_free: bool = False, permission: str | None = None,
           public: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register ``func(context, data_dict)``. ``public`` actions need no login; the others need
    ``permission`` (checked again per agency inside the service)."""
    if public == bool(permission):
        raise ValueError(f"action {name!r} must declare either a permission or public=True")
    if permission:
        get_permission(permission)

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        ACTIONS[name] = Action(name, func, side_effect_free, permission, public, (func.__doc__ or "").strip())
        return func

    return register
