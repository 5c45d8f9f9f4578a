"""`schedule_changed`: an entered year's schedule was saved or deleted.

Sent by the services of `gongkai.workdays.services` (whatever the entry point: staff page,
Django admin, CLI) inside the transaction that changed the schedule, after the process-wide
calendar was dropped, with `years` (a tuple of int). Receivers recompute the dates they store
from the calendar (the request app's due dates) in that same transaction, so the workdays app
never imports them. A receiver returns how many rows it changed; an exception rolls the
schedule change back with it.
"""

from django.dispatch import Signal

schedule_changed = Signal()
