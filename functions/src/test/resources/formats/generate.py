#!/usr/bin/python3
"""Generates the format fixtures of FormatTableTest and their reference pixels.

Run with Debian's python3 and python3-pil (Pillow with libwebp and Little CMS):
    /usr/bin/python3 functions/src/test/resources/formats/generate.py
It writes the fixtures and, for each, <name>.expected.png: the 8-bit RGBA pixels (sRGB) that a
reference decoder gives (Pillow, Little CMS for colour profiles, Pillow's exif_transpose for
EXIF orientation), or that the PNG specification's scaling gives for 16-bit samples (Pillow
clips those). The fixtures are committed, so the build does not need Python; the script is
deterministic (fixed seeds) apart from the encoders' versions.
"""
import ctypes, io, math, os, random, struct, zlib
from PIL import Image, ImageCms, ImageOps

OUT = os.path.dirname(os.path.abspath(__file__))
W, H = 8, 6


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xffffffff)


def png(colour_type, depth, rows, palette=None, trns=None):
    """A PNG written by hand, so that every colour type and bit depth is covered."""
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour_type]
    raw = b""
    for row in rows:
        bits = []
        for px in row:
            for s in (px if isinstance(px, tuple) else (px,)):
                bits.append(s)
        if depth == 16:
            line = b"".join(struct.pack(">H", s) for s in bits)
        elif depth == 8:
            line = bytes(bits)
        else:
            acc, n, out = 0, 0, bytearray()
            for s in bits:
                acc = acc << depth | s
                n += depth
                if n == 8:
                    out.append(acc); acc, n = 0, 0
            if n:
                out.append(acc << (8 - n))
            line = bytes(out)
        raw += b"\x00" + line
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", len(rows[0]), len(rows), depth, colour_type, 0, 0, 0))
    if palette:
        data += chunk(b"PLTE", b"".join(bytes(c) for c in palette))
    if trns is not None:
        data += chunk(b"tRNS", trns)
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    return data


def scale(v, depth):
    return round(v * 255 / ((1 << depth) - 1))


def save_expected(name, rgba):
    rgba.convert("RGBA").save(os.path.join(OUT, name + ".expected.png"))


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def pngs():
    rnd = random.Random(14)
    for colour_type, depths in ((0, (1, 2, 4, 8, 16)), (4, (8, 16)), (2, (8, 16)), (6, (8, 16)), (3, (1, 2, 4, 8))):
        for depth in depths:
            top = (1 << depth) - 1
            name = {0: "grey", 4: "grey-alpha", 2: "rgb", 6: "rgba", 3: "palette"}[colour_type] + "-%d.png" % depth
            expected = Image.new("RGBA", (W, H))
            rows, palette = [], None
            if colour_type == 3:
                palette = [(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)) for _ in range(1 << depth)]
            for y in range(H):
                row = []
                for x in range(W):
                    if colour_type == 0:
                        v = rnd.randrange(top + 1); row.append(v); g = scale(v, depth); px = (g, g, g, 255)
                    elif colour_type == 4:
                        v, a = rnd.randrange(top + 1), rnd.randrange(top + 1); row.append((v, a))
                        g = scale(v, depth); px = (g, g, g, scale(a, depth))
                    elif colour_type == 2:
                        s = tuple(rnd.randrange(top + 1) for _ in range(3)); row.append(s)
                        px = tuple(scale(c, depth) for c in s) + (255,)
                    elif colour_type == 6:
                        s = tuple(rnd.randrange(top + 1) for _ in range(4)); row.append(s)
                        px = tuple(scale(c, depth) for c in s)
                    else:
                        i = rnd.randrange(top + 1); row.append(i); px = palette[i] + (255,)
                    expected.putpixel((x, y), px)
                rows.append(row)
            data = png(colour_type, depth, rows, palette)
            write("png-" + name, data)
            if depth <= 8:  # Pillow, the reference decoder, must agree with the specification's values
                assert list(Image.open(io.BytesIO(data)).convert("RGBA").getdata()) == list(expected.getdata()), name
            save_expected("png-" + name, expected)
    # palette with tRNS: some entries transparent or half transparent
    palette = [(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)) for _ in range(16)]
    alphas = bytes([0, 128, 255, 64, 200])
    rows = [[rnd.randrange(16) for _ in range(W)] for _ in range(H)]
    data = png(3, 4, rows, palette, alphas)
    write("png-palette-trns-4.png", data)
    save_expected("png-palette-trns-4.png", Image.open(io.BytesIO(data)).convert("RGBA"))
    # grey 8-bit whose mean is 136 with alpha: the case that came out lighter (191)
    rows = [[(136 + (x - y) % 3 - 1, 255 if (x + y) % 2 else 128) for x in range(W)] for y in range(H)]
    data = png(4, 8, rows)
    write("png-grey-alpha-mid.png", data)
    save_expected("png-grey-alpha-mid.png", Image.open(io.BytesIO(data)).convert("RGBA"))


def photo(w, h, seed):
    """Smooth colour fields in flat 8x8 blocks, so lossy codecs keep them within a few levels."""
    rnd = random.Random(seed)
    im = Image.new("RGB", (w, h))
    for by in range(0, h, 8):
        for bx in range(0, w, 8):
            c = (rnd.randrange(30, 226), rnd.randrange(30, 226), rnd.randrange(30, 226))
            for y in range(by, min(by + 8, h)):
                for x in range(bx, min(bx + 8, w)):
                    im.putpixel((x, y), c)
    return im


def gradient(w, h):
    """Smooth colour: lossy WebP subsamples chroma, and decoders upsample it differently at sharp edges."""
    im = Image.new("RGB", (w, h))
    for y in range(h):
        for x in range(w):
            im.putpixel((x, y), (int(60 + 150 * x / (w - 1)), int(50 + 140 * y / (h - 1)), int(128 + 90 * math.sin((x + y) / 9))))
    return im


