"""What every interop peer shares: a bounded life, and an exit as soon as the test runner goes away.

The test holds this process's stdin open; EOF on it means the runner closed it or died, so the
peer never outlives the test even if the runner is killed before its cleanup runs.
"""
import os
import sys
import threading


def guard(lifetime_s: float = 20.0) -> None:
    def on_parent_gone() -> None:
        sys.stdin.read()
        os._exit(0)

    threading.Thread(target=on_parent_gone, daemon=True).start()
    timer = threading.Timer(lifetime_s, lambda: os._exit(3))
    timer.daemon = True
    timer.start()


def say(line: str) -> None:
    print(line, flush=True)
