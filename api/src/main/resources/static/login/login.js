// Aether's sign-in page. Loaded from /login/login.js (script-src 'self': no inline script).
// Every call uses the session cookie the server sets; the page never keeps a token itself.
'use strict';

const API = '/api/v1/auth';

function byId(id) {
  return document.getElementById(id);
}

function base64UrlToBuffer(value) {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes.buffer;
}

function bufferToBase64Url(buffer) {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// WebAuthn Level 3 JSON -> the browser's option objects (natively where the browser can).
function creationOptions(json) {
  if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function') {
    return PublicKeyCredential.parseCreationOptionsFromJSON(json);
  }
  return {
    ...json,
    challenge: base64UrlToBuffer(json.challenge),
    user: { ...json.user, id: base64UrlToBuffer(json.user.id) },
    excludeCredentials: (json.excludeCredentials || []).map((c) => ({ ...c, id: base64UrlToBuffer(c.id) })),
  };
}

function requestOptions(json) {
  if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function') {
    return PublicKeyCredential.parseRequestOptionsFromJSON(json);
  }
  return {
    ...json,
    challenge: base64UrlToBuffer(json.challenge),
    allowCredentials: (json.allowCredentials || []).map((c) => ({ ...c, id: base64UrlToBuffer(c.id) })),
  };
}

// The browser's PublicKeyCredential -> JSON for the server (toJSON() where the browser has it).
function credentialJson(credential) {
  if (typeof credential.toJSON === 'function') {
    return credential.toJSON();
  }
  const response = credential.response;
  const json = {
    id: credential.id,
    rawId: bufferToBase64Url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment || undefined,
    clientExtensionResults: credential.getClientExtensionResults(),
    response: { clientDataJSON: bufferToBase64Url(response.clientDataJSON) },
  };
  if (response.attestationObject) {
    json.response.attestationObject = bufferToBase64Url(response.attestationObject);
    json.response.transports = typeof response.getTransports === 'function' ? response.getTransports() : [];
  } else {
    json.response.authenticatorData = bufferToBase64Url(response.authenticatorData);
    json.response.signature = bufferToBase64Url(response.signature);
    if (response.userHandle) {
      json.response.userHandle = bufferToBase64Url(response.userHandle);
    }
  }
  return json;
}

async function call(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(API + path, init);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const message = json && json.error && json.error.message ? json.error.message : 'HTTP ' + response.status;
    throw new Error(message);
  }
  return json;
}

function report(action, outcome, text) {
  const message = byId('message');
  message.textContent = text;
  message.dataset.action = action;
  message.dataset.outcome = outcome;
}

async function refreshStatus() {
  const status = byId('status');
  try {
    const me = await call('GET', '/me');
    status.textContent = 'Signed in as ' + me.username + ' (' + me.auth_method + '); passkeys: '
      + (me.has_passkeys ? 'yes' : 'none');
    status.dataset.authenticated = 'true';
    status.dataset.authMethod = me.auth_method;
    status.dataset.hasPasskeys = String(me.has_passkeys);
  } catch (e) {
    status.textContent = 'Not signed in';
    status.dataset.authenticated = 'false';
    delete status.dataset.authMethod;
    delete status.dataset.hasPasskeys;
  }
}

// Runs one button's work: reports pending, then the outcome, then refreshes the status line.
function action(name, work) {
  return async (event) => {
    if (event) {
      event.preventDefault();
    }
    delete byId('message').dataset.settled;
    report(name, 'pending', 'Working…');
    try {
      report(name, 'ok', await work());
    } catch (e) {
      report(name, 'error', e.message || String(e));
    }
    await refreshStatus();
    byId('message').dataset.settled = name;
  };
}

async function passwordSignIn() {
  const result = await call('POST', '/login', { username: byId('username').value, password: byId('password').value });
  byId('password').value = '';
  return result.message;
}

async function registerPasskey() {
  const options = await call('POST', '/passkey/register/options');
  const credential = await navigator.credentials.create({ publicKey: creationOptions(options) });
  const deviceName = byId('passkey-device-name').value.trim();
  const body = { credential: credentialJson(credential) };
  if (deviceName) {
    body.device_name = deviceName;
  }
  const passkey = await call('POST', '/passkey/register/verify', body);
  return 'Passkey registered' + (passkey.device_name ? ': ' + passkey.device_name : '');
}

async function passkeySignIn() {
  const options = await call('POST', '/passkey/authenticate/options');
  const credential = await navigator.credentials.get({ publicKey: requestOptions(options) });
  const result = await call('POST', '/passkey/authenticate/verify', { credential: credentialJson(credential) });
  return result.message;
}

async function signOut() {
  const result = await call('POST', '/logout');
  return result.message;
}

document.addEventListener('DOMContentLoaded', () => {
  if (!window.PublicKeyCredential) {
    byId('passkey-signin').disabled = true;
    byId('passkey-register').disabled = true;
  }
  byId('password-form').addEventListener('submit', action('password-signin', passwordSignIn));
  byId('passkey-register').addEventListener('click', action('passkey-register', registerPasskey));
  byId('passkey-signin').addEventListener('click', action('passkey-signin', passkeySignIn));
  byId('signout').addEventListener('click', action('signout', signOut));
  refreshStatus().then(() => {
    document.body.dataset.ready = 'true';
  });
});
