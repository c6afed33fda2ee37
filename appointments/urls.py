from django.urls import path

from appointments import views

app_name = "appointments"

urlpatterns = [
    path("", views.request_form, name="request"),
    path("<str:token>/", views.request_status, name="status"),
    path("<str:token>/afspraak.ics", views.request_calendar, name="calendar"),
]
