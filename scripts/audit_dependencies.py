"""Check the locked dependencies (uv.lock) for known vulnerabilities with pip-audit.

    .venv/bin/python scripts/audit_dependencies.py [--require-database]

Exit 1 when any locked package has a known vulnerability. When the vulnerability database
cannot be reached (a network without access to PyPI's JSON API or OSV), it says so loudly
and exits 0, or 2 with --require-database: an audit that could not look is no finding, but
it must never pass for a clean one in silence. (Only fixed commands of the project's own
tools run here, hence the bandit exemptions.)
"""

import argparse
import json
import subprocess  # nosec B404
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent


def locked_requirements(path):
    subprocess.run(  # noqa: S603  # nosec B603
        [str(VENV_BIN / "uv"), "export", "--frozen", "--all-extras", "--no-emit-project",
         "--format", "requirements-txt", "--output-file", str(path), "--quiet"],
        cwd=ROOT, check=True,
    )


def audit(requirements):
    result = subprocess.run(  # noqa: S603  # nosec B603
        [str(VENV_BIN / "pip-audit"), "--requirement", str(requirements), "--disable-pip",
         "--no-deps", "--format", "json", "--progress-spinner", "off"],
        cwd=ROOT, capture_output=True, text=True,
    )
    try:
        return json.loads(result.stdout)["dependencies"], result.stderr
    except (json.JSONDecodeError, KeyError):
        return None, result.stderr or result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--require-database", action="store_true",
                        help="fail (exit 2) when the vulnerability database cannot be reached")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        requirements = Path(folder) / "requirements.txt"
        locked_requirements(requirements)
        dependencies, errors = audit(requirements)
    unreachable = 2 if options.require_database else 0
    if dependencies is None:
        print("pip-audit could not run:", errors.strip()[-2000:], file=sys.stderr)
        return unreachable
    checked = [dep for dep in dependencies if "skip_reason" not in dep]
    vulnerable = [dep for dep in checked if dep.get("vulns")]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            print(f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixes})")
    if vulnerable:
        print(f"{len(vulnerable)} of {len(dependencies)} locked packages have known "
              "vulnerabilities: `make upgrade` or pin a fixed version.", file=sys.stderr)
        return 1
    if not checked:
        print(f"WARNING: the vulnerability database did not answer for any of the "
              f"{len(dependencies)} locked packages; nothing was checked.", file=sys.stderr)
        return unreachable
    print(f"No known vulnerabilities in {len(checked)} locked packages"
          + (f" ({len(dependencies) - len(checked)} could not be looked up)."
             if len(checked) < len(dependencies) else "."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
