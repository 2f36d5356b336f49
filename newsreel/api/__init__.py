"""The JSON API (Content and Admin) and the webhooks that tell other systems what changed.

Depends on: the newsroom (intake, publishing, scheduling, permissions, live stories), films,
images, and the public site's read helpers (spoiler-safe projections, search). Nothing
imports the API except the URL map and the desk's integration pages.
"""
