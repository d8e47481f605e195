#!/usr/bin/env bash
# Runs the README's quick start in a fresh Debian 12 root, to check that it installs everything it needs
# and to time a first run: `tools/fresh-root.sh demo|test [DIR]` (as root; needs debootstrap and network).
# Makes a minbase bookworm root in DIR (default /tmp/recordflow-fresh-root, removed first), clones this
# repository's committed HEAD into it, runs `tools/quickstart.sh MODE` there under chroot with a clean
# environment, and prints every output line prefixed by the seconds since the start, then
# `rc=N total=Ss`. The root is unmounted on exit and left in place for inspection.
set -euo pipefail
mode="${1:-demo}"
root="${2:-/tmp/recordflow-fresh-root}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
[ "$(id -u)" -eq 0 ] || { echo "fresh-root: run as root" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "fresh-root: apt-get install debootstrap first" >&2; exit 2; }

unmount() {
  for m in dev sys proc; do mountpoint -q "$root/$m" && umount -R "$root/$m"; done
  return 0
}
trap unmount EXIT
unmount
rm -rf "$root"
started=$(date +%s)
debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
echo "fresh-root: debootstrap took $(($(date +%s) - started)) s (not part of the quick start)"
git clone -q "$repo" "$root/root/recordflow"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --rbind /sys "$root/sys"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cat >"$root/root/first-run.sh" <<EOF
#!/bin/bash
cd /root/recordflow
start=\$(date +%s)
bash tools/quickstart.sh $mode 2>&1 | while IFS= read -r line; do
  printf '%5d %s\n' \$((\$(date +%s) - start)) "\$line"
done
echo "rc=\${PIPESTATUS[0]} total=\$((\$(date +%s) - start))s"
EOF
chmod +x "$root/root/first-run.sh"
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  /root/first-run.sh
