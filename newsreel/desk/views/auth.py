"""Signing in and out: Django's views, in the desk's frame, closed to accounts without a role."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from newsreel import links
from newsreel.desk.forms import DeskAuthenticationForm


class LoginView(auth_views.LoginView):
    template_name = "desk/login.html"
    authentication_form = DeskAuthenticationForm
    redirect_authenticated_user = True

    def get_redirect_url(self) -> str:
        # Only desk addresses: /desk/login/?next=/ would send an editor to the reader's site.
        url = super().get_redirect_url()
        return url if url.startswith(links.desk_prefix()) else ""

    def get_success_url(self) -> str:
        return self.get_redirect_url() or str(reverse_lazy("desk:articles"))


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("desk:login")

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, "You are logged out.")
        return response
