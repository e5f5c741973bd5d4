from .agencies import AgencyCreateView, AgencyDetailView, AgencyListView, AgencyUpdateView
from .users import MembershipRevokeView, UserCreateView, UserDetailView, UserListView

__all__ = [
    "AgencyCreateView", "AgencyDetailView", "AgencyListView", "AgencyUpdateView",
    "MembershipRevokeView", "UserCreateView", "UserDetailView", "UserListView",
]
