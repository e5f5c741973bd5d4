"""Object history: the audit events of any domain object the actor may read."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import Http404
from django.views.generic import TemplateView

from smartprovince.core.audit import audit_events_for
from smartprovince.core.permissions import PermissionRequiredMixin, agencies_with_perm


class ObjectHistoryView(PermissionRequiredMixin, TemplateView):
    permission = "core.audit:read"
    template_name = "core/object_history.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        try:
            model = apps.get_model(self.kwargs["model"])
        except (LookupError, ValueError):
            raise Http404 from None
        obj = model._default_manager.filter(pk=self.kwargs["pk"]).first()
        if obj is None:
            raise Http404
        # A model may narrow who reads its history (``history_permission``, e.g. personal staff
        # data) and name its owning agency when it has no ``agency_id`` (``history_agency_id``).
        permission = getattr(model, "history_permission", "core.audit:read")
        agency_id = getattr(obj, "history_agency_id", None) or getattr(obj, "agency_id", None)
        allowed = agencies_with_perm(self.request.user, permission)
        if allowed is not None:
            if agency_id is not None and agency_id not in allowed:
                raise Http404
            if agency_id is None and (not allowed or not getattr(obj, "is_public_record", True)):
                raise Http404
        ctx.update(object=obj, events=audit_events_for(obj)[:500], model_label=model._meta.verbose_name)
        return ctx
