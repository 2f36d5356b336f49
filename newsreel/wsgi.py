"""WSGI entry point for granian (and any other WSGI server)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsreel.settings")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
