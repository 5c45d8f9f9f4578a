"""Views of the annual report: `public` (published reports, open data) and `staff` (the workbench)."""
