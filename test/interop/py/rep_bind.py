"""REP server that binds (a real system's server): answers each request with '<request> done by python'.

usage: rep_bind.py ENDPOINT   -- first line out: the endpoint it bound, then 'Got <request>'
"""
import sys

import zmq

import peer

endpoint = sys.argv[1]
peer.guard()
ctx = zmq.Context()
sock = ctx.socket(zmq.REP)
sock.setsockopt(zmq.LINGER, 0)
sock.bind(endpoint)
peer.say(endpoint)
while True:
    request = sock.recv_string()
    peer.say(f"Got {request}")
    sock.send_string(f"{request} done by python")
