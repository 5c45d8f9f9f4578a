"""The three status workflows have one shape and refuse a move with one error code.

Documents, requests and annual reports each keep a table `status -> statuses it may move to`
(`gongkai.workflow.Workflow`), listing every status, with no implicit self-loops, and a move
the table does not hold is refused with code "invalid_transition".
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications import workflow as application_workflow
from gongkai.catalog import workflow as document_workflow
from gongkai.reports import workflow as report_workflow
from gongkai.workflow import INVALID_TRANSITION, Workflow

WORKFLOWS = {
    "document": document_workflow.WORKFLOW,
    "application": application_workflow.WORKFLOW,
    "annual_report": report_workflow.WORKFLOW,
}


@pytest.mark.parametrize("name", WORKFLOWS)
def test_each_table_lists_every_status_and_only_its_own(name):
    workflow = WORKFLOWS[name]
    assert isinstance(workflow, Workflow)
    statuses = set(workflow.statuses.values)
    assert set(workflow.transitions) == statuses
    assert all(targets <= statuses for targets in workflow.transitions.values())


@pytest.mark.parametrize("name", WORKFLOWS)
def test_every_move_outside_the_table_is_refused_with_one_code(name):
    workflow = WORKFLOWS[name]
    for current in workflow.statuses.values:
        for target in workflow.statuses.values:
            if workflow.can_transition(current, target):
                workflow.ensure_transition(current, target)
                continue
            with pytest.raises(ValidationError) as info:
                workflow.ensure_transition(current, target)
            assert info.value.code == INVALID_TRANSITION
            assert str(workflow.statuses(current).label) in info.value.messages[0]


def test_final_statuses_have_no_way_out_not_even_to_themselves():
    assert application_workflow.WORKFLOW.targets("closed") == frozenset()
    assert report_workflow.WORKFLOW.targets("published") == frozenset()


def test_the_report_actions_are_moves_of_the_table():
    for action, target in report_workflow.ACTIONS.items():
        sources = {s for s in report_workflow.Status.values if report_workflow.can_take(action, s)}
        assert sources and all(report_workflow.WORKFLOW.can_transition(s, target) for s in sources)


def test_a_table_missing_a_status_is_refused_at_import():
    with pytest.raises(ValueError):
        Workflow({"draft": frozenset()}, report_workflow.Status)
