"""PUB server: binds, then publishes LINES in turn every INTERVAL_MS until it is stopped.

usage: pub_server.py ENDPOINT INTERVAL_MS LINE...   -- first line out: the endpoint it bound
A subscriber that joins late misses what went before (slow joiner), so the lines repeat.
"""
import sys
import time

import zmq

import peer

endpoint, interval_s, lines = sys.argv[1], int(sys.argv[2]) / 1000, sys.argv[3:]
peer.guard()
ctx = zmq.Context()
sock = ctx.socket(zmq.PUB)
sock.setsockopt(zmq.LINGER, 0)
sock.bind(endpoint)
peer.say(sock.getsockopt_string(zmq.LAST_ENDPOINT))
i = 0
while True:
    sock.send_string(lines[i % len(lines)])
    i += 1
    time.sleep(interval_s)
