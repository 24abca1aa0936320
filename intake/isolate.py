"""Run untrusted parsing (PDF, DOCX, MIME) in child processes with a time limit and a memory limit.

pdfminer is known to hang and to blow up memory on hostile files; a C library (PDFium) can crash outright. Each
worker is a separate process: a job that runs past its time is killed with its worker, a job that crashes or runs
out of memory ends its worker, and the pool starts a fresh one for the next job. The caller gets an exception that
says which of these happened, never a hang.

Jobs name their function as ``"module:function"`` so that the child imports it itself (spawned children share no
state with the parent: no open database connections, no sockets).
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import queue
import threading
from concurrent.futures import Future
from typing import Any

log = logging.getLogger(__name__)


class IsolationError(Exception):
    """Raised (through the job's future) when a job could not run to its end in its worker."""


class JobTimeout(IsolationError):
    """Raised when a job ran past its time limit; its worker was killed."""


class JobCrashed(IsolationError):
    """Raised when the worker died during the job (a crash in a C library, or the memory limit)."""


class JobFailed(IsolationError):
    """Raised when the job's function raised; ``kind`` is the exception's class name in the child."""

    def __init__(self, kind: str, message: str):
        super().__init__(f"{kind}: {message}")
        self.kind = kind


def _limit_memory(extra_mb: int) -> None:
    """Cap the address space at what the worker uses now plus ``extra_mb`` (Linux; elsewhere nothing)."""
    try:
        import resource

        with open("/proc/self/status") as fh:
            vm_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmSize:"))
        cap = (vm_kb * 1024) + extra_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (OSError, ValueError, StopIteration, ImportError):  # pragma: no cover - non-Linux
        pass


def _resolve(spec: str):
    module, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module), attr)


def _worker_main(conn, memory_mb: int, preload: tuple[str, ...]) -> None:  # runs in the child
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    logging.basicConfig(level=logging.WARNING)
    for spec in preload:
        try:
            _resolve(spec)
        except Exception:  # noqa: BLE001 - the job itself will report it
            pass
    _limit_memory(memory_mb)
    funcs: dict[str, Any] = {}
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        spec, args = job
        try:
            func = funcs.get(spec) or funcs.setdefault(spec, _resolve(spec))
            result = ("ok", func(*args))
        except MemoryError:
            result = ("err", "MemoryError", "out of memory")
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which decides
            result = ("err", type(exc).__name__, str(exc)[:500])
        try:
            conn.send(result)
        except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable result
            conn.send(("err", type(exc).__name__, str(exc)[:500]))
        if result[0] == "err" and result[1] == "MemoryError":
            return  # the heap may be in a bad state: let the pool start a fresh worker


class _Worker:
    def __init__(self, memory_mb: int, preload: tuple[str, ...]):
        self.memory_mb = memory_mb
        self.preload = preload
        self.proc = None
        self.conn = None

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, self.memory_mb, self.preload), daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent

    def run(self, spec: str, args: tuple, timeout: float):
        if self.proc is None or not self.proc.is_alive():
            self.stop()
            self._start()
        try:
            self.conn.send((spec, args))
            if not self.conn.poll(timeout):
                self.kill()
                raise JobTimeout(f"no result after {timeout:g} s")
            reply = self.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            code = self.proc.exitcode if self.proc else None
            self.kill()
            raise JobCrashed(f"worker died (exit code {code})") from None
        if reply[0] == "ok":
            return reply[1]
        if reply[1] == "MemoryError":
            self.kill()
        raise JobFailed(reply[1], reply[2])

    def kill(self) -> None:
        if self.proc is not None and self.proc.pid is not None:
            if self.proc.is_alive():
                self.proc.kill()
            self.proc.join(5)
        self.stop()

    def stop(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except OSError:
                pass
        if self.proc is not None and self.proc.pid is not None and self.proc.is_alive():
            self.proc.terminate()
            self.proc.join(5)
        self.proc = None
        self.conn = None


class WorkerPool:
    """``workers`` isolated processes; ``submit`` returns a future, ``call`` waits for the result.

    Workers start on first use. The pool is thread-safe; ``close`` ends the workers.
    """

    def __init__(self, workers: int = 1, *, memory_mb: int = 512, preload: tuple[str, ...] = ()):
        self.workers = max(1, workers)
        self.memory_mb = memory_mb
        self.preload = preload
        self._jobs: queue.Queue = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._closed = False
        self._warm = False

    def start(self) -> None:
        """Start every worker now (they import their modules while the caller does other work)."""
        self._warm = True
        self._ensure_threads()

    def _ensure_threads(self) -> None:
        with self._lock:
            if self._closed:
                raise RuntimeError("pool is closed")
            while len(self._threads) < self.workers:
                t = threading.Thread(target=self._serve, name=f"isolate-{len(self._threads)}", daemon=True)
                t.start()
                self._threads.append(t)

    def _serve(self) -> None:
        worker = _Worker(self.memory_mb, self.preload)
        try:
            if self._warm:
                try:
                    worker._start()
                except Exception:  # noqa: BLE001 - the first job starts it again and reports what fails
                    worker.stop()
            while True:
                item = self._jobs.get()
                if item is None:
                    return
                future, spec, args, timeout = item
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    future.set_result(worker.run(spec, args, timeout))
                except IsolationError as exc:
                    future.set_exception(exc)
                except BaseException as exc:  # noqa: BLE001 - e.g. an unpicklable argument, a failed start
                    try:
                        worker.kill()
                    except Exception:  # noqa: BLE001
                        worker.proc = worker.conn = None
                    future.set_exception(JobFailed(type(exc).__name__, str(exc).strip().splitlines()[0]
                                                   if str(exc).strip() else ""))
        finally:
            worker.stop()

    def submit(self, spec: str, *args: Any, timeout: float) -> Future:
        self._ensure_threads()
        future: Future = Future()
        self._jobs.put((future, spec, args, timeout))
        return future

    def call(self, spec: str, *args: Any, timeout: float) -> Any:
        return self.submit(spec, *args, timeout=timeout).result()

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            threads = list(self._threads)
        for _ in threads:
            self._jobs.put(None)
        for t in threads:
            t.join(10)

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
