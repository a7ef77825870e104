"""Read what a download button of an AppTest run would hand out.

AppTest keeps the files of a run in an in-memory media store that it drops after the run; importing this module
makes that store and its manager remember the last ones (subclasses swapped into streamlit.testing), so a test can
read the CSV or Excel behind a button with `download_bytes`, and make a deferred download (the council PDF) the
way the server does on a click, outside the script run, with `deferred_bytes`.
"""

from __future__ import annotations

import io

import pandas as pd
import streamlit.testing.v1.app_test as app_test
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest


class _KeptStorage(MemoryMediaFileStorage):
    last: _KeptStorage | None = None

    def __init__(self, media_endpoint: str) -> None:
        super().__init__(media_endpoint)
        _KeptStorage.last = self


class _KeptManager(MediaFileManager):
    last: _KeptManager | None = None

    def __init__(self, storage: MemoryMediaFileStorage) -> None:
        super().__init__(storage)
        _KeptManager.last = self


app_test.MemoryMediaFileStorage = _KeptStorage
app_test.MediaFileManager = _KeptManager


def download_keys(at: AppTest) -> list[str]:
    """The widget keys of every download button on the page that `at` shows."""
    return [b.proto.id.rsplit("-", 1)[-1] for b in at.get("download_button")]


def download_bytes(at: AppTest, key: str) -> bytes:
    """The file behind the download button with widget key `key` after the last run of `at`."""
    button = next(b for b in at.get("download_button") if b.proto.id.endswith(f"-{key}"))
    if button.proto.deferred_file_id:  # made on the click, as the server does (`deferred_bytes`)
        assert _KeptManager.last is not None, "no AppTest run since tests.downloads was imported"
        return _KeptManager.last._deferred_callables[button.proto.deferred_file_id]["callable"]()  # noqa: SLF001
    assert _KeptStorage.last is not None, "no AppTest run since tests.downloads was imported"
    return _KeptStorage.last.get_file(button.proto.url.rsplit("/", 1)[-1]).content


def download_csv(at: AppTest, key: str) -> pd.DataFrame:
    """The CSV download `key` read back as text cells (semicolon, decimal comma, byte-order mark)."""
    return pd.read_csv(io.BytesIO(download_bytes(at, key)), sep=";", dtype=str, keep_default_na=False,
                       encoding="utf-8-sig")


def deferred_bytes(at: AppTest, label: str) -> bytes:
    """Make the deferred download of the button labelled `label` as the server does on a click: its callable is
    called outside the script run (no session), after the last run of `at`."""
    button = next(b for b in at.get("download_button") if b.proto.label == label)
    assert _KeptManager.last is not None, "no AppTest run since tests.downloads was imported"
    return _KeptManager.last._deferred_callables[button.proto.deferred_file_id]["callable"]()  # noqa: SLF001
