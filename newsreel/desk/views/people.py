"""People on the desk: administrators add, invite, change roles, deactivate and reset
passwords (`newsreel.newsroom.people`, which checks the administrator again); everyone edits
their own author profile and changes their own password; an invitation or reset link lets
its person choose a password (Django's SetPasswordForm, so Django's validators)."""

from __future__ import annotations

from typing import Callable

from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from newsreel.desk.access import desk_view, forbidden
from newsreel.desk.people_forms import SET_PASSWORD, AddPersonForm, PersonDetailsForm, ProfileForm, RoleForm
from newsreel.desk.views.images import add_service_errors
from newsreel.newsroom import account_links, people
from newsreel.newsroom.profiles import profile_of, save_profile
from newsreel.newsroom.roles import role_of


def link_maker(request: HttpRequest) -> Callable[[str, str, str], str]:
    """Absolute addresses of the invitation and reset pages, on the host the administrator uses."""
    def link(kind: str, uidb64: str, token: str) -> str:
        name = "desk:invitation" if kind == account_links.INVITATION else "desk:password_reset"
        return request.build_absolute_uri(reverse(name, args=[uidb64, token]))
    return link


def administrators_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The desk's check before the page; the service checks again."""
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not people.may_manage_people(request.user):
            return forbidden(request, people.ONLY_ADMINISTRATORS)
        return view(request, *args, **kwargs)
    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return desk_view(wrapper)


def plain_password_help(form):
    """Django's password forms give the validators' rules as an HTML list; the desk's fields
    take a sentence (their help is a <p> the field points at)."""
    for field in form.fields.values():
        if "<ul>" in str(field.help_text or ""):
            field.help_text = " ".join(password_validators_help_texts())
    return form


def _person(pk: int):
    return get_object_or_404(get_user_model(), pk=pk)


