"""What `newsreel serve` checks and arranges before it hands the process to granian.

Kept out of the command itself so the command stays a list of steps.
"""

from __future__ import annotations

import errno
import json
import os
import socket
from pathlib import Path

from newsreel.config import Config


class PortTaken(Exception):
    """Another process listens on the address `serve` was asked to use."""


def ensure_port_free(host: str, port: int) -> None:
    """Raise PortTaken when something already listens on host:port.

    granian binds its socket with SO_REUSEPORT, so a second `newsreel serve` on a taken port
    starts without an error and the kernel splits the connections between the two servers
    (each perhaps on another database). A plain bind, without SO_REUSEPORT, fails on such a
    port; SO_REUSEADDR still lets a restart reuse a port whose old connections linger.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise PortTaken(f"--host {host}: not an address this machine can listen on ({error.strerror})") from None
    for family, kind, proto, _name, address in infos[:1]:
        probe = socket.socket(family, kind, proto)
        try:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise PortTaken(
                    f"port {port} on {host} is already in use (another `newsreel serve`?). Stop that "
                    f"server, or pick another port with --port."
                ) from None
            raise PortTaken(f"cannot listen on {host}:{port}: {error.strerror}") from None
        finally:
            probe.close()


def granian_log_args(config: Config) -> list[str]:
    """granian's flags for the access log and, with NEWSREEL_LOG_FORMAT=json, its log format."""
    args = ["--access-log"] if config.access_log else ["--no-access-log"]
    if config.log_format == "json":
        args += ["--log-config", str(_write_log_config(config.data_dir))]
    return args


def _write_log_config(data_dir: Path) -> Path:
    """granian's logging configuration (dictConfig JSON): JSON lines for its own and access logs."""
    formatter = {"()": "newsreel.operations.logs.JsonFormatter"}
    config = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"generic": formatter, "access": formatter},
        "handlers": {
            "console": {"formatter": "generic", "class": "logging.StreamHandler", "stream": "ext://sys.stdout"},
            "access": {"formatter": "access", "class": "logging.StreamHandler", "stream": "ext://sys.stdout"},
        },
        "loggers": {
            "_granian": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "granian.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
        },
    }
    path = data_dir / "granian-logging.json"
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(json.dumps(config, indent=2))
    os.replace(temporary, path)  # several servers may share a data folder
    return path
