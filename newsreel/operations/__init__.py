"""Running Newsreel on one machine or several: schema upgrades under a lock, health checks,
logs, response headers for the desk, backups of the embedded default (no models of its own)."""
