"""Public routes of the data hub, mounted at the site root (``path("", include(...))``)."""

from django.urls import path, re_path

from .ckan import views as ckan
from .views import public

app_name = "datahub_public"

urlpatterns = [
    path("api/3", ckan.ApiRootView.as_view(), name="ckan-root"),
    path("api/3/", ckan.ApiRootView.as_view()),
    path("api/3/action/", ckan.ActionListView.as_view(), name="ckan-actions"),
    path("api/3/action/<str:name>", ckan.ActionView.as_view(), name="ckan-action"),
    path("api/action/<str:name>", ckan.ActionView.as_view(), name="ckan-action-unversioned"),
    re_path(r"^catalog\.(?P<fmt>jsonld|ttl)$", public.DcatCatalogView.as_view(), name="dcat-catalog"),
    re_path(r"^dataset/(?P<name>[a-z0-9_\-]{2,70})\.(?P<fmt>jsonld|ttl)$", public.DcatDatasetView.as_view(),
            name="dcat-dataset"),
    path("data/", public.CatalogView.as_view(), name="catalog"),
    path("data/join/", public.JoinView.as_view(), name="join"),
    path("data/dataset/<slug:name>/", public.DatasetView.as_view(), name="dataset"),
    path("data/dataset/<slug:name>/resource/<uuid:resource_id>/", public.ResourceView.as_view(), name="resource"),
    re_path(r"^data/resource/(?P<resource_id>[0-9a-f\-]{36})/download\.(?P<fmt>csv|json|xlsx)$",
            public.DownloadView.as_view(), name="download"),
    path("data/resource/<uuid:resource_id>/file/<str:filename>", public.ResourceFileView.as_view(),
         name="resource-file"),
    path("areas/", public.AreaIndexView.as_view(), name="areas"),
    path("areas/<str:code>/", public.AreaProfileView.as_view(), name="area"),
]
