"""`newsreel webhook`: add endpoints, read the delivery log, redeliver (docs/webhooks.md)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from newsreel.api.models import WebhookDelivery, WebhookEndpoint
from newsreel.api.webhooks.delivery import redeliver
from newsreel.api.webhooks.events import EVENTS, add_endpoint, remove_endpoint


class Command(BaseCommand):
    help = "Add, list and remove webhook endpoints; show deliveries and redeliver one."

    def add_arguments(self, parser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="add an endpoint and print its signing secret")
        add.add_argument("url")
        add.add_argument("--event", action="append", default=[], choices=sorted(EVENTS),
                         help="an event to send (repeat; default all)")
        add.add_argument("--description", default="")
        actions.add_parser("list", help="list endpoints")
        remove = actions.add_parser("remove", help="remove an endpoint and its delivery log")
        remove.add_argument("endpoint_id", type=int)
        log = actions.add_parser("deliveries", help="the delivery log, newest first")
        log.add_argument("--endpoint", type=int)
        log.add_argument("--limit", type=int, default=20)
        again = actions.add_parser("redeliver", help="send a delivery again (enables its endpoint if disabled)")
        again.add_argument("delivery_id", type=int)

    def handle(self, *args, **options) -> None:
        action = options["action"]
        if action == "add":
            try:
                endpoint = add_endpoint(options["url"], events=options["event"], description=options["description"])
            except ValueError as problem:
                raise CommandError(str(problem)) from None
            self.stdout.write(f"endpoint {endpoint.pk}: {endpoint.url} ({', '.join(endpoint.events) or 'all events'})")
            self.stdout.write(f"signing secret: {endpoint.secret}")
        elif action == "list":
            for endpoint in WebhookEndpoint.objects.all():
                state = "enabled" if endpoint.enabled else f"DISABLED: {endpoint.disabled_reason}"
                self.stdout.write(f"{endpoint.pk}  {endpoint.url}  {', '.join(endpoint.events) or 'all events'}  {state}")
        elif action == "remove":
            if not remove_endpoint(options["endpoint_id"]):
                raise CommandError(f"no endpoint has the id {options['endpoint_id']}")
            self.stdout.write(f"removed endpoint {options['endpoint_id']}")
        elif action == "deliveries":
            deliveries = WebhookDelivery.objects.select_related("endpoint")
            if options["endpoint"]:
                deliveries = deliveries.filter(endpoint_id=options["endpoint"])
            for delivery in deliveries[:max(1, options["limit"])]:
                self.stdout.write(f"{delivery.pk}  {delivery.created_at:%Y-%m-%d %H:%M:%S}  {delivery.event:<18} "
                                  f"{delivery.state:<9} attempts {delivery.attempts}  {delivery.endpoint.url}  "
                                  f"{delivery.last_error}")
        else:
            if not WebhookDelivery.objects.filter(pk=options["delivery_id"]).exists():
                raise CommandError(f"no delivery has the id {options['delivery_id']}")
            delivery = redeliver(options["delivery_id"])
            self.stdout.write(f"delivery {delivery.pk} queued again ({delivery.message_id})")
