#!/usr/bin/env bash
# The Debian package as an IT officer gets it: built by CPack from BUILD_DIR,
# checked by lintian (no errors; warnings are printed), installed with
# apt-get, then used as the services would use it: the installed
# vanban-server started as the user "vanban" before the index exists
# (/readyz 503), the installed vanban-index indexing the configured
# folder, the server answering from its installed page and index (/readyz
# 200, /metrics), a change picked up by vanban-index --watch, a backup, the
# systemd units verified (CI has no systemd as PID 1: the files only).
# Then removed (the index stays) and purged (it goes).
#
# Usage: deb_test.sh BUILD_DIR CORPUS_DIR
# Exits 77 (skipped) when not run as root: it installs a package.
set -euo pipefail
build=$(readlink -f "$1")
corpus=$(readlink -f "$2")
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { printf '== %s (%ss)\n' "$*" "$SECONDS"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: installing a Debian package needs root (run the tests as root, as CI does)"
  exit 77
fi
if dpkg-query -W -f='${Status}' vanban 2>/dev/null | grep -q 'install ok installed'; then
  fail "a vanban package is already installed on this machine; this test will not replace it"
fi

work=$(mktemp -d)
chmod 755 "$work"
state_existed=$([ -e /var/lib/vanban ] && echo yes || echo no)
user_existed=$(getent passwd vanban >/dev/null && echo yes || echo no)
server_pid= watch_pid=
apt() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -qq "$@"; }
cleanup() {
  for pid in $server_pid $watch_pid; do kill "$pid" 2>/dev/null || true; done
  if dpkg-query -W -f='${Status}' vanban 2>/dev/null | grep -q 'ok'; then
    apt purge -y vanban >/dev/null 2>&1 || true
  fi
  [ "$state_existed" = no ] && rm -rf /var/lib/vanban
  if [ "$user_existed" = no ] && getent passwd vanban >/dev/null; then
    deluser --system --quiet vanban >/dev/null 2>&1 || true
    delgroup --system --quiet vanban >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
# Runs a command as the service user; setpriv execs it, so a program started
# in the background is $! itself and gets the signals sent to it.
as_vanban=(setpriv --reuid=vanban --regid=vanban --init-groups --)

step "building the package"
(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) ||
  fail "cpack: $(tail -20 "$work/cpack.log")"
deb=$(ls "$work"/pkg/vanban_*_amd64.deb)
echo "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB"
dpkg-deb -f "$deb" Depends
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libxapian30 libicu72 libcpp-httplib0.11 adduser; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/vanban-server ./usr/bin/vanban-index ./usr/bin/vanban-search \
         ./usr/share/vanban/web/index.html ./etc/vanban/vanban.conf \
         ./usr/lib/systemd/system/vanban.service ./usr/lib/systemd/system/vanban-index.service \
         ./usr/share/doc/vanban/copyright ./usr/share/doc/vanban/README.md; do
  grep -q " $f\$" <<<"$contents" || fail "$f is not in the package"
done
if command -v help2man >/dev/null; then
  grep -q ' ./usr/share/man/man1/vanban-server.1.gz$' <<<"$contents" || fail "no man page"
fi

step "lintian"
lintian --fail-on error --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1 || {
  cat "$work/lintian.log"
  fail "lintian reports errors"
}
grep -v 'running with root privileges' "$work/lintian.log" || echo "lintian: nothing to report"

step "installing"
apt install -y --no-install-recommends "$deb" >"$work/apt.log" 2>&1 ||
  fail "apt-get install: $(tail -20 "$work/apt.log")"
getent passwd vanban >/dev/null || fail "no user vanban"
[ "$(stat -c %U /var/lib/vanban)" = vanban ] || fail "/var/lib/vanban is not vanban's"
/usr/bin/vanban-index --version | grep -q '^vanban-index ' || fail "vanban-index --version"

step "the installed server, before the index exists"
# On a free port of the loopback (as tests/cli/server_lib.sh picks them).
port=$((20000 + RANDOM % 20000))
"${as_vanban[@]}" /usr/bin/vanban-server --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
  curl -s -o /dev/null "http://127.0.0.1:$port/readyz" && break
  sleep 0.1
done
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")
[ "$status" = 503 ] || fail "/readyz without an index gave $status: $(cat "$work/server.log")"
curl -fs "http://127.0.0.1:$port/" >"$work/page.html" || fail "page not served"
cmp -s "$work/page.html" /usr/share/vanban/web/index.html || fail "the page served is not the installed one"

step "indexing the configured folder as the service user"
cp -r "$corpus"/seeds /var/lib/vanban/documents/
chown -R vanban:vanban /var/lib/vanban/documents
out=$("${as_vanban[@]}" /usr/bin/vanban-index -q) || fail "vanban-index: $out"
echo "$out"
grep -q '^indexed 5 (5 new' <<<"$out" || fail "unexpected summary: $out"
for _ in $(seq 50); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = 200 ] && break
  sleep 0.1
