import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ipBytes } from '../../../../src/node/server/tls/ip-bytes.ts';
import { makeSelfSigned } from '../../../../src/node/server/tls/self-signed.ts';

const NAMES = { ips: ['127.0.0.1', '::1', '192.168.1.20', 'fd00::2'], dns: ['localhost', 'stage-laptop', 'stage-laptop.local'] };

test('IP addresses become the bytes a certificate holds', () => {
  assert.deepEqual([...ipBytes('192.168.1.20')], [192, 168, 1, 20]);
  assert.deepEqual([...ipBytes('::1')], [...Array<number>(15).fill(0), 1]);
  assert.deepEqual([...ipBytes('::')], Array<number>(16).fill(0));
  assert.equal(ipBytes('fd00::2:ab').toString('hex'), 'fd0000000000000000000000000200ab');
  assert.equal(ipBytes('2001:db8:1:2:3:4:5:6').toString('hex'), '20010db8000100020003000400050006');
  assert.equal(ipBytes('::ffff:10.0.0.1').toString('hex'), '00000000000000000000ffff0a000001');
  assert.equal(ipBytes('fe80::1%eth0').toString('hex'), 'fe800000000000000000000000000001');
  assert.throws(() => ipBytes('stage-laptop'), /stage-laptop is not an IP address/);
});

test('the certificate names every address and host, signs itself with its key, and lasts 800 days from a day before now', () => {
  const now = new Date('2026-11-27T04:00:00Z');
  const made = makeSelfSigned(NAMES, now);
  const cert = new X509Certificate(made.cert);
  assert.ok(cert.verify(cert.publicKey), 'self-signed');
  assert.ok(cert.checkPrivateKey(createPrivateKey(made.key)), 'the key is the certificate’s');
  for (const ip of NAMES.ips) assert.ok(cert.checkIP(ip), ip);
  for (const host of NAMES.dns) assert.equal(cert.checkHost(host), host);
  assert.equal(cert.checkIP('192.168.1.21'), undefined);
  assert.equal(cert.checkHost('elsewhere.example'), undefined);
  assert.equal(cert.ca, false);
  assert.equal(cert.subject, 'CN=Oscine studio');
  assert.deepEqual(cert.keyUsage, ['1.3.6.1.5.5.7.3.1']); // Node reports the extended key usage: TLS server
  assert.equal(new Date(cert.validFrom).toISOString(), '2026-11-26T04:00:00.000Z');
  assert.equal(new Date(cert.validTo).toISOString(), '2029-02-04T04:00:00.000Z');
  assert.notEqual(makeSelfSigned(NAMES, now).cert, made.cert, 'a new key and serial each time');
});

test('openssl reads it as a TLS server certificate', (t) => {
  if (!existsSync('/usr/bin/openssl')) return t.skip('openssl is not installed');
  const text = execFileSync('/usr/bin/openssl', ['x509', '-noout', '-text'], { input: makeSelfSigned(NAMES).cert, encoding: 'utf8' });
  assert.match(text, /Version: 3 \(0x2\)/);
  assert.match(text, /Signature Algorithm: ecdsa-with-SHA256/);
  assert.match(text, /ASN1 OID: prime256v1/);
  assert.match(text, /Basic Constraints: critical\s+CA:FALSE/);
  assert.match(text, /Key Usage: critical\s+Digital Signature/);
  assert.match(text, /Extended Key Usage:\s+TLS Web Server Authentication/);
  assert.match(text, /DNS:localhost, DNS:stage-laptop, DNS:stage-laptop.local, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:192.168.1.20, IP Address:FD00:0:0:0:0:0:0:2/);
});

test('dates from 2050 on are written as GeneralizedTime, and still read back', () => {
  const cert = new X509Certificate(makeSelfSigned(NAMES, new Date('2049-06-01T00:00:00Z')).cert);
  assert.equal(new Date(cert.validFrom).toISOString(), '2049-05-31T00:00:00.000Z');
  assert.equal(new Date(cert.validTo).toISOString(), '2051-08-10T00:00:00.000Z');
});
