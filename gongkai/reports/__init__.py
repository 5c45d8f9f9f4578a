"""The annual report engine: the national format, validation, parsing and rendering."""
