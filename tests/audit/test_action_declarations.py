"""Every audit action code is declared statically and known from start-up on.

The audit page names and filters actions by the vocabulary in `gongkai.audit.actions`. It used
to be filled as modules happened to be imported (the privacy commands registered theirs only
when run), so the page showed raw codes. Here: the vocabulary of a freshly started process,
which imports no service, covers every code a service records (found by reading the source)
and every code the demo and the privacy commands write to the database.
"""

from __future__ import annotations

import ast
import io
import json
import os
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from gongkai.audit import actions
from gongkai.audit.models import AuditEntry

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "gongkai"


@pytest.fixture(scope="module")
def declared_at_start_up() -> dict[str, str]:
    """The vocabulary of a new process right after django.setup(), before any service import."""
    script = (
        "import json, django; django.setup(); "
        "from gongkai.audit import actions; "
        "print(json.dumps(actions.all_actions()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "gongkai.settings"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _is_audit_record(call: ast.Call) -> bool:
    func = call.func
    return isinstance(func, ast.Attribute) and func.attr == "record" and (
        isinstance(func.value, ast.Name) and func.value.id == "audit"
    )


def _codes_of(expr: ast.expr, module, tree: ast.Module, function: ast.FunctionDef | None) -> set[str]:
    """The action codes an expression can evaluate to; fails if it cannot be resolved statically."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return {expr.value}
    if isinstance(expr, ast.IfExp):
        return _codes_of(expr.body, module, tree, function) | _codes_of(expr.orelse, module, tree, function)
    if isinstance(expr, ast.Name):
        value = getattr(module, expr.id, None)
        if isinstance(value, str) and (function is None or not _is_local(expr.id, function)):
            return {value}
        if function is not None and _is_local(expr.id, function):
            return _local_codes(expr.id, module, tree, function)
    raise AssertionError(f"{module.__name__}: cannot resolve the audit action {ast.unparse(expr)!r}")


def _is_local(name: str, function: ast.FunctionDef) -> bool:
    params = [a.arg for a in function.args.args + function.args.kwonlyargs]
    assigned = [t.id for node in ast.walk(function) if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)]
    return name in params or name in assigned


def _local_codes(name: str, module, tree: ast.Module, function: ast.FunctionDef) -> set[str]:
    """A local or parameter: its assignments, its default, and what callers in the module pass."""
    codes: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            codes |= _codes_of(node.value, module, tree, None)
    kwonly = dict(zip([a.arg for a in function.args.kwonlyargs], function.args.kw_defaults, strict=True))
    if kwonly.get(name) is not None:
        codes |= _codes_of(kwonly[name], module, tree, None)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function.name:
            for keyword in node.keywords:
                if keyword.arg == name:
                    codes |= _codes_of(keyword.value, module, tree, None)
    assert codes, f"{module.__name__}.{function.name}: no value found for {name!r}"
    return codes


def recorded_in_source() -> dict[str, set[str]]:
    """code -> the modules whose `audit.record(action=…)` calls can write it."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [
            (call, function)
            for function in [None, *[n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]]
            for call in ast.walk(function or tree)
            if isinstance(call, ast.Call) and _is_audit_record(call)
        ]
        if not calls:
            continue
        module = import_module(_module_name(path))
        for call, function in calls:
            if function is None:
                continue  # every call sits in a function; the walk over functions finds it
            for keyword in call.keywords:
                if keyword.arg == "action":
                    for code in _codes_of(keyword.value, module, tree, function):
                        found.setdefault(code, set()).add(module.__name__)
    return found


def test_every_action_a_service_records_is_declared_at_start_up(declared_at_start_up):
    used = recorded_in_source()
    # The scan itself must see the known writers, or it proves nothing.
    assert {"catalog.document.approve", "privacy.erase_personal_data", "reports.figures.import",
            "appeals.case.result", "applications.export"} <= set(used)
    undeclared = {code: sorted(modules) for code, modules in used.items() if code not in declared_at_start_up}
    assert undeclared == {}


def test_every_declared_action_has_a_chinese_label(declared_at_start_up):
    assert declared_at_start_up
    for code, label in declared_at_start_up.items():
        assert label != code and any("\u4e00" <= ch <= "\u9fff" for ch in label), code


def test_a_code_outside_the_apps_prefix_is_refused(monkeypatch):
    from gongkai.catalog import audit_actions

    monkeypatch.setattr(audit_actions, "LABELS", {"reports.annual.publish": "发布年度报告"})
    with pytest.raises(ValueError, match="outside its app's prefix"):
        actions.autodiscover()


@pytest.mark.django_db
def test_every_action_in_the_demo_database_is_declared_and_named_on_the_audit_page(
    declared_at_start_up, client, django_user_model,
):
    for command in ("demo_load", "erase_personal_data", "rotate_encryption_keys"):
        call_command(command, stdout=io.StringIO())
    in_database = set(AuditEntry.objects.values_list("action", flat=True).distinct())
    assert {"privacy.erase_personal_data", "privacy.rotate_keys", "reports.annual.publish"} <= in_database
    assert in_database - set(declared_at_start_up) == set()

    client.force_login(django_user_model.objects.create_superuser("auditor", password="x"))
    page = client.get(reverse("audit:list"), {"action": "privacy.rotate_keys"}).content.decode()
    assert f'<option value="privacy.rotate_keys" selected>{declared_at_start_up["privacy.rotate_keys"]}</option>' in page
    assert f"<td>{declared_at_start_up['privacy.rotate_keys']}</td>" in page
