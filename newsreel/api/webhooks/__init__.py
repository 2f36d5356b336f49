"""Webhooks: events from the newsroom and the film graph, signed as the Standard Webhooks
specification says, delivered by the task worker with retries (docs/webhooks.md)."""
