"""newsreel createuser NAME --role editor: a desk account with one of the three roles."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from newsreel.newsroom.roles import ADMINISTRATOR, ROLES, sync_roles


class Command(BaseCommand):
    help = "Create (or update) a desk account with a role: contributor, editor or administrator."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", choices=ROLES, default="contributor")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="default: a generated password, printed once")

    def handle(self, *args, username: str, role: str, email: str, password: str | None, **options) -> None:
        if not username.strip():
            raise CommandError("username cannot be empty")
        sync_roles()
        password = password or secrets.token_urlsafe(12)
        User = get_user_model()
        try:  # length, common passwords, likeness to the name or email, all digits (settings.py)
            validate_password(password, User.objects.filter(username=username).first() or User(username=username, email=email))
        except ValidationError as error:
            raise CommandError("--password: " + " ".join(error.messages)) from None
        user, created = User.objects.get_or_create(username=username, defaults={"email": email})
        user.set_password(password)
        user.is_staff = role == ADMINISTRATOR
        user.save()
        user.groups.set([Group.objects.get(name=role)])
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} {role} {username!r} with password: {password}")
