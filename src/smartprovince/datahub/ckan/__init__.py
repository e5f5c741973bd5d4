"""A CKAN-compatible Action API (``/api/3/action/<name>``) over the data hub."""
