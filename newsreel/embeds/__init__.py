"""Embeds on the site's side: the title and poster frame each embed shows, fetched once and stored."""
