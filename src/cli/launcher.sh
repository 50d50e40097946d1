#!/bin/sh
# The synadm command: runs the CLI (synadm.cjs, next to the real path
# of this file) with Node.
#
# Node 20 reads and parses every certificate NODE_EXTRA_CA_CERTS names when it
# starts, about 50 ms with a system CA bundle, whether or not the command makes
# a TLS connection. The variable is handed to synadm under another name, and
# synadm adds those certificates itself on its first https request.
if [ -n "${NODE_EXTRA_CA_CERTS-}" ]; then
  SYNADM_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS
  export SYNADM_EXTRA_CA_CERTS
  unset NODE_EXTRA_CA_CERTS
fi
self=$0
case $self in */*) ;; *) self=./$self ;; esac
# npm links the command into a bin directory; follow the links to the package.
while [ -L "$self" ]; do
  target=$(readlink "$self")
  case $target in /*) self=$target ;; *) self=${self%/*}/$target ;; esac
done
exec node "${self%/*}/synadm.cjs" "$@"
