"""The report engine imports nothing of the site: no Django, no other gongkai package.

Checked two ways: statically (every import statement of every module, including the late ones
inside functions) and at run time (importing the whole engine in a fresh interpreter loads no
`django` or `gongkai.<app>` module).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import gongkai.reportformat

ENGINE = Path(gongkai.reportformat.__file__).parent
ROOT = ENGINE.parents[1]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    if path.name == "__init__.py":
        package = package.removesuffix(".__init__")
    else:
        package = package.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names if module)
    return names


def _forbidden(module: str) -> bool:
    if module == "django" or module.startswith("django."):
        return True
    if module.startswith("gongkai.") or module == "gongkai":
        return not (module == "gongkai.reportformat" or module.startswith("gongkai.reportformat."))
    return False


def test_no_engine_module_imports_django_or_the_site():
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in _imported_modules(path) if _forbidden(m))
        for path in sorted(ENGINE.rglob("*.py"))
    }
    offenders = {path: mods for path, mods in offenders.items() if mods}
    assert offenders == {}


def test_the_checker_catches_a_forbidden_import(tmp_path):
    """The static check itself: a relative import that climbs out of the engine is caught."""
    assert _forbidden("gongkai.reports.models")
    assert _forbidden("django.db")
    assert not _forbidden("gongkai.reportformat.template")
    module = ENGINE / "parse" / "core.py"
    assert "gongkai.reportformat.template" in _imported_modules(module)


def test_importing_the_whole_engine_loads_no_django_and_no_app():
    code = (
        "import sys, pkgutil, importlib, gongkai.reportformat as e\n"
        "for m in pkgutil.walk_packages(e.__path__, 'gongkai.reportformat.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n == 'django' or n.startswith('django.')\n"
        "             or (n.startswith('gongkai.') and not n.startswith('gongkai.reportformat')))\n"
        "print('\\n'.join(bad))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, cwd=ROOT, check=True)
    assert result.stdout.strip() == ""
