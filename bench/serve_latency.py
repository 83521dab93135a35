#!/usr/bin/env python3
"""Edit-to-reload latency of a preview server, measured from the file write to the reload event
reaching a connected client, as a browser would see it.

Usage: serve_latency.py waymark|hugo PORT FILE [--edits N] [--label TEXT] [--pid PID]

Each edit appends one line to FILE (a content page, a section index or a template) and waits for
the reload event: Server-Sent Events from /__waymark/events for Waymark, the LiveReload
WebSocket at /livereload for Hugo. Prints one JSON line: p50, p95, min, max in milliseconds, and,
with --pid, the server's resident memory after the first edit and after the last.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import socket
import statistics
import sys
import time


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class SSE:
    """A Server-Sent Events client on a plain socket: one event name at a time."""

    def __init__(self, port: int):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=120)
        self.sock.sendall(f"GET /__waymark/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
        self.buffer = b""

    def wait(self, names: set[str]) -> str:
        while True:
            while b"\n\n" in self.buffer:
                block, self.buffer = self.buffer.split(b"\n\n", 1)
                for line in block.decode("utf-8", "replace").splitlines():
                    # Chunked transfer: size lines are not "field: value" lines and are skipped.
                    if line.startswith("event:") and line[6:].strip() in names:
                        return line[6:].strip()
            chunk = self.sock.recv(65536)
            if not chunk:
                raise SystemExit("the event stream closed")
            self.buffer += chunk.replace(b"\r\n", b"\n")


class LiveReload:
    """Hugo's LiveReload WebSocket: handshake, hello, then wait for a reload command."""

    def __init__(self, port: int):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=120)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /livereload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(4096)
        self.buffer = response.split(b"\r\n\r\n", 1)[1]
        # Hugo looks for the exact bytes '"command":"hello"', so no spaces.
        self.send(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}, separators=(",", ":")))

    def send(self, text: str) -> None:
        data, mask = text.encode(), os.urandom(4)
        header = bytes([0x81, 0x80 | len(data)]) if len(data) < 126 else bytes([0x81, 0xFE]) + len(data).to_bytes(2, "big")
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def read_exactly(self, n: int) -> bytes:
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise SystemExit("the LiveReload socket closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def message(self) -> str:
        first, second = self.read_exactly(2)
        length = second & 0x7F
        if length == 126:
            length = int.from_bytes(self.read_exactly(2), "big")
        elif length == 127:
            length = int.from_bytes(self.read_exactly(8), "big")
        payload = self.read_exactly(length)
        return payload.decode("utf-8", "replace") if first & 0x0F == 1 else ""

    def wait(self, names: set[str]) -> str:
        while True:
            text = self.message()
            try:
                command = json.loads(text).get("command", "")
            except ValueError:
                continue
            if command in names:
                return command


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("server", choices=["waymark", "hugo"])
    parser.add_argument("port", type=int)
    parser.add_argument("file")
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--label", default="")
    parser.add_argument("--pid", type=int)
    args = parser.parse_args()
    client = SSE(args.port) if args.server == "waymark" else LiveReload(args.port)
    if args.server == "hugo":
        client.wait({"hello"})
    wanted = {"reload", "css"} if args.server == "waymark" else {"reload"}
    template = args.file.endswith((".html", ".mustache"))
    times, memory = [], []
    for number in range(args.edits):
        line = f"\n<!-- edit {number} -->\n" if template else f"\nEdited line {number} about forced labour.\n"
        started = time.perf_counter()
        with open(args.file, "a", encoding="utf-8") as file:
            file.write(line)
        client.wait(wanted)
        times.append((time.perf_counter() - started) * 1000)
        time.sleep(0.3)  # past the watcher's quiet period, so edits are separate saves, and the
        # search index has caught up before memory is read
        if args.pid and number in (0, args.edits - 1):
            memory.append(round(rss_mb(args.pid), 1))
    times.sort()
    print(json.dumps({
        "server": args.server, "edit": args.label, "edits": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1),
        "min_ms": round(times[0], 1), "max_ms": round(times[-1], 1),
        "rss_first_mb": memory[0] if memory else None, "rss_last_mb": memory[-1] if memory else None,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
