"""The forms of the desk's Integrations page: a new API key, a new webhook endpoint.

They only shape what the administrator typed; the services (`newsreel.api.keys.create_key`,
`newsreel.api.webhooks.events.add_endpoint`) validate it, so the desk and the command line
refuse the same things with the same words.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from newsreel.api.keys import SCOPES
from newsreel.api.models import KeyKind
from newsreel.api.webhooks.events import EVENTS
from newsreel.newsroom.roles import ROLES


class ApiKeyForm(forms.Form):
    name = forms.CharField(max_length=120, help_text="What the key is for, e.g. “Homepage widget” or “Wire importer”.")
    kind = forms.ChoiceField(
        choices=[(KeyKind.CONTENT, "Content API: read-only, what readers may see"),
                 (KeyKind.ADMIN, "Admin API: acts as a desk account, with its role")],
        widget=forms.RadioSelect, initial=KeyKind.CONTENT)
    user = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(), required=False, label="Acts as",
        help_text="Admin keys only: the desk account whose role the key has (a contributor's key can only write drafts).")
    scopes = forms.MultipleChoiceField(
        choices=[(scope, f"{scope}: {what}") for scope, what in SCOPES.items()], required=False,
        widget=forms.CheckboxSelectMultiple, label="What it may do",
        help_text="Admin keys only; none ticked means all of them, within the person's role.")
    origins = forms.CharField(
        required=False, label="Browser origins",
        help_text="Content keys only: sites whose pages may call the API with this key (CORS), separated by "
                  "spaces, e.g. https://widgets.example.com; * for any.")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (get_user_model().objects.filter(is_active=True, groups__name__in=ROLES)
                                        .distinct().order_by("username"))

    def origin_list(self) -> list[str]:
        return self.cleaned_data["origins"].split()


class WebhookForm(forms.Form):
    url = forms.CharField(max_length=500, label="URL",
                          help_text="Where each message is POSTed, e.g. https://hooks.example.com/newsreel. "
                                    "Public addresses only.")
    events = forms.MultipleChoiceField(
        choices=[(event, f"{event}: {what}") for event, what in EVENTS.items()], required=False,
        widget=forms.CheckboxSelectMultiple, help_text="None ticked means every event.")
    description = forms.CharField(max_length=200, required=False, help_text="Who receives it, for the next person.")
