"""Run in a child process with DATABASE_URL (primary) and DATABASE_REPLICA_URLS (replica) set.

Both databases hold the same schema; the primary has a group named "primary", the replica a
group named "replica", so a read shows which database answered. Prints one JSON object:
scenario → the group names that the scenario read.
"""

import json
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import transaction  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from gongkai.db_router import PIN_COOKIE, ReplicaRoutingMiddleware  # noqa: E402


def names():
    return sorted(Group.objects.values_list("name", flat=True))


def through_middleware(request, view):
    seen = {}

    def get_response(req):
        seen["read"] = view()
        return HttpResponse("ok")

    response = ReplicaRoutingMiddleware(get_response)(request)
    return seen["read"], response


def write_then_read():
    Group.objects.create(name="written-in-request")
    return names()


def atomic_read():
    with transaction.atomic():
        return names()


factory = RequestFactory()
results = {"settings": {"routers": settings.DATABASE_ROUTERS,
                        "middleware": "gongkai.db_router.ReplicaRoutingMiddleware"
                        in settings.MIDDLEWARE,
                        "aliases": sorted(settings.DATABASES)}}
results["anonymous_get"], _ = through_middleware(factory.get("/"), names)
results["anonymous_head"], _ = through_middleware(factory.head("/"), names)
results["anonymous_post"], _ = through_middleware(factory.post("/"), names)
with_session = factory.get("/")
with_session.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
results["session_get"], _ = through_middleware(with_session, names)
results["get_in_transaction"], _ = through_middleware(factory.get("/"), atomic_read)
results["get_after_write"], response = through_middleware(factory.get("/"), write_then_read)
results["pin_cookie_after_write"] = response.cookies[PIN_COOKIE]["max-age"] if (
    PIN_COOKIE in response.cookies) else None
_, plain = through_middleware(factory.get("/"), names)
results["pin_cookie_without_write"] = PIN_COOKIE in plain.cookies
pinned = factory.get("/")
pinned.COOKIES[PIN_COOKIE] = "1"
results["get_with_pin_cookie"], _ = through_middleware(pinned, names)
results["outside_request"] = names()
results["write_landed_on_primary"] = Group.objects.using("default").filter(
    name="written-in-request").exists()
results["write_absent_from_replica"] = not Group.objects.using("replica_1").filter(
    name="written-in-request").exists()
print(json.dumps(results))
