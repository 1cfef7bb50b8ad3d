// End-to-end passkey flow through Aether's /login page in headless Chromium with a virtual
// WebAuthn authenticator (Chrome DevTools Protocol). Run by PasskeyBrowserTest:
//   node passkey-flow.mjs http://localhost:<port> <username> <password>
// The base URL must use a host name: browsers refuse an IP address as a WebAuthn rp id.
// Prints one JSON line with the results; exits 1 when any check fails, 2 on bad arguments.
import { chromium } from 'playwright-core';

const [baseUrl, username, password] = process.argv.slice(2);
if (!baseUrl || !username || !password) {
  console.error('usage: node passkey-flow.mjs <baseUrl> <username> <password>');
  process.exit(2);
}
const STEP_TIMEOUT_MS = 30_000;
const DEVICE_NAME = 'Chromium virtual authenticator';
const VERIFY_PATH = '/api/v1/auth/passkey/authenticate/verify';

const results = { ok: false, steps: {}, failures: [] };

function check(name, condition, detail) {
  results.steps[name] = Boolean(condition);
  if (!condition) {
    results.failures.push(detail === undefined ? name : name + ': ' + JSON.stringify(detail));
  }
  return Boolean(condition);
}

// Clicks (or submits) and waits until the page's action has settled; returns its message.
async function pageAction(page, name, trigger) {
  await trigger();
  await page.waitForSelector(`#message[data-settled="${name}"]`, { timeout: STEP_TIMEOUT_MS });
  return page.$eval('#message', (m) => ({ outcome: m.dataset.outcome, text: m.textContent }));
}

async function fetchFromPage(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = body;
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
    return { status: response.status, json };
  }, { method, path, body });
}

async function run(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);

  const pageProblems = [];
  page.on('pageerror', (error) => pageProblems.push('page error: ' + error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      pageProblems.push('console: ' + message.text());
    }
  });

  let capturedVerifyBody = null;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === VERIFY_PATH) {
      capturedVerifyBody = request.postData();
    }
  });

  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  const loaded = await page.goto(baseUrl + '/login');
  check('loginPageLoaded', loaded && loaded.status() === 200, loaded && loaded.status());
  await page.waitForSelector('body[data-ready="true"]');
  check('startsSignedOut', (await page.getAttribute('#status', 'data-authenticated')) === 'false');

  await page.fill('#username', username);
  await page.fill('#password', password);
  const passwordSignIn = await pageAction(page, 'password-signin', () => page.click('#password-submit'));
  check('passwordSignIn', passwordSignIn.outcome === 'ok', passwordSignIn);
  check('signedInByPassword', (await page.getAttribute('#status', 'data-auth-method')) === 'cookie');
  check('sessionCookieHiddenFromScript', !(await page.evaluate(() => document.cookie.includes('aether_session'))));
  results.nativeWebAuthnJson = await page.evaluate(() =>
    typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function');

  await page.fill('#passkey-device-name', DEVICE_NAME);
  const register = await pageAction(page, 'passkey-register', () => page.click('#passkey-register'));
  check('passkeyRegistered', register.outcome === 'ok', register);
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  results.authenticatorCredentials = credentials.length;
  check('discoverableCredentialCreated', credentials.length === 1 && credentials[0].isResidentCredential,
    credentials.map((c) => ({ resident: c.isResidentCredential, rpId: c.rpId })));

  const signOut = await pageAction(page, 'signout', () => page.click('#signout'));
  check('signedOut', signOut.outcome === 'ok' && (await page.getAttribute('#status', 'data-authenticated')) === 'false',
    signOut);

  const passkeySignIn = await pageAction(page, 'passkey-signin', () => page.click('#passkey-signin'));
  check('passkeySignIn', passkeySignIn.outcome === 'ok', passkeySignIn);
  check('assertionCaptured', capturedVerifyBody !== null);

  const me = await fetchFromPage(page, 'GET', '/api/v1/auth/me');
  results.me = me.json && {
    authenticated: me.json.authenticated,
    username: me.json.username,
    auth_method: me.json.auth_method,
    has_passkeys: me.json.has_passkeys,
  };
  check('meAfterPasskeySignIn', me.status === 200 && me.json.authenticated === true
    && me.json.auth_method === 'cookie' && me.json.has_passkeys === true, me);

  if (capturedVerifyBody !== null) {
    const replay = await fetchFromPage(page, 'POST', VERIFY_PATH, capturedVerifyBody);
    results.replayStatus = replay.status;
    check('replayRefused', replay.status === 401 && replay.json && replay.json.error
      && replay.json.error.type === 'unauthorized', replay);
  }

  check('noPageErrors', pageProblems.length === 0, pageProblems);
  await context.close();
}

let browser = null;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  await run(browser);
} catch (error) {
  results.failures.push('error: ' + (error && error.message ? error.message.split('\n')[0] : String(error)));
} finally {
  if (browser) {
    await browser.close();
  }
}
results.ok = results.failures.length === 0;
console.log(JSON.stringify(results));
process.exit(results.ok ? 0 : 1);
