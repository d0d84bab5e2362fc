#!/usr/bin/env python3
"""Round trips of query-version per second with qemu.qmp's QMPClient.

usage: qmp_client_bench.py SOCKET SECONDS [DEPTH]

Connects to the QMP server on the unix socket SOCKET (negotiating oob when
offered, as QMPClient does), then measures for SECONDS each: one request in
flight, then DEPTH (default 8) requests in flight from concurrent tasks.
Prints two lines, "sequential N C" and "pipelined N C": N requests/second,
C the client's CPU time (user + system, this process) per request in
microseconds.
Run by the qmp-client-bench executable, beside the Swift figures.
"""
import asyncio
import resource
import sys
import time

from qemu.qmp import QMPClient


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def measured(figure):
    """Runs figure() (returning requests and seconds); returns requests per
    second and CPU microseconds per request."""
    cpu = cpu_seconds()
    count, elapsed = await figure()
    return count / elapsed, (cpu_seconds() - cpu) * 1e6 / count


async def sequential(qmp, seconds):
    count = 0
    start = time.monotonic()
    deadline = start + seconds
    while time.monotonic() < deadline:
        await qmp.execute('query-version')
        count += 1
    return count, time.monotonic() - start


async def pipelined(qmp, seconds, depth):
    deadline = time.monotonic() + seconds
    counts = [0] * depth

    async def worker(index):
        while time.monotonic() < deadline:
            await qmp.execute('query-version')
            counts[index] += 1

    start = time.monotonic()
    await asyncio.gather(*(worker(index) for index in range(depth)))
    return sum(counts), time.monotonic() - start


async def main():
    path = sys.argv[1]
    seconds = float(sys.argv[2])
    depth = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    qmp = QMPClient('qmp-client-bench')
    await qmp.connect(path)
    try:
        rate, cpu = await measured(lambda: sequential(qmp, seconds))
        print(f"sequential {rate:.0f} {cpu:.1f}")
        rate, cpu = await measured(lambda: pipelined(qmp, seconds, depth))
        print(f"pipelined {rate:.0f} {cpu:.1f}")
    finally:
        await qmp.disconnect()


asyncio.run(main())
