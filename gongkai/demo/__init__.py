"""Demo data: 西华县人民政府, its departments, staff for every role, and their records.

Each module here loads one app's part (`load(stdout) -> None`), in the order of `STEPS`;
`gongkai demo_load` runs them. Loading is deterministic (fixed random seed) and idempotent.
"""

STEPS = [
    "gongkai.demo.agencies",
    "gongkai.demo.workdays",
    "gongkai.demo.catalog",
    "gongkai.demo.search",
    "gongkai.demo.supervision",
    "gongkai.demo.applications",
    # The demo applicant's overdue and awaiting-补正 requests of 商务局 get fixed query codes.
    "gongkai.demo.applicant_thread",
    # 区分处理 of 商务局's 部分公开 replies attached by the requests step.
    "gongkai.demo.redaction",
    # The disclosure log: 商务局 publishes closed requests (the redacted replies among them).
    "gongkai.demo.published",
    # 《条例》第四十四条: requests for the same information, one turned into a published document.
    "gongkai.demo.same_information",
    # Keep these two after the requests step (gongkai.demo.applications): cases link to its
    # refused requests.
    "gongkai.demo.appeals",
    "gongkai.demo.figures",
    "gongkai.demo.worklog",
    "gongkai.demo.responses",
    "gongkai.demo.participation",
    "gongkai.demo.powers",
    "gongkai.demo.decisions",
    "gongkai.demo.guides",
    # Annual reports last: their numbers come from all the records above (the search index
    # picks up the published report through its signals).
    "gongkai.demo.reports",
    # The supervisor's check of a report as published elsewhere, compared with the records.
    "gongkai.demo.report_checks",
]

DEMO_PASSWORD = "Gongkai-demo-2026"
