// Dependencies published only as ES modules. Jest transforms them to CommonJS (test/esm-to-cjs.cjs) and the
// API build bundles them (tools/build/build-api.mjs), since the API runs as CommonJS.
module.exports = [
  'openid-client',
  'oauth4webapi',
  'jose',
  '@scure/base',
  '@noble/hashes',
  'content-disposition',
];
