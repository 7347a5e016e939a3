#!/usr/bin/python3
"""The whole job of one upload, the way a plain Pillow script would do it: the other side of
pixelstep's end-to-end comparison (WholeJobHarness, benchmarks/README.md).

Decode the photo once; the combined image grayscale -> blur(sigma 2) -> sepia; three independent
images (each operation applied to the original); four JPEG q90 outputs; histograms (red, green,
blue, Rec. 709 luminance) of the original and of the combined image, each as JSON and as a 960x540
PNG line chart drawn with matplotlib.

Pillow's natural modes are used, which is the harder comparison for pixelstep: grayscale gives a
one-channel "L" image (the blur of the combined chain then works on one channel, and the grayscale
output is a one-channel JPEG); sepia converts back to RGB first, since Pillow's matrix conversion
needs an RGB source.

  pillow_job.py PHOTO OUT_DIR           one job, prints its milliseconds
  pillow_job.py --serve PHOTO OUT_DIR   one job per line 'run' on stdin, prints 'ms <milliseconds>'
"""
import json
import os
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from PIL import Image, ImageFilter  # noqa: E402

SEPIA = (0.393, 0.769, 0.189, 0,
         0.349, 0.686, 0.168, 0,
         0.272, 0.534, 0.131, 0)
REC709 = (0.2126, 0.7152, 0.0722, 0)


def grayscale(im):
    return im.convert("L")


def blur(im):
    return im.filter(ImageFilter.GaussianBlur(2))


def sepia(im):
    if im.mode != "RGB":
        im = im.convert("RGB")
    return im.convert("RGB", SEPIA)


CHAIN = [("grayscale", grayscale), ("blur", blur), ("sepia", sepia)]


def statistics(counts):
    total = sum(counts)
    mean = sum(v * c for v, c in enumerate(counts)) / total
    variance = sum(c * (v - mean) ** 2 for v, c in enumerate(counts)) / total
    used = [v for v, c in enumerate(counts) if c]
    return {"mean": round(mean, 4), "standardDeviation": round(variance ** 0.5, 4),
            "min": used[0], "max": used[-1], "counts": counts}


def histogram(im, label, photo, out_dir):
    rgb = im if im.mode == "RGB" else im.convert("RGB")
    h = rgb.histogram()
    channels = {"red": h[0:256], "green": h[256:512], "blue": h[512:768],
                "luminance": rgb.convert("L", REC709).histogram()}
    doc = {"schema": "pillow/histogram", "label": label, "input": photo, "width": im.width, "height": im.height,
           "pixels": im.width * im.height, "luminance": "rec709", "bins": 256,
           "channels": {name: statistics(counts) for name, counts in channels.items()}}
    with open(os.path.join(out_dir, "histogram-%s.json" % label), "w") as f:
        json.dump(doc, f, indent=2)
    fig = plt.figure(figsize=(9.6, 5.4), dpi=100)
    ax = fig.add_subplot()
    total = im.width * im.height
    for (name, counts), colour in zip(channels.items(), ("#d62728", "#2ca02c", "#1f77b4", "#555555")):
        ax.plot(range(256), [100.0 * c / total for c in counts], color=colour, linewidth=1.6, label=name)
    fig.suptitle("Histogram: " + label, fontsize=16, fontweight="bold")
    ax.set_title(photo, fontsize=10, color="#555555")
    ax.set_xlim(0, 255)
    ax.set_xlabel("Value (0 = dark, 255 = bright)")
    ax.set_ylabel("Share of pixels (%)")
    ax.grid(color="#dddddd")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, frameon=False)
    fig.subplots_adjust(bottom=0.2)
    fig.savefig(os.path.join(out_dir, "histogram-%s.png" % label), format="png")
    plt.close(fig)


def job(photo, out_dir):
    original = Image.open(photo)
    original.load()
    histogram(original, "original", photo, out_dir)
    combined = original
    for _, operation in CHAIN:
        combined = operation(combined)
    combined.save(os.path.join(out_dir, "combined.jpg"), "JPEG", quality=90)
    for i, (name, operation) in enumerate(CHAIN, start=1):
        operation(original).save(os.path.join(out_dir, "%02d-%s.jpg" % (i, name)), "JPEG", quality=90)
    histogram(combined, "combined", photo, out_dir)


def timed(photo, out_dir):
    start = time.perf_counter()
    job(photo, out_dir)
    return (time.perf_counter() - start) * 1000


def main(argv):
    if argv[:1] == ["--serve"]:
        photo, out_dir = argv[1], argv[2]
        print("ready pillow %s matplotlib %s" % (Image.__version__, matplotlib.__version__), flush=True)
        for line in sys.stdin:
            if line.strip() == "run":
                print("ms %.1f" % timed(photo, out_dir), flush=True)
            elif line.strip() == "quit":
                break
        return
    print("%.1f ms" % timed(argv[0], argv[1]))


if __name__ == "__main__":
    main(sys.argv[1:])
