# Shell functions shared by the test bed scripts (sourced; needs PIDFILE set).

# Alive and not a zombie waiting to be reaped (daemons are re-parented to init).
alive() { local st; st=$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null) && [[ -n $st && $st != Z && $st != X ]]; }

# The daemon's pid from $PIDFILE when it runs.
daemon_pid() {
  [[ -s $PIDFILE ]] || return 1
  local pid
  pid=$(<"$PIDFILE")
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" && echo "$pid"
}

# A numeric id not used in FILE (passwd or group format), in the system range.
free_id() { awk -F: '{ used[$3] = 1 } END { for (i = 999; i > 100; i--) if (!(i in used)) { print i; exit } }' "$1"; }
