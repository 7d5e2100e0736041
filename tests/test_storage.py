"""The data root as an S3 URI: partition sync against a local S3 emulator (moto)."""

from __future__ import annotations

from pathlib import Path

import pytest
from s3_emulator import CREDENTIALS, s3_server

from jobpipe.storage import (
    Credentials,
    ObjectStore,
    StorageError,
    display_uri,
    is_remote,
    staged,
    work_dir_for,
)


@pytest.fixture
def store_uri(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    for key, value in CREDENTIALS.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("JOBPIPE_WORK_DIR", str(tmp_path / "work"))
    with s3_server() as endpoint:
        yield f"s3://jobpipe/warehouse?endpoint_override={endpoint}&scheme=http&region=us-east-1"


def _write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text)


def test_push_and_pull_mirror_one_partition(store_uri: str, tmp_path: Path) -> None:
    store = ObjectStore(store_uri)
    a, b = tmp_path / "a", tmp_path / "b"
    _write(a, "postings/dt=2026-11-03/part-0.parquet", "day 3")
    _write(a, "postings/dt=2026-11-04/part-0.parquet", "day 4")
    _write(a, "postings/dt=2026-11-03/.part-0.parquet.123.tmp", "temp files never travel")
    assert store.push(a, ["postings/*"]) == [
        "postings/dt=2026-11-03/part-0.parquet", "postings/dt=2026-11-04/part-0.parquet"
    ]  # fmt: skip
    # Re-running day 3 wrote a different file name: the push replaces the partition exactly.
    (a / "postings/dt=2026-11-03/part-0.parquet").unlink()
    _write(a, "postings/dt=2026-11-03/part-1.parquet", "day 3 again")
    store.push(a, ["postings/dt=2026-11-03/*"])
    assert store.list("postings/*") == [
        "postings/dt=2026-11-03/part-1.parquet", "postings/dt=2026-11-04/part-0.parquet"
    ]  # fmt: skip
    _write(b, "postings/dt=2026-11-03/part-0.parquet", "stale local copy")
    store.pull(b, ["postings/dt=2026-11-03/*"])
    assert sorted(p.name for p in (b / "postings/dt=2026-11-03").iterdir()) == ["part-1.parquet"]
    assert (b / "postings/dt=2026-11-03/part-1.parquet").read_text() == "day 3 again"
    assert not (b / "postings/dt=2026-11-04").exists()
    assert store.pull(b, ["postings/dt=2026-11-03/*"]) == []  # warm mirror: nothing to fetch
    _write(a, "postings/dt=2026-11-03/part-1.parquet", "day 3, third run")
    store.push(a, ["postings/dt=2026-11-03/*"])
    assert store.pull(b, ["postings/*"]) == [
        "postings/dt=2026-11-03/part-1.parquet", "postings/dt=2026-11-04/part-0.parquet"
    ]  # fmt: skip
    assert (b / "postings/dt=2026-11-03/part-1.parquet").read_text() == "day 3, third run"
    assert store.delete(["postings/dt=2026-11-04/*"]) == ["postings/dt=2026-11-04/part-0.parquet"]
    assert store.list("postings/*") == ["postings/dt=2026-11-03/part-1.parquet"]


def test_staged_pushes_only_when_the_step_succeeds(store_uri: str) -> None:
    with pytest.raises(RuntimeError), staged(
        store_uri, push=["out/*"], push_on_error=["failures/*"]
    ) as root:
        _write(root, "out/result.txt", "half done")
        _write(root, "failures/why.json", '{"reason": "boom"}')
        raise RuntimeError("step failed")
    store = ObjectStore(store_uri)
    assert store.list("out/*") == [] and store.list("failures/*") == ["failures/why.json"]
    with staged(store_uri, push=["out/*"]) as root:
        assert root.parent == work_dir_for(store_uri)
        _write(root, "out/result.txt", "done")
    assert store.list("out/*") == ["out/result.txt"]
    assert not root.exists()  # the task's private folder is gone


def test_local_data_root_is_used_as_is(tmp_path: Path) -> None:
    assert not is_remote(str(tmp_path)) and is_remote("s3://b/p")
    with staged(str(tmp_path), pull=["x/*"], push=["y/*"]) as root:
        assert root == tmp_path.resolve()


def test_uri_errors_say_what_to_do() -> None:
    with pytest.raises(StorageError, match="do not put credentials"):
        ObjectStore("s3://key:secret@bucket/prefix")
    with pytest.raises(StorageError, match="allowed: endpoint_override"):
        ObjectStore("s3://bucket/prefix?acl=public")
    with pytest.raises(StorageError, match="no bucket"):
        ObjectStore("s3:///prefix")
    assert "secret" not in repr(Credentials("key", "secret"))
    assert display_uri("s3://b/p?endpoint_override=h:1") == "s3://b/p"
