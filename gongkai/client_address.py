"""The address of the client behind the request: the one key of every limit per address.

Behind TRUSTED_PROXY_COUNT reverse proxies (nginx in the documented deployment: 1), REMOTE_ADDR
is the nearest proxy's address, shared by every visitor, and the client's is in
X-Forwarded-For. Each trusted proxy appends the address it received the request from, so the
client is the entry that many places from the right; anything further left was written by the
client and is ignored (a new invented header per request must not buy a new limit). With no
trusted proxy (the default) the header is ignored altogether. Used by the API throttle, the
public forms' limits, the login lockout (django-axes) and the public report checker.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    """The client's IP address, as far as the trusted proxies vouch for it."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < count:
        # Not every trusted proxy saw this request (it came round them): nothing in the header
        # is vouched for.
        return remote
    candidate = hops[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
