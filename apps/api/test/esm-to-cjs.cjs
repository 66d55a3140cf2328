// Jest runs the API's tests as CommonJS, and Node 20's require(esm) is not available inside Jest's module
// loader. A few dependencies ship only as ES modules (openid-client and what it and otplib use), so esbuild
// turns those files into CommonJS as Jest loads them. The API build bundles the same packages instead.
const { transformSync } = require('esbuild');

module.exports = {
  process(sourceText, sourcePath) {
    const { code, map } = transformSync(sourceText, {
      loader: 'js',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'external',
      sourcefile: sourcePath,
    });
    return { code, map };
  },
};
