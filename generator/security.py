"""Security schemes: which credentials the client takes and how each request sends them."""

from __future__ import annotations

from typing import Any, Literal

from .ir import Credential, Requirements, SecurityScheme
from .names import Namespace, pascal, snake_name
from .refs import Resolver
from .runtime_names import CONSTRUCTOR_NAMES
from .sites import operations


class SecurityReader:
    """Reads `components.securitySchemes` once; names every credential argument."""

    def __init__(self, resolver: Resolver, env_prefix: str) -> None:
        self.resolver = resolver
        self.env_prefix = env_prefix
        data = resolver.doc.data
        raw = (data.get("components") or {}).get("securitySchemes") or {}
        self._taken: dict[str, Credential] = {}
        # The client constructors' keyword arguments.
        self._arguments = Namespace("client constructor", CONSTRUCTOR_NAMES)
        self.schemes: dict[str, SecurityScheme] = {}
        for key in raw:
            scheme = self._read(key, raw[key])
            if scheme is not None:
                self.schemes[key] = scheme

    def _credential(self, name: str, description: str) -> Credential:
        """The argument `name` (shared by every scheme that asks for it)."""
        if name not in self._taken:
            kwarg = self._arguments.claim(name)
            self._taken[name] = Credential(kwarg, f"{self.env_prefix}_{kwarg.upper()}",
                                           description)
        return self._taken[name]

    def _api_key_name(self, key: str) -> str:
        """`api_key` for the first apiKey scheme; later ones are named after their scheme."""
        if "api_key" not in self._taken:
            return "api_key"
        name = snake_name(key, "key")
        return name if name not in self._taken else f"{name}_key"

    def _read(self, key: str, raw: Any) -> SecurityScheme | None:
        scheme, _ = self.resolver.resolve(raw, ("components", "securitySchemes", key))
        if not isinstance(scheme, dict):
            return None
        kind = scheme.get("type")
        display = str(scheme.get("x-display-name") or scheme.get("x-displayName") or
                      pascal(key) or key)
        desc = scheme.get("description") if isinstance(scheme.get("description"), str) else None
        example = str(scheme.get("x-example") or "")
        http = str(scheme.get("scheme", "")).lower() if kind == "http" else ""
        if http == "bearer" or kind in ("oauth2", "openIdConnect"):
            token = self._credential("api_token", "token sent as `Authorization: Bearer`")
            return SecurityScheme(key, "bearer", display, desc, "Authorization", "header",
                                  example or "YOUR_API_TOKEN", (token,))
        if http == "basic":
            user = self._credential("username", "HTTP basic auth user name")
            password = self._credential("password", "HTTP basic auth password")
            return SecurityScheme(key, "basic", display, desc, "Authorization", "header",
                                  example or "dXNlcm5hbWU6cGFzc3dvcmQ=", (user, password))
        if kind == "apiKey":
            where = scheme.get("in")
            location: Literal["header", "query", "cookie"] = (
                "query" if where == "query" else "cookie" if where == "cookie" else "header")
            name = str(scheme.get("name", ""))
            api_key = self._credential(self._api_key_name(key),
                                       f"API key sent in {location} `{name}`")
            return SecurityScheme(key, "api_key", display, desc, name, location,
                                  example or "YOUR_API_KEY", (api_key,))
        return None

    def requirements(self, raw: Any) -> Requirements:
        """Alternatives of scheme keys we can send; `()` is the "no credentials" alternative.
        An alternative naming a scheme we cannot send (e.g. mutual TLS) is left out."""
        out: list[tuple[str, ...]] = []
        for req in raw if isinstance(raw, list) else ():
            if not isinstance(req, dict):
                continue
            if all(k in self.schemes for k in req):
                out.append(tuple(req))
        return tuple(out)

    def default(self) -> Requirements:
        raw = self.resolver.doc.data.get("security")
        if isinstance(raw, list):
            return self.requirements(raw)
        # No global requirement: send whichever credential the user configured.
        return tuple((k,) for k in self.schemes)

    def required(self) -> bool:
        """Whether every operation needs a credential (then a missing one fails at startup):
        the API's `security` asks for one, and no operation's own lets a request go without
        (`security: []`, or an empty alternative `{}`)."""
        raw = self.resolver.doc.data.get("security")
        if not (isinstance(raw, list) and raw and all(raw) and self.default()):
            return False
        return not any(_anonymous(site.operation["security"])
                       for site in operations(self.resolver) if "security" in site.operation)

    @property
    def credentials(self) -> tuple[Credential, ...]:
        return tuple(self._taken.values())


def _anonymous(raw: Any) -> bool:
    """Whether a `security` value allows a request without credentials."""
    return isinstance(raw, list) and (not raw or any(req == {} for req in raw))
