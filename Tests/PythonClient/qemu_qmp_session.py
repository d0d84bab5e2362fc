#!/usr/bin/env python3
"""Drives a running qmp-monitor with QEMU's own Python QMP library.

Usage: qemu_qmp_session.py SOCKET WORKDIR

Connects to the QMP socket SOCKET with qemu.qmp's QMPClient (which
negotiates capabilities and switches on OOB when the greeting offers it),
runs commands including query-qmp-schema and the monitor hotplug cycle
(a second client, also a QMPClient, on the hot-added monitor), then sends
quit and expects the SHUTDOWN event. Prints one line per step and exits 0
when every check held, 1 otherwise.
"""
import asyncio
import os
import sys

from qemu.qmp import QMPClient, ExecuteError


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok:", what)


async def main(socket_path, workdir):
    client = QMPClient("python-client")
    await client.connect(socket_path)
    greeting = client.greeting
    check(greeting is not None, "greeting received")
    check("oob" in greeting.QMP.capabilities, "greeting offers oob")

    version = await client.execute("query-version")
    check({"qemu", "package"} <= set(version), "query-version has qemu and package")
    check({"major", "minor", "micro"} <= set(version["qemu"]), "query-version has a version triple")

    commands = {c["name"] for c in await client.execute("query-commands")}
    for name in ("qmp_capabilities", "query-version", "query-qmp-schema",
                 "monitor-add", "monitor-remove", "query-monitors", "quit"):
        check(name in commands, f"query-commands lists {name}")

    schema = await client.execute("query-qmp-schema")
    names = {entry["name"] for entry in schema}
    check("query-monitors" in names and "SHUTDOWN" in names, "query-qmp-schema describes commands and events")
    check(all("meta-type" in entry for entry in schema), "every SchemaInfo has a meta-type")

    try:
        await client.execute("no-such-command")
        check(False, "an unknown command fails")
    except ExecuteError as error:
        check(error.error_class == "CommandNotFound", "an unknown command is CommandNotFound")

    # Hotplug cycle: a socket chardev, a monitor on it, a second client.
    hot_path = os.path.join(workdir, "hot.sock")
    await client.execute("chardev-add", {
        "id": "hot0",
        "backend": {"type": "socket", "data": {
            "addr": {"type": "unix", "data": {"path": hot_path}},
            "server": True, "wait": False}}})
    check(True, "chardev-add of a unix socket server")
    await client.execute("monitor-add", {"id": "hot", "chardev": "hot0"})
    check(True, "monitor-add")

    second = QMPClient("python-second")
    await second.connect(hot_path)
    check(second.greeting is not None, "the hot-added monitor greets a new client")
    second_version = await second.execute("query-version")
    check(second_version == version, "the second client runs commands")

    monitors = await client.execute("query-monitors")
    check(any(m.get("id") == "hot" and m["chardev"] == "hot0" and m["mode"] == "control"
              for m in monitors), "query-monitors lists the new monitor")

    try:
        await client.execute("monitor-add", {"id": "hot", "chardev": "hot0"})
        check(False, "a second monitor-add with the same id fails")
    except ExecuteError as error:
        check(str(error) == "monitor 'hot' already exists", "monitor-add refuses a taken id")

    await client.execute("monitor-remove", {"id": "hot"})
    check(True, "monitor-remove")
    try:
        await second.disconnect()
    except EOFError:
        pass  # the server dropped the removed monitor's client: expected
    monitors = await client.execute("query-monitors")
    check(not any(m.get("id") == "hot" for m in monitors), "the removed monitor is no longer listed")
    await client.execute("chardev-remove", {"id": "hot0"})
    check(True, "chardev-remove after monitor-remove")

    # quit: SHUTDOWN arrives, then the server closes the connection.
    with client.listener() as listener:
        try:
            await client.execute("quit")
        except Exception:
            pass  # the connection may drop right after the answer
        event = await asyncio.wait_for(listener.get(), timeout=10)
    check(event["event"] == "SHUTDOWN", "quit sends SHUTDOWN")
    check(event["data"] == {"guest": False, "reason": "host-qmp-quit"}, "SHUTDOWN says host-qmp-quit")
    try:
        await client.disconnect()
    except EOFError:
        pass  # the server closed the connection after quit: expected


if __name__ == "__main__":
    try:
        asyncio.run(asyncio.wait_for(main(sys.argv[1], sys.argv[2]), timeout=60))
    except Exception as error:  # report one clear line
        print(f"FAILED: {type(error).__name__}: {error}")
        sys.exit(1)
