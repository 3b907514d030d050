// A real OpenID provider for the Jwt-mode tests (oidc-provider, on loopback), started by .ci/run:
//   PORT      the provider the gateway trusts; issuer http://127.0.0.1:PORT; POST /_ci/rotate replaces its signing key (new kid)
//   PORT + 1  another provider with another issuer
//   PORT + 2  an impostor: the trusted provider's issuer name, its own keys
// Each has a client-credentials client (airgate-ci / airgate-ci-secret) that gets JWT access tokens (typ at+jwt) for
// any resource indicator, carrying roles and preferred_username. Keys are generated at start, never stored.
import http from 'node:http';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.argv[2] ?? process.env.PORT ?? 5111);
const host = '127.0.0.1';

function signingKeys(name) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: `${name}-${randomUUID().slice(0, 8)}`, use: 'sig', alg: 'RS256' }] };
}

function createProvider(issuer, name) {
  const jwks = signingKeys(name);
  const provider = new Provider(issuer, {
    clients: [{
      client_id: 'airgate-ci',
      client_secret: 'airgate-ci-secret',
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
    }],
    jwks,
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => 'https://airgate.test/api',
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resourceIndicator) => ({
          scope: 'runs',
          audience: resourceIndicator,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    extraTokenClaims: () => ({ roles: ['admin', 'scientist'], preferred_username: 'ci-robot' }),
  });
  return { callback: provider.callback(), kid: jwks.keys[0].kid };
}

function serve(listenPort, issuer, name, rotatable) {
  let current = createProvider(issuer, name);
  const server = http.createServer((req, res) => {
    if (rotatable && req.method === 'POST' && req.url === '/_ci/rotate') {
      current = createProvider(issuer, name);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ kid: current.kid }));
      return;
    }
    current.callback(req, res);
  });
  server.listen(listenPort, host, () => console.log(`${name}: ${issuer} on ${host}:${listenPort}`));
}

const trusted = `http://${host}:${port}`;
serve(port, trusted, 'trusted', true);
serve(port + 1, `http://${host}:${port + 1}`, 'other-issuer', false);
serve(port + 2, trusted, 'impostor', false);
