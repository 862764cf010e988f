#!/usr/bin/env python3
"""Makes the installer's side picture (welcome and finish pages, 164×314) from Recours' icon: the
icon on the app's soft teal, instead of NSIS' stock picture. Standard library only (the build machine
has no imaging package): reads icons/128x128.png (8-bit RGBA), writes a 24-bit BMP.

Usage: make_bitmaps.py ICON.png OUT.bmp
"""

import struct
import sys
import zlib

WIDTH, HEIGHT = 164, 314
BACKGROUND = (0xE3, 0xEF, 0xEC)  # --teal-soft in ui/src/app.css
BAND = (0x1D, 0x5C, 0x55)  # --teal
ICON_TOP = 60


def read_png_rgba(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, chunks, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if (depth, colour, interlace) != (8, 6, 0):
        sys.exit(f"{path}: expected 8-bit RGBA, not interlaced")
    raw = zlib.decompress(b"".join(chunks))
    stride, rows, prev = width * 4, [], bytearray(width * 4)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - 4] if i >= 4 else 0
            up = prev[i]
            up_left = prev[i - 4] if i >= 4 else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, rows


def main():
    icon_path, out_path = sys.argv[1], sys.argv[2]
    iw, ih, icon = read_png_rgba(icon_path)
    pixels = [[BACKGROUND] * WIDTH for _ in range(HEIGHT)]
    for y in range(HEIGHT - 8, HEIGHT):
        pixels[y] = [BAND] * WIDTH
    left = (WIDTH - iw) // 2
    for y in range(ih):
        for x in range(iw):
            r, g, b, a = icon[y][x * 4:x * 4 + 4]
            br, bg, bb = pixels[ICON_TOP + y][left + x]
            mix = lambda c, d: (c * a + d * (255 - a)) // 255
            pixels[ICON_TOP + y][left + x] = (mix(r, br), mix(g, bg), mix(b, bb))
    row_size = (WIDTH * 3 + 3) // 4 * 4
    body = bytearray()
    for y in reversed(range(HEIGHT)):  # BMP rows go bottom-up, pixels as BGR
        line = bytearray()
        for r, g, b in pixels[y]:
            line += bytes((b, g, r))
        body += line + b"\0" * (row_size - len(line))
    header = struct.pack("<2sIHHI", b"BM", 54 + len(body), 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, WIDTH, HEIGHT, 1, 24, 0, len(body), 2835, 2835, 0, 0)
    with open(out_path, "wb") as out:
        out.write(header + info + body)


if __name__ == "__main__":
    main()
