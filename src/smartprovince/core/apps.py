from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "smartprovince.core"
    label = "core"
    verbose_name = "แกนกลางระบบ"

    def ready(self) -> None:
        # Each app declares its permissions in <app>/permissions.py and its computed metrics in
        # <app>/metrics.py, and its job handlers in <app>/jobs.py.
        autodiscover_modules("permissions")
        autodiscover_modules("metrics")
        autodiscover_modules("jobs")
        autodiscover_modules("navigation")
        from . import checks  # noqa: F401
