"""`newsreel api-key`: make, list and revoke API keys (docs/api.md#keys)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from newsreel.api.keys import SCOPES, KeyProblem, create_key, revoke
from newsreel.api.models import ApiKey


class Command(BaseCommand):
    help = "Make (create), list or revoke API keys. A key is printed once and kept only as a hash."

    def add_arguments(self, parser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="make a key and print it (once)")
        create.add_argument("name", help="what the key is for, e.g. 'Homepage widget'")
        create.add_argument("--kind", choices=["content", "admin"], default="content",
                            help="content: read-only, public; admin: acts as --user (default content)")
        create.add_argument("--user", help="the desk account an admin key acts as (its role applies)")
        create.add_argument("--scope", action="append", default=[], choices=sorted(SCOPES),
                            help="what an admin key may do (repeat; default all)")
        create.add_argument("--origin", action="append", default=[],
                            help="a browser origin a content key may be used from (CORS), e.g. https://example.com; '*' for any")
        actions.add_parser("list", help="list keys (never their secrets)")
        gone = actions.add_parser("revoke", help="revoke a key by its id (the part after nr_KIND_)")
        gone.add_argument("key_id")

    def handle(self, *args, **options) -> None:
        action = options["action"]
        if action == "create":
            user = None
            if options["user"]:
                user = get_user_model().objects.filter(username=options["user"]).first()
                if user is None:
                    raise CommandError(f"--user: no desk account is called {options['user']!r}")
            try:
                made = create_key(options["name"], options["kind"], user=user, scopes=options["scope"],
                                  origins=options["origin"])
            except KeyProblem as problem:
                raise CommandError(str(problem)) from None
            self.stdout.write(f"{made.key.kind} key {made.key.public_id} ({made.key.name}); keep it, it is not shown again:")
            self.stdout.write(made.token)
        elif action == "list":
            for key in ApiKey.objects.select_related("user"):
                state = "revoked" if key.revoked_at else "active"
                who = f" as {key.user.username}" if key.user else ""
                extra = " ".join(key.scopes) if key.kind == "admin" else ("origins: " + ", ".join(key.origins) if key.origins else "")
                used = key.last_used_at.strftime("%Y-%m-%d %H:%M") if key.last_used_at else "never"
                self.stdout.write(f"{key.public_id}  {key.kind:<7} {state:<7} {key.name}{who}  {extra}  last used {used}")
        elif not revoke(options["key_id"]):
            raise CommandError(f"no active key has the id {options['key_id']!r} (newsreel api-key list shows them)")
        else:
            self.stdout.write(f"revoked {options['key_id']}")
