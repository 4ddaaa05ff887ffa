"""The frozen bundle: what takes its space, and its start-up against the unfrozen app.

Needs a built bundle (installer/build.sh). Prints

1. the unpacked size (limit 250 MB) broken down by its largest parts (a package together with its
   vendored ``<name>.libs`` folder; Qt split into libraries, bindings, plugins, translations),
   and the largest single files;
2. start-up, frozen vs unfrozen, in the same run and interleaved: ``ecocheck-desktop --smoke``
   (spawn until the window is shown, as bench/startup.py measures) and ``ecocheck --version``
   (spawn until exit). The aim: frozen within 1.2x of unfrozen.

    .venv/bin/python bench/bundle.py [--bundle dist/EcoCheck] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from startup import time_to_window

ROOT = Path(__file__).resolve().parent.parent
LIMIT_MB = 250
AIM = 1.2
MB = 1_000_000
GUI_CASE = "ecocheck-desktop --smoke"


def _part(relative: Path) -> str:
    """The part of the bundle a file belongs to (relative to the bundle folder)."""
    parts = relative.parts
    if len(parts) == 1:
        return "executables (ecocheck, ecocheck-desktop)"
    if parts[0] != "_internal":
        return parts[0]
    inner = parts[1:]
    if len(inner) == 1:
        name = inner[0].lower()
        if name.startswith(("libpython", "python3")):
            return "Python interpreter library"
        if name == "base_library.zip":
            return "Python standard library (base_library.zip)"
        return "other shared libraries (system, C++ runtime)"
    top = inner[0]
    if top == "PySide6":
        if inner[1:3] == ("Qt", "lib"):
            return "Qt libraries (PySide6/Qt/lib)"
        if inner[1:3] == ("Qt", "plugins"):
            return "Qt plugins"
        if inner[1:3] == ("Qt", "translations"):
            return "Qt translations"
        return "PySide6 bindings"
    if top.startswith("python3"):
        return "Python extension modules (lib-dynload)"
    if top.endswith(".dist-info"):
        return "package metadata (dist-info)"
    # A wheel's vendored libraries (numpy.libs, pillow.libs) count with their package.
    top = top.removesuffix(".libs")
    return "PIL (Pillow)" if top in ("PIL", "pillow") else top


def size_breakdown(bundle: Path) -> tuple[int, Counter[str], list[tuple[int, str]]]:
    """Total bytes, bytes per part, and (bytes, path) of every file. Symlinks are not counted."""
    per_part: Counter[str] = Counter()
    files: list[tuple[int, str]] = []
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        size = path.stat().st_size
        relative = path.relative_to(bundle)
        per_part[_part(relative)] += size
        files.append((size, str(relative)))
    return sum(per_part.values()), per_part, files


def time_to_exit(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _unfrozen(name: str) -> list[str]:
    script = Path(sys.executable).parent / name
    if script.exists():
        return [str(script)]
    module = "ecocheck_desktop.cli" if name == "ecocheck" else "ecocheck_desktop.gui.app"
    return [sys.executable, "-m", module]


def startup(bundle: Path, runs: int, env: dict[str, str]) -> dict[str, dict[str, list[float]]]:
    suffix = ".exe" if sys.platform == "win32" else ""
    cases = {
        GUI_CASE: (
            time_to_window,
            [str(bundle / f"ecocheck-desktop{suffix}"), "--smoke"],
            [*_unfrozen("ecocheck-desktop"), "--smoke"],
        ),
        "ecocheck --version": (
            time_to_exit,
            [str(bundle / f"ecocheck{suffix}"), "--version"],
            [*_unfrozen("ecocheck"), "--version"],
        ),
    }
    samples: dict[str, dict[str, list[float]]] = {
        case: {"frozen": [], "unfrozen": []} for case in cases
    }
    for timer, frozen, unfrozen in cases.values():
        timer(frozen, env)  # warm the OS file cache once, untimed
        timer(unfrozen, env)
    for _ in range(runs):
        # Interleaved, so a slow moment of the machine hits both sides alike.
        for case, (timer, frozen, unfrozen) in cases.items():
            samples[case]["frozen"].append(timer(frozen, env))
            samples[case]["unfrozen"].append(timer(unfrozen, env))
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "EcoCheck")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--top", type=int, default=12, help="how many parts and files to list")
    args = parser.parse_args()
    bundle = args.bundle.resolve()
    if not (bundle / "_internal").is_dir():
        parser.error(f"no bundle at {bundle}: run installer/build.sh first")

    total, per_part, files = size_breakdown(bundle)
    verdict = "under" if total < LIMIT_MB * MB else "OVER"
    print(f"bundle {bundle}: {total / MB:.1f} MB unpacked ({verdict} the {LIMIT_MB} MB limit)")
    print(f"\n{'largest parts':<52} {'MB':>7} {'share':>6}")
    for part, size in per_part.most_common(args.top):
        print(f"{part:<52} {size / MB:>7.1f} {size / total:>6.1%}")
    rest = total - sum(size for _, size in per_part.most_common(args.top))
    print(f"{'(everything else)':<52} {rest / MB:>7.1f} {rest / total:>6.1%}")
    print(f"\n{'largest files':<72} {'MB':>7}")
    for size, name in sorted(files, reverse=True)[: args.top]:
        print(f"{name:<72} {size / MB:>7.1f}")

    with tempfile.TemporaryDirectory() as home:
        # Offscreen and with a HOME of their own, like the smoke tests: no display needed, and
        # neither side finds settings or caches the other wrote.
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": home,
            "XDG_CONFIG_HOME": str(Path(home) / ".config"),
            "XDG_CACHE_HOME": str(Path(home) / ".cache"),
        }
        samples = startup(bundle, args.runs, env)

    print(f"\nstart-up, median of {args.runs} interleaved runs (offscreen)")
    print(f"{'command':<28} {'frozen s':>9} {'unfrozen s':>11} {'ratio':>6}")
    ratios = {}
    for case, sides in samples.items():
        frozen = statistics.median(sides["frozen"])
        unfrozen = statistics.median(sides["unfrozen"])
        ratios[case] = frozen / unfrozen
        print(f"{case:<28} {frozen:>9.3f} {unfrozen:>11.3f} {ratios[case]:>5.2f}x")
    # The aim is about the app a user starts; `ecocheck --version` shows the fixed cost of the
    # frozen start (bootloader, PyInstaller's run-time hooks), which a real command hides.
    app_ratio = ratios[GUI_CASE]
    verdict = "within" if app_ratio <= AIM else "ABOVE"
    print(f"app start-up frozen / unfrozen: {app_ratio:.2f}x ({verdict} the aim of {AIM}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
