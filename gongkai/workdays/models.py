"""Models of gongkai.workdays."""
