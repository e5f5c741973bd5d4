from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language

from smartprovince.core.api_views import DocsView, SchemaView
from smartprovince.core.views.auth import LoginView

handler500 = "smartprovince.core.views.server_error"

urlpatterns = [
    path("", include("smartprovince.portal.urls")),
    path("", include("smartprovince.eservices.public_urls")),
    path("", include("smartprovince.datahub.public_urls")),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("lookup/", include("smartprovince.core.lookup_urls")),
    path("app/", include("smartprovince.core.urls")),
    path("app/agencies/", include("smartprovince.agencies.urls")),
    path("app/plans/", include("smartprovince.plans.urls")),
    path("app/projects/", include("smartprovince.projects.urls")),
    path("app/monitoring/", include("smartprovince.monitoring.urls")),
    path("app/datahub/", include("smartprovince.datahub.urls")),
    path("app/eservices/", include("smartprovince.eservices.urls")),
    path("app/training/", include("smartprovince.training.urls")),
    path("app/smartcity/", include("smartprovince.smartcity.urls")),
    path("digital-skills/", include("smartprovince.training.public_urls")),
    path("smart-city/", include("smartprovince.smartcity.public_urls")),
    path("api/v1/", include("smartprovince.config.api_urls")),
    path("api/schema/", SchemaView.as_view(), name="api-schema"),
    path("api/docs/", DocsView.as_view(url_name="api-schema"), name="api-docs"),
    path("django-admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
