#!/usr/bin/env python3
"""Regenerates src/main/resources/dev/otlpdoctor/lint/schema/collector-schema.json.

The collector publishes, next to each component, a ``config.schema.yaml`` generated from its Go config
structs (cmd/schemagen: mapstructure keys, Go types, squashed structs as ``allOf``, configoptional
sections as ``x-optional``). This script reads those files from a checkout of the collector (and,
optionally, of collector-contrib), resolves every ``$ref`` across packages, inlines it into one tree per
component, and applies ``overrides.yaml``: the facts the generated files do not carry (enum values
checked by UnmarshalText or Validate, required keys from Validate, the service section, components
whose generated file is missing). Every override names the source file it was read from.

Usage:
    git -C opentelemetry-collector checkout v0.159.0
    scripts/schema/generate.py --core ../opentelemetry-collector --core-release v0.159.0 \
        [--contrib ../opentelemetry-collector-contrib --contrib-ref <commit>] > \
        src/main/resources/dev/otlpdoctor/lint/schema/collector-schema.json

Needs python3 with PyYAML. Output is deterministic (sorted keys) so a diff shows what a release changed.
"""
import argparse
import json
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

CORE_MODULE = "go.opentelemetry.io/collector/"
CONTRIB_MODULE = "github.com/open-telemetry/opentelemetry-collector-contrib/"

# Components to publish: (section, directory, repository). The type is read from metadata.yaml
# (``type`` and, when present, ``deprecated_type``, the old name the factory still accepts).
COMPONENTS = [
    ("receivers", "receiver/otlpreceiver", "core"),
    ("processors", "processor/batchprocessor", "core"),
    ("processors", "processor/memorylimiterprocessor", "core"),
    ("exporters", "exporter/otlpexporter", "core"),
    ("exporters", "exporter/otlphttpexporter", "core"),
    ("exporters", "exporter/debugexporter", "core"),
    ("extensions", "extension/zpagesextension", "core"),
    ("extensions", "extension/memorylimiterextension", "core"),
    ("extensions", "extension/pprofextension", "contrib"),
    ("extensions", "extension/healthcheckextension", "contrib"),
    ("processors", "processor/resourceprocessor", "contrib"),
    ("processors", "processor/attributesprocessor", "contrib"),
    ("receivers", "receiver/jaegerreceiver", "contrib"),
    ("exporters", "exporter/prometheusexporter", "contrib"),
    ("exporters", "exporter/fileexporter", "contrib"),
    ("extensions", "extension/bearertokenauthextension", "contrib"),
    ("extensions", "extension/basicauthextension", "contrib"),
    ("extensions", "extension/oauth2clientauthextension", "contrib"),
    ("connectors", "connector/countconnector", "contrib"),
    # Added with issue 16, part 1 (contrib commits per file in docs/lint.md).
    ("connectors", "connector/forwardconnector", "core"),
    ("receivers", "receiver/zipkinreceiver", "contrib"),
    ("receivers", "receiver/kafkareceiver", "contrib"),
    ("receivers", "receiver/prometheusreceiver", "contrib"),
    ("receivers", "receiver/hostmetricsreceiver", "contrib"),
    ("receivers", "receiver/filelogreceiver", "contrib"),
    ("processors", "processor/filterprocessor", "contrib"),
    ("processors", "processor/transformprocessor", "contrib"),
    ("processors", "processor/k8sattributesprocessor", "contrib"),
    ("processors", "processor/resourcedetectionprocessor", "contrib"),
    ("processors", "processor/tailsamplingprocessor", "contrib"),
    ("exporters", "exporter/prometheusremotewriteexporter", "contrib"),
    ("exporters", "exporter/kafkaexporter", "contrib"),
    ("extensions", "extension/storage/filestorage", "contrib"),
    ("connectors", "connector/spanmetricsconnector", "contrib"),
]


