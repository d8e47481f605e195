#!/usr/bin/python3
"""Renders report.html in a real browser (headless Chromium, Debian package `chromium`) and keeps the
screenshot as a test output: OUT/report_screenshot.png.

Usage: render_report_in_browser.py --analysis ANALYSIS --results FIXTURE --out OUT
Checks: the report is written; Chromium renders it without error; the screenshot is a real picture (not
blank) whose top shows the summary box (its blue border, #0072B2) and contains the embedded figures.
Exit 0 ok, 1 a check failed, 77 Chromium is not installed (ctest reports the test as skipped).
"""
import argparse
import pathlib
import shutil
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--analysis", required=True, type=pathlib.Path)
    ap.add_argument("--results", required=True, type=pathlib.Path)
    ap.add_argument("--out", required=True, type=pathlib.Path)
    a = ap.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("skip: chromium is not installed (tools/install-deps.sh test installs it)", file=sys.stderr)
        return 77
    shutil.rmtree(a.out, ignore_errors=True)
    a.out.mkdir(parents=True)
    p = subprocess.run(["/usr/bin/python3", str(a.analysis / "report.py"), str(a.results), "--out", str(a.out)],
                       capture_output=True, text=True, timeout=600)
    page = a.out / "report.html"
    if p.returncode != 0 or not page.is_file():
        print(f"FAIL: report.py exited {p.returncode}:\n{p.stderr}", file=sys.stderr)
        return 1
    shot = a.out / "report_screenshot.png"
    p = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--no-first-run", "--window-size=1280,3000", f"--screenshot={shot}",
                        page.resolve().as_uri()], capture_output=True, text=True, timeout=300,
                       cwd=a.out)
    if p.returncode != 0 or not shot.is_file():
        print(f"FAIL: chromium exited {p.returncode}:\n{p.stderr[-2000:]}", file=sys.stderr)
        return 1
    from PIL import Image
    image = Image.open(shot).convert("RGB")
    width, height = image.size
    failures = []
    if (width, height) != (1280, 3000):
        failures.append(f"screenshot is {width}x{height}, expected 1280x3000")
    top = image.crop((0, 0, width, 900))
    colours = top.getcolors(maxcolors=1 << 20) or []
    blue = sum(n for n, (r, g, b) in colours if abs(r - 0x00) < 12 and abs(g - 0x72) < 12 and abs(b - 0xB2) < 12)
    if blue < 200:
        failures.append(f"the summary box's border is not in the top of the page ({blue} blue pixels)")
    if len(image.getcolors(maxcolors=1 << 20) or []) < 50:
        failures.append("the screenshot is nearly blank")
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    print(f"screenshot: {shot}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
