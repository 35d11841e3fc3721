# Sourced by the scripts that put nginx in front of vanban-server (tests and
# benchmarks): start_nginx SITE_CONF UPSTREAM_PORT runs Debian's nginx as an
# unprivileged process (user nobody when started by root) with its own
# prefix, configuration, logs and a self-signed certificate in a new
# directory under /tmp, serving SITE_CONF (deploy/nginx/vanban.conf) with
# only its ports, upstream port and certificate paths replaced. Sets
# nginx_dir, nginx_port (TLS) and nginx_http_port; stop_nginx stops it and
# removes the directory.
start_nginx() {
  local site=$1 upstream=$2 dir nginx_bin
  local as_user=()
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  [ -x "$nginx_bin" ] || { echo "nginx_lib: nginx is missing (apt-get install nginx-light)" >&2; return 2; }
  dir=$(mktemp -d /tmp/vanban-nginx.XXXXXX)
  nginx_dir=$dir
  mkdir -p "$dir/logs" "$dir/tmp"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
    -keyout "$dir/vanban.key" -out "$dir/vanban.pem" >/dev/null 2>&1 || return 1
  if [ "$(id -u)" -eq 0 ]; then
    chown -R nobody:nogroup "$dir"
    as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  fi
  for _ in 1 2 3 4 5; do
    nginx_port=$((20000 + RANDOM % 20000))
    nginx_http_port=$((nginx_port + 1))
    sed -e "s#listen 443 ssl http2;#listen 127.0.0.1:$nginx_port ssl http2;#" \
        -e "s#listen 80;#listen 127.0.0.1:$nginx_http_port;#" \
        -e '/listen \[::\]/d' \
        -e "s#server 127.0.0.1:8080;#server 127.0.0.1:$upstream;#" \
        -e "s#/etc/ssl/certs/vanban.pem#$dir/vanban.pem#" \
        -e "s#/etc/ssl/private/vanban.key#$dir/vanban.key#" \
        "$site" > "$dir/site.conf"
    cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    include $dir/site.conf;
}
CONF
    "${as_user[@]}" "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/error.log" \
      2>>"$dir/logs/start.log" || continue
    for _ in $(seq 50); do
      curl -skf "https://127.0.0.1:$nginx_port/healthz" >/dev/null 2>&1 && return 0
      sleep 0.1
    done
    nginx_stop_process
  done
  return 1
}

nginx_stop_process() {
  local pid
  [ -f "$nginx_dir/nginx.pid" ] || return 0
  pid=$(cat "$nginx_dir/nginx.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
}

stop_nginx() {
  [ -n "${nginx_dir:-}" ] || return 0
  nginx_stop_process
  rm -rf "$nginx_dir"
  nginx_dir=
}
