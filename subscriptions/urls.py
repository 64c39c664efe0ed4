from django.urls import path

from . import views

app_name = "subscriptions"

urlpatterns = [
    path("", views.SubscribeView.as_view(), name="subscribe"),
    path("confirmer/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("desabonnement/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
    path("reabonnement/<str:token>/", views.ResumeView.as_view(), name="resume"),
]
