"""Signing in and out, and "Forgot your password?": Django's views, in the desk's frame, closed
to accounts without a role."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse_lazy

from newsreel import links
from newsreel.desk import throttle
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


class ForgotPasswordView(auth_views.PasswordResetView):
    """Ask for a password reset link by e-mail address (Django's PasswordResetView and its form).

    The answer is the same page whether or not an account uses the address, and takes the same
    time: the request only queues the mail (`newsreel.newsroom.tasks.send_reset_links`), and the
    worker looks the address up and sends. Requests are throttled like log-ins
    (`newsreel.desk.throttle`). The link leads to the desk's own reset page (`password_reset`),
    which says why a link does not work when it does not."""

    template_name = "desk/password_forgot.html"
    form_class = PasswordResetForm
    success_url = reverse_lazy("desk:password_forgot_sent")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["email"].help_text = "The address your desk account uses. Your username will not do."
        return form

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        from newsreel.newsroom.tasks import send_reset_links

        email = form.cleaned_data["email"]
        if not throttle.reset_request_allowed(self.request, email):
            return self.render_to_response(self.get_context_data(form=form, paused=throttle.reset_paused_message()),
                                           status=429)
        send_reset_links.enqueue(email)
        return HttpResponseRedirect(self.get_success_url())

    def form_invalid(self, form: PasswordResetForm) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ForgotPasswordSentView(auth_views.PasswordResetDoneView):
    template_name = "desk/password_forgot_sent.html"

    def get_context_data(self, **kwargs):
        from newsreel.newsroom import account_links

        return {**super().get_context_data(**kwargs), "reset_days": account_links.days(account_links.RESET)}
