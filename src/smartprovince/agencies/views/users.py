"""Back-office pages for users and their roles (province admins only)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views import View

from smartprovince.core.audit import audit_events_for
from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin

from .. import selectors, services
from ..forms import MembershipForm, UserCreateForm
from ..models import Membership

User = get_user_model()


def _get_user(pk: int) -> Any:
    user = User.objects.filter(pk=pk).first()
    if user is None:
        raise Http404
    return user


class UserListView(PermissionRequiredMixin, View):
    permission = "agencies.user:write"

    def get(self, request: HttpRequest) -> HttpResponse:
        search = request.GET.get("q", "").strip()
        page = Paginator(selectors.user_list(search=search), 50).get_page(request.GET.get("page"))
        return render(request, "agencies/user_list.html", {"page_obj": page, "users": page.object_list, "q": search})


class UserCreateView(PermissionRequiredMixin, View):
    permission = "agencies.user:write"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "agencies/user_form.html", {"form": UserCreateForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = UserCreateForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    user = services.user_create(
                        actor=request.user, username=data["username"], password=data["password"] or None,
                        first_name=data["first_name"], last_name=data["last_name"], email=data["email"],
                    )
                    if data.get("agency"):
                        services.membership_grant(actor=request.user, user=user, agency=data["agency"], role=data["role"])
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("สร้างผู้ใช้ “%(username)s” แล้ว") % {"username": user.get_username()})
                return redirect("agencies:user-detail", pk=user.pk)
        return render(request, "agencies/user_form.html", {"form": form}, status=400)


class UserDetailView(PermissionRequiredMixin, View):
    permission = "agencies.user:write"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        user = _get_user(pk)
        return self._render(request, user, MembershipForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        user = _get_user(pk)
        form = MembershipForm(request.POST)
        if form.is_valid():
            try:
                services.membership_grant(
                    actor=request.user, user=user, agency=form.cleaned_data["agency"], role=form.cleaned_data["role"]
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("ให้บทบาทแล้ว"))
                return redirect("agencies:user-detail", pk=user.pk)
        return self._render(request, user, form, status=400)

    def _render(self, request: HttpRequest, user: Any, form: MembershipForm, status: int = 200) -> HttpResponse:
        memberships = Membership.objects.filter(user=user, is_active=True).select_related("agency")
        return render(
            request, "agencies/user_detail.html",
            {"subject": user, "memberships": memberships, "form": form, "events": audit_events_for(user)[:50]},
            status=status,
        )


class MembershipRevokeView(PermissionRequiredMixin, View):
    permission = "agencies.user:write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        membership = Membership.objects.filter(pk=pk, is_active=True).select_related("user", "agency").first()
        if membership is None:
            raise Http404
        try:
            services.membership_revoke(actor=request.user, membership=membership)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, gettext("ถอนบทบาทแล้ว"))
        return redirect("agencies:user-detail", pk=membership.user_id)
