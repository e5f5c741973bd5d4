"""Agency pages: my datasets, create/edit metadata, upload files, watch the load, map columns."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views import View
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from smartprovince.core.audit import audit_events_for
from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin, agencies_with_perm

from .. import quality, selectors, services, uploads
from ..forms import ColumnFormSet, DatasetForm, ResourceForm, UploadForm
from ..models import Dataset

WRITE = "datahub.dataset:write"


class MyDatasetsView(PermissionRequiredMixin, View):
    permission = "datahub.dataset:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        allowed = agencies_with_perm(request.user, "datahub.dataset:read")
        qs = Dataset.objects.filter(is_deleted=False)
        if allowed is not None:
            qs = qs.filter(agency_id__in=allowed)
        q = request.GET.get("q", "").strip()
        if q:
            qs = qs.filter(title__icontains=q)
        page = Paginator(qs.order_by("-updated_at", "pk").values_list("pk", flat=True), 25).get_page(request.GET.get("page"))
        ids = list(page.object_list)
        by_id = {d.pk: d for d in selectors.dataset_base().filter(pk__in=ids)}
        today = timezone.localdate()
        rows = [{"dataset": by_id[i], "quality": quality.assess(by_id[i], today)} for i in ids if i in by_id]
        return render(request, "datahub/manage_list.html", {"rows": rows, "page_obj": page, "q": q})


class DatasetCreateView(PermissionRequiredMixin, View):
    permission = WRITE

    def get(self, request: HttpRequest) -> HttpResponse:
        agencies = selectors.editable_agencies(request.user)
        form = DatasetForm(agencies=agencies, initial={"agency": agencies.first() if agencies.count() == 1 else None,
                                                       "allow_harvest": True})
        return render(request, "datahub/dataset_form.html", {"form": form, "creating": True})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = DatasetForm(request.POST, agencies=selectors.editable_agencies(request.user))
        if form.is_valid():
            try:
                dataset = services.dataset_create(
                    actor=request.user, agency=form.cleaned_data["agency"], data=form.service_data(),
                    tags=form.cleaned_data["tags_text"], domain_ids=[d.pk for d in form.cleaned_data["domains"]],
                )
            except ValidationError as exc:
                apply_validation_error(form, exc, field_map={"tags": "tags_text", "groups": "domains",
                                                             "owner_org": "agency"})
            else:
                messages.success(request, gettext("สร้างชุดข้อมูล “%(title)s” แล้ว เพิ่มไฟล์ข้อมูลได้เลย") % {"title": dataset.title})
                return redirect("datahub:resource-new", name=dataset.name)
        return render(request, "datahub/dataset_form.html", {"form": form, "creating": True}, status=400)


class DatasetUpdateView(PermissionRequiredMixin, View):
    permission = WRITE

    def get(self, request: HttpRequest, name: str) -> HttpResponse:
        dataset = selectors.access_dataset(actor=request.user, key=name, write=True)
        form = DatasetForm(instance=dataset, agencies=selectors.editable_agencies(request.user),
                           initial={"domains": list(dataset.domains.all())})
        return render(request, "datahub/dataset_form.html", {"form": form, "dataset": dataset,
                                                             "events": audit_events_for(dataset)[:30]})

    def post(self, request: HttpRequest, name: str) -> HttpResponse:
        dataset = selectors.access_dataset(actor=request.user, key=name, write=True)
        form = DatasetForm(request.POST, instance=Dataset.objects.get(pk=dataset.pk),
                           agencies=selectors.editable_agencies(request.user))
        if form.is_valid():
            try:
                services.dataset_update(
                    actor=request.user, dataset=dataset, data=form.service_data(), tags=form.cleaned_data["tags_text"],
                    domain_ids=[d.pk for d in form.cleaned_data["domains"]], agency=form.cleaned_data["agency"],
                )
            except ValidationError as exc:
                apply_validation_error(form, exc, field_map={"tags": "tags_text", "groups": "domains"})
            else:
                messages.success(request, gettext("บันทึกการแก้ไขแล้ว"))
                return redirect("datahub_public:dataset", name=dataset.name)
        return render(request, "datahub/dataset_form.html", {"form": form, "dataset": dataset}, status=400)


class DatasetDeleteView(PermissionRequiredMixin, View):
    permission = WRITE

    def post(self, request: HttpRequest, name: str) -> HttpResponse:
        dataset = selectors.access_dataset(actor=request.user, key=name, write=True)
        services.dataset_delete(actor=request.user, dataset=dataset)
        messages.success(request, gettext("ลบชุดข้อมูล “%(title)s” แล้ว") % {"title": dataset.title})
        return redirect("datahub:home")


@method_decorator(csrf_exempt, name="dispatch")
class UploadGuardMixin:
    """Answers an over-size upload before reading it; installs the streaming limit; then CSRF."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST":
            size = uploads.declared_too_large(request)
            if size:
                return render(request, "datahub/upload_refused.html", {"message": uploads.too_large_message(size)},
                              status=413)
            uploads.install(request)
        return csrf_protect(super().dispatch)(request, *args, **kwargs)  # type: ignore[misc]


