"""REQ client (the seed's hwclient): sends 'hello 0'..'hello N-1', prints each reply.

usage: req_client.py ENDPOINT COUNT   -- first line out: the endpoint it connected to
"""
import sys

import zmq

import peer

endpoint, count = sys.argv[1], int(sys.argv[2])
peer.guard()
ctx = zmq.Context()
sock = ctx.socket(zmq.REQ)
sock.setsockopt(zmq.LINGER, 0)
sock.setsockopt(zmq.RCVTIMEO, 5000)  # a missing reply ends the peer with a traceback, not a hang
sock.connect(endpoint)
peer.say(endpoint)
for i in range(count):
    sock.send_string(f"hello {i}")
    peer.say(sock.recv_string())
sock.close()
ctx.term()
