"""Reading an import's items in a second process, ahead of the one that stores them.

The import's writer (validation, the text core, publishing, the database) keeps one core
busy. Reading a post of an export (its HTML to Markdown, its pictures looked up in
--media) asks the database nothing, so an item that says how (`Item.read`, whose result
pickles) is read by a forked process on the other core while the writer stores the
stories before it. The writer then only finishes each item (`Item.finish`): its drafts,
warnings and failures are the ones reading it in the writer would give, in the same order.

An item the reader could not read or send (an exception, a value that does not pickle) is
read again by the writer, where it fails alone and named as it always did; a reader that
dies, or sends nothing for a minute, leaves the items it did not send to the writer. Nothing is read ahead on one core,
where there is no fork, or for items that are not a list (a generator may be reading a file
whose offset the two processes would share).
"""

from __future__ import annotations

import os
import pickle
import signal
import time
from contextlib import contextmanager
from functools import partial
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

if TYPE_CHECKING:
    from newsreel.importers.runner import Item

# How long the writer waits for the reader's next answer before reading the rest itself (a reader
# stuck, on a lock some thread of the writer held when it forked, must not stop the import).
PATIENCE_SECONDS = 60.0

# How long a reader that has sent everything gets to exit on its own before it is signalled: its
# exit may save what a tool (coverage) recorded in it, which a signal would cut short.
GRACE_SECONDS = 2.0

# An answer is the item's index in these many bytes, then the pickled (warnings, value); or nothing
# after the index, for an item the reader leaves to the writer.
_INDEX_BYTES = 4


def possible(items: Iterable["Item"]) -> bool:
    """Whether reading ahead can help: a second core, fork, and a list with an item to read."""
    return (hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and isinstance(items, list)
            and any(item.read is not None for item in items))


@contextmanager
def read_ahead(items: Iterable["Item"]) -> Iterator[Iterable["Item"]]:
    """The same items, those with a `read` read by a forked process when `possible`; it ends with the block."""
    if not possible(items):
        yield items
        return
    receiver, sender = Pipe(duplex=False)
    pid = os.fork()
    if pid == 0:  # the reader: never returns
        receiver.close()
        _read_all(items, sender)
    sender.close()
    reader = _Reader(receiver, pid)
    for index, item in enumerate(items):
        if item.read is not None:
            item.read = reader.reading(index, item, item.read)
    try:
        yield items
    finally:
        receiver.close()
        reader.end()


def _read_all(items: list["Item"], sender: Connection) -> None:
    """In the forked reader: each item's read, in order, with the warnings it added; then exit."""
    code = 0
    try:
        for index, item in enumerate(items):
            if item.read is None:
                continue
            before = len(item.warnings)
            try:
                value = item.read()
                answer = pickle.dumps((item.warnings[before:], value), pickle.HIGHEST_PROTOCOL)
            except Exception:  # noqa: BLE001 - the writer reads it again, and fails it alone, named
                answer = b""
            sender.send_bytes(index.to_bytes(_INDEX_BYTES, "big") + answer)
    except BaseException:  # noqa: BLE001 - the writer stopped listening, or was stopped: so is the reader
        code = 1
    finally:
        os._exit(code)  # nothing of the writer's (its database connection, its atexit) is the reader's to close


class _Reader:
    """The writer's end: the reader's answers, taken in order, kept until their item asks."""

    def __init__(self, receiver: Connection, pid: int) -> None:
        self.receiver, self.pid = receiver, pid
        self.received: dict[int, bytes] = {}
        self.ended = False

    def end(self) -> None:
        """Wait for the reader to exit (it does once it has sent everything, or on its next send
        to the closed pipe); one still reading after `GRACE_SECONDS` is stopped."""
        deadline = time.monotonic() + GRACE_SECONDS
        while time.monotonic() < deadline:
            if os.waitpid(self.pid, os.WNOHANG)[0]:
                return
            time.sleep(0.01)
        self.stop()
        os.waitpid(self.pid, 0)

    def stop(self) -> None:
        """End the reader: done already, stuck, or reading what nobody will store."""
        self.ended = True
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass

    def reading(self, index: int, item: "Item", read: Callable[[], Any]) -> Callable[[], Any]:
        """`read` as the writer calls it: the reader's answer for item `index`, else read here."""
        def answered() -> Any:
            answer = self._answer(index)
            if not answer:
                item.read = read  # read here, now and if asked again
                return read()
            item.read = partial(_as_read, item, answer)  # a refused chunk asks again
            return item.read()
        return answered

    def _answer(self, index: int) -> bytes | None:
        while index not in self.received and not self.ended:
            try:
                if not self.receiver.poll(PATIENCE_SECONDS):
                    self.stop()  # stuck: the rest is read here
                    break
                answer = self.receiver.recv_bytes()
            except (EOFError, OSError):
                self.ended = True  # the reader is gone: the rest is read here
                break
            self.received[int.from_bytes(answer[:_INDEX_BYTES], "big")] = answer[_INDEX_BYTES:]
        return self.received.pop(index, None)


def _as_read(item: "Item", answer: bytes) -> Any:
    """What reading the item here gives: its warnings added, a value of its own (finishing may change it)."""
    warnings, value = pickle.loads(answer)
    item.warnings += warnings
    return value
