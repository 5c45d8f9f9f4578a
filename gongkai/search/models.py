"""Models of gongkai.search."""
