"""What the benchmarks share: timing a command, and writing test files of random bytes."""
import os
import subprocess
import time


def timed(cmd, **kw):
    """Seconds taken by `cmd` (which must succeed)."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)
    return time.perf_counter() - start


def write_files(paths_and_headers, each):
    """Writes each (path, header) as `header` + its index + random bytes, `each` bytes in all, so that
    every file differs (no duplicate is ever stored once)."""
    block = os.urandom(1 << 20)
    for i, (path, header) in enumerate(paths_and_headers):
        with open(path, "wb") as f:
            f.write(header + i.to_bytes(8, "little"))
            left = each - len(header) - 8
            while left > 0:
                f.write(block[: min(left, len(block))])
                left -= len(block)
