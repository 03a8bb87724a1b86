"""A static HTTP server for the built book on 127.0.0.1, compressing text with gzip when the
client asks for it, as ordinary static hosts do. Used by the browser tests and `make audit`."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import threading
from contextlib import contextmanager
from pathlib import Path

TEXT = {".html", ".css", ".js", ".svg", ".json", ".txt", ".csv", ".xml"}


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in TEXT and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        import io

        return io.BytesIO(body)


@contextmanager
def serve(folder: Path):
    """Serve ``folder``; yields the base URL (http://127.0.0.1:PORT)."""
    handler = functools.partial(Handler, directory=os.fspath(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
