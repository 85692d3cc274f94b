"""A folder served on 127.0.0.1 under the strict Content-Security-Policy the browser modules must live with.

The policy allows scripts only as files from this origin (no inline script, no eval) and fetches only from
this origin, so a passing run shows the modules need nothing a strict policy forbids.
"""

import functools
import http.server
import threading

CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'"


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript; charset=utf-8",
        ".json": "application/json",
        ".jsonl": "application/jsonl",
        ".html": "text/html; charset=utf-8",
    }

    def end_headers(self):
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        # nosniff: a module served with the wrong type must fail here as it would in production.
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # the test prints its own summary
        pass


class StaticSite:
    """Serves `folder` in a background thread; use as a context manager, then read `url`."""

    def __init__(self, folder):
        handler = functools.partial(_Handler, directory=str(folder))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
