#!/usr/bin/env python3
"""An external-task worker for a Madoguchi connector (docs/operations.md#an-external-task-system).

It fetches its topic from the engine, gets the person's identifiers from the desk with the task's one-time handle,
and then either searches its own system and posts the records (a search: no connectorAction), or carries out the
action a manager approved (connectorAction ERASURE, CORRECTION or SUSPENSION) and reports the outcome; then it
completes the task. Standard library only.

Environment: MADOGUCHI_URL (e.g. https://desk.internal), WORKER_USER / WORKER_PASSWORD (its Camunda user),
WORKER_TOPIC (e.g. search-legacy-crm), WORKER_SECRET (the connector's secret, as in secret-env).
"""
import base64
import hashlib
import hmac
import json
import os
import time
import urllib.error
import urllib.request

DESK = os.environ["MADOGUCHI_URL"].rstrip("/")
TOPIC = os.environ["WORKER_TOPIC"]
SECRET = os.environ["WORKER_SECRET"].encode()
BASIC = base64.b64encode(f"{os.environ['WORKER_USER']}:{os.environ['WORKER_PASSWORD']}".encode()).decode()
WORKER_ID = f"{TOPIC}-{os.getpid()}"


def engine(path, body):
    request = urllib.request.Request(DESK + "/engine-rest" + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": "Basic " + BASIC})
    with urllib.request.urlopen(request, timeout=60) as response:
        text = response.read()
        return json.loads(text) if text else None


def desk(method, path, body=None):
    """A call to the desk, signed: HMAC-SHA256 over '<timestamp>\\n<path>\\n<body>'."""
    text = "" if body is None else json.dumps(body, ensure_ascii=False)
    timestamp = str(int(time.time()))
    signature = hmac.new(SECRET, f"{timestamp}\n{path}\n{text}".encode(), hashlib.sha256).hexdigest()
    request = urllib.request.Request(DESK + path, data=text.encode() if body is not None else None, method=method,
                                     headers={"Content-Type": "application/json", "X-Madoguchi-Timestamp": timestamp,
                                              "X-Madoguchi-Signature": signature})
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read()
        return json.loads(text) if text else None


def search_own_system(identifiers):
    """Replace with the system's own search; return records per category code of the inventory."""
    return {"LEGACY_CUSTOMER": [{"customerNo": "C-1", "email": identifiers["email"]}]} if identifiers["email"] else {}


def act_on_own_system(action, identifiers):
    """Replace with the system's own erasure, correction or suspension; return how many records it changed."""
    return 1 if identifiers["email"] else 0


def work_once():
    tasks = engine("/external-task/fetchAndLock", {
        "workerId": WORKER_ID, "maxTasks": 1, "asyncResponseTimeout": 30000,
        "topics": [{"topicName": TOPIC, "lockDuration": 300000, "variables": ["connectorHandle", "connectorAction"]}]})
    for task in tasks:
        handle = task["variables"]["connectorHandle"]["value"]
        try:
            identifiers = desk("GET", f"/api/connectors/worker/identifiers/{handle}")["identifiers"]
            action = task["variables"].get("connectorAction", {}).get("value")
            if action is None:
                desk("POST", f"/api/connectors/worker/results/{handle}", {"records": search_own_system(identifiers)})
            else:
                count = act_on_own_system(action, identifiers)
                desk("POST", f"/api/connectors/worker/outcomes/{handle}", {"status": "done", "count": count})
            engine(f"/external-task/{task['id']}/complete", {"workerId": WORKER_ID})
        except (urllib.error.URLError, KeyError) as failure:
            # no personal data in the message: it becomes the engine's incident
            retries = task.get("retries")
            engine(f"/external-task/{task['id']}/failure", {
                "workerId": WORKER_ID, "errorMessage": f"worker failed: {type(failure).__name__}",
                "retries": 2 if retries is None else max(retries - 1, 0), "retryTimeout": 60000})


if __name__ == "__main__":
    while True:
        work_once()
