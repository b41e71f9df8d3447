"""Benchmarks of speed and scale (``make bench``) and retrieval tuning scripts."""
