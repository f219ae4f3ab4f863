#!/usr/bin/env bash
# Installs the system tools the test suite runs against, when they are missing.
# Debian/Ubuntu (apt). Idempotent and quiet: nothing happens when all are there.
# Used by .ci/run; developers can run it too (as root, or with sudo available).
#
#   scripts/setup-test-deps.sh            install what is missing
#   scripts/setup-test-deps.sh --check    only report what is missing (exit 1 if any)
#
# To add a tool: one line "package:command-it-provides" in PACKAGES (the
# command is what is looked for; use "-" to check the package alone).
set -euo pipefail

PACKAGES=(
  "libvirt-clients:virsh"            # the oracle: virsh on the test driver
  "libvirt-clients:virt-xml-validate" # the oracle: RNG schemas
  "libvirt-daemon:-"                 # libvirt's drivers (test driver as shipped by Debian)
  "libxml2-utils:xmllint"            # used by virt-xml-validate
  "netplan.io:netplan"               # netplan's own parser, for the netplan comparisons
  "libvirt-daemon:libvirtd"          # the oracle for networks: a private libvirtd (scripts/testbed/libvirtd.sh)
  "iproute2:ip"                      # its own network namespace (ip netns)
  "openssh-server:/usr/sbin/sshd"    # test KVM hosts over SSH (scripts/testbed/sshd.sh)
  "openssh-client:ssh-keygen"        # their keys; ssh-agent for the agent test
  "iptables:iptables"                # libvirtd's firewall rules when the remote tests start networks
  "dnsmasq-base:dnsmasq"             # DHCP of the networks the remote tests start
  "procps:ps"                        # scripts/testbed/sshd.sh finds the processes of its mount namespace
  "qemu-system-x86:qemu-system-x86_64" # VMs for the VM tests (software emulation, no KVM needed) and the network-commands tests
  "busybox-static:/bin/busybox"      # the minimal guest's initramfs (scripts/testbed/guest.sh)
  "cpio:cpio"                        # packs that initramfs
  "chromium:chromium"                # headless browser for the VS Code UI tests (playwright-core drives it)
  "libkrb5-dev:krb5-config"          # code-server's kerberos module builds against it (scripts/vscode/install-code-server.sh)
  "ripgrep:rg"                       # code-server's search (its postinstall would download ripgrep from GitHub)
  "g++:g++"                          # code-server's native modules are built from source
  "make:make"
  "python3:python3"                  # node-gyp
)

check_only=0
[[ "${1:-}" == "--check" ]] && check_only=1

missing=()
for entry in "${PACKAGES[@]}"; do
  pkg="${entry%%:*}"
  cmd="${entry#*:}"
  if [[ "$cmd" != "-" ]] && command -v "$cmd" >/dev/null 2>&1; then continue; fi
  if [[ "$cmd" == "-" ]] && dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then continue; fi
  [[ " ${missing[*]-} " == *" $pkg "* ]] || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup-test-deps: all system tools present"
  exit 0
fi
if [[ $check_only -eq 1 ]]; then
  echo "setup-test-deps: missing packages: ${missing[*]}" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-test-deps: missing packages (${missing[*]}) and no apt-get; install them by hand" >&2
  exit 1
fi
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
    echo "setup-test-deps: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "setup-test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "setup-test-deps: apt-get failed" >&2
  exit 1
fi
echo "setup-test-deps: installed ${missing[*]}"
