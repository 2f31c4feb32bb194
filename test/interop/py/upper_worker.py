"""Pipeline worker: PULL tasks from IN, upper-case them, PUSH results to OUT (both connect).

usage: upper_worker.py IN_ENDPOINT OUT_ENDPOINT   -- first line out: 'IN -> OUT', then 'Got <task>'
"""
import sys

import zmq

import peer

source, sink = sys.argv[1], sys.argv[2]
peer.guard()
ctx = zmq.Context()
tasks = ctx.socket(zmq.PULL)
results = ctx.socket(zmq.PUSH)
for s in (tasks, results):
    s.setsockopt(zmq.LINGER, 0)
tasks.connect(source)
results.connect(sink)
peer.say(f"{source} -> {sink}")
while True:
    task = tasks.recv_string()
    peer.say(f"Got {task}")
    results.send_string(task.upper())
