#!/usr/bin/env bash
# A private libvirtd for the tests, isolated in its own network namespace
# (see the test bed notes: "libvirtd isolated in its own network namespace").
# Everything it creates (bridges, dnsmasq, firewall rules) lives inside the
# namespace; its configuration and state live in a private directory bound
# over /etc/libvirt, /run/libvirt, /var/lib/libvirt, /var/cache/libvirt and
# /var/log/libvirt inside the daemon's own mount namespace. The machine's own
# network and libvirt directories are never touched (only empty mount-point
# directories are created when missing).
#
#   scripts/testbed/libvirtd.sh start   start (or find running) and print the connect URI
#   scripts/testbed/libvirtd.sh uri     print the connect URI (exit 1 if not running)
#   scripts/testbed/libvirtd.sh stop    undefine/destroy what is left, stop, clean up
#   scripts/testbed/libvirtd.sh log     print the daemon's log
#
# Environment:
#   VIRTNET_LV_NAME  name of the network namespace (default virtnet-lv); one
#                    daemon per name, so parallel test runs use different names
#   VIRTNET_LV_DIR   private state directory (default /tmp/$VIRTNET_LV_NAME;
#                    keep it short: the socket path must fit in 107 bytes)
#
# Needs root, iproute2 (ip netns) and libvirtd (package libvirt-daemon); the
# network driver ships in libvirt-daemon too. Idempotent: start on a running
# daemon prints its URI, stop on a stopped one does nothing.
set -euo pipefail

NS=${VIRTNET_LV_NAME:-virtnet-lv}
DIR=${VIRTNET_LV_DIR:-/tmp/$NS}
SOCK_DIR=$DIR/run/sock
SOCK=$SOCK_DIR/libvirt-sock
PIDFILE=$DIR/libvirtd.pid
LOG=$DIR/log/libvirtd.log
URI="qemu+unix:///system?socket=$SOCK"
PRIVATE_DIRS=(/etc/libvirt /run/libvirt /var/lib/libvirt /var/cache/libvirt /var/log/libvirt)

die() { echo "libvirtd.sh: $*" >&2; exit 1; }

