"""Counters for ``GET /metrics`` in the Prometheus text format (no client library needed)."""

from __future__ import annotations

import threading
from collections import defaultdict

# Request latency buckets, seconds: a short sentence on a GPU to a long document on a CPU.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: dict = defaultdict(int)  # (path, status) -> count
        self.latency_counts = [0] * len(BUCKETS)
        self.latency_sum = 0.0
        self.latency_count = 0
        self.sentences = 0

    def observe(self, path: str, status: int, seconds: float) -> None:
        with self._lock:
            self.requests[(path, status)] += 1
            self.latency_sum += seconds
            self.latency_count += 1
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    self.latency_counts[i] += 1

    def add_sentences(self, n: int) -> None:
        with self._lock:
            self.sentences += n

    def render(self, memory_hits: int, batches: int, batched_sentences: int) -> str:
        def label(value: str) -> str:
            return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")

        with self._lock:
            lines = [
                "# HELP kkaligner_requests_total HTTP requests answered, by path and status.",
                "# TYPE kkaligner_requests_total counter",
            ]
            for (path, status), n in sorted(self.requests.items()):
                lines.append(f'kkaligner_requests_total{{path="{label(path)}",status="{status}"}} {n}')
            lines += [
                "# HELP kkaligner_request_seconds Time to answer a request.",
                "# TYPE kkaligner_request_seconds histogram",
            ]
            for bound, n in zip(BUCKETS, self.latency_counts):
                lines.append(f'kkaligner_request_seconds_bucket{{le="{bound}"}} {n}')
            lines += [
                f'kkaligner_request_seconds_bucket{{le="+Inf"}} {self.latency_count}',
                f"kkaligner_request_seconds_sum {self.latency_sum:.6f}",
                f"kkaligner_request_seconds_count {self.latency_count}",
                "# HELP kkaligner_sentences_total Sentences translated.",
                "# TYPE kkaligner_sentences_total counter",
                f"kkaligner_sentences_total {self.sentences}",
            ]
        lines += [
            "# HELP kkaligner_memory_hits_total Sentences served from the translation memory.",
            "# TYPE kkaligner_memory_hits_total counter",
            f"kkaligner_memory_hits_total {memory_hits}",
            "# HELP kkaligner_decode_batches_total Engine calls made by the batching queue.",
            "# TYPE kkaligner_decode_batches_total counter",
            f"kkaligner_decode_batches_total {batches}",
            "# HELP kkaligner_decoded_sentences_total Sentences decoded by the batching queue.",
            "# TYPE kkaligner_decoded_sentences_total counter",
            f"kkaligner_decoded_sentences_total {batched_sentences}",
        ]
        return "\n".join(lines) + "\n"
