#!/usr/bin/env bash
# Regenerates the test certificates of this directory (committed, so builds never run this).
# Needs only the JDK's keytool and openssl; no network. All keystores use the password "changeit".
#
#   ca.pem              the test CA that --ca-cert trusts
#   server.p12          valid for localhost, 127.0.0.1 and ::1, signed by the test CA
#   expired.p12         same names, signed by the test CA, validity ended in the past
#   wronghost.p12       signed by the test CA, but only for wrong-host.invalid
#   untrusted.p12       same names as server.p12, signed by another CA nobody trusts
#   client.pem/.key     a client certificate (PEM) and its PKCS#8 key, signed by the test CA
set -euo pipefail
cd "$(dirname "$0")"
PW=changeit
rm -f ./*.p12 ./*.pem ./*.key ./*.csr
SAN="san=dns:localhost,ip:127.0.0.1,ip:::1"

keypair() { # alias file dname [extra keytool options]
  keytool -genkeypair -keystore "$2" -storetype PKCS12 -storepass "$PW" -alias "$1" -keyalg EC -groupname secp256r1 \
    -dname "$3" -validity 36500 "${@:4}" >/dev/null 2>&1
}
sign() { # ca-file alias file dname validity-options... (then extensions)
  local ca=$1 alias=$2 file=$3 dname=$4; shift 4
  keypair "$alias" "$file" "$dname"
  keytool -certreq -keystore "$file" -storepass "$PW" -alias "$alias" -file "$alias.csr"
  keytool -gencert -keystore "$ca" -storepass "$PW" -alias ca -infile "$alias.csr" -outfile "$alias.crt.pem" -rfc "$@"
  keytool -importcert -keystore "$file" -storepass "$PW" -alias ca -file "${ca%.p12}.pem" -noprompt >/dev/null
  keytool -importcert -keystore "$file" -storepass "$PW" -alias "$alias" -file "$alias.crt.pem" >/dev/null
  keytool -delete -keystore "$file" -storepass "$PW" -alias ca
  rm -f "$alias.csr" "$alias.crt.pem"
}

keypair ca ca.p12 "CN=otlpdoctor test CA" -ext bc:c
keytool -exportcert -keystore ca.p12 -storepass "$PW" -alias ca -rfc -file ca.pem
keypair ca other-ca.p12 "CN=untrusted test CA" -ext bc:c
keytool -exportcert -keystore other-ca.p12 -storepass "$PW" -alias ca -rfc -file other-ca.pem

sign ca.p12 server server.p12 "CN=localhost" -validity 36500 -ext "$SAN"
sign ca.p12 expired expired.p12 "CN=localhost" -startdate -30d -validity 2 -ext "$SAN"
sign ca.p12 wronghost wronghost.p12 "CN=wrong-host.invalid" -validity 36500 -ext "san=dns:wrong-host.invalid"
sign other-ca.p12 untrusted untrusted.p12 "CN=localhost" -validity 36500 -ext "$SAN"
sign ca.p12 client client.p12 "CN=otlpdoctor test client" -validity 36500 -ext eku=clientAuth

openssl pkcs12 -in client.p12 -passin pass:"$PW" -nokeys -clcerts | sed -n '/BEGIN/,/END/p' > client.pem
openssl pkcs12 -in client.p12 -passin pass:"$PW" -nocerts -nodes | sed -n '/BEGIN/,/END/p' > client.key
rm -f other-ca.p12
