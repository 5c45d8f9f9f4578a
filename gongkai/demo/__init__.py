"""Demo data: 西华县人民政府, its departments, staff for every role, and their records.

Each module here loads one app's part (`load(stdout) -> None`), in the order of `STEPS`;
`gongkai demo_load` runs them. Loading is deterministic (fixed random seed) and idempotent.
"""

STEPS = [
    "gongkai.demo.agencies",
    "gongkai.demo.workdays",
    "gongkai.demo.search",
    "gongkai.demo.applications",
]

DEMO_PASSWORD = "Gongkai-demo-2026"
