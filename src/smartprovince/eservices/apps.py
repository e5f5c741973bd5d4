from django.apps import AppConfig


class EservicesConfig(AppConfig):
    name = "smartprovince.eservices"
    label = "eservices"
    verbose_name = "บริการอิเล็กทรอนิกส์"
