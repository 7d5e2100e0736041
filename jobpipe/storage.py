"""The data root as an object-store URI: steps work on a local mirror, synced per partition.

``JOBPIPE_DATA_ROOT`` may be a local folder or an S3-compatible URI::

    s3://bucket/prefix?endpoint_override=minio.internal:9000&scheme=http&region=eu-west-1

The steps keep working on local files. :func:`staged` pulls the partitions a step reads
from the store into a private folder of the task (under ``JOBPIPE_WORK_DIR``, default a folder
under the temp directory), runs the step there and, when it succeeds, pushes the partitions it
wrote back; the folder is removed afterwards.
A pushed pattern is mirrored: remote files that match it but no longer exist locally are
deleted, so re-running a date replaces that date's partition in the store too. For a local
data root :func:`staged` does nothing and yields the root itself.

Credentials never go in the URI: they come from the standard AWS variables
(``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY``) or are passed in (the Airflow DAG reads them
from the ``jobpipe_storage`` connection).
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)

URI_OPTIONS = ("endpoint_override", "scheme", "region")


class StorageError(ValueError):
    """The data-root URI is unusable; the message says how to fix it."""


def is_remote(root: str | Path) -> bool:
    """True for an object-store URI (``s3://...``), False for a local path."""
    return isinstance(root, str) and urlsplit(root).scheme == "s3"


@dataclass(frozen=True)
class Credentials:
    access_key: str | None = None
    secret_key: str | None = None
    session_token: str | None = None

    def __repr__(self) -> str:  # never print a secret
        return f"Credentials(access_key={'***' if self.access_key else None})"


class ObjectStore:
    """An S3-compatible bucket prefix, read and written with pyarrow's S3 filesystem."""

    def __init__(self, uri: str, credentials: Credentials | None = None) -> None:
        from pyarrow import fs

        parts = urlsplit(uri)
        if parts.scheme != "s3":
            raise StorageError(f"{uri!r} is not an s3:// URI")
        if parts.username or parts.password:
            raise StorageError(
                "do not put credentials in the data-root URI: set AWS_ACCESS_KEY_ID/"
                "AWS_SECRET_ACCESS_KEY or the Airflow connection jobpipe_storage"
            )
        if not parts.hostname:
            raise StorageError(f"{uri!r} has no bucket: use s3://bucket/prefix")
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        unknown = set(query) - set(URI_OPTIONS)
        if unknown:
            raise StorageError(
                f"unknown data-root URI options {sorted(unknown)}; "
                f"allowed: {', '.join(URI_OPTIONS)}"
            )
        creds = credentials or Credentials()
        self.uri = uri
        self.base = f"{parts.hostname}/{parts.path.strip('/')}".rstrip("/")
        self.fs = fs.S3FileSystem(
            access_key=creds.access_key,
            secret_key=creds.secret_key,
            session_token=creds.session_token,
            **{k: v for k, v in query.items()},
        )

    def _remote(self, rel: str) -> str:
        return f"{self.base}/{rel}"

    def list(self, pattern: str) -> list[str]:
        """Relative paths of the stored files that match a glob pattern (``*`` spans ``/``)."""
        return sorted(self._infos(pattern))

    def _infos(self, pattern: str) -> dict[str, Any]:
        from pyarrow import fs

        if "*" not in pattern:
            info = self.fs.get_file_info(self._remote(pattern))
            return {pattern: info} if info.type == fs.FileType.File else {}
        prefix = _prefix(pattern)
        remote = self._remote(prefix) if prefix else self.base
        selector = fs.FileSelector(remote, recursive=True, allow_not_found=True)
        out = {}
        for info in self.fs.get_file_info(selector):
            if info.type == fs.FileType.File:
                rel = info.path[len(self.base) + 1 :]
                if fnmatch.fnmatchcase(rel, pattern):
                    out[rel] = info
        return out

    def pull(self, local_root: Path, patterns: Iterable[str]) -> list[str]:
        """Copy matching files down; local files matching a pattern but not stored are removed.

        A local copy with the stored file's size and modification time is kept as it is, so a
        warm mirror only downloads what changed.
        """
        copied: list[str] = []
        for pattern in patterns:
            remote = self._infos(pattern)
            for stale in _local_matches(local_root, pattern) - set(remote):
                (local_root / stale).unlink()
            for rel, info in sorted(remote.items()):
                target = local_root / rel
                mtime = info.mtime.timestamp() if info.mtime else None
                if target.is_file() and mtime is not None:
                    local = target.stat()
                    if local.st_size == info.size and local.st_mtime == mtime:
                        continue
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_name(f".{target.name}.{os.getpid()}.pull")
                with self.fs.open_input_stream(self._remote(rel)) as src, open(tmp, "wb") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
                if mtime is not None:
                    os.utime(tmp, (mtime, mtime))
                os.replace(tmp, target)
                copied.append(rel)
        return copied

    def push(self, local_root: Path, patterns: Iterable[str]) -> list[str]:
        """Upload matching local files; stored files matching a pattern but gone locally go."""
        uploaded: list[str] = []
        for pattern in patterns:
            local = _local_matches(local_root, pattern)
            for stale in set(self.list(pattern)) - local:
                self.fs.delete_file(self._remote(stale))
            for rel in sorted(local):
                with open(local_root / rel, "rb") as src, self.fs.open_output_stream(
                    self._remote(rel)
                ) as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
                uploaded.append(rel)
        return uploaded

    def delete(self, patterns: Iterable[str]) -> list[str]:
        """Delete every stored file matching the patterns."""
        gone: list[str] = []
        for pattern in patterns:
            for rel in self.list(pattern):
                self.fs.delete_file(self._remote(rel))
                gone.append(rel)
        return gone


def _prefix(pattern: str) -> str:
    """The folder a glob pattern starts in (``""`` for the root)."""
    head = pattern.split("*", 1)[0]
    return head.rsplit("/", 1)[0] if "/" in head else ""


def _local_matches(local_root: Path, pattern: str) -> set[str]:
    base = local_root / (pattern if "*" not in pattern else _prefix(pattern))
    if base.is_file():
        files: Iterable[Path] = [base]
    else:
        files = (p for p in base.rglob("*") if p.is_file()) if base.is_dir() else []
    out = set()
    for path in files:
        rel = path.relative_to(local_root).as_posix()
        if not path.name.startswith(".") and fnmatch.fnmatchcase(rel, pattern):
            out.add(rel)
    return out


def work_dir_for(uri: str) -> Path:
    """Where tasks stage a store URI locally: ``$JOBPIPE_WORK_DIR`` or a temp folder."""
    base = os.environ.get("JOBPIPE_WORK_DIR")
    if base:
        return Path(base).expanduser().resolve()
    digest = hashlib.sha256(uri.encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / "jobpipe-work" / digest


def display_uri(uri: str) -> str:
    """The URI without its query string, for logs."""
    parts = urlsplit(uri)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.scheme else uri


@contextlib.contextmanager
def staged(
    root: str | Path,
    *,
    pull: Iterable[str] = (),
    push: Iterable[str] = (),
    delete: Iterable[str] = (),
    push_on_error: Iterable[str] = (),
    credentials: Credentials | None = None,
) -> Iterator[Path]:
    """Yield a local data root; for a store URI, sync ``pull`` down and (on success) ``push`` up.

    ``delete`` patterns are removed from the store before the step runs; ``push_on_error``
    patterns (failure records, logs) are pushed whether or not the step succeeds.
    """
    if not is_remote(root):
        yield Path(root).expanduser().resolve()
        return
    assert isinstance(root, str)
    store = ObjectStore(root, credentials)
    base = work_dir_for(root)
    base.mkdir(parents=True, exist_ok=True)
    # A private folder per task: tasks running side by side on one worker never see (or
    # mirror away) each other's half-pushed files.
    local = Path(tempfile.mkdtemp(prefix="task-", dir=base))
    try:
        deleted = store.delete(delete)
        pulled = store.pull(local, pull)
        log.info(
            "storage %s: deleted %d, pulled %d files into %s",
            display_uri(root), len(deleted), len(pulled), local,
        )  # fmt: skip
        try:
            yield local
        finally:
            store.push(local, push_on_error)
        pushed = store.push(local, push)
        log.info("storage %s: pushed %d files", display_uri(root), len(pushed))
    finally:
        shutil.rmtree(local, ignore_errors=True)
