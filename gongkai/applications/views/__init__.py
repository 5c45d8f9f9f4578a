"""Views of the request workflow: `public` (applicants, anyone) and `staff` (the workbench)."""
