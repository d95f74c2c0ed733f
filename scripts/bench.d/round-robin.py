#!/usr/bin/env python3
"""A loopback TCP load balancer for scripts/bench --replicas: each accepted connection goes to the next backend in
turn and is piped both ways until either side closes (HTTP keep-alive connections stay on their replica, as behind a
layer-4 balancer). Stops by itself after --seconds.

usage: round-robin.py LISTEN_PORT BACKEND_PORT [BACKEND_PORT ...] --seconds N
"""
import asyncio
import itertools
import sys


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def main(listen, backends, seconds):
    turn = itertools.cycle(backends)

    async def accept(client_reader, client_writer):
        try:
            backend_reader, backend_writer = await asyncio.open_connection("127.0.0.1", next(turn))
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, backend_writer), pipe(backend_reader, client_writer))

    server = await asyncio.start_server(accept, "127.0.0.1", listen)
    async with server:
        await asyncio.sleep(seconds)


if __name__ == "__main__":
    args = sys.argv[1:]
    seconds = int(args[args.index("--seconds") + 1])
    ports = [int(a) for a in args[:args.index("--seconds")]]
    asyncio.run(main(ports[0], ports[1:], seconds))
