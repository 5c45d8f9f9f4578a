"""Models of gongkai.supervision."""