def _service_message(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@administrators_only
def people_list(request: HttpRequest) -> HttpResponse:
    rows = [{"user": user, "role": role_of(user), "status": people.status_of(user), "name": people.display_name(user)}
            for user in people.people()]
    return render(request, "desk/people_list.html", {"rows": rows, "nav": "people"})


@administrators_only
def person_add(request: HttpRequest) -> HttpResponse:
    form = AddPersonForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            set_now = data["how"] == SET_PASSWORD
            try:
                with transaction.atomic():  # no account is left behind when the e-mail cannot be sent
                    user = people.add_person(
                        actor=request.user, username=data["username"], email=data["email"], role=data["role"],
                        first_name=data["first_name"], last_name=data["last_name"],
                        password=data["password1"] if set_now else None)
                    if not set_now:
                        people.send_invitation(user, actor=request.user, link=link_maker(request))
            except PermissionDenied as refusal:
                return forbidden(request, str(refusal))
            except ValidationError as error:
                add_service_errors(form, error)
            except OSError as error:  # the mail server refused or could not be reached
                form.add_error(None, f"The invitation could not be sent ({error}), so nobody was added. "
                                     "Check NEWSREEL_SMTP_URL, or set a password now instead.")
            else:
                name = people.display_name(user)
                messages.success(request, f"Added {name} as {data['role']}. " + (
                    "They can log in with the password you set." if set_now else
                    f"An invitation went to {user.email}; it works for {account_links.days('invitation')}."))
                return redirect("desk:person", pk=user.pk)
        status = 400
    return render(request, "desk/person_add.html", {"form": form, "nav": "people"}, status=status)


def _person_page(request: HttpRequest, user, *, details=None, profile=None, status: int = 200) -> HttpResponse:
    author = profile_of(user)
    return render(request, "desk/person_detail.html", {
        "person": user, "name": people.display_name(user), "status": people.status_of(user),
        "role": role_of(user), "author": author, "nav": "people",
        "details": details or PersonDetailsForm(initial={"first_name": user.first_name, "last_name": user.last_name,
                                                         "email": user.email}, prefix="details"),
        "role_form": RoleForm(initial={"role": role_of(user)}, prefix="role"),
        "profile": profile or ProfileForm(initial=ProfileForm.initial_for(user, author), prefix="profile"),
        "is_self": user.pk == request.user.pk,
    }, status=status)


@administrators_only
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An account's details, role and profile; POST saves the details or the profile."""
    user = _person(pk)
    if request.method != "POST":
        return _person_page(request, user)
    if "details-email" in request.POST:
        details = PersonDetailsForm(request.POST, prefix="details")
        if details.is_valid():
            try:
                people.change_details(user, actor=request.user, **details.cleaned_data)
            except PermissionDenied as refusal:
                return forbidden(request, str(refusal))
            except ValidationError as error:
                add_service_errors(details, error)
            else:
                messages.success(request, f"Saved {people.display_name(user)}’s details.")
                return redirect("desk:person", pk=user.pk)
        return _person_page(request, _person(pk), details=details, status=400)
    profile = ProfileForm(request.POST, prefix="profile")
    if _save_profile(request, user, profile):
        messages.success(request, f"Saved {people.display_name(user)}’s author profile; the author page and "
                                  "their stories show it now.")
        return redirect("desk:person", pk=user.pk)
    return _person_page(request, _person(pk), profile=profile, status=400)


def _save_profile(request: HttpRequest, user, form: ProfileForm) -> bool:
    if not form.is_valid():
        return False
    try:
        save_profile(user, form.profile(), actor=request.user)
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    return True


def _person_action(request: HttpRequest, pk: int, act: Callable, done: str) -> HttpResponse:
    """Run one POST action on an account; a refusal says why and changes nothing."""
    user = _person(pk)
    try:
        act(user)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as error:
        _service_message(request, error)
    except OSError as error:
        messages.error(request, f"The e-mail could not be sent ({error}); check NEWSREEL_SMTP_URL.")
    else:
        messages.success(request, done.format(name=people.display_name(user), email=user.email))
    if user.pk == request.user.pk and not people.may_manage_people(get_user_model().objects.get(pk=user.pk)):
        return redirect("desk:articles")  # no longer an administrator: the people pages are closed to them
    return redirect("desk:person", pk=user.pk)


@require_POST
@administrators_only
def person_role(request: HttpRequest, pk: int) -> HttpResponse:
    form = RoleForm(request.POST, prefix="role")
    if not form.is_valid():
        messages.error(request, "Choose one of the three roles.")
        return redirect("desk:person", pk=pk)
    role = form.cleaned_data["role"]
    return _person_action(request, pk, lambda user: people.change_role(user, role, actor=request.user),
                          f"{{name}} is now {'an' if role[0] in 'aeiou' else 'a'} {role}.")


@require_POST
@administrators_only
def person_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    return _person_action(request, pk, lambda user: people.deactivate(user, actor=request.user),
                          "Deactivated {name}: they can no longer log in, and their open sessions have stopped. "
                          "Their bylines and author page stay.")


@require_POST
@administrators_only
def person_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    return _person_action(request, pk, lambda user: people.reactivate(user, actor=request.user),
                          "Reactivated {name}: they can log in again with their password.")


@require_POST
@administrators_only
def person_invite(request: HttpRequest, pk: int) -> HttpResponse:
    return _person_action(
        request, pk, lambda user: people.send_invitation(user, actor=request.user, link=link_maker(request)),
        "Sent a new invitation to {email}; earlier invitation links still work until one is used.")


@require_POST
@administrators_only
def person_reset(request: HttpRequest, pk: int) -> HttpResponse:
    return _person_action(
        request, pk, lambda user: people.send_password_reset(user, actor=request.user, link=link_maker(request)),
        "Sent a password reset link to {email}; their current password works until they use it.")


@desk_view
def account(request: HttpRequest) -> HttpResponse:
    """Your own author profile (and a way to your password)."""
    user = request.user
    form = ProfileForm(request.POST or None, initial=ProfileForm.initial_for(user, profile_of(user)), prefix="profile")
    if request.method == "POST":
        if _save_profile(request, user, form):
            messages.success(request, "Saved your author profile; your author page and your stories show it now.")
            return redirect("desk:account")
    return render(request, "desk/account.html", {
        "profile": form, "author": profile_of(user), "nav": "account",
    }, status=400 if form.is_bound and form.errors else 200)


@desk_view
def account_password(request: HttpRequest) -> HttpResponse:
    """Change your own password: Django's PasswordChangeForm (the current one, then the new one twice)."""
    form = plain_password_help(PasswordChangeForm(request.user, request.POST or None))
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)  # this session stays; the others sign out
        messages.success(request, "Your password is changed. Your other sessions have been logged out.")
        return redirect("desk:account")
    return render(request, "desk/account_password.html", {"form": form, "nav": "account"},
                  status=400 if form.is_bound else 200)


def _set_password(request: HttpRequest, kind: str, uidb64: str, token: str) -> HttpResponse:
    checked = account_links.check(kind, uidb64, token)
    if not checked.ok:
        return render(request, "desk/set_password.html", {"kind": kind, "refusal": checked.message(kind)}, status=400)
    user = checked.user
    form = plain_password_help(SetPasswordForm(user, request.POST or None))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()  # the new password hash also retires the link
        messages.success(request, f"Your password is set. Log in as {user.get_username()}.")
        return redirect("desk:login")
    return render(request, "desk/set_password.html", {
        "kind": kind, "form": form, "person": user, "name": people.display_name(user),
    }, status=400 if form.is_bound else 200)


@never_cache
def invitation(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    return _set_password(request, account_links.INVITATION, uidb64, token)


@never_cache
def password_reset(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    return _set_password(request, account_links.RESET, uidb64, token)
