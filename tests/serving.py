"""A live ``kkalign serve`` for tests: a subprocess on 127.0.0.1 and a free port, stopped with SIGTERM.

Run as users run it (the CLI, uvicorn, signals), with the tiny model and a short decode so that
requests take milliseconds. ``ServerProcess.stop()`` returns the exit status.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

import httpx

SRC = str(Path(__file__).resolve().parents[1] / "src")

# Glossary the tests pick by name ("terms"): a term the test texts contain.
TERMS_TSV = "source\ttarget\nБәйтерек\tBaiterek\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    def __init__(self, model: Path, workdir: Path, args: Sequence[str] = ()) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workdir = workdir
        self.tmp = workdir / "tmp"  # the server's temporary folder: uploads live under it
        self.tmp.mkdir(parents=True, exist_ok=True)
        glossary = workdir / "terms.tsv"
        glossary.write_text(TERMS_TSV, encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""),
                   TMPDIR=str(self.tmp), HF_HUB_OFFLINE="1")
        self.log_path = workdir / "server.log"
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kkaligner", "serve", "--model", str(model), "--port", str(self.port),
             "--glossary", str(glossary), "--beam", "1", "--max-length", "16", "--engine", "transformers",
             *args],
            stdout=self.log, stderr=subprocess.STDOUT, env=env,
        )
        self._wait_ready()

    def _wait_ready(self, timeout: float = 120) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with {self.proc.returncode}:\n{self.output()}")
            try:
                if httpx.get(self.url + "/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the server did not start in {timeout} s:\n{self.output()}")

    def output(self) -> str:
        if not self.log.closed:
            self.log.flush()
        return self.log_path.read_text("utf-8", "replace")[-5000:]

    def stop(self, timeout: float = 60) -> Optional[int]:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        return self.proc.returncode
