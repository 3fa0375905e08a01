"""The setuptools build step: with `[tool.setuptools.cmdclass] build_py =
"sdkwright.setuptools_build.BuildPy"`, the client that `[tool.sdkwright.build]` names is generated
into `build_lib` before the project's own modules are copied there, and so goes into the wheel.
Only this module imports setuptools.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from setuptools.command.build_py import build_py

from .buildtime import client_files, reported, spec_files, write_files
from .config import ClientConfig, client_config, read_pyproject
from .errors import UsageError

TABLE = "[tool.sdkwright.build]"


class BuildPy(build_py):
    def initialize_options(self) -> None:
        super().initialize_options()
        self._config: ClientConfig | None = None
        self._files: dict[str, str] | None = None

    def _settings(self) -> ClientConfig:
        if self._config is None:
            root = Path(self.distribution.src_root or os.curdir)
            pyproject = root / "pyproject.toml"
            table = read_pyproject(pyproject).get("tool", {}).get("sdkwright", {}).get("build")
            if table is None:
                raise UsageError(f"{pyproject}: no {TABLE} table, which names the client that "
                                 f"{type(self).__module__}.{type(self).__name__} generates")
            self._config = client_config(table, root, f"{pyproject}: {TABLE}",
                                         out=Path(self.build_lib))
        return self._config

    def _client(self) -> dict[str, str]:
        """The generated files, made once: setuptools asks for the outputs apart from running
        the command, and may ask more than once."""
        if self._files is None:
            config = self._settings()
            if config.package in (self.packages or []):
                raise UsageError(f"package {config.package!r} is both in the project and "
                                 f"generated from {config.spec}: rename one of them")
            # setuptools sets install_requires from [project] dependencies (or setup.py);
            # types-setuptools does not declare it.
            requires = self.distribution.install_requires  # type: ignore[attr-defined]
            self._files = client_files(config, requires)
        return self._files

    def run(self) -> None:
        with reported():
            self._refuse_lenient_editable()
            config, files = self._settings(), self._client()
            # build_lib outlives a build: a client generated earlier may hold modules that
            # this spec no longer makes.
            shutil.rmtree(config.out / str(config.package), ignore_errors=True)
            write_files(files, config.out)
        super().run()

    def _refuse_lenient_editable(self) -> None:
        """setuptools' default editable install maps the project's own source folders and
        ignores what build_py writes, so the client would be missing without a word; the
        strict mode copies build_py's outputs, the client among them."""
        if not self.editable_mode:
            return
        mode = self.distribution.get_command_obj("editable_wheel").mode
        if str(mode).lower() != "strict":
            raise UsageError(
                "the generated client is not in the source tree, which setuptools' default "
                "editable install links; install in strict mode, which copies it: pip install "
                "-e . --config-settings editable_mode=strict (and reinstall after the spec "
                "changes)")

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        with reported():
            config, files = self._settings(), self._client()
        return [*super().get_outputs(include_bytecode), *(str(config.out / rel) for rel in files)]

    def get_source_files(self) -> list[str]:
        # What sdist ships besides the modules: the spec and the files it references (the
        # wheel is built from the sdist), and the templates; never the generated client.
        with reported():
            config = self._settings()
            needed = spec_files(config.spec)
        if config.templates is not None:
            needed += sorted(p for p in config.templates.rglob("*") if p.is_file())
        own: list[str] = super().get_source_files()  # type: ignore[no-untyped-call]
        return [*own, *(str(path) for path in needed)]
