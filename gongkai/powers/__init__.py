"""权责清单: an agency's powers as data — category, name, code, legal basis, implementing body,
process chart (权力运行流程图), risk points and their controls (廉政风险点), supervision rules
(监管细则) — with the history of every adjustment and the decision that made it.

It owns `PowerItem` and `PowerItemChange`, the public pages per agency and county, exports
(XLSX, JSON), the import from the spreadsheets agencies already keep (a bad row refuses the whole
file) and the staff pages.

Must not import: `reports`, `supervision`, `applications`.
"""
