#!/usr/bin/env python3
"""Normalise an nssim conformance transcript (see conformance/README.md, "Normalisation").

Used only by conformance/record to decide whether two recordings of one scenario agree.
The rules, applied line by line in this order:
  1. MAC addresses: every token of six two-digit hex groups separated by ':' that is not part of a
     longer ':'/hex run, other than 00:00:00:00:00:00 and ff:ff:ff:ff:ff:ff, is replaced by
     02:00:00:00:00:NN, numbered 1, 2, ... by order of first appearance in the whole transcript
     (case-insensitive; the same address always gets the same number).
  2. IPv6 link-local addresses: fe80:: followed by one to four groups of 1-4 hex digits -> fe80::X.
  3. Ping times: time=<num> ms -> time=X ms; "rtt min/avg/max/mdev = a/b/c/d ms" ->
     "rtt min/avg/max/mdev = X/X/X/X ms"; "time <digits>ms" -> "time Xms".
Usage: normalise.py [FILE]   (default: stdin); writes the normalised transcript to stdout.
"""
import re
import sys

HEX = "0-9A-Fa-f"
MAC_RE = re.compile(r"(?<![%s:])[%s]{2}(?::[%s]{2}){5}(?![%s:])" % (HEX, HEX, HEX, HEX))
LINK_LOCAL_RE = re.compile(r"(?<![%s:])fe80::[%s]{1,4}(?::[%s]{1,4}){0,3}(?![%s:])" % (HEX, HEX, HEX, HEX),
                           re.IGNORECASE)
PING_TIME_RE = re.compile(r"\btime=[0-9]+(?:\.[0-9]+)? ms\b")
RTT_RE = re.compile(r"\brtt min/avg/max/mdev = [0-9.]+/[0-9.]+/[0-9.]+/[0-9.]+ ms\b")
TOTAL_TIME_RE = re.compile(r"\btime [0-9]+ms\b")

KEEP = {"00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff"}


def normalise(text):
    macs = {}

    def mac(m):
        addr = m.group(0).lower()
        if addr in KEEP:
            return m.group(0)
        if addr not in macs:
            macs[addr] = len(macs) + 1
        n = macs[addr]
        return "02:00:00:00:%02x:%02x" % (n >> 8 & 0xFF, n & 0xFF)

    out = []
    for line in text.splitlines(keepends=True):
        line = MAC_RE.sub(mac, line)
        line = LINK_LOCAL_RE.sub("fe80::X", line)
        line = PING_TIME_RE.sub("time=X ms", line)
        line = RTT_RE.sub("rtt min/avg/max/mdev = X/X/X/X ms", line)
        line = TOTAL_TIME_RE.sub("time Xms", line)
        out.append(line)
    return "".join(out)


def main(argv):
    if len(argv) > 2:
        sys.stderr.write("usage: normalise.py [FILE]\n")
        return 2
    if len(argv) == 2:
        with open(argv[1], encoding="utf-8", errors="surrogateescape") as f:
            text = f.read()
    else:
        text = sys.stdin.read()
    sys.stdout.write(normalise(text))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
