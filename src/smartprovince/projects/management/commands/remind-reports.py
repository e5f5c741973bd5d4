from .remind_reports import Command  # noqa: F401  (``smartprovince remind-reports``)
