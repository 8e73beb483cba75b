"""The import rules of ARCHITECTURE.md, checked on the real modules in a fresh interpreter."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import tracker

HEADLESS = ["tracker.domain", "tracker.parsing", "tracker.ingest", "tracker.reports"]


def _submodules(package: str) -> list[str]:
    module = __import__(package, fromlist=["__path__"])
    names = [package]
    for info in pkgutil.walk_packages(module.__path__, prefix=package + "."):
        names.append(info.name)
    return names


@pytest.mark.parametrize("package", HEADLESS)
def test_headless_layers_load_neither_sqlalchemy_nor_textual(package: str) -> None:
    modules = _submodules(package)
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'textual'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_cli_help_does_not_load_textual() -> None:
    code = (
        "import sys\nfrom tracker.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('TEXTUAL' if 'textual' in sys.modules else 'OK')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("OK")


def test_domain_imports_only_the_standard_library() -> None:
    stdlib = set(sys.stdlib_module_names)
    for name in _submodules("tracker.domain"):
        module = __import__(name, fromlist=["_"])
        source = open(module.__file__, encoding="utf-8").read()  # noqa: SIM115
        for line in source.splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] in ("import", "from"):
                top = words[1].split(".")[0]
                assert top in stdlib or top == "__future__" or words[1].startswith("tracker.domain"), (
                    f"{name}: {line.strip()}"
                )
    assert tracker.__version__
