"""Static files are collected by one process at a time on a data folder (serve, demo, export and
the first command of a new folder all collect), so two servers starting together both start."""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
import time

from .processes import base_env

COLLECT = ("import django; django.setup(); "
           "from newsreel.operations.static_files import collect_static_files; collect_static_files()")


def start_collecting(env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", COLLECT], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_six_processes_collecting_at_once_all_succeed_and_leave_a_whole_manifest(tmp_path):
    env = base_env(tmp_path / "site")
    runs = [start_collecting(env) for _ in range(6)]
    for run in runs:
        _out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    static = tmp_path / "site" / "static"
    manifest = json.loads((static / "staticfiles.json").read_text())
    assert manifest["paths"], "the manifest names the collected files"
    missing = [hashed for hashed in manifest["paths"].values() if not (static / hashed).is_file()]
    assert missing == []


def test_a_collection_waits_while_another_process_holds_the_lock(tmp_path):
    env = base_env(tmp_path / "site")
    (tmp_path / "site").mkdir()
    with open(tmp_path / "site" / "static.collect-lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        run = start_collecting(env)
        time.sleep(3)
        assert run.poll() is None, "collectstatic went on while another process held the lock"
        assert not (tmp_path / "site" / "static" / "staticfiles.json").exists()
        fcntl.flock(lock, fcntl.LOCK_UN)
    _out, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    assert (tmp_path / "site" / "static" / "staticfiles.json").exists()
