import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../../src/core/errors.ts';
import { makeSelfSigned } from '../../../../src/node/server/tls/self-signed.ts';
import { CERTIFICATE_FILE, KEY_FILE, configFolder, keptCredentials, ownCredentials } from '../../../../src/node/server/tls/studio-certificate.ts';

const HOME = { ips: ['127.0.0.1', '192.168.1.20'], dns: ['localhost'] };
const folder = () => join(mkdtempSync(join(tmpdir(), 'oscine-certificate-')), 'oscine');

test('made on first use and kept (key readable by its owner only); the next start uses the same one', () => {
  const dir = folder();
  const first = keptCredentials(dir, HOME);
  assert.equal(first.made, true);
  assert.equal(first.selfSigned, true);
  assert.equal(first.file, join(dir, CERTIFICATE_FILE));
  assert.equal(readFileSync(first.file, 'utf8'), first.cert);
  assert.equal(readFileSync(join(dir, KEY_FILE), 'utf8'), first.key);
  assert.equal(statSync(join(dir, KEY_FILE)).mode & 0o777, 0o600);
  const again = keptCredentials(dir, HOME);
  assert.equal(again.made, false);
  assert.equal(again.cert, first.cert);
  assert.equal(again.key, first.key);
});

test('made again when the computer has a new address, when it runs out, or when the kept one is damaged', () => {
  const dir = folder();
  const first = keptCredentials(dir, HOME);
  const moved = keptCredentials(dir, { ...HOME, ips: ['127.0.0.1', '10.0.0.7'] });
  assert.equal(moved.made, true);
  assert.ok(new X509Certificate(moved.cert).checkIP('10.0.0.7'));
  assert.notEqual(moved.cert, first.cert);
  assert.equal(keptCredentials(dir, { ...HOME, ips: ['10.0.0.7'] }).made, false, 'a subset of its names is still covered');
  const later = keptCredentials(dir, { ...HOME, ips: ['10.0.0.7'] }, new Date(Date.now() + 900 * 86_400_000));
  assert.equal(later.made, true);
  writeFileSync(join(dir, CERTIFICATE_FILE), 'not a certificate');
  assert.equal(keptCredentials(dir, HOME).made, true);
  writeFileSync(join(dir, KEY_FILE), makeSelfSigned(HOME).key); // a key that is not the certificate's
  const mended = keptCredentials(dir, HOME);
  assert.equal(mended.made, true);
  assert.equal(keptCredentials(dir, HOME).cert, mended.cert);
});

test('a folder it cannot write to: the studio still gets a certificate, and the musician is told why phones will warn again', () => {
  // A file where the folder should be stops anyone, root too.
  const parent = mkdtempSync(join(tmpdir(), 'oscine-certificate-'));
  writeFileSync(join(parent, 'oscine'), '');
  const made = keptCredentials(join(parent, 'oscine'), HOME);
  assert.ok(new X509Certificate(made.cert).checkIP('192.168.1.20'));
  assert.match(made.warning ?? '', /^could not keep the studio's certificate in .*oscine \(EEXIST\), so phones will warn again next time; --tls-cert/);
});

test("the musician's own certificate is used as it is; a missing or mismatched one is refused with a message", () => {
  const dir = mkdtempSync(join(tmpdir(), 'oscine-own-certificate-'));
  const mine = makeSelfSigned(HOME);
  writeFileSync(join(dir, 'cert.pem'), mine.cert);
  writeFileSync(join(dir, 'key.pem'), mine.key);
  writeFileSync(join(dir, 'other-key.pem'), makeSelfSigned(HOME).key);
  const own = ownCredentials({ certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') });
  assert.deepEqual(own, { cert: mine.cert, key: mine.key, file: join(dir, 'cert.pem'), selfSigned: false, made: false });
  assert.throws(() => ownCredentials({ certFile: join(dir, 'nope.pem'), keyFile: join(dir, 'key.pem') }), (error: Error) => {
    assert.ok(error instanceof InputError);
    assert.equal(error.message, `--tls-cert ${join(dir, 'nope.pem')}: cannot read it (ENOENT)`);
    return true;
  });
  assert.throws(
    () => ownCredentials({ certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'other-key.pem') }),
    (error: Error) => error instanceof InputError && /are not a certificate and its private key \(.+\); give both as PEM files$/.test(error.message),
  );
  assert.throws(() => ownCredentials({ certFile: join(dir, 'key.pem'), keyFile: join(dir, 'cert.pem') }), InputError);
});

test("Oscine's folder follows XDG_CONFIG_HOME, else ~/.config", (t) => {
  const saved = process.env.XDG_CONFIG_HOME;
  t.after(() => (saved === undefined ? delete process.env.XDG_CONFIG_HOME : (process.env.XDG_CONFIG_HOME = saved)));
  process.env.XDG_CONFIG_HOME = '/somewhere/config';
  assert.equal(configFolder(), '/somewhere/config/oscine');
  delete process.env.XDG_CONFIG_HOME;
  if (process.platform !== 'win32') assert.match(configFolder(), /\/\.config\/oscine$/);
});
