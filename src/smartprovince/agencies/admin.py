from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agency, Membership


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name_th", "kind", "is_active"]
    search_fields = ["code", "name_th", "name_en"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "agency", "role", "is_active"]
    list_filter = ["role"]
