from django import template

from appointments.services import next_steps as next_steps_text

register = template.Library()


@register.simple_tag
def next_steps(request):
    return next_steps_text(request)
