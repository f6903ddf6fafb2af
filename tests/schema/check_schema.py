#!/usr/bin/python3
"""Checks data/plans.schema.json: it is a valid JSON Schema, it accepts data/plans.json and every catalog
fixture under tests/data/catalogs, and it rejects a few known-bad variants of the fixture.

usage: check_schema.py SCHEMA CATALOG FIXTURE_DIR"""

import copy
import json
import pathlib
import sys

import jsonschema


def main() -> int:
    schema_path, catalog_path, fixture_dir = sys.argv[1:4]
    schema = json.loads(pathlib.Path(schema_path).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

    failures = 0
    documents = [pathlib.Path(catalog_path)] + sorted(pathlib.Path(fixture_dir).glob("*.json"))
    for path in documents:
        errors = list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))))
        for error in errors:
            print(f"{path}: /{'/'.join(map(str, error.absolute_path))}: {error.message}")
        failures += len(errors)

    fixture = json.loads((pathlib.Path(fixture_dir) / "small.json").read_text(encoding="utf-8"))
    bad_variants = {
        "negative price": lambda c: c["plans"][0]["terms"][0].__setitem__("price_cents", -1),
        "unknown field": lambda c: c["plans"][0].__setitem__("pricee", 1),
        "unknown kind": lambda c: c["plans"][0].__setitem__("kind", "monthly"),
        "travel in months": lambda c: c["plans"][3]["terms"][0].__setitem__("length", {"months": 1}),
        "no English": lambda c: c["plans"][2]["notes"].__setitem__(0, {"zh-Hans": "中文"}),
        "secondary without confidence": lambda c: c["plans"][1].pop("confidence"),
    }
    for name, change in bad_variants.items():
        variant = copy.deepcopy(fixture)
        change(variant)
        if validator.is_valid(variant):
            print(f"schema accepts a catalog with {name}")
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