def webps():
    gradient(32, 24).save(os.path.join(OUT, "webp-lossy.webp"), "WEBP", quality=90, method=6)
    save_expected("webp-lossy.webp", Image.open(os.path.join(OUT, "webp-lossy.webp")))
    im = photo(32, 24, 1)
    rgba = im.convert("RGBA")
    for x in range(16):
        for y in range(24):
            r, g, b, _ = rgba.getpixel((x, y))
            rgba.putpixel((x, y), (r, g, b, 40 + 8 * x))
    rgba.save(os.path.join(OUT, "webp-lossless-alpha.webp"), "WEBP", lossless=True)
    save_expected("webp-lossless-alpha.webp", Image.open(os.path.join(OUT, "webp-lossless-alpha.webp")))
    second = photo(32, 24, 2)
    im.save(os.path.join(OUT, "webp-animated.webp"), "WEBP", save_all=True, append_images=[second], duration=200, lossless=True)
    save_expected("webp-animated.webp", im)  # the first frame
    first = photo(32, 24, 3).quantize(64)
    first.save(os.path.join(OUT, "gif-animated.gif"), save_all=True, append_images=[photo(32, 24, 4).quantize(64)], duration=200, loop=0)
    save_expected("gif-animated.gif", first.convert("RGB"))


def tiff():
    first, second = photo(24, 16, 5), photo(16, 24, 6)
    first.save(os.path.join(OUT, "tiff-multipage.tif"), save_all=True, append_images=[second], compression="tiff_lzw")
    save_expected("tiff-multipage.tif", first)


def lcms():
    return ctypes.CDLL("liblcms2.so.2")


class CIExyY(ctypes.Structure):
    _fields_ = [("x", ctypes.c_double), ("y", ctypes.c_double), ("Y", ctypes.c_double)]


def display_p3():
    """A Display P3 profile (P3 primaries, D65, the sRGB transfer curve) made with Little CMS."""
    lib = lcms()
    lib.cmsBuildParametricToneCurve.restype = ctypes.c_void_p
    lib.cmsCreateRGBProfile.restype = ctypes.c_void_p
    params = (ctypes.c_double * 5)(2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045)
    curve = lib.cmsBuildParametricToneCurve(None, 4, params)
    white = CIExyY(0.3127, 0.3290, 1.0)
    primaries = (CIExyY * 3)(CIExyY(0.680, 0.320, 1.0), CIExyY(0.265, 0.690, 1.0), CIExyY(0.150, 0.060, 1.0))
    curves = (ctypes.c_void_p * 3)(curve, curve, curve)
    profile = lib.cmsCreateRGBProfile(ctypes.byref(white), primaries, curves)
    size = ctypes.c_uint32(0)
    lib.cmsSaveProfileToMem(ctypes.c_void_p(profile), None, ctypes.byref(size))
    buf = ctypes.create_string_buffer(size.value)
    lib.cmsSaveProfileToMem(ctypes.c_void_p(profile), buf, ctypes.byref(size))
    return buf.raw[:size.value]


def profiled_jpegs():
    srgb = ImageCms.createProfile("sRGB")
    im = photo(32, 24, 7)
    for name, icc in (("jpeg-display-p3.jpg", display_p3()),):
        im.save(os.path.join(OUT, name), quality=95, subsampling=0, icc_profile=icc)
        decoded = Image.open(os.path.join(OUT, name))
        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        save_expected(name, ImageCms.profileToProfile(decoded, src, srgb, renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC))
    # Adobe CMYK (APP14, inverted like Photoshop's), no profile: the naive conversion
    # R = (255 - C)(255 - K)/255, which is what Pillow and ImageMagick give for it
    cmyk = Image.new("CMYK", (32, 24))
    rnd = random.Random(8)
    for by in range(0, 24, 8):
        for bx in range(0, 32, 8):
            c = tuple(rnd.randrange(0, 200) for _ in range(3)) + (rnd.randrange(0, 120),)
            for y in range(by, by + 8):
                for x in range(bx, bx + 8):
                    cmyk.putpixel((x, y), c)
    cmyk.save(os.path.join(OUT, "jpeg-cmyk-adobe.jpg"), quality=95)
    save_expected("jpeg-cmyk-adobe.jpg", Image.open(os.path.join(OUT, "jpeg-cmyk-adobe.jpg")).convert("RGB"))


def oriented():
    """One upright 16x8 picture, stored as EXIF orientation 1..8 would need it; expected: upright."""
    upright = Image.new("RGB", (16, 8))
    colours = [(220, 40, 40), (40, 200, 40), (40, 40, 220), (230, 230, 50)]
    for y in range(8):
        for x in range(16):
            upright.putpixel((x, y), colours[(x // 8) + 2 * (y // 4) if y < 8 else 0] if x < 16 else colours[0])
    inverse = {1: None, 2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
               4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_90,
               7: Image.Transpose.TRANSVERSE, 8: Image.Transpose.ROTATE_270}
    for o in range(1, 9):
        stored = upright if inverse[o] is None else upright.transpose(inverse[o])
        exif = Image.Exif()
        exif[0x0112] = o
        name = "jpeg-orientation-%d.jpg" % o
        stored.save(os.path.join(OUT, name), quality=95, subsampling=0, exif=exif.tobytes())
        fixed = ImageOps.exif_transpose(Image.open(os.path.join(OUT, name)))
        assert fixed.size == (16, 8), (o, fixed.size)
        save_expected(name, fixed)


if __name__ == "__main__":
    pngs()
    webps()
    tiff()
    profiled_jpegs()
    oriented()
