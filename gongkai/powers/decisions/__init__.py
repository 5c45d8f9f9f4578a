"""双公示: the 行政许可, 行政处罚 and 行政强制 decisions and the 行政事业性收费 items made under an
agency's power items — entered on the staff pages or imported from CSV/XLSX (a bad row refuses
the whole file), published within the agency's deadline in working days, with the party's
personal data masked on public pages. The annual report counts them for 第二十条第（五）（六）
（八）项 (`gongkai.reports.compute` reads the models; this package never reads the report).

The models live in `gongkai.powers.models` (`Decision`, `FeeRecord`, `PublicationSetting`).

Must not import: `reports`, `supervision`, `applications`, `catalog`.
"""
