"""WSGI entry point for granian (and any other WSGI server).

Stored pages are answered by `StoredPageFastPath` before Django's middleware stack;
everything else, and anything the fast path is unsure of, goes to Django.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsreel.settings")

from django.core.wsgi import get_wsgi_application  # noqa: E402

django_application = get_wsgi_application()

from newsreel.public.fastpath import StoredPageFastPath  # noqa: E402  (needs the app registry)

application = StoredPageFastPath(django_application)
