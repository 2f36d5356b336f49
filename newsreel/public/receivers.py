"""Re-render stored pages when the newsroom publishes, updates or unpublishes."""
