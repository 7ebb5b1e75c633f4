// The Web Crypto global exists in every runtime this model runs in (browsers and
// Node >= 19), but shared/ is compiled without DOM or Node types on purpose, so we
// declare the one member we use instead of pulling either lib in.
declare const crypto: {
  getRandomValues<T extends Uint8Array>(array: T): T;
};
