from newsreel.api.service import api

urlpatterns = api.urls[0]
