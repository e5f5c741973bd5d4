from .initiatives import InitiativeCreateView, InitiativeDetailView, InitiativeListView, InitiativeUpdateView
from .public import ShowcaseDetailView, ShowcaseView

__all__ = ["InitiativeCreateView", "InitiativeDetailView", "InitiativeListView", "InitiativeUpdateView",
           "ShowcaseDetailView", "ShowcaseView"]
