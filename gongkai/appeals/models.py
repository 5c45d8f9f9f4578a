"""Models of gongkai.appeals."""
