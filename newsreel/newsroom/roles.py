"""The three desk roles, kept as permission groups and brought up to date after every migrate."""

from __future__ import annotations

CONTRIBUTOR = "contributor"
EDITOR = "editor"
ADMINISTRATOR = "administrator"

# app_label.codename; a contributor may only add and change (own drafts, enforced by the desk).
ROLE_PERMISSIONS: dict[str, list[str]] = {
    CONTRIBUTOR: [
        "newsroom.add_article", "newsroom.change_article", "newsroom.view_article",
        "images.add_image", "images.view_image",
    ],
    EDITOR: [
        "newsroom.add_article", "newsroom.change_article", "newsroom.view_article", "newsroom.delete_article",
        "newsroom.publish_article", "newsroom.edit_any_article",
        "images.add_image", "images.change_image", "images.view_image",
        "films.add_film", "films.change_film", "films.view_film",
        "films.add_person", "films.change_person", "films.view_person",
        "films.add_credit", "films.change_credit", "films.view_credit",
    ],
}
ROLE_PERMISSIONS[ADMINISTRATOR] = ROLE_PERMISSIONS[EDITOR] + [
    "auth.add_user", "auth.change_user", "auth.view_user",
    "public.change_sitesettings", "public.view_sitesettings",
]
ROLES = (CONTRIBUTOR, EDITOR, ADMINISTRATOR)


def sync_roles() -> None:
    """Create the role groups and give each exactly its permissions."""
    from django.contrib.auth.models import Group, Permission

    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        permissions = []
        for name in names:
            app_label, codename = name.split(".")
            permissions.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
        group.permissions.set(permissions)


def sync_roles_after_migrate(sender, **kwargs) -> None:
    """post_migrate receiver (connected in NewsroomConfig.ready())."""
    if getattr(sender, "name", "") == "newsreel.public":  # our last app with models: all permissions exist
        sync_roles()


def role_of(user) -> str | None:
    """The highest role a user holds (superusers count as administrators)."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return ADMINISTRATOR
    names = set(user.groups.values_list("name", flat=True))
    for role in reversed(ROLES):
        if role in names:
            return role
    return None
