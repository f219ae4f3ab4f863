#!/usr/bin/env bash
# The minimal guest for the VM tests: a Debian cloud kernel and a busybox
# initramfs whose /init only mounts /proc and /sys and sleeps. Enough for a
# guest OS that acknowledges an ACPI PCI unplug (the kernel has
# CONFIG_HOTPLUG_PCI_ACPI built in), so a live detach-interface really
# removes the NIC; with no OS at all, virsh reports success and the NIC
# stays. Boots in a few seconds under QEMU's software emulation (no KVM).
#
#   scripts/testbed/guest.sh build   build once (cached) and print KERNEL=… and INITRD=…
#
# The kernel comes from Debian's archive with `apt-get download` (the
# package's files are extracted, nothing is installed); busybox from the
# busybox-static package, the archive made with cpio (scripts/setup-test-deps.sh).
#
# Environment:
#   VIRTNET_GUEST_DIR  where the kernel and initramfs are kept
#                      (default /var/cache/virtnet-testbed/guest)
set -euo pipefail

DIR=${VIRTNET_GUEST_DIR:-/var/cache/virtnet-testbed/guest}
KERNEL=$DIR/vmlinuz
INITRD=$DIR/initrd.img

die() { echo "guest.sh: $*" >&2; exit 1; }

kernel() {
  [[ -s $KERNEL ]] && return 0
  command -v apt-get >/dev/null 2>&1 || die "needs apt-get to fetch a Debian cloud kernel"
  # The versioned package behind the meta-package (linux-image-6.1.0-NN-cloud-amd64).
  local pkg
  pkg=$(apt-cache depends linux-image-cloud-amd64 2>/dev/null | awk '/Depends: linux-image-/ { print $2; exit }' || true)
  if [[ -z $pkg ]]; then
    apt-get update -qq >/dev/null 2>&1 || true
    pkg=$(apt-cache depends linux-image-cloud-amd64 2>/dev/null | awk '/Depends: linux-image-/ { print $2; exit }' || true)
  fi
  [[ -n $pkg ]] || die "no linux-image-cloud-amd64 package known to apt"
  local work
  work=$(mktemp -d)
  # apt's sandbox user must be able to write the download directory.
  chmod 0777 "$work"
  (cd "$work" && apt-get download -q "$pkg" >/dev/null 2>&1) || { rm -rf "$work"; die "apt-get download $pkg failed"; }
  dpkg-deb --fsys-tarfile "$work"/*.deb | tar -x -C "$work" --wildcards './boot/vmlinuz-*'
  mkdir -p "$DIR"
  cp "$work"/boot/vmlinuz-* "$KERNEL.tmp" && mv "$KERNEL.tmp" "$KERNEL"
  rm -rf "$work"
}

initrd() {
  [[ -s $INITRD ]] && return 0
  [[ -x /bin/busybox ]] || die "needs /bin/busybox (package busybox-static)"
  command -v cpio >/dev/null 2>&1 || die "needs cpio (package cpio)"
  local root
  root=$(mktemp -d)
  mkdir -p "$root"/{bin,proc,sys,dev}
  cp /bin/busybox "$root/bin/busybox"
  cat >"$root/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
echo "virtnet test guest up"
while :; do /bin/busybox sleep 3600; done
INIT
  chmod 0755 "$root/init"
  mkdir -p "$DIR"
  (cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) >"$INITRD.tmp"
  mv "$INITRD.tmp" "$INITRD"
  rm -rf "$root"
}

case "${1:-}" in
  build)
    kernel
    initrd
    echo "KERNEL=$KERNEL"
    echo "INITRD=$INITRD"
    ;;
  *) echo "usage: $0 build" >&2; exit 2 ;;
esac
