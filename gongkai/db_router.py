"""Read scaling: send anonymous public reads to PostgreSQL replicas, everything else to the primary.

Settings turn this on when `DATABASE_REPLICA_URLS` is set (aliases `replica_1`, `replica_2` …,
`DATABASE_ROUTERS` and the middleware below). The rules, in order:

- Writes always go to the primary, "default".
- Reads go to a replica only inside a request that `ReplicaRoutingMiddleware` found eligible:
  GET, HEAD or OPTIONS, no session cookie (logged-in staff and applicants always read what they
  just wrote), and no "recently wrote" cookie.
- Such a request reads from one replica, picked at random.
- Within such a request, reads stay on the primary inside a transaction and after the first
  write (read-your-writes), and the response then carries a short-lived cookie
  (`REPLICA_PIN_SECONDS`) so that the redirect after a form post also reads the primary while
  the replica catches up.
- Outside a request (management commands, the task worker, the shell) everything uses the
  primary: only public page views are worth the replication lag.

Migrations run on the primary only; replicas get the schema through replication.
This module imports nothing of Gongkai's.
"""

from __future__ import annotations

import random
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

PIN_COOKIE = "gongkai_primary"
REPLICA_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass
class RoutingState:
    """Per-request routing: `pinned` keeps reads on the primary; `wrote` records a write;
    `replica` is the one replica this request reads from (replicas may lag differently, so one
    page never mixes them)."""

    pinned: bool
    wrote: bool = False
    replica: str | None = None


_state: ContextVar[RoutingState | None] = ContextVar("gongkai_db_routing", default=None)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica_")]


class PrimaryReplicaRouter:
    def __init__(self) -> None:
        self.replicas = replica_aliases()

    def db_for_read(self, model, **hints) -> str:
        state = _state.get()
        if (
            not self.replicas
            or state is None
            or state.pinned
            or connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return DEFAULT_DB_ALIAS
        if state.replica is None:
            state.replica = random.choice(self.replicas)
        return state.replica

    def db_for_write(self, model, **hints) -> str:
        state = _state.get()
        if state is not None:
            state.pinned = True
            state.wrote = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool | None:
        ours = {DEFAULT_DB_ALIAS, *self.replicas}
        if obj1._state.db in ours and obj2._state.db in ours:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool | None:
        if db in self.replicas:
            return False
        return None


class ReplicaRoutingMiddleware:
    """Decides per request whether reads may go to a replica; place it before sessions."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        eligible = (
            request.method in REPLICA_METHODS
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and PIN_COOKIE not in request.COOKIES
        )
        state = RoutingState(pinned=not eligible)
        token = _state.set(state)
        try:
            response = self.get_response(request)
        finally:
            _state.reset(token)
        if state.wrote:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.REPLICA_PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
