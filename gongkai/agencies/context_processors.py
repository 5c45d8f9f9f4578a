from .permissions import is_staff_member


def staff_roles(request) -> dict:
    """Tell the layout whether to show the staff workbench link."""
    user = getattr(request, "user", None)
    return {"is_staff_member": bool(user and is_staff_member(user))}
