"""The names the templates themselves put in each scope: reserved before any spec name.

The client's own attributes are read from the runtime core's source (`_base_client.py`, a
template without Jinja), so a method added there is reserved without anyone listing it.
tests/test_core_regressions.py checks the hand-written sets against what the templates render.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from .names import BUILTIN_NAMES

_BASE_CLIENT = Path(__file__).resolve().parent / "templates" / "package" / \
    "_base_client.py.jinja"
_BASE_CLIENT_SOURCE = Path(__file__).resolve().parent.parent / "templates" / "package" / \
    "_base_client.py.jinja"
_CLIENT_CLASSES = ("BaseClient", "SyncAPIClient", "AsyncAPIClient")

# Names the runtime is going to add to clients and resources: a spec name must not take
# them today and be renamed by a later release.
FUTURE_RUNTIME = frozenset({"with_raw_response", "with_streaming_response", "with_options",
                            "copy"})


@cache
def _client_attributes() -> frozenset[str]:
    path = _BASE_CLIENT if _BASE_CLIENT.is_file() else _BASE_CLIENT_SOURCE
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in _CLIENT_CLASSES:
            for item in ast.walk(node):
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    names.add(item.name)
                elif isinstance(item, ast.Attribute) and isinstance(item.value, ast.Name) \
                        and item.value.id == "self" and isinstance(item.ctx, ast.Store):
                    names.add(item.attr)
                elif isinstance(item, (ast.AnnAssign, ast.Assign)):
                    targets = [item.target] if isinstance(item, ast.AnnAssign) else item.targets
                    names.update(t.id for t in targets if isinstance(t, ast.Name))
    return frozenset(names)


CLIENT_ATTRIBUTES = _client_attributes() | FUTURE_RUNTIME
RESOURCE_ATTRIBUTES = frozenset({"_client", "__init__"}) | FUTURE_RUNTIME

# The modules of the package's runtime core, the same for every API.
CORE_MODULES = ("__init__", "_client", "_base_client", "_exceptions", "_types", "_models",
                "_version")

# Everything `__init__.py` exports besides the client classes and their error base.
PACKAGE_EXPORTS = frozenset({
    "APIConnectionError", "APIError", "APIResponseValidationError", "APIStatusError",
    "APITimeoutError", "AuthenticationError", "BadRequestError", "ConflictError",
    "InternalServerError", "NotFoundError", "PermissionDeniedError", "RateLimitError",
    "UnprocessableEntityError", "NOT_GIVEN", "NotGiven", "__version__",
    # Modules of the package that `from package import x` would otherwise find.
    "resources", "types", "lib",
})

# Module-level names of `_client.py` that the template defines or imports.
CLIENT_MODULE_NAMES = frozenset({
    "annotations", "base64", "os", "cached_property", "TYPE_CHECKING", "Any", "Dict",
    "Optional", "Tuple", "Union", "httpx", "DEFAULT_MAX_RETRIES", "AsyncAPIClient",
    "SyncAPIClient", "NOT_GIVEN", "Headers", "NotGiven", "Timeout", "__version__",
    "DEFAULT_BASE_URL", "BASE_URL_ENV", "DEFAULT_SECURITY", "ENV_VARS", "USER_AGENT",
    "_options", "__all__",
}) | BUILTIN_NAMES

# Module-level names of `_exceptions.py` besides its exception classes (PACKAGE_EXPORTS).
EXCEPTIONS_MODULE_NAMES = frozenset({
    "annotations", "Dict", "Optional", "Type", "httpx", "make_status_error", "_BY_STATUS",
    "__all__",
}) | BUILTIN_NAMES

# Module-level names a resource module's template may import or define.
RESOURCE_MODULE_NAMES = frozenset({
    "annotations", "cached_property", "TYPE_CHECKING", "AsyncAPIClient", "LazyAdapter",
    "RequestOptions", "Styled", "SyncAPIClient", "encode_path", "model_parser", "parse_bytes",
    "parse_nothing", "parse_text", "NOT_GIVEN", "Body", "Headers", "NotGiven", "Query",
    "Timeout", "date", "datetime", "Dict", "List", "Literal", "Mapping", "Optional",
    "Sequence", "Union", "Annotated", "Required", "FileContent", "FileTypes", "OpenEnum",
    "OpenIntEnum", "TaggedUnion", "schemas", "__all__",
}) | BUILTIN_NAMES

# Keyword arguments every generated method takes, the names its body uses, and names the
# runtime will add: a spec parameter takes none of them.
REQUEST_OPTION_NAMES = frozenset({"extra_headers", "extra_query", "extra_body", "timeout"})
METHOD_NAMES = REQUEST_OPTION_NAMES | BUILTIN_NAMES | frozenset({
    "self", "cls", "RequestOptions", "encode_path", "Styled", "idempotency_key", "max_retries",
})

# Arguments of the client constructors besides the credentials.
CONSTRUCTOR_NAMES = BUILTIN_NAMES | frozenset({
    "self", "base_url", "timeout", "max_retries", "http_client", "default_headers",
})
