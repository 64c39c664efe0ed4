"""An activity or event that takes requests, and requests made through the service."""

from registrations.services import request_place
from tests.houses.factories import make_activity, make_event, make_house


def open_activity(*houses, places=5, **fields):
    houses = houses or (make_house(),)
    return make_activity(*houses, accepts_requests=True, places=places, **fields)


def open_event(organiser=None, *, places=5, **fields):
    return make_event(organiser or make_house(), accepts_requests=True, places=places, **fields)


def ask(item, *, name="Camille Martin", email="camille@example.net", phone="", people=1, **more):
    return request_place(item=item, name=name, email=email, phone=phone, people=people, **more)
