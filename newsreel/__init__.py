"""Newsreel: a publishing platform for film and entertainment newsrooms."""

__version__ = "0.1.0"
