"""Views of the catalog: `public` (anyone: catalog, documents, feeds) and `staff` (the workbench)."""
