"""The hatchling build hook: `[tool.hatch.build.hooks.sdkwright]` generates a client package into
the project's wheel. hatchling finds it through the `hatch` entry point group; only this module
imports hatchling, so sdkwright itself does not depend on it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.plugin import hookimpl

from .buildtime import client_files, reported, write_files
from .config import client_config

# Options hatchling itself reads from every hook's table.
_HATCH_OPTIONS = frozenset({"dependencies", "require-runtime-dependencies",
                            "require-runtime-features", "enable-by-default"})


class SdkwrightBuildHook(BuildHookInterface[BuilderConfig]):
    PLUGIN_NAME = "sdkwright"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        # The sdist carries the spec (hatchling ships the project's files), not the output:
        # the wheel built from it generates the client again.
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        # Removed by finalize(), or at exit when the build stops before it.
        self._folder = tempfile.TemporaryDirectory(prefix="sdkwright-")
        settings = {k: v for k, v in self.config.items() if k not in _HATCH_OPTIONS}
        with reported():
            config = client_config(settings, root, f"{root / 'pyproject.toml'}: "
                                   "[tool.hatch.build.hooks.sdkwright]",
                                   out=Path(self._folder.name))
            files = client_files(config, self.metadata.core.dependencies)
        included = {str(config.out / rel): rel for rel in files}
        write_files(files, config.out)
        build_data["force_include"].update(included)
        # Editable wheels take force_include too, unless another hook has named their own
        # files: then hatchling reads only that map.
        if build_data.get("force_include_editable"):
            build_data["force_include_editable"].update(included)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self.target_name == "wheel":
            self._folder.cleanup()


@hookimpl
def hatch_register_build_hook() -> type[SdkwrightBuildHook]:
    return SdkwrightBuildHook
