#!/bin/sh
# Runs in the nginx container before nginx starts (mounted into /docker-entrypoint.d/ by docker-compose.yml).
# With TLS_CERTIFICATE and TLS_CERTIFICATE_KEY (paths inside the container, e.g. /etc/nginx/tls/fullchain.pem) it
# writes edge.d/tls.conf, which nginx.conf includes in its server: HTTPS on :443 and plain HTTP redirected to it.
# Without them it writes nothing and the stack serves plain HTTP on :80. Half a configuration stops the container.
# Usage outside the container: EDGE_DIR=/some/dir TLS_CERTIFICATE=... TLS_CERTIFICATE_KEY=... nginx/tls-setup.sh
set -eu
out="${EDGE_DIR:-/etc/nginx/edge.d}"
mkdir -p "$out"
rm -f "$out/tls.conf"
cert="${TLS_CERTIFICATE:-}"
key="${TLS_CERTIFICATE_KEY:-}"
if [ -z "$cert" ] && [ -z "$key" ]; then
  echo "tls-setup: TLS_CERTIFICATE not set: plain HTTP on :80 (see docs/edge.md to turn on HTTPS)"
  exit 0
fi
for file in "$cert" "$key"; do
  if [ -z "$file" ] || [ ! -r "$file" ]; then
    echo "tls-setup: TLS_CERTIFICATE and TLS_CERTIFICATE_KEY must both name readable files; got '$cert' and '$key'" >&2
    exit 1
  fi
done
# the public HTTPS port, when compose publishes 443 elsewhere (HTTPS_PORT)
port="${HTTPS_PORT:-443}"
case "$port" in
  443) authority='$host' ;;
  *[!0-9]*|'') echo "tls-setup: HTTPS_PORT must be a port number; got '$port'" >&2; exit 1 ;;
  *) authority="\$host:$port" ;;
esac
cat > "$out/tls.conf" <<CONF
# written by tls-setup.sh from TLS_CERTIFICATE / TLS_CERTIFICATE_KEY
listen 443 ssl;
ssl_certificate $cert;
ssl_certificate_key $key;
# Mozilla's "intermediate" profile
ssl_protocols TLSv1.2 TLSv1.3;
ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;
ssl_prefer_server_ciphers off;
ssl_session_cache shared:TLS:10m;
ssl_session_timeout 1d;
ssl_session_tickets off;
if (\$scheme = http) {
    return 301 https://$authority\$request_uri;
}
CONF
echo "tls-setup: HTTPS on :443 with $cert; plain HTTP redirects to it"
