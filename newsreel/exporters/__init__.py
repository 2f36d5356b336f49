"""Newsreel's content written in other systems' formats, so a newsroom can leave (see docs/export.md)."""
