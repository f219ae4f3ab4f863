#!/usr/bin/env bash
# A private OpenSSH server on 127.0.0.1 for the tests: a "KVM host" reached
# over SSH whose `virsh -c qemu:///system` lands on a private libvirtd
# (scripts/testbed/libvirtd.sh). See the test bed notes: "sshd on loopback".
#
# sshd runs in its own mount namespace where
#   - the private libvirtd's socket directory is bound over /run/libvirt, so
#     the unmodified `virsh -c qemu:///system` of a session reaches it;
#   - private copies of /etc/passwd and /etc/group (those of the libvirtd
#     state directory when given, which hold its `libvirt` group) with a test
#     user in group libvirt are bound over the real ones.
# The machine's own accounts, /run/libvirt and sshd configuration are never
# touched. sshd has its own host key; the test user logs in with a generated
# ed25519 key (no password logins, no PAM).
#
#   scripts/testbed/sshd.sh start   start (or find running); print  USER@127.0.0.1:PORT
#   scripts/testbed/sshd.sh stop    kill sshd and every session it started (keys are kept)
#   scripts/testbed/sshd.sh clean   stop, then delete the state directory
#   scripts/testbed/sshd.sh info    print KEY=VALUE lines: user, port, files
#
# Environment:
#   VIRTNET_SSH_NAME  name of this host (default virtnet-ssh); state in /tmp/$NAME
#   VIRTNET_SSH_DIR   state directory (default /tmp/$VIRTNET_SSH_NAME)
#   VIRTNET_SSH_PORT  port on 127.0.0.1 (default 2222); one per host
#   VIRTNET_LV_DIR    state directory of a running scripts/testbed/libvirtd.sh
#                     to expose as qemu:///system (optional; one sshd per libvirtd)
#   VIRTNET_SSH_JUMP  1: the host may serve as a jump host (ProxyJump): TCP
#                     forwarding to 127.0.0.1 only (PermitOpen 127.0.0.1:*)
#
# Files in the state directory: id_ed25519 (the user's key, no passphrase),
# id_ed25519_pass (the same user's second key, passphrase "virtnet-pass"),
# ssh_host_ed25519_key.pub (the host key), sshd.log, home/ (the user's home).
# Needs root and openssh-server.
set -euo pipefail

NAME=${VIRTNET_SSH_NAME:-virtnet-ssh}
DIR=${VIRTNET_SSH_DIR:-/tmp/$NAME}
PORT=${VIRTNET_SSH_PORT:-2222}
if [[ ${VIRTNET_SSH_JUMP:-} == 1 ]]; then FORWARDING=local; PERMIT_OPEN='127.0.0.1:*'; else FORWARDING=no; PERMIT_OPEN=none; fi
LV_DIR=${VIRTNET_LV_DIR:-}
USER_NAME=vnettest
PIDFILE=$DIR/sshd.pid
SSHD=/usr/sbin/sshd

