"""PUSH client: connects, pushes each LINE once, then stays connected until it is stopped.

usage: push_lines.py ENDPOINT LINE...   -- first line out: the endpoint it connected to
"""
import sys
import threading

import zmq

import peer

endpoint, lines = sys.argv[1], sys.argv[2:]
peer.guard()
ctx = zmq.Context()
sock = ctx.socket(zmq.PUSH)
sock.setsockopt(zmq.LINGER, 0)
sock.connect(endpoint)
peer.say(endpoint)
for line in lines:
    sock.send_string(line)  # queued, or blocked while no pipe is open (a refused peer closes it)
    peer.say(f"sent {line}")
threading.Event().wait()
