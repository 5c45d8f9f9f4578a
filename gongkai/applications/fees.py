"""信息处理费 amounts (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号). Pure.

Two standards, both excess-progressive; each application is charged by one of them, never both
(第三条):
- 按件 (第四条): counted over one applicant's applications in a calendar month, the n-th one
  costs: 1–10 free; 11–30 100元; from the 31st, 100元 more for every further band of ten
  (31–40 200元, 41–50 300元, …).
- 按量 (第五条): per application by pages: up to 30 free; pages 31–100 10元/页;
  101–200 20元/页; beyond 200 40元/页.
"""

from __future__ import annotations

FREE_APPLICATIONS = 10
FREE_PAGES = 30
# (first page of the band, last page or None, yuan per page)
PAGE_BANDS: tuple[tuple[int, int | None, int], ...] = (
    (31, 100, 10),
    (101, 200, 20),
    (201, None, 40),
)


def per_application_fee(n: int) -> int:
    """Yuan due for the applicant's n-th application of the calendar month (n ≥ 1)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    if n <= FREE_APPLICATIONS:
        return 0
    if n <= 30:
        return 100
    return 100 * (2 + (n - 31) // 10)


def per_page_fee(pages: int) -> int:
    """Yuan due for one application of `pages` pages (pages ≥ 0)."""
    if pages < 0:
        raise ValueError("pages must not be negative")
    total = 0
    for first, last, price in PAGE_BANDS:
        top = pages if last is None else min(pages, last)
        if top >= first:
            total += (top - first + 1) * price
    return total


def explain_per_application(n: int) -> str:
    amount = per_application_fee(n)
    if amount == 0:
        return f"本自然月第 {n} 件申请，10 件以内免费"
    return f"本自然月第 {n} 件申请，按件计收 {amount} 元"


def explain_per_page(pages: int) -> str:
    amount = per_page_fee(pages)
    if amount == 0:
        return f"共 {pages} 页，30 页以内免费"
    parts = []
    for first, last, price in PAGE_BANDS:
        top = pages if last is None else min(pages, last)
        if top >= first:
            parts.append(f"第 {first}–{top} 页 {top - first + 1} 页×{price} 元")
    return f"共 {pages} 页：" + "，".join(parts) + f"，合计 {amount} 元"
