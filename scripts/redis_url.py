"""Print redis://127.0.0.1:6379/15 when Redis answers there, else nothing."""

import socket

try:
    with socket.create_connection(("127.0.0.1", 6379), timeout=1) as s:
        s.sendall(b"PING\r\n")
        if s.recv(16).startswith(b"+PONG"):
            print("redis://127.0.0.1:6379/15")
except OSError:
    pass
