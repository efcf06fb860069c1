#!/usr/bin/python3
"""Drives a program on a pseudo-terminal, as a person at a keyboard would, for the e2e tests.

Usage: pty_session.py STEP... -- COMMAND [ARGUMENT...]
Steps, in order:
  --expect TEXT   wait (up to 20 s) until the program has printed TEXT since the last match
  --send TEXT     type TEXT and Enter
  --type TEXT     type TEXT without Enter
  --eof           press Ctrl-D
After the steps, reads until the program ends, then prints the whole screen transcript (what
the program printed and the terminal echoed, CRLF as LF) and a last line "exit N".
When an --expect times out, prints the transcript so far and "timeout waiting for TEXT", exit 1.
"""
import os
import pty
import select
import signal
import sys
import time


def main():
    split = sys.argv.index("--")
    steps, command = sys.argv[1:split], sys.argv[split + 1:]
    pid, terminal = pty.fork()
    if pid == 0:
        os.execv(command[0], command)
    screen = bytearray()
    matched = 0

    def read_some(timeout):
        """Reads what the program printed within `timeout` s; False once it has ended."""
        ready, _, _ = select.select([terminal], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(terminal, 4096)
        except OSError:  # EIO: the program ended and closed the terminal
            return False
        screen.extend(data)
        return bool(data)

    def fail(message):
        os.kill(pid, signal.SIGKILL)
        print(transcript() + message)
        sys.exit(1)

    def transcript():
        return screen.decode("utf-8", "replace").replace("\r\n", "\n")

    index = 0
    while index < len(steps):
        step = steps[index]
        if step == "--expect":
            text = steps[index + 1].encode()
            deadline = time.monotonic() + 20
            while screen.find(text, matched) < 0:
                if time.monotonic() > deadline or not read_some(0.2):
                    fail(f"timeout waiting for {steps[index + 1]!r}")
            matched = screen.find(text, matched) + len(text)
            index += 2
        elif step == "--send":
            os.write(terminal, steps[index + 1].encode() + b"\n")
            index += 2
        elif step == "--type":
            os.write(terminal, steps[index + 1].encode())
            index += 2
        elif step == "--eof":
            os.write(terminal, b"\x04")
            index += 1
        else:
            sys.exit(f"unknown step {step}")
    deadline = time.monotonic() + 20
    while read_some(0.2):
        if time.monotonic() > deadline:
            fail("timeout waiting for the program to end")
    _, status = os.waitpid(pid, 0)
    print(transcript() + f"exit {os.waitstatus_to_exitcode(status)}")


main()
