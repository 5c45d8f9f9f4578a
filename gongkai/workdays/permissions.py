"""Who may see and enter holiday schedules.

The schedule is national, not an agency's: entering it is for system administrators
(superusers, or users granted the Django permission `workdays.change_calendaryear`).
Any staff member may look at it.
"""

from __future__ import annotations

from gongkai.agencies.permissions import is_staff_member


def can_view_calendar(user) -> bool:
    return is_staff_member(user) or can_edit_calendar(user)


def can_edit_calendar(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm("workdays.change_calendaryear")
    )
