"""Dependencies between Gongkai's packages point one way.

Each package's `__init__.py` docstring says what it must not import (a line "Must not import:"
naming packages in backticks); this test reads those lines and the source of every module
(imports inside functions included, since late imports are how cycles hide) and fails on any
import that crosses a forbidden arrow. The docstrings are the rule; the test keeps them true.
"""

from __future__ import annotations

import ast
import re
from importlib.util import resolve_name
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "gongkai"
PACKAGES = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())
# The top of the graph: the demo loader may import any app.
UNRESTRICTED = {"demo"}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def imported_modules(path: Path) -> set[str]:
    """Every `gongkai…` module a file imports, anywhere in it, relative imports resolved."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = resolve_name("." * node.level + (node.module or ""), package) if node.level else node.module
            found |= {base} | {f"{base}.{alias.name}" for alias in node.names}
    return {module for module in found if module.startswith("gongkai.")}


def forbidden_for(package: str) -> set[str]:
    docstring = ast.get_docstring(ast.parse((PACKAGE / package / "__init__.py").read_text(encoding="utf-8"))) or ""
    match = re.search(r"Must not import:(.*?)(?:\n\n|$)", docstring, re.S)
    if match is None:
        return set()
    names = set(re.findall(r"`([a-z_]+)`", match.group(1)))
    if "gongkai" in names:  # "any other package of `gongkai`"
        return {p for p in PACKAGES if p != package} | {"settings", "urls"}
    return names


@pytest.mark.parametrize("package", [p for p in PACKAGES if p not in UNRESTRICTED])
def test_each_package_says_what_it_must_not_import(package):
    forbidden = forbidden_for(package)
    assert forbidden, f"gongkai/{package}/__init__.py has no 'Must not import:' line"
    assert forbidden <= set(PACKAGES) | {"settings", "urls"}, forbidden - set(PACKAGES)


@pytest.mark.parametrize("package", [p for p in PACKAGES if p not in UNRESTRICTED])
def test_no_package_imports_what_its_docstring_forbids(package):
    forbidden = forbidden_for(package)
    crossings = []
    for path in sorted((PACKAGE / package).rglob("*.py")):
        for module in imported_modules(path):
            if module.split(".")[1] in forbidden:
                crossings.append(f"{path.relative_to(ROOT)} imports {module}")
    assert crossings == []


def test_the_main_arrows_are_among_the_rules():
    """The arrows the design names, so that editing a docstring cannot quietly drop one."""
    assert {"reports", "applications", "appeals", "supervision"} <= forbidden_for("catalog")
    assert {"reports", "appeals", "supervision"} <= forbidden_for("applications")
    assert {"catalog", "applications", "reports", "reportformat"} <= forbidden_for("workdays")
    assert {"supervision", "api"} <= forbidden_for("reports")
    assert {"accounts"} <= forbidden_for("agencies") and {"accounts"} <= forbidden_for("audit")
    assert set(PACKAGES) - {"reportformat"} <= forbidden_for("reportformat")


def test_the_pure_calendar_imports_nothing_of_ours():
    """`workdays.calendar` (and the pure helpers built on it) import nothing else of ours."""
    assert imported_modules(PACKAGE / "workdays" / "calendar.py") == set()
    for module in ("monthview.py", "entry.py"):
        others = {m for m in imported_modules(PACKAGE / "workdays" / module)
                  if not m.startswith("gongkai.workdays.calendar")}
        assert others == set(), module


def test_the_scan_sees_late_and_relative_imports():
    """A function-level import of another app is found, and relative imports are resolved."""
    found = imported_modules(PACKAGE / "catalog" / "views" / "staff.py")
    assert "gongkai.catalog.services" in found and "gongkai.catalog.views.public" in found
    late = imported_modules(PACKAGE / "ops" / "checks.py")
    assert "gongkai.workdays" in late


def test_the_audit_log_s_writing_side_imports_nothing_of_ours():
    """Every app records through `gongkai.audit`; only the audit page may look at agencies,
    so recording never closes a cycle (agencies -> audit -> agencies)."""
    for module in ("__init__.py", "actions.py", "models.py", "admin.py"):
        others = {m for m in imported_modules(PACKAGE / "audit" / module) if not m.startswith("gongkai.audit")}
        assert others == set(), module
