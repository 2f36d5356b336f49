"""The newsroom's people: desk accounts, their roles, invitations, deactivation, passwords.

Only administrators manage people; every function that changes someone checks the person
acting (`actor`) again, whatever page called it. Accounts are Django's users and the roles
are the groups of `newsreel.newsroom.roles`; passwords go through Django's validators.

Deactivating keeps the account and everything tied to it (bylines, author pages, the stories
they wrote): Django's authentication stops accepting the account, so its open sessions stop
working on their next request. The newsroom always keeps one active administrator: an
administrator cannot deactivate or demote the last one (themselves included).
"""

from __future__ import annotations

from typing import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet

from newsreel.newsroom import account_links
from newsreel.newsroom.roles import ADMINISTRATOR, ROLES, role_of

ONLY_ADMINISTRATORS = "Only an administrator can manage people (invite, change roles, deactivate, reset passwords)."
LAST_ADMINISTRATOR = ("{name} is the newsroom’s last active administrator: make someone else an administrator "
                      "first, so that somebody can still manage people. Nothing was changed.")


def may_manage_people(user) -> bool:
    """Administrators (superusers count as administrators); None is the system (a command).
    The table of role × action decides (newsreel.newsroom.permissions, `people.manage`)."""
    from newsreel.newsroom.permissions import PEOPLE_MANAGE, allowed

    return allowed(user, PEOPLE_MANAGE)


def _require_manager(actor) -> None:
    from newsreel.newsroom.permissions import PEOPLE_MANAGE, require

    require(actor, PEOPLE_MANAGE)  # NotAllowed, a PermissionDenied saying ONLY_ADMINISTRATORS


def status_of(user) -> str:
    """'active', 'invited' (has not chosen a password yet) or 'deactivated'."""
    if not user.is_active:
        return "deactivated"
    return "active" if user.has_usable_password() else "invited"


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def people() -> QuerySet:
    """Every desk account, for the people list: active first, then by name."""
    return (get_user_model().objects.prefetch_related("groups")
            .order_by("-is_active", "first_name", "last_name", "username"))


def _administrators() -> QuerySet:
    return get_user_model().objects.filter(Q(is_superuser=True) | Q(groups__name=ADMINISTRATOR), is_active=True)


def _keeps_an_administrator(user) -> None:
    """Refuse a change that would leave no active administrator once `user` is no longer one.

    The administrators' rows are locked until the change commits, so two administrators
    demoting each other at the same moment cannot both succeed."""
    # (The lock is taken on the users alone: PostgreSQL locks no row of an outer join's nullable side.)
    others = list(get_user_model().objects.select_for_update()
                  .filter(pk__in=_administrators().exclude(pk=user.pk).values("pk")).values_list("pk", flat=True))
    if role_of(user) == ADMINISTRATOR and user.is_active and not others:
        raise ValidationError(LAST_ADMINISTRATOR.format(name=display_name(user)), code="last_administrator")


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValidationError({"role": f"“{role}” is not a role; choose one of {', '.join(ROLES)}."})


def _check_unique(username: str, email: str, *, instead_of=None) -> None:
    User = get_user_model()
    others = User.objects.exclude(pk=instead_of.pk) if instead_of is not None else User.objects.all()
    errors: dict[str, str] = {}
    if username and others.filter(username__iexact=username).exists():
        errors["username"] = f"The username “{username}” is taken; choose another."
    if email:
        holder = others.filter(email__iexact=email).first()
        if holder is not None:
            errors["email"] = (f"{email} is already the address of {display_name(holder)}’s account; "
                               "each person needs their own address (it is where invitations and resets go).")
    if errors:
        raise ValidationError(errors)


def _set_role(user, role: str) -> None:
    user.groups.set([Group.objects.get(name=role)])
    # A superuser would stay an administrator whatever their group; the role is the group.
    user.is_superuser = False
    user.is_staff = role == ADMINISTRATOR
    user.save(update_fields=["is_superuser", "is_staff"])


@transaction.atomic
def add_person(*, actor, username: str, email: str, role: str, first_name: str = "", last_name: str = "",
               password: str | None = None):
    """A new desk account with a role. With a password (checked by Django's validators) it can
    sign in at once; without one it waits for its invitation to be accepted."""
    _require_manager(actor)
    User = get_user_model()
    username, email = username.strip(), User.objects.normalize_email(email.strip())
    _check_role(role)
    if not email:
        raise ValidationError({"email": "An e-mail address is needed: invitations and password resets go there."})
    _check_unique(username, email)
    user = User(username=username, email=email, first_name=first_name.strip(), last_name=last_name.strip())
    user.full_clean(exclude=["password"])  # the username's characters and length, the address's form
    if password is not None:
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise ValidationError({"password1": error.messages}) from None
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    _set_role(user, role)
    return user


@transaction.atomic
def change_details(user, *, actor, email: str, first_name: str, last_name: str):
    """A person's name and e-mail address (administrators, or the person themselves)."""
    if actor is not None and actor.pk != user.pk:
        _require_manager(actor)
    User = get_user_model()
    email = User.objects.normalize_email(email.strip())
    if not email:
        raise ValidationError({"email": "An e-mail address is needed: password resets go there."})
    _check_unique("", email, instead_of=user)
    user.email, user.first_name, user.last_name = email, first_name.strip(), last_name.strip()
    user.full_clean(exclude=["password"])
    user.save(update_fields=["email", "first_name", "last_name"])
    return user


@transaction.atomic
def change_role(user, role: str, *, actor):
    _require_manager(actor)
    _check_role(role)
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if role != ADMINISTRATOR:
        _keeps_an_administrator(user)
    _set_role(user, role)
    return user


@transaction.atomic
def deactivate(user, *, actor):
    """The account can no longer sign in and its open sessions stop; bylines and author pages stay."""
    _require_manager(actor)
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        raise ValidationError(f"{display_name(user)} is already deactivated.", code="already")
    _keeps_an_administrator(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def reactivate(user, *, actor):
    _require_manager(actor)
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if user.is_active:
        raise ValidationError(f"{display_name(user)} is already active.", code="already")
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


LinkMaker = Callable[[str, str, str], str]


def send_invitation(user, *, actor, link: LinkMaker) -> str:
    """E-mail an invitation (again); the link lets the person choose their first password."""
    _require_manager(actor)
    if not user.is_active:
        raise ValidationError(f"{display_name(user)} is deactivated; reactivate the account before inviting them.")
    if user.has_usable_password():
        raise ValidationError(f"{display_name(user)} has already accepted the invitation; send a password reset "
                              "link if they have lost their password.")
    return account_links.send(account_links.INVITATION, user, link=link, sent_by=actor)


def send_password_reset(user, *, actor, link: LinkMaker) -> str:
    """E-mail a reset link; the current password keeps working until the link is used."""
    _require_manager(actor)
    if not user.is_active:
        raise ValidationError(f"{display_name(user)} is deactivated; reactivate the account before resetting "
                              "its password.")
    if not user.has_usable_password():
        raise ValidationError(f"{display_name(user)} has not accepted the invitation yet; send the invitation "
                              "again instead.")
    return account_links.send(account_links.RESET, user, link=link, sent_by=actor)
