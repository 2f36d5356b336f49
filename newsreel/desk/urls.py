"""The desk's addresses, all under /desk/."""

from django.urls import path

from newsreel.desk.views import (
    articles, auth, autosave, images, listing, people, preview_links, review, revisions, schedule, trash,
)

app_name = "desk"

urlpatterns = [
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path("login/forgot/", auth.ForgotPasswordView.as_view(), name="password_forgot"),
    path("login/forgot/sent/", auth.ForgotPasswordSentView.as_view(), name="password_forgot_sent"),
    path("", listing.article_list, name="articles"),
    path("articles/new/", articles.article_edit, name="article_new"),
    path("articles/<int:pk>/", articles.article_edit, name="article_edit"),
    path("articles/<int:pk>/unpublish/", articles.article_unpublish, name="article_unpublish"),
    path("articles/<int:pk>/revisions/", articles.revision_list, name="revisions"),
    path("articles/<int:pk>/revisions/<int:number>/", articles.revision_detail, name="revision"),
    path("articles/new/autosave/", autosave.autosave_keep, name="autosave_new"),
    path("articles/new/autosave/discard/", autosave.autosave_discard, name="autosave_discard_new"),
    path("articles/<int:pk>/autosave/", autosave.autosave_keep, name="autosave"),
    path("articles/<int:pk>/autosave/discard/", autosave.autosave_discard, name="autosave_discard"),
    path("articles/<int:pk>/presence/", autosave.presence_beat, name="presence"),
    path("articles/<int:pk>/preview-link/", preview_links.preview_link_make, name="preview_link"),
    path("articles/<int:pk>/preview-link/revoke/", preview_links.preview_link_revoke, name="preview_link_revoke"),
    path("articles/<int:pk>/revisions/compare/", revisions.revision_compare, name="revision_compare"),
    path("articles/<int:pk>/revisions/<int:number>/restore/", revisions.revision_restore, name="revision_restore"),
    path("images/", images.image_list, name="images"),
    path("scheduled/", schedule.scheduled_queue, name="scheduled"),
    path("articles/schedule/", schedule.article_schedule, name="article_schedule_new"),
    path("articles/<int:pk>/schedule/", schedule.article_schedule, name="article_schedule"),
    path("articles/<int:pk>/reschedule/", schedule.article_reschedule, name="article_reschedule"),
    path("articles/<int:pk>/unschedule/", schedule.article_unschedule, name="article_unschedule"),
    path("articles/<int:pk>/unpublish-time/", schedule.article_unpublish_time, name="article_unpublish_time"),
    path("articles/<int:pk>/delete/", trash.article_delete, name="article_delete"),
    path("trash/", trash.trash_list, name="trash"),
    path("trash/<int:pk>/restore/", trash.trash_restore, name="trash_restore"),
    path("trash/<int:pk>/purge/", trash.trash_purge, name="trash_purge"),
    path("review/", review.review_queue, name="review"),
    path("articles/<int:pk>/request-changes/", review.review_request_changes, name="review_request_changes"),
    path("articles/<int:pk>/withdraw/", review.review_withdraw, name="review_withdraw"),
    path("articles/<int:pk>/notes/", review.note_add, name="note_add"),
    path("people/", people.people_list, name="people"),
    path("people/new/", people.person_add, name="person_add"),
    path("people/<int:pk>/", people.person_detail, name="person"),
    path("people/<int:pk>/role/", people.person_role, name="person_role"),
    path("people/<int:pk>/deactivate/", people.person_deactivate, name="person_deactivate"),
    path("people/<int:pk>/reactivate/", people.person_reactivate, name="person_reactivate"),
    path("people/<int:pk>/invite/", people.person_invite, name="person_invite"),
    path("people/<int:pk>/reset-password/", people.person_reset, name="person_reset"),
    path("account/", people.account, name="account"),
    path("account/password/", people.account_password, name="account_password"),
    path("welcome/<str:uidb64>/<str:token>/", people.invitation, name="invitation"),
    path("password-reset/<str:uidb64>/<str:token>/", people.password_reset, name="password_reset"),
]
