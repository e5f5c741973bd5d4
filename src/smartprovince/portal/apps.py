from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "smartprovince.portal"
    label = "portal"
    verbose_name = "หน้าสาธารณะ"
