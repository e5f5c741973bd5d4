from .errors import csrf_failure, server_error
from .history import ObjectHistoryView
from .jobs import JobDownloadView, JobStatusView
from .workspace import WorkspaceView

__all__ = ["JobDownloadView", "JobStatusView", "ObjectHistoryView", "WorkspaceView", "csrf_failure", "server_error"]