done
body=$(curl -fs "http://127.0.0.1:$port/readyz") || fail "/readyz is not 200 once the index exists"
[ "$body" = '{"documents":5,"status":"ready"}' ] || fail "/readyz: $body"
body=$(curl -fs "http://127.0.0.1:$port/api/search?q=dan%20van%20kheo")
grep -q '"total":2' <<<"$body" || fail "search: $body"
metrics=$(curl -fs "http://127.0.0.1:$port/metrics")
grep -q '^vanban_index_documents 5$' <<<"$metrics" || fail "metrics: $metrics"

step "vanban-index --watch, as the service runs it"
"${as_vanban[@]}" /usr/bin/vanban-index --watch -q >"$work/watch.log" 2>&1 &
watch_pid=$!
for _ in $(seq 100); do grep -q '^full run' "$work/watch.log" && break; sleep 0.1; done
printf 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nSố: 2468/UBND-VX\nV/v hưởng ứng phong trào “Dân vận khéo”\n' \
  >"$work/moi.txt"
install -o vanban -g vanban -m 0640 "$work/moi.txt" /var/lib/vanban/documents/moi.txt
found=
for _ in $(seq 50); do
  body=$(curl -fs "http://127.0.0.1:$port/api/search?q=2468%2FUBND-VX" || true)
  grep -q '"total":1' <<<"$body" && found=yes && break
  sleep 0.1
done
[ -n "$found" ] || fail "a new file was not searchable within 5 s: $(cat "$work/watch.log")"
kill -TERM "$watch_pid"
wait "$watch_pid" || fail "vanban-index --watch did not exit cleanly on SIGTERM"
watch_pid=

step "backup"
out=$("${as_vanban[@]}" /usr/bin/vanban-index --backup /var/lib/vanban/backup) || fail "backup: $out"
grep -q '^backed up 6 documents' <<<"$out" || fail "backup: $out"
out=$(/usr/bin/vanban-search --db /var/lib/vanban/backup 2468/UBND-VX)
grep -q "^1 documents" <<<"$out" || fail "the backup does not answer: $out"
rm -rf /var/lib/vanban/backup

step "systemd-analyze verify"
systemd-analyze verify /usr/lib/systemd/system/vanban.service \
  /usr/lib/systemd/system/vanban-index.service >"$work/verify.log" 2>&1 || {
  cat "$work/verify.log"
  fail "systemd-analyze verify"
}
cat "$work/verify.log"

step "remove keeps the index, purge deletes it"
kill -TERM "$server_pid"
wait "$server_pid" || fail "vanban-server did not exit cleanly on SIGTERM"
server_pid=
apt remove -y vanban >/dev/null 2>&1 || fail "apt-get remove"
[ ! -e /usr/bin/vanban-server ] || fail "remove left the programs"
[ -f /var/lib/vanban/index/iamglass ] || fail "remove deleted the index"
[ -f /etc/vanban/vanban.conf ] || fail "remove deleted the configuration"
apt purge -y vanban >/dev/null 2>&1 || fail "apt-get purge"
[ ! -e /var/lib/vanban/index ] || fail "purge left the index"
[ ! -e /etc/vanban/vanban.conf ] || fail "purge left the configuration"
[ -f /var/lib/vanban/documents/moi.txt ] || fail "purge deleted people's documents"
step "done"