class Schemas:
    def __init__(self, roots, overrides):
        self.roots = roots  # repo name -> checkout directory
        self.overrides = overrides
        self.files = {}

    def load(self, repo, directory):
        key = (repo, directory)
        if key not in self.files:
            path = os.path.join(self.roots[repo], directory, "config.schema.yaml")
            with open(path, encoding="utf-8") as f:
                self.files[key] = yaml.safe_load(f) or {}
        return self.files[key]

    def definition(self, repo, directory, name):
        """The raw node of a definition (name None: the file's root), after overrides."""
        override = self.overrides.get("%s:%s#%s" % (repo, directory, name or ""))
        if override is not None and override.get("replace"):
            return override["schema"]
        document = self.load(repo, directory)
        node = document if name is None else document.get("$defs", {}).get(name)
        if node is None:
            raise SystemExit("no definition %s in %s/%s" % (name, repo, directory))
        if override is not None:
            node = merge(node, override["schema"])
        return node

    def resolve_ref(self, repo, directory, ref):
        """(repo, directory, name) that a $ref names, seen from a file in repo/directory."""
        if ref.startswith(CORE_MODULE):
            repo, ref = "core", "/" + ref[len(CORE_MODULE):]
        elif ref.startswith(CONTRIB_MODULE):
            repo, ref = "contrib", "/" + ref[len(CONTRIB_MODULE):]
        if "." not in ref.rsplit("/", 1)[-1]:
            return repo, directory, ref  # a definition of the same file
        path, name = ref.rsplit(".", 1)
        if path.startswith("/"):
            target = path[1:]
        else:
            target = os.path.normpath(os.path.join(directory, path))
        return repo, target, name

    def inline(self, repo, directory, node, seen=()):
        """One self-contained node in the output format (see docs/lint.md, "Schema data")."""
        out = {}
        if node.get("$ref") == "time.duration":  # the Go standard library type, not a file
            node = dict(node, type="string", format="duration")
            del node["$ref"]
        if "$ref" in node:
            target = self.resolve_ref(repo, directory, node["$ref"])
            if target in seen:
                raise SystemExit("recursive schema at %s" % (target,))
            out = dict(self.inline(target[0], target[1], self.definition(*target), seen + (target,)))
        custom = node.get("x-customType", "")
        kind = node.get("type")
        if custom == "time.Duration" or node.get("format") == "duration":
            out["type"] = "duration"
        elif custom == "any":
            out["type"] = "any"
        elif kind == "integer":
            out["type"] = "integer"
            if custom.startswith("uint"):
                out["unsigned"] = True
        elif kind in ("string", "boolean", "number", "headers"):
            out["type"] = kind
        elif kind == "array":
            out["type"] = "array"
            items = node.get("items", {})
            out["items"] = self.inline(repo, directory, items, seen)
            # confmap splits a comma-separated string into a list only for []string; a list of a named
            # type ([]component.ID, []configopaque.String) refuses a string.
            if "$ref" in items or "x-customType" in items:
                out["noSplit"] = True
        elif kind == "map" or "additionalProperties" in node:  # a Go map: any key, typed values
            out["type"] = "map"
            out["values"] = self.inline(repo, directory, node.get("values", node.get("additionalProperties", {})), seen)
        elif kind == "object" or "properties" in node or "allOf" in node:
            out["type"] = "object"
            properties = dict(out.get("properties", {}))
            for part in node.get("allOf", []):  # squashed (embedded) structs
                squashed = self.inline(repo, directory, part, seen)
                properties.update(squashed.get("properties", {}))
                for inherited in ("open", "requiredOneOf", "message", "source", "constraints"):
                    if inherited in squashed:
                        out[inherited] = squashed[inherited]
            for key, value in node.get("properties", {}).items():
                properties[key] = self.inline(repo, directory, value, seen)
            remain = node.get("x-remain")
            if remain:  # a `mapstructure:",remain"` field: it collects the keys the struct does not name
                properties.pop(remain, None)
                out["open"] = True
            out["properties"] = properties
        elif "type" not in out:
            out["type"] = "any"
        for passthrough in ("enum", "caseInsensitive", "alsoInteger", "open", "requiredOneOf", "message", "source", "text",
                            "keyMessage", "constraints"):
            if passthrough in node:
                out[passthrough] = node[passthrough]
        if node.get("x-optional"):
            out["optional"] = True
        return out


def merge(base, extra):
    """Overrides add to a definition; nested properties merge key by key."""
    merged = dict(base)
    for key, value in extra.items():
        if key == "properties":
            properties = dict(base.get("properties", {}))
            for name, schema in value.items():
                properties[name] = merge(properties.get(name, {}), schema) if "$ref" not in schema else schema
            merged["properties"] = properties
        else:
            merged[key] = value
    return merged


def component_types(root, directory):
    with open(os.path.join(root, directory, "metadata.yaml"), encoding="utf-8") as f:
        metadata = yaml.safe_load(f)
    types = [metadata["type"]]
    if metadata.get("deprecated_type"):
        types.append(metadata["deprecated_type"])
    return types


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--core", required=True, help="checkout of open-telemetry/opentelemetry-collector")
    parser.add_argument("--core-release", required=True, help="the tag checked out, e.g. v0.159.0")
    parser.add_argument("--contrib", help="checkout of open-telemetry/opentelemetry-collector-contrib")
    parser.add_argument("--contrib-ref", help="the commit or tag of that checkout")
    args = parser.parse_args()

    with open(os.path.join(HERE, "overrides.yaml"), encoding="utf-8") as f:
        overrides_file = yaml.safe_load(f)
    roots = {"core": args.core}
    releases = {"core": args.core_release}
    if args.contrib:
        roots["contrib"] = args.contrib
        releases["contrib"] = args.contrib_ref or "unknown"
    schemas = Schemas(roots, overrides_file["definitions"])
    repositories = {"core": "open-telemetry/opentelemetry-collector",
                    "contrib": "open-telemetry/opentelemetry-collector-contrib"}

    components = {}
    for section, directory, repo in COMPONENTS:
        if repo not in roots:
            continue
        schema = schemas.inline(repo, directory, schemas.definition(repo, directory, None))
        # A component without a generated file is written in overrides.yaml from its Go source.
        root_override = schemas.overrides.get("%s:%s#" % (repo, directory), {})
        source = root_override["schema"]["source"] if root_override.get("replace") else directory + "/config.schema.yaml"
        for component_type in component_types(roots[repo], directory):
            components["%s/%s" % (section, component_type)] = {
                "repository": repositories[repo],
                "release": releases[repo],
                "source": source,
                "schema": schema,
            }
    service = overrides_file["service"]
    output = {
        "format": 1,
        "generatedBy": "scripts/schema/generate.py",
        "release": args.core_release,
        "contrib-ref": releases.get("contrib"),
        "components": components,
        "service": {"repository": repositories["core"], "release": args.core_release,
                    "source": service["source"], "schema": schemas.inline("core", "service", service["schema"])},
        "removedKeys": overrides_file["removedKeys"],
    }
    json.dump(output, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
