#!/usr/bin/python3
"""pixels.py — what a screenshot shows, for test/report.sh (standard library
only: PNG decoded with zlib).

    pixels.py ink A.png        pixels that are not near-white
    pixels.py diff A.png B.png pixels that differ between two screenshots of one size

Reads 8-bit RGB or RGBA, non-interlaced PNGs (what Chromium writes).
"""
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or color not in (2, 6) or interlace:
                raise ValueError(f"{path}: only 8-bit RGB/RGBA non-interlaced PNGs are read")
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        unfilter(ftype, line, prev, bpp)
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def unfilter(ftype, line, prev, bpp):
    n = len(line)
    if ftype == 1:
        for i in range(bpp, n):
            line[i] = (line[i] + line[i - bpp]) & 255
    elif ftype == 2:
        for i in range(n):
            line[i] = (line[i] + prev[i]) & 255
    elif ftype == 3:
        for i in range(n):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
    elif ftype == 4:
        for i in range(n):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
            line[i] = (line[i] + pred) & 255


def ink(path):
    width, height, bpp, rows = read_png(path)
    count = 0
    for row in rows:
        for x in range(0, width * bpp, bpp):
            if min(row[x], row[x + 1], row[x + 2]) < 230:
                count += 1
    return count


def diff(a, b):
    wa, ha, ba, ra = read_png(a)
    wb, hb, bb, rb = read_png(b)
    if (wa, ha) != (wb, hb):
        raise ValueError(f"sizes differ: {wa}x{ha} and {wb}x{hb}")
    count = 0
    for row_a, row_b in zip(ra, rb):
        if row_a == row_b:
            continue
        for x in range(wa):
            if row_a[x * ba:x * ba + 3] != row_b[x * bb:x * bb + 3]:
                count += 1
    return count


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "ink":
        print(ink(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        print(diff(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
