"""REQ client that survives a server restart (the guide's Lazy Pirate): a request with no reply
within the timeout is sent again on a fresh socket, so the flow resumes when the server is back.

usage: req_retry.py ENDPOINT COUNT INTERVAL_MS   -- first line out: the endpoint, then each reply
"""
import sys
import time

import zmq

import peer

endpoint, count, interval = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) / 1000
peer.guard(30.0)
ctx = zmq.Context()


def fresh():
    s = ctx.socket(zmq.REQ)
    s.setsockopt(zmq.LINGER, 0)
    s.setsockopt(zmq.RCVTIMEO, 700)
    s.connect(endpoint)
    return s


sock = fresh()
peer.say(endpoint)
i = 0
while i < count:
    sock.send_string(f"req {i}")
    try:
        peer.say(sock.recv_string())
        i += 1
        time.sleep(interval)
    except zmq.Again:
        peer.say(f"retry req {i}")
        sock.close()
        sock = fresh()
peer.say("done")
sock.close()
ctx.term()
