"""Resident memory of this process from ``/proc/self`` (Linux): current, peak, peak reset."""

from __future__ import annotations

from pathlib import Path


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def rss_mb() -> float:
    """Current resident set size in MB."""
    return _status_kb("VmRSS") / 1024


def peak_rss_mb() -> float:
    """Peak resident set size since start or the last :func:`reset_peak`, in MB."""
    return _status_kb("VmHWM") / 1024


def reset_peak() -> None:
    """Reset the peak RSS to the current RSS (writes 5 to ``/proc/self/clear_refs``)."""
    Path("/proc/self/clear_refs").write_text("5")


def dir_mb(path: Path) -> float:
    """Total size of the files under ``path`` (or of the file ``path``) in MB."""
    path = Path(path)
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 2**20
