from django.urls import path, re_path

from practices import api, feeds, routing, submission_views

app_name = "practices"

urlpatterns = [
    path("", routing.serve, name="index"),
    path("fiche-indienen/", submission_views.submit, name="submit"),
    path("inzending/<str:token>/", submission_views.status, name="submission"),
    path("feed/rss/", feeds.PracticeRssFeed(), name="rss"),
    path("feed/atom/", feeds.PracticeAtomFeed(), name="atom"),
    path("api/fiches/", api.practice_list, name="api_list"),
    path("api/fiches/<int:pk>/", api.practice_detail, name="api_detail"),
    path("export.csv", api.practice_csv, name="csv"),
    # Every other address is a fiche (and its forms: wij-ook/, wijziging/, contact/<n>/).
    re_path(r"^(?P<path>[-\w/]+)$", routing.serve, name="page"),
]
