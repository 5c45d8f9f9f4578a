"""Models of gongkai.applications."""
