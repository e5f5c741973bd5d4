"""Back-office home, by role."""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from smartprovince.core.permissions import PermissionRequiredMixin, user_grants
from smartprovince.core.workspace import workspace_panels


class WorkspaceView(PermissionRequiredMixin, TemplateView):
    permission = "core.workspace:read"
    template_name = "core/workspace.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from smartprovince.agencies.selectors import membership_list_for_user

        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["memberships"] = membership_list_for_user(user=user)
        ctx["roles"] = sorted(user_grants(user))
        ctx["panels"] = workspace_panels(user)
        return ctx
