"""The annual report as open data: a JSON Schema generated from the format module, and the
JSON documents that follow it.

    build_schema(schema_url="") -> dict         JSON Schema (draft 2020-12) of both documents
    report_document(report, *, agency=…, published_on=…, …) -> dict
                                                one agency's published report ("annual-report")
    collection_document(reports, *, county=…, year=…) -> dict
                                                all published reports of a county's subtree
                                                for one year ("annual-report-collection")

Tables are nested objects `tables[table][row][column]`, keyed by the stable codes of
`template` (the schema gives each key its statutory label as `title`). Counts are integers
≥ 0; the fee of 第二十条第（八）项 is a decimal string in 万元 ("12.3456") so that no amount
is rounded by a float. Pure: imports `template` and `values` only.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from . import template
from .values import Report

SCHEMA_VERSION = "1.0"
REPORT_KIND = "annual-report"
COLLECTION_KIND = "annual-report-collection"
DECIMAL_PATTERN = r"^(0|[1-9][0-9]*)(\.[0-9]{1,4})?$"


def _column_title(table: template.Table, column: template.Column) -> str:
    return "·".join([*column.group, column.label]) if column.group else column.label


def _table_schema(table: template.Table) -> dict[str, Any]:
    if table.decimal:
        cell = {"type": "string", "pattern": DECIMAL_PATTERN}
    else:
        cell = {"type": "integer", "minimum": 0}
    rows = {}
    for row in table.rows:
        columns = {c.code: {**cell, "title": _column_title(table, c)} for c in table.columns}
        rows[row.code] = {
            "type": "object",
            "title": row.full_label or table.title or template.SECTIONS_BY_CODE[table.section].title,
            "properties": columns,
            "required": list(columns),
            "additionalProperties": False,
        }
    return {
        "type": "object",
        "title": table.title or f"{template.SECTIONS_BY_CODE[table.section].heading}",
        "properties": rows,
        "required": list(rows),
        "additionalProperties": False,
    }


def build_schema(schema_url: str = "") -> dict[str, Any]:
    """The JSON Schema of the open-data documents, generated from `template`."""
    sections = {
        s.code: {
            "type": "object",
            "title": s.heading,
            "properties": {"heading": {"const": s.heading}, "text": {"type": "string"}},
            "required": ["heading", "text"],
            "additionalProperties": False,
        }
        for s in template.NARRATIVE_SECTIONS
    }
    tables = {table.code: _table_schema(table) for table in template.TABLES}
    agency = {
        "type": "object",
        "properties": {
            "name": {"type": "string", "minLength": 1},
            "slug": {"type": "string", "minLength": 1},
            "code": {"type": "string", "title": "统一社会信用代码或组织机构代码"},
            "parent": {"type": ["string", "null"], "title": "上级机构网址标识"},
        },
        "required": ["name", "slug", "code"],
        "additionalProperties": False,
    }
    report = {
        "type": "object",
        "title": "政府信息公开工作年度报告",
        "properties": {
            "$schema": {"type": "string"},
            "kind": {"const": REPORT_KIND},
            "schema_version": {"const": SCHEMA_VERSION},
            "format": {
                "type": "object",
                "properties": {
                    "name": {"const": template.FORMAT_NAME},
                    "document_number": {"const": template.FORMAT_DOCUMENT_NUMBER},
                },
                "required": ["name", "document_number"],
            },
            "year": {"type": "integer", "minimum": 2000, "maximum": 2100},
            "title": {"type": "string", "minLength": 1},
            "agency": {"$ref": "#/$defs/agency"},
            "published_on": {"type": ["string", "null"], "format": "date"},
            "index_no": {"type": "string", "title": "索引号"},
            "url": {"type": "string", "title": "发布页面"},
            "sections": {
                "type": "object",
                "title": "文字部分（一、五、六）",
                "properties": sections,
                "required": list(sections),
                "additionalProperties": False,
            },
            "tables": {
                "type": "object",
                "title": "表格部分（二、三、四）",
                "properties": tables,
                "required": list(tables),
                "additionalProperties": False,
            },
        },
        "required": ["kind", "schema_version", "format", "year", "title", "agency",
                     "published_on", "sections", "tables"],
        "additionalProperties": False,
    }
    collection = {
        "type": "object",
        "title": "本地区政府信息公开工作年度报告汇集",
        "properties": {
            "$schema": {"type": "string"},
            "kind": {"const": COLLECTION_KIND},
            "schema_version": {"const": SCHEMA_VERSION},
            "year": {"type": "integer", "minimum": 2000, "maximum": 2100},
            "county": {"$ref": "#/$defs/agency"},
            "count": {"type": "integer", "minimum": 0},
            "reports": {"type": "array", "items": {"$ref": "#/$defs/report"}},
        },
        "required": ["kind", "schema_version", "year", "county", "count", "reports"],
        "additionalProperties": False,
    }
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{template.FORMAT_NAME}（{template.FORMAT_DOCUMENT_NUMBER}）开放数据",
        "description": "由平台的年报格式定义（gongkai/reportformat/template.py）生成。表格按"
                       "“表/行/列”的代码嵌套；各代码的法定名称见 title。",
        "oneOf": [{"$ref": "#/$defs/report"}, {"$ref": "#/$defs/collection"}],
        "$defs": {"agency": agency, "report": report, "collection": collection},
    }
    if schema_url:
        schema["$id"] = schema_url
    return schema


def _cell_json(value, decimal: bool):
    if decimal:
        value = Decimal(value).normalize()
        return format(value, "f")
    return int(value)


def tables_document(report: Report) -> dict[str, Any]:
    return {
        table.code: {
            row.code: {
                c.code: _cell_json(report.value(table.code, row.code, c.code), table.decimal)
                for c in table.columns
            }
            for row in table.rows
        }
        for table in template.TABLES
    }


def report_document(
    report: Report,
    *,
    agency: dict[str, Any],
    published_on: str | None,
    index_no: str = "",
    url: str = "",
    schema_url: str = "",
) -> dict[str, Any]:
    """One published report as a document of the schema (`agency`: name, slug, code, parent)."""
    doc: dict[str, Any] = {}
    if schema_url:
        doc["$schema"] = schema_url
    doc.update({
        "kind": REPORT_KIND,
        "schema_version": SCHEMA_VERSION,
        "format": {"name": template.FORMAT_NAME, "document_number": template.FORMAT_DOCUMENT_NUMBER},
        "year": report.year,
        "title": report.title,
        "agency": agency,
        "published_on": published_on,
        "index_no": index_no,
        "url": url,
        "sections": {
            s.code: {"heading": s.heading, "text": report.texts.get(s.code, "")}
            for s in template.NARRATIVE_SECTIONS
        },
        "tables": tables_document(report),
    })
    return doc


def collection_document(
    reports: list[dict[str, Any]], *, county: dict[str, Any], year: int, schema_url: str = ""
) -> dict[str, Any]:
    doc: dict[str, Any] = {"$schema": schema_url} if schema_url else {}
    doc.update({
        "kind": COLLECTION_KIND, "schema_version": SCHEMA_VERSION, "year": year,
        "county": county, "count": len(reports), "reports": reports,
    })
    return doc
