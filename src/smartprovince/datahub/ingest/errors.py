class IngestError(Exception):
    """A load failure to show the user as it is (Thai message)."""
