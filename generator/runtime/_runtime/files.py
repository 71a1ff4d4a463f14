"""Files to upload: bytes, an open binary file (streamed), a path, or (filename, content, type)."""

from __future__ import annotations

import os
from typing import (
    IO,
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    Iterator,
    List,
    Optional,
    Tuple,
    Union,
)

_CHUNK = 64 * 1024

if TYPE_CHECKING:
    FileInput = Union[
        bytes,
        IO[bytes],
        "os.PathLike[str]",
        Tuple[Optional[str], Union[bytes, IO[bytes]], Optional[str]],
    ]
    """What a file field or a binary body takes."""
else:

    class FileInput:
        """What a file field or a binary body takes (checked by pydantic as such)."""

        @classmethod
        def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
            from pydantic_core import core_schema

            return core_schema.no_info_plain_validator_function(_check)


def _check(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, os.PathLike)) or _is_file(value):
        return value
    if isinstance(value, tuple) and len(value) == 3:
        if isinstance(value[1], (bytes, bytearray)) or _is_file(value[1]):
            return value
    raise ValueError(
        "expected bytes, a binary file, a pathlib.Path or "
        f"(filename, content, content_type), not {type(value).__name__}"
    )


def _is_file(value: Any) -> bool:
    return callable(getattr(value, "read", None)) and not isinstance(value, type)


class _Uploads:
    """The files one call sends: opened from paths (closed after the call) and rewound to where
    they started before each attempt, so a retry sends them whole again."""

    def __init__(self) -> None:
        self.opened: List[IO[bytes]] = []
        self.starts: List[Tuple[IO[bytes], int]] = []

    def part(self, name: str, value: Any) -> Tuple[Optional[str], Any, Optional[str]]:
        """The (filename, content, content type) of a multipart file part."""
        if isinstance(value, tuple):
            filename, content, content_type = value
            return filename, self._content(content), content_type
        if isinstance(value, (bytes, bytearray)):
            return name, bytes(value), "application/octet-stream"
        import mimetypes  # (only uploads need it)

        file = self._content(value)
        filename = os.path.basename(str(getattr(file, "name", "") or name))
        guessed = mimetypes.guess_type(filename)[0]
        return filename, file, guessed or "application/octet-stream"

    def body(self, value: Any) -> Union[bytes, IO[bytes]]:
        """A binary body: bytes as they are, a file or path to be streamed."""
        if isinstance(value, (bytes, bytearray)):
            return bytes(value)
        file: IO[bytes] = self._content(value)
        return file

    def _content(self, value: Any) -> Any:
        if isinstance(value, os.PathLike):
            value = open(value, "rb")
            self.opened.append(value)
        if _is_file(value):
            try:
                self.starts.append((value, value.tell()))
            except (OSError, AttributeError):
                pass  # not seekable: sent once, as it comes
        return value

    def rewind(self) -> None:
        for file, start in self.starts:
            file.seek(start)

    def close(self) -> None:
        for file in self.opened:
            file.close()
        self.opened.clear()


def _chunks(file: IO[bytes]) -> Iterator[bytes]:
    while True:
        chunk = file.read(_CHUNK)
        if not chunk:
            return
        yield chunk


async def _async_chunks(file: IO[bytes]) -> AsyncIterator[bytes]:
    for chunk in _chunks(file):
        yield chunk
