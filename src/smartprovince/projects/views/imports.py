"""Bulk import of projects and budget lines from the XLSX template."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views import View

from smartprovince.core.permissions import PermissionRequiredMixin
from smartprovince.core.xlsx import XLSX_CONTENT_TYPE

from .. import services
from ..exports import import_template
from ..forms import ImportForm

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class ImportTemplateView(PermissionRequiredMixin, View):
    permission = "projects.project:write"

    def get(self, request: HttpRequest) -> HttpResponse:
        response = HttpResponse(import_template(), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = "attachment; filename*=UTF-8''%E0%B9%81%E0%B8%9A%E0%B8%9A%E0%B8%9F%E0%B8%AD%E0%B8%A3%E0%B9%8C%E0%B8%A1%E0%B8%99%E0%B8%B3%E0%B9%80%E0%B8%82%E0%B9%89%E0%B8%B2%E0%B9%82%E0%B8%84%E0%B8%A3%E0%B8%87%E0%B8%81%E0%B8%B2%E0%B8%A3.xlsx"
        return response


class ImportView(PermissionRequiredMixin, View):
    permission = "projects.project:write"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "projects/import.html", {"form": ImportForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ImportForm(request.POST, request.FILES)
        errors: list[str] = []
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > MAX_IMPORT_BYTES:
                errors.append(gettext("ไฟล์ใหญ่เกิน %(size)s MB กรุณาแบ่งนำเข้าเป็นหลายไฟล์") % {"size": MAX_IMPORT_BYTES // 2**20})
            else:
                result = services.projects_import(actor=request.user, file=upload)
                if result.ok:
                    messages.success(request, gettext("นำเข้าโครงการ %(projects)s โครงการ และรายการงบประมาณ %(lines)s รายการแล้ว") % {
                        "projects": len(result.projects), "lines": result.budget_lines,
                    })
                    return redirect("projects:list")
                errors = result.errors
        return render(request, "projects/import.html", {"form": form, "errors": errors}, status=400)
