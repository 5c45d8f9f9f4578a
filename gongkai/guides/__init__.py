"""办事指南: the services an agency offers the public — conditions, materials (with blank forms
to download), steps, time limits, fees, place, hours, contact and the online link — each linked
to the power item (权责清单) it exercises.

It owns `ServiceGuide` and `GuideMaterial`, the public pages with search, and the staff pages.
It may use the power list (the link to a power item).

Must not import: `reports`, `supervision`, `applications`.
"""
