"""Stage 3: build the IR from a validated spec. Every name in the output is decided here.

The API level: the package's names, security, and the tree of resources that operations
hang on (`generator/operations.py` builds each operation). Resources are laid out in two
passes, so every child resource has its attribute before any method is named beside it.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from typing import Any

from .config import Names
from .errors import Problem, SpecError, UsageError
from .escape import PyCode
from .fixtures import Fixtures
from .ir import Api, ClientNames, Operation, Resource, TypeModule
from .load import Document, Pointer
from .names import Namespace, pascal, pascal_name, snake, snake_name
from .operations import OperationBuilder, Shared
from .refs import Resolver
from .runtime_names import (
    CLIENT_ATTRIBUTES,
    CLIENT_MODULE_NAMES,
    CORE_MODULES,
    EXCEPTIONS_MODULE_NAMES,
    PACKAGE_EXPORTS,
    RESOURCE_ATTRIBUTES,
)
from .samples import Sampler
from .schemas import SchemaTranslator
from .security import SecurityReader
from .sites import OperationSite, operations
from .validate import check_version
from .verdicts import FORGETFUL, Verdicts


@dataclass(frozen=True)
class Built:
    api: Api
    fixtures: Fixtures
    warnings: list[Problem]


@dataclass
class _Node:
    """A resource while operations are collected: its attribute namespace holds its child
    resources first, then its methods."""

    path: tuple[PyCode, ...]
    attrs: Namespace
    children: dict[str, _Node] = field(default_factory=dict)
    pending: list[OperationSite] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)


def build(doc: Document, names: Names, verdicts: Verdicts = FORGETFUL) -> Built:
    """The IR, the fixtures of its operations, and the faults the build read past; examples
    are checked against their schemas unless `verdicts` remembers. A SpecError also carries
    the warnings found before the build stopped."""
    builder = _Builder(doc, names, verdicts)
    try:
        return builder.build()
    except SpecError as exc:
        raise SpecError(exc.problems, builder.types.warnings) from None


class _Builder:
    def __init__(self, doc: Document, names: Names, verdicts: Verdicts) -> None:
        self.doc = doc
        self.names = names
        self.verdicts = verdicts
        self.resolver = Resolver(doc)
        self.types = SchemaTranslator(self.resolver)
        self.problems: list[Problem] = []
        self.fixtures: Fixtures = {}
        self.modules: list[TypeModule] = []

    def build(self) -> Built:
        info = self.doc.data.get("info") or {}
        title = str(info.get("title") or "API")
        package, client_names, env_prefix = self._package_names(title)
        security = SecurityReader(self.resolver, env_prefix)
        self.types.name_components()
        resource_classes = Namespace("resource classes", CLIENT_MODULE_NAMES | {
            client_names.client, client_names.async_client, client_names.error})
        root = _Node((), Namespace("client attributes", CLIENT_ATTRIBUTES))
        self._collect(root)
        shared = Shared(self.doc, self.resolver, self.types,
                        Sampler(self.resolver, check_version(self.doc), self.verdicts), security)
        resources = self._resources(root, shared, resource_classes)
        if self.problems:
            raise SpecError(self.problems)
        self.types.build_pending()
        components = self.types.components.finish()
        desc = info.get("description")
        api = Api(
            title=title,
            version=str(info.get("version") or "0.0.0"),
            package_version=_package_version(str(info.get("version") or "")),
            description=desc if isinstance(desc, str) else None,
            package=package,
            names=client_names,
            env_prefix=env_prefix,
            base_url=self._base_url(),
            schemes=tuple(security.schemes.values()),
            credentials=security.credentials,
            default_security=security.default(),
            auth_required=security.required(),
            resources=resources,
            type_modules=((components,) if components else ()) + tuple(self.modules),
            reexports=self.names.reexports,
        )
        return Built(api, self.fixtures, self.types.warnings)

    # -- names ----------------------------------------------------------------------------

    def _package_names(self, title: str) -> tuple[PyCode, ClientNames, str]:
        """Names given as options must be identifiers, and defaults come from the title made
        valid; the client and error classes are then claimed like any name, so one that the
        package's own names take (`--client-name Timeout`) gets the registry's `_` suffix."""
        for label, value in (("package name", self.names.package),
                             ("client name", self.names.client)):
            if value is not None and not (value.isidentifier() and value.isascii()
                                          and not keyword.iskeyword(value)):
                raise SpecError([Problem(self.doc.name, 1, f"{label} {value!r} is not a "
                                         "valid Python identifier")])
        env_prefix = self.names.env_prefix or snake_name(title, "client").upper()
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", env_prefix):
            raise SpecError([Problem(self.doc.name, 1, f"env prefix {env_prefix!r} must be "
                                     "UPPER_SNAKE_CASE, starting with a letter")])
        package = self.names.package or Namespace("packages").claim(snake_name(title, "client"))
        # The client classes are defined in `_client.py`, the error class in `_exceptions.py`
        # (and imported into `_client.py`): none may take a name those modules define or import.
        exports = Namespace("package exports", PACKAGE_EXPORTS | set(CORE_MODULES) |
                            CLIENT_MODULE_NAMES | EXCEPTIONS_MODULE_NAMES)
        sync = exports.claim(self.names.client or pascal_name(title, "Client"))
        names = ClientNames(sync, exports.claim("Async" + sync), exports.claim(sync + "Error"))
        for item in self.names.reexports:
            # The user chose these names: one that is taken is refused, not renamed.
            if item.name in exports:
                raise UsageError(f"re-export {item}: the package already has a {item.name!r}")
            exports.claim(item.name)
        return PyCode(package), names, env_prefix

    def _base_url(self) -> str | None:
        servers = self.doc.data.get("servers") or []
        if not servers or not isinstance(servers[0], dict):
            return None
        url = str(servers[0].get("url", ""))
        variables = servers[0].get("variables") or {}
        for name, var in variables.items() if isinstance(variables, dict) else ():
            default = var.get("default", "") if isinstance(var, dict) else ""
            url = url.replace("{" + name + "}", str(default))
        return url.rstrip("/") or None

    # -- resources ------------------------------------------------------------------------

    def _collect(self, root: _Node) -> None:
        """Pass one: every operation onto its resource, creating resources as met. (Path
        items behind a broken `$ref` were refused before the build.)"""
        sites = list(operations(self.resolver))
        if not sites:
            raise SpecError([self._no_operations()])
        for site in sites:
            try:
                node = self._node(root, self._resource_path(site.operation, site.path,
                                                            site.pointer))
            except SpecError as exc:
                self.problems.extend(exc.problems)
                continue
            node.pending.append(site)

    def _no_operations(self) -> Problem:
        """A client is its operations: without one there is nothing to generate. (OpenAPI
        3.1 allows a document of only `webhooks` or `components`; it describes no client.)"""
        data = self.doc.data
        if "paths" in data:
            return self.doc.problem(("paths",), "paths lists no operation; a client needs at "
                                                "least one")
        webhooks = " (webhooks are not generated)" if "webhooks" in data else ""
        return self.doc.problem((), f"the document has no paths, so no operation to make a "
                                    f"client of{webhooks}")

    def _resource_path(self, op: dict[str, Any], path: str, ptr: Pointer) -> list[str]:
        explicit = op.get("x-sdk-resource")
        if isinstance(explicit, str) and explicit.strip():
            parts = explicit.split(".")
            if any(not snake(p) for p in parts):
                raise SpecError([self.doc.problem((*ptr, "x-sdk-resource"),
                                                  f"resource path {explicit!r} has an empty "
                                                  "part")])
            return parts
        tags = op.get("tags")
        if isinstance(tags, list) and tags:
            return [str(tags[0])]
        segments = [s for s in path.split("/") if s and not s.startswith("{")]
        return [segments[0] if segments else "default"]

    @staticmethod
    def _node(root: _Node, parts: list[str]) -> _Node:
        node = root
        for part in parts:
            key = snake_name(part, "resource")
            if key not in node.children:
                attr = node.attrs.claim(key, key=("resource", key))
                node.children[key] = _Node((*node.path, attr),
                                           Namespace("resource attributes",
                                                     RESOURCE_ATTRIBUTES))
            node = node.children[key]
        return node

    def _resources(self, node: _Node, shared: Shared,
                   classes: Namespace) -> tuple[Resource, ...]:
        """Pass two: name each resource's methods, build its operations and its children."""
        out = []
        for child in node.children.values():
            class_name = classes.claim(pascal("_".join(child.path)) + "Resource")
            builder = OperationBuilder(shared, child.path)
            for site in child.pending:
                try:
                    op, fixture, modules = builder.build(site, child.attrs)
                except SpecError as exc:
                    self.problems.extend(exc.problems)
                    continue
                child.operations.append(op)
                self.fixtures[op.pointer] = fixture
                self.modules.extend(modules)
            out.append(Resource(
                path=child.path,
                class_name=class_name,
                async_class_name=classes.claim("Async" + class_name),
                operations=tuple(child.operations),
                children=self._resources(child, shared, classes),
                by_name=frozenset(builder.by_name),
            ))
        return tuple(out)


def _package_version(api_version: str) -> str:
    """The API's version when it is a plain release number (PEP 440), else 0.0.0."""
    return api_version if re.fullmatch(r"[0-9]+(\.[0-9]+){0,3}", api_version) else "0.0.0"