die() { echo "sshd.sh: $*" >&2; exit 1; }
[[ $NAME =~ ^[A-Za-z0-9_.-]{1,40}$ ]] || die "VIRTNET_SSH_NAME must be 1-40 characters [A-Za-z0-9_.-]: $NAME"
[[ $DIR == /* ]] || die "VIRTNET_SSH_DIR must be absolute: $DIR"
[[ $PORT =~ ^[0-9]+$ ]] || die "VIRTNET_SSH_PORT must be a number: $PORT"

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

prepare() {
  local uid gid
  mkdir -p "$DIR" /run/sshd
  chmod 0755 "$DIR"
  [[ -f $DIR/ssh_host_ed25519_key ]] || ssh-keygen -q -t ed25519 -N '' -C "virtnet test host $NAME" -f "$DIR/ssh_host_ed25519_key"
  [[ -f $DIR/id_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C "virtnet test user" -f "$DIR/id_ed25519"
  [[ -f $DIR/id_ed25519_pass ]] || ssh-keygen -q -t ed25519 -N 'virtnet-pass' -C "virtnet test user (passphrase)" -f "$DIR/id_ed25519_pass"
  cat "$DIR/id_ed25519.pub" "$DIR/id_ed25519_pass.pub" >"$DIR/authorized_keys"
  # Accounts: the libvirtd's private /etc/passwd and /etc/group (which hold
  # its libvirt group) when one is given, else copies of the machine's. The
  # test user is appended in place (same inode): the daemon, which has the
  # file bound over its /etc/passwd, must find the user of a connecting uid.
  if [[ -n $LV_DIR ]]; then
    [[ -f $LV_DIR/passwd && -f $LV_DIR/group ]] || die "no accounts in $LV_DIR (start scripts/testbed/libvirtd.sh first)"
    PASSWD=$LV_DIR/passwd; GROUP=$LV_DIR/group
  else
    PASSWD=$DIR/passwd; GROUP=$DIR/group
    [[ -f $PASSWD ]] || cp /etc/passwd "$PASSWD"
    [[ -f $GROUP ]] || cp /etc/group "$GROUP"
  fi
  awk -F: '$1 == "libvirt"' "$GROUP" | grep -q . || echo "libvirt:x:$(free_id "$GROUP"):" >>"$GROUP"
  gid=$(awk -F: '$1 == "libvirt" { print $3 }' "$GROUP")
  if ! awk -F: -v u="$USER_NAME" '$1 == u' "$PASSWD" | grep -q .; then
    # Password field "*": no password, but not locked ("!" blocks key logins without PAM).
    echo "$USER_NAME:*:$(free_id "$PASSWD"):$gid:virtnet test user:$DIR/home:/bin/sh" >>"$PASSWD"
  fi
  uid=$(awk -F: -v u="$USER_NAME" '$1 == u { print $3 }' "$PASSWD")
  mkdir -p "$DIR/home"
  chown "$uid:$gid" "$DIR/home"
  cat >"$DIR/sshd_config" <<CONF
# written by scripts/testbed/sshd.sh
ListenAddress 127.0.0.1
Port $PORT
HostKey $DIR/ssh_host_ed25519_key
PidFile $PIDFILE
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin no
AllowUsers $USER_NAME
AuthorizedKeysFile $DIR/authorized_keys
StrictModes no
X11Forwarding no
AllowTcpForwarding $FORWARDING
PermitOpen $PERMIT_OPEN
MaxSessions 10
PerSourcePenalties no
LogLevel VERBOSE
CONF
}

start() {
  if daemon_pid >/dev/null && listening; then echo "$USER_NAME@127.0.0.1:$PORT"; return 0; fi
  [[ $(id -u) -eq 0 ]] || die "needs root"
  [[ -x $SSHD ]] || die "sshd not installed (package openssh-server)"
  stop_quiet
  prepare
  local sock=""
  if [[ -n $LV_DIR ]]; then
    sock=$LV_DIR/run/sock
    [[ -S $sock/libvirt-sock ]] || die "no libvirtd socket in $sock (start scripts/testbed/libvirtd.sh first)"
  fi
  # The test config may carry options this sshd does not know (PerSourcePenalties is new in 9.8).
  if ! "$SSHD" -t -f "$DIR/sshd_config" 2>/dev/null; then sed -i '/^PerSourcePenalties/d' "$DIR/sshd_config"; fi
  "$SSHD" -t -f "$DIR/sshd_config" || die "sshd refuses its configuration"
  : >"$DIR/sshd.log"
  setsid unshare --mount --propagation private sh -c '
    set -e
    if [ -n "$2" ]; then mount --bind "$2" /run/libvirt; fi
    mount --bind "$4" /etc/passwd
    mount --bind "$5" /etc/group
    exec "$3" -D -e -f "$1/sshd_config"
  ' sh "$DIR" "$sock" "$SSHD" "$PASSWD" "$GROUP" </dev/null >>"$DIR/sshd.log" 2>&1 &
  local i
  for ((i = 0; i < 200; i++)); do # up to 10 s
    if daemon_pid >/dev/null && listening; then echo "$USER_NAME@127.0.0.1:$PORT"; return 0; fi
    if ! kill -0 $! 2>/dev/null; then break; fi
    sleep 0.05
  done
  { echo "sshd.sh: sshd did not come up on 127.0.0.1:$PORT"; tail -n 20 "$DIR/sshd.log" 2>/dev/null || true; } >&2
  stop_quiet
  exit 1
}

# sshd and every session process: all that share the listener's mount
# namespace (ps lists each process's namespace inode in one call).
stop_quiet() {
  local pid ns pids
  if pid=$(daemon_pid); then
    ns=$(readlink "/proc/$pid/ns/mnt" 2>/dev/null | tr -dc 0-9 || true)
    pids=$pid
    if [[ -n $ns && $(readlink /proc/self/ns/mnt | tr -dc 0-9) != "$ns" ]]; then
      pids=$(ps -e -o pid=,mntns= | awk -v ns="$ns" '$2 == ns { print $1 }')
    fi
    kill -KILL $pids 2>/dev/null || true
  fi
  rm -f "$PIDFILE"
}

info() {
  echo "USER=$USER_NAME"
  echo "HOST=127.0.0.1"
  echo "PORT=$PORT"
  echo "KEY=$DIR/id_ed25519"
  echo "KEY_PASSPHRASE_PROTECTED=$DIR/id_ed25519_pass"
  echo "PASSPHRASE=virtnet-pass"
  echo "HOST_KEY_PUB=$DIR/ssh_host_ed25519_key.pub"
  echo "HOME_DIR=$DIR/home"
  echo "LOG=$DIR/sshd.log"
}

case "${1:-}" in
  start) start ;;
  stop) stop_quiet ;;
  clean) stop_quiet; [[ -d $DIR ]] && rm -rf "${DIR:?}" ;;
  info) info ;;
  *) echo "usage: $0 start|stop|clean|info" >&2; exit 2 ;;
esac
