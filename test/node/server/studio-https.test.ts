import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Studio, startStudio } from '../../../src/node/server/studio-server.ts';
import { makeSelfSigned } from '../../../src/node/server/tls/self-signed.ts';
import { CERTIFICATE_FILE } from '../../../src/node/server/tls/studio-certificate.ts';
import { OscineProcess, freePorts } from '../osc/udp.ts';
import { PageClient } from './page-client.ts';
import { getSecurely } from './secure-get.ts';
import { fakeBuild, openStage } from './studio-fixtures.ts';

/** Opens the studio on every network, as `--host 0.0.0.0` does, and closes it after `use`. */
async function openToTheNetwork(config: string, use: (studio: Studio) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'oscine-studio-https-'));
  const stage = await openStage(dir);
  const studio = await startStudio(stage, { host: '0.0.0.0', port: 0, files: fakeBuild(dir), certificateFolder: config });
  try {
    await use(studio);
  } finally {
    await studio.close();
    await stage.close();
  }
}

/** The printed address, reached through loopback (tests never leave this computer). */
function onLoopback(studio: Studio): { base: string; token: string } {
  const { port, searchParams } = new URL(studio.url);
  return { base: `https://127.0.0.1:${port}/`, token: searchParams.get('token')! };
}

const configFolder = () => join(mkdtempSync(join(tmpdir(), 'oscine-config-')), 'oscine');

describe('the studio open to the network is served over https', () => {
  test('every request and socket needs the pairing token; the page gets it back as a secure cookie', () =>
    openToTheNetwork(configFolder(), async (studio) => {
      assert.equal(studio.paired, true);
      assert.match(studio.url, /^https:\/\/[^/]+:\d+\/\?token=[\w-]{20,}$/);
      const ca = studio.tls!.cert;
      const { base, token } = onLoopback(studio);
      const refused = await getSecurely(base, ca);
      assert.deepEqual([refused.status, refused.body], [403, '']);
      assert.equal((await getSecurely(`${base}assets/app.js`, ca)).status, 403);
      assert.equal((await getSecurely(`${base}?token=wrong`, ca)).status, 403);
      const admitted = await getSecurely(`${base}?token=${token}`, ca);
      assert.deepEqual([admitted.status, admitted.body], [200, '<!doctype html><title>studio</title>']);
      const [setCookie] = admitted.headers['set-cookie']!;
      assert.match(setCookie, /; HttpOnly; SameSite=Strict; Secure$/);
      const cookie = setCookie.split(';')[0];
      assert.equal((await getSecurely(`${base}assets/app.js`, ca, { cookie })).status, 200);

      const socket = base.replace(/^https/, 'wss') + 'socket';
      await assert.rejects(PageClient.open(socket, {}, ca), /403/);
      const page = await PageClient.open(socket, { cookie }, ca);
      const welcome = await page.next((m) => m.type === 'welcome');
      assert.ok(welcome.type === 'welcome' && welcome.studio.paired && welcome.studio.url === studio.url);
      page.close();
      await assert.rejects(getSecurely(`${base}?token=${token}`, makeSelfSigned({ ips: ['127.0.0.1'], dns: [] }).cert), /self.signed|unable to verify/i);
    }));

  test('a plain http:// address typed on a phone is sent on to https, and only with the token', () =>
    openToTheNetwork(configFolder(), async (studio) => {
      const { base, token } = onLoopback(studio);
      const plain = base.replace(/^https/, 'http');
      const bare = await fetch(plain, { redirect: 'manual' });
      assert.deepEqual([bare.status, await bare.text()], [403, '']);
      const typed = await fetch(`${plain}?token=${token}`, { redirect: 'manual' });
      assert.equal(typed.status, 301);
      assert.equal(typed.headers.get('location'), `${base}?token=${token}`);
      assert.equal((await getSecurely(`${base}?token=${token}`, studio.tls!.cert)).status, 200, 'https still answers on the shared port');
    }));

  test("the certificate is kept in Oscine's folder, names this computer's network addresses, and is the same on the next start", async () => {
    const config = configFolder();
    let first = '';
    await openToTheNetwork(config, async (studio) => {
      first = readFileSync(join(config, CERTIFICATE_FILE), 'utf8');
      assert.equal(studio.tls!.cert, first);
      assert.equal(studio.tls!.made, true);
    });
    const cert = new X509Certificate(first);
    const addresses = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.address.startsWith('fe80:'))
      .map((a) => a!.address);
    for (const address of addresses) assert.ok(cert.checkIP(address), `${address} is not in ${cert.subjectAltName}`);
    assert.equal(cert.checkHost('localhost'), 'localhost');
    await openToTheNetwork(config, async (studio) => {
      assert.equal(studio.tls!.made, false);
      assert.equal(studio.tls!.cert, first);
      const { base, token } = onLoopback(studio);
      assert.equal((await getSecurely(`${base}?token=${token}`, first)).status, 200);
    });
  });
});

describe('the studio on this computer', () => {
  test('stays plain http without a certificate, and uses https with the musician\'s own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oscine-studio-own-'));
    const stage = await openStage(dir);
    try {
      const plain = await startStudio(stage, { host: '127.0.0.1', port: 0, files: fakeBuild(dir), certificateFolder: join(dir, 'config') });
      assert.match(plain.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      assert.equal(plain.tls, undefined);
      await plain.close();

      const mine = makeSelfSigned({ ips: ['127.0.0.1'], dns: ['localhost'] });
      writeFileSync(join(dir, 'cert.pem'), mine.cert);
      writeFileSync(join(dir, 'key.pem'), mine.key);
      const secure = await startStudio(stage, { host: '127.0.0.1', port: 0, files: fakeBuild(dir), certificate: { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') } });
      try {
        assert.match(secure.url, /^https:\/\/127\.0\.0\.1:\d+\/$/);
        assert.equal(secure.paired, false);
        const page = await getSecurely(secure.url, mine.cert);
        assert.deepEqual([page.status, page.headers['set-cookie']], [200, undefined]);
      } finally {
        await secure.close();
      }
    } finally {
      await stage.close();
    }
  });
});

describe('oscine serve --tls-cert and --tls-key', () => {
  /** The exit code, once the process has ended by itself. */
  const ended = (oscine: OscineProcess) => oscine.waitFor(/(?!)/).catch(() => oscine.child.exitCode);

  test('go together, and a file that cannot be read is said in one line (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oscine-serve-tls-'));
    const alone = new OscineProcess(['serve', '--tls-cert', 'cert.pem'], dir);
    assert.equal(await ended(alone), 2);
    assert.match(alone.stderr, /--tls-cert and --tls-key go together: the certificate and its private key/);
    const [oscPort] = await freePorts(1);
    const missing = new OscineProcess(['serve', '--osc-port', String(oscPort), '--studio-port', '0', '--tls-cert', 'cert.pem', '--tls-key', 'key.pem'], dir);
    assert.equal(await ended(missing), 2);
    assert.match(missing.stderr, /--tls-cert cert\.pem: cannot read it \(ENOENT\)/);
  });
});