class ResourceCreateView(UploadGuardMixin, PermissionRequiredMixin, View):
    permission = WRITE

    def get(self, request: HttpRequest, name: str) -> HttpResponse:
        dataset = selectors.access_dataset(actor=request.user, key=name, write=True)
        return render(request, "datahub/resource_form.html", {"form": ResourceForm(), "dataset": dataset,
                                                              "max_mb": services.max_upload_bytes() // 1048576})

    def post(self, request: HttpRequest, name: str) -> HttpResponse:
        dataset = selectors.access_dataset(actor=request.user, key=name, write=True)
        form = ResourceForm(request.POST, request.FILES)
        ctx = {"form": form, "dataset": dataset, "max_mb": services.max_upload_bytes() // 1048576}
        if getattr(request, "datahub_upload_too_large", 0):
            form.is_valid()
            form.add_error("upload", uploads.too_large_message(request.datahub_upload_too_large))  # type: ignore[attr-defined]
            return render(request, "datahub/resource_form.html", ctx, status=413)
        if form.is_valid():
            try:
                resource = services.resource_create(
                    actor=request.user, dataset=dataset, name=form.cleaned_data["name"],
                    description=form.cleaned_data["description"], url=form.cleaned_data["url"],
                    format=form.cleaned_data["format"], upload=form.cleaned_data["upload"],
                    sheet=form.cleaned_data["sheet"],
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                return redirect("datahub:resource", resource_id=resource.pk)
        return render(request, "datahub/resource_form.html", ctx, status=400)


class ResourceManageView(UploadGuardMixin, PermissionRequiredMixin, View):
    """The load's progress, the versions, rejected rows, the column dictionary and key mapping."""

    permission = WRITE

    def _ctx(self, request: HttpRequest, resource: Any, formset: Any = None, upload_form: Any = None) -> dict[str, Any]:
        columns = selectors.columns_of(resource)
        versions = list(resource.versions.select_related("job", "created_by").order_by("-number")[:20])
        if formset is None:
            formset = ColumnFormSet(initial=[{"name": c.name, "label": c.label, "description": c.description,
                                              "standard_key": c.standard_key} for c in columns], prefix="col")
        pairs = list(zip(columns, formset.forms, strict=False))
        latest = versions[0] if versions else None
        return {"resource": resource, "dataset": resource.dataset, "versions": versions, "latest": latest,
                "job": latest.job if latest else None, "formset": formset, "pairs": pairs,
                "upload_form": upload_form or UploadForm(), "events": audit_events_for(resource)[:20]}

    def get(self, request: HttpRequest, resource_id: str) -> HttpResponse:
        resource = selectors.access_resource(actor=request.user, resource_id=resource_id, write=True)
        return render(request, "datahub/resource_manage.html", self._ctx(request, resource))

    def post(self, request: HttpRequest, resource_id: str) -> HttpResponse:
        resource = selectors.access_resource(actor=request.user, resource_id=resource_id, write=True)
        action = request.POST.get("action", "")
        if action == "columns":
            formset = ColumnFormSet(request.POST, prefix="col")
            if formset.is_valid():
                try:
                    services.columns_update(actor=request.user, resource=resource,
                                            items=[f.cleaned_data for f in formset.forms if f.cleaned_data])
                except ValidationError as exc:
                    formset._non_form_errors = formset.error_class(exc.messages)  # type: ignore[attr-defined]
                else:
                    messages.success(request, gettext("บันทึกพจนานุกรมข้อมูลและคีย์มาตรฐานแล้ว"))
                    return redirect("datahub:resource", resource_id=resource.pk)
            return render(request, "datahub/resource_manage.html", self._ctx(request, resource, formset=formset),
                          status=400)
        if action == "reload":
            try:
                services.resource_reload(actor=request.user, resource=resource, sheet=request.POST.get("sheet", ""))
            except ValidationError as exc:
                messages.error(request, "; ".join(exc.messages))
            return redirect("datahub:resource", resource_id=resource.pk)
        if action == "upload":
            form = UploadForm(request.POST, request.FILES)
            if getattr(request, "datahub_upload_too_large", 0):
                form.is_valid()
                form.add_error("upload", uploads.too_large_message(request.datahub_upload_too_large))  # type: ignore[attr-defined]
            elif form.is_valid():
                try:
                    services.resource_upload(actor=request.user, resource=resource, upload=form.cleaned_data["upload"],
                                             sheet=form.cleaned_data["sheet"])
                except ValidationError as exc:
                    apply_validation_error(form, exc)
                else:
                    return redirect("datahub:resource", resource_id=resource.pk)
            return render(request, "datahub/resource_manage.html", self._ctx(request, resource, upload_form=form),
                          status=400)
        if action == "delete":
            services.resource_delete(actor=request.user, resource=resource)
            messages.success(request, gettext("ลบ “%(name)s” แล้ว") % {"name": resource.name})
            return redirect("datahub_public:dataset", name=resource.dataset.name)
        return redirect("datahub:resource", resource_id=resource.pk)
