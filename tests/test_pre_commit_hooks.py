"""The hooks of .pre-commit-hooks.yaml, run by the real `pre-commit` in a user's repository that
lists a multi-file spec in [[tool.sdkwright.clients]].

pre-commit installs a hook repository from a git commit, so this checkout's files as they are
now (uncommitted changes included) are committed into a temporary repository first. It builds
the hooks' virtualenv itself with `pip install .`, which fetches sdkwright's dependencies from
the package index (pip's cache makes later runs fast): the test skips, saying so, when the
index cannot be reached. About 15-30 s, most of it that install.
"""

from __future__ import annotations

import re
import shutil
import sys
import tomllib
from pathlib import Path

import pytest
from cli_support import FIXTURES, REPO, Proc, describe, env, ok, run

CLIENTS = """\
[[tool.sdkwright.clients]]
spec = "api/api.yaml"
out = "client"
package = "petstore"
client = "Pets"
env_prefix = "PETS"
"""

CONFIG = """\
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: sdkwright-check
      - id: sdkwright-generate
"""


class Folders:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.hooks = root / "hooks"  # the hook repository: this checkout, committed
        self.user = root / "user"  # the user's repository that runs the hooks
        git_config = root / "gitconfig"
        git_config.write_text("[user]\n\tname = sdkwright tests\n\temail = tests@invalid\n",
                              "utf-8")
        # Neither the machine's git settings (signing, hooksPath) nor its pre-commit cache;
        # pip gives up on an unreachable index in seconds, not minutes.
        self.env = env(GIT_CONFIG_GLOBAL=str(git_config), GIT_CONFIG_NOSYSTEM="1",
                       PRE_COMMIT_HOME=str(root / "pre-commit-home"), PRE_COMMIT_COLOR="never",
                       PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_TIMEOUT="20", PIP_RETRIES="2")

    def git(self, *args: str, cwd: Path) -> Proc:
        return ok(run(["git", *args], cwd=cwd, environ=self.env))

    def pre_commit(self, *args: str) -> Proc:
        return run([sys.executable, "-m", "pre_commit", "run", *args], cwd=self.user,
                   environ=self.env)


def _index_reachable(folders: Folders) -> Proc:
    """Whether pip, as configured here, can fetch sdkwright's dependencies, which pre-commit's
    `pip install` needs (from pip's cache when it can)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    return run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--retries",
                "0", "--dest", folders.root / "probe", *project["dependencies"]],
               cwd=folders.root, environ=folders.env)


def _commit_checkout(folders: Folders) -> str:
    """Commit this checkout's files as they are into the hook repository; the commit's id."""
    listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                 cwd=REPO, environ=folders.env)
    if listed.returncode != 0:
        pytest.skip(f"the hooks are installed from a git commit; {REPO} is not a git checkout")
    for rel in filter(None, listed.stdout.split("\0")):
        source = REPO / rel
        if source.is_file():  # a tracked file deleted in the work tree is not listed again
            (folders.hooks / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folders.hooks / rel)
    folders.git("init", "--quiet", cwd=folders.hooks)
    folders.git("add", "--all", cwd=folders.hooks)
    folders.git("commit", "--quiet", "--message", "this checkout", cwd=folders.hooks)
    return folders.git("rev-parse", "HEAD", cwd=folders.hooks).stdout.strip()


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Folders:
    if shutil.which("git") is None:
        pytest.skip("pre-commit needs git, which is not installed")
    folders = Folders(tmp_path_factory.mktemp("pre-commit"))
    probe = _index_reachable(folders)
    if probe.returncode != 0:
        pytest.skip("pre-commit installs the hooks' dependencies from the package index, which "
                    f"pip cannot reach{describe(probe)}")
    rev = _commit_checkout(folders)
    user = folders.user
    shutil.copytree(FIXTURES / "multifile", user / "api")
    (user / "pyproject.toml").write_text(CLIENTS, "utf-8")
    (user / ".pre-commit-config.yaml").write_text(CONFIG.format(repo=folders.hooks, rev=rev),
                                                  "utf-8")
    folders.git("init", "--quiet", cwd=user)
    folders.git("add", "--all", cwd=user)
    folders.git("commit", "--quiet", "--message", "a spec, no client yet", cwd=user)
    return folders


def test_check_fails_on_stale_output_and_passes_after_generate(folders: Folders) -> None:
    user = folders.user
    missing = folders.pre_commit("sdkwright-check", "--all-files")
    assert missing.returncode == 1, describe(missing)
    assert "b/petstore/__init__.py" in missing.stdout, describe(missing)

    made = ok(folders.pre_commit("sdkwright-generate", "--all-files"))
    assert (user / "client" / "petstore" / "py.typed").is_file(), describe(made)
    folders.git("add", "--all", cwd=user)
    folders.git("commit", "--quiet", "--message", "the generated client", cwd=user)
    ok(folders.pre_commit("sdkwright-check", "--all-files"))

    # A change to a file the spec references, in a subfolder, is what makes the client stale:
    # the hooks run on it (staged, as at a commit) without --all-files.
    pet = user / "api" / "schemas" / "pet.yaml"
    pet.write_text(pet.read_text("utf-8") + "  age:\n    type: integer\n", "utf-8")
    folders.git("add", "--all", cwd=user)
    stale = folders.pre_commit("sdkwright-check")
    assert stale.returncode == 1, describe(stale)
    assert re.search(r"^\+ .*\bage\b", stale.stdout, re.MULTILINE), describe(stale)

    regenerated = folders.pre_commit("sdkwright-generate")
    assert regenerated.returncode == 1, describe(regenerated)
    assert "files were modified by this hook" in regenerated.stdout, describe(regenerated)
    folders.git("add", "--all", cwd=user)
    ok(folders.pre_commit("sdkwright-check"))
    folders.git("commit", "--quiet", "--message", "the spec and client, changed", cwd=user)


def test_hooks_skip_changes_that_cannot_touch_a_client(folders: Folders) -> None:
    notes = folders.user / "notes.txt"
    notes.write_text("not a spec\n", "utf-8")
    folders.git("add", "notes.txt", cwd=folders.user)
    try:
        skipped = ok(folders.pre_commit("sdkwright-check"))
        assert "(no files to check)Skipped" in skipped.stdout, describe(skipped)
    finally:
        folders.git("rm", "--quiet", "--cached", "notes.txt", cwd=folders.user)
        notes.unlink()