[[ $NS =~ ^[A-Za-z0-9_.-]{1,15}$ ]] || die "VIRTNET_LV_NAME must be 1-15 characters [A-Za-z0-9_.-]: $NS"
[[ $DIR == /* ]] || die "VIRTNET_LV_DIR must be absolute: $DIR"
[[ ${#SOCK} -le 107 ]] || die "socket path too long (${#SOCK} > 107 bytes): $SOCK; set a shorter VIRTNET_LV_DIR"

ns_exists() { ip netns list 2>/dev/null | awk '{print $1}' | grep -qxF "$NS"; }
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
running() { daemon_pid >/dev/null && [[ -S $SOCK ]]; }
virsh_() { LC_ALL=C virsh -q -c "$URI" "$@"; }


# Private /etc/libvirt: the installed configuration, without any predefined
# or autostarted network (the package's "default"), plus our daemon config.
make_config() {
  local etc=$DIR/etc
  mkdir -p "$etc"
  if [[ -d /etc/libvirt ]]; then cp -a /etc/libvirt/. "$etc/"; fi
  rm -rf "$etc/qemu/networks" "$etc/qemu/autostart" "$etc/storage" "$etc/nwfilter" "$etc/secrets"
  mkdir -p "$etc/qemu/networks/autostart"
  # Accounts the daemon looks up: libvirt's QEMU driver resolves its
  # compiled-in user and group (libvirt-qemu) at start even when qemu.conf
  # says root, and the socket group is libvirt. Without libvirt-daemon-system
  # they do not exist: add them to private copies of /etc/passwd and
  # /etc/group, bound over the real ones inside the daemon's mount namespace.
  cp /etc/passwd "$DIR/passwd"
  cp /etc/group "$DIR/group"
  local g
  for g in libvirt libvirt-qemu; do
    getent group "$g" >/dev/null 2>&1 || echo "$g:x:$(free_id "$DIR/group"):" >>"$DIR/group"
  done
  if ! getent passwd libvirt-qemu >/dev/null 2>&1; then
    local gid
    gid=$(awk -F: '$1 == "libvirt-qemu" { print $3 }' "$DIR/group")
    echo "libvirt-qemu:x:$(free_id "$DIR/passwd"):$gid:libvirt test bed:/var/lib/libvirt:/usr/sbin/nologin" >>"$DIR/passwd"
  fi
  local group=libvirt
  cat >"$etc/libvirtd.conf" <<CONF
# written by scripts/testbed/libvirtd.sh
listen_tls = 0
listen_tcp = 0
unix_sock_dir = "$SOCK_DIR"
unix_sock_group = "$group"
unix_sock_ro_perms = "0770"
unix_sock_rw_perms = "0770"
auth_unix_ro = "none"
auth_unix_rw = "none"
log_outputs = "3:file:$LOG"
CONF
  # user/group root: no libvirt-qemu account needed, and no QEMU re-probe on
  # every call; stdio_handler file: no virtlogd.
  cat >"$etc/qemu.conf" <<CONF
# written by scripts/testbed/libvirtd.sh
user = "root"
group = "root"
dynamic_ownership = 0
stdio_handler = "file"
CONF
}

start() {
  if running && ns_exists; then echo "$URI"; return 0; fi
  [[ $(id -u) -eq 0 ]] || die "needs root"
  command -v libvirtd >/dev/null 2>&1 || [[ -x /usr/sbin/libvirtd ]] || die "libvirtd not installed (package libvirt-daemon)"
  command -v ip >/dev/null 2>&1 || die "ip not installed (package iproute2)"
  stop_quiet
  mkdir -p "$DIR"
  local d
  for d in etc run lib cache log; do rm -rf "${DIR:?}/$d"; mkdir -p "$DIR/$d"; done
  mkdir -p "$SOCK_DIR"
  chmod 0755 "$DIR"
  make_config
  # Mount points for the private directories (empty; created only if missing).
  for d in "${PRIVATE_DIRS[@]}"; do [[ -d $d ]] || mkdir -p "$d"; done
  ip netns add "$NS"
  ip -n "$NS" link set lo up
  local libvirtd
  libvirtd=$(command -v libvirtd || echo /usr/sbin/libvirtd)
  # ip netns exec gives the daemon its own mount namespace (slave of the
  # host's): the bind mounts below are seen by the daemon and its children only.
  setsid ip netns exec "$NS" sh -c '
    set -e
    mount --bind "$1/etc" /etc/libvirt
    mount --bind "$1/run" /run/libvirt
    mount --bind "$1/lib" /var/lib/libvirt
    mount --bind "$1/cache" /var/cache/libvirt
    mount --bind "$1/log" /var/log/libvirt
    mount --bind "$1/passwd" /etc/passwd
    mount --bind "$1/group" /etc/group
    exec "$2" -f /etc/libvirt/libvirtd.conf -p "$3"
  ' sh "$DIR" "$libvirtd" "$PIDFILE" </dev/null >"$DIR/daemon.out" 2>&1 &
  local i
  for ((i = 0; i < 200; i++)); do # up to 10 s
    # The socket appears before the drivers are initialised (which can still
    # fail): wait for an answer from the network driver.
    if [[ -S $SOCK ]] && daemon_pid >/dev/null && virsh_ net-list --all >/dev/null 2>&1; then echo "$URI"; return 0; fi
    if ! kill -0 $! 2>/dev/null; then break; fi
    sleep 0.05
  done
  {
    echo "libvirtd.sh: libvirtd did not come up (namespace $NS, state $DIR)"
    echo "--- daemon output"; tail -n 30 "$DIR/daemon.out" 2>/dev/null || true
    echo "--- daemon log"; tail -n 30 "$LOG" 2>/dev/null || true
  } >&2
  stop_quiet
  exit 1
}

stop_quiet() {
  if running; then
    local n
    for n in $(virsh_ list --all --name 2>/dev/null); do
      virsh_ destroy "$n" >/dev/null 2>&1 || true
      virsh_ undefine "$n" >/dev/null 2>&1 || true
    done
    for n in $(virsh_ net-list --all --name 2>/dev/null); do
      virsh_ net-destroy "$n" >/dev/null 2>&1 || true
      virsh_ net-undefine "$n" >/dev/null 2>&1 || true
    done
  fi
  local pid
  if pid=$(daemon_pid); then
    kill -TERM "$pid" 2>/dev/null || true
    local i
    # Nothing of its state is kept: do not wait for a clean shutdown longer than 1 s.
    for ((i = 0; i < 20; i++)); do alive "$pid" || break; sleep 0.05; done
    if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  if ns_exists; then
    # dnsmasq and QEMU outlive libvirtd: kill whatever still runs in the namespace.
    local pids
    pids=$(ip netns pids "$NS" 2>/dev/null || true)
    [[ -n $pids ]] && kill -KILL $pids 2>/dev/null || true
    ip netns delete "$NS" 2>/dev/null || true
  fi
  if [[ -d $DIR ]]; then rm -rf "${DIR:?}"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop_quiet ;;
  uri) running || die "not running (namespace $NS)"; echo "$URI" ;;
  log) cat "$LOG" ;;
  *) echo "usage: $0 start|stop|uri|log" >&2; exit 2 ;;
esac
