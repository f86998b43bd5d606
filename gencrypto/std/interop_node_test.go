package std_test

// Interop with node's built-in crypto module (OpenSSL underneath), both
// directions, for every algorithm gencrypto registers that node can compute:
// the AEADs, the MACs, AES-KW, RSA-OAEP, ECDH and X25519, HKDF, PBKDF2 and
// the Concat KDF, each called through gencrypto's registry with this backend. Where node
// has no such algorithm (AES_CBC_HMAC_SHA2, the Concat KDF) the node side
// composes it from its primitives as the RFC describes, independently of
// cbchmac.go and kdf.go. Each test runs one node process over a batch of
// JSON requests. Node is found on PATH like every peer: absent, the tests
// skip with a message, or fail under LWSCRYPTO_REQUIRE_PEERS=1.

import (
	"bytes"
	"crypto/fips140"
	"crypto/rand"
	"os/exec"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// nodeCryptoScript answers a JSON array of requests on stdin with a JSON
// array of results on stdout, one per request: {out, pub} or {err}. Byte
// strings travel as standard base64 (encoding/json's []byte).
const nodeCryptoScript = `
const c = require('crypto');
const b = (s) => Buffer.from(s || '', 'base64');
const s = (u) => Buffer.from(u).toString('base64');
const be64 = (n) => { const x = Buffer.alloc(8); x.writeBigUInt64BE(BigInt(n) * 8n); return x; };
const be32 = (n) => { const x = Buffer.alloc(4); x.writeUInt32BE(n); return x; };
const A6 = Buffer.alloc(8, 0xa6);

// RFC 7518 §5.2.2: K = MAC_KEY || ENC_KEY; E = AES-CBC(ENC_KEY, IV, PKCS7(P));
// T = HMAC(MAC_KEY, A || IV || E || AL)[:tagLen], AL = bit length of A, 64-bit BE.
function cbcTag(r, mk, iv, aad, e) {
  return c.createHmac(r.name, mk).update(aad).update(iv).update(e).update(be64(aad.length)).digest().subarray(0, r.tagLen);
}
function cbcSeal(r) {
  const k = b(r.key), mk = k.subarray(0, k.length / 2), ek = k.subarray(k.length / 2);
  const iv = b(r.nonce), aad = b(r.aad);
  const ci = c.createCipheriv('aes-' + ek.length * 8 + '-cbc', ek, iv);
  if (r.raw) ci.setAutoPadding(false); // data comes padded (or not) already
  const e = Buffer.concat([ci.update(b(r.data)), ci.final()]);
  return Buffer.concat([e, cbcTag(r, mk, iv, aad, e)]);
}
function cbcOpen(r) {
  const k = b(r.key), mk = k.subarray(0, k.length / 2), ek = k.subarray(k.length / 2);
  const iv = b(r.nonce), aad = b(r.aad), ct = b(r.data);
  if (ct.length < r.tagLen) throw new Error('short');
  const e = ct.subarray(0, ct.length - r.tagLen), t = ct.subarray(ct.length - r.tagLen);
  if (!c.timingSafeEqual(t, cbcTag(r, mk, iv, aad, e))) throw new Error('tag mismatch');
  const d = c.createDecipheriv('aes-' + ek.length * 8 + '-cbc', ek, iv);
  return Buffer.concat([d.update(e), d.final()]);
}

// NIST SP 800-56A §5.8.1 single-step KDF as RFC 7518 §4.6.2 uses it:
// K(i) = H(counter_i || Z || OtherInfo), counter 32-bit BE from 1.
function concatKDF(hash, z, other, len) {
  const parts = [];
  let have = 0;
  for (let i = 1; have < len; i++) {
    const d = c.createHash(hash).update(be32(i)).update(z).update(other).digest();
    parts.push(d);
    have += d.length;
  }
  return Buffer.concat(parts).subarray(0, len);
}

function ecdh(r) {
  if (r.name === 'x25519') {
    const { privateKey, publicKey } = c.generateKeyPairSync('x25519');
    const peer = c.createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b(r.pub).toString('base64url') }, format: 'jwk' });
    const z = c.diffieHellman({ privateKey, publicKey: peer });
    return { out: s(z), pub: s(Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url')) };
  }
  const e = c.createECDH(r.name);
  e.generateKeys();
  return { out: s(e.computeSecret(b(r.pub))), pub: s(e.getPublicKey(null, 'uncompressed')) };
}

const oaep = (r) => ({ padding: c.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: r.hash, oaepLabel: b(r.label) });

const ops = {
  'aead-seal'(r) {
    if (r.cbc) return { out: s(cbcSeal(r)) };
    const pt = b(r.data);
    const e = c.createCipheriv(r.name, b(r.key), b(r.nonce), { authTagLength: r.tagLen });
    e.setAAD(b(r.aad), { plaintextLength: pt.length });
    return { out: s(Buffer.concat([e.update(pt), e.final(), e.getAuthTag()])) };
  },
  'aead-open'(r) {
    if (r.cbc) return { out: s(cbcOpen(r)) };
    const ct = b(r.data);
    if (ct.length < r.tagLen) throw new Error('short');
    const body = ct.subarray(0, ct.length - r.tagLen);
    const d = c.createDecipheriv(r.name, b(r.key), b(r.nonce), { authTagLength: r.tagLen });
    d.setAuthTag(ct.subarray(ct.length - r.tagLen));
    d.setAAD(b(r.aad), { plaintextLength: body.length });
    return { out: s(Buffer.concat([d.update(body), d.final()])) };
  },
  'wrap'(r) {
    const e = c.createCipheriv(r.name, b(r.key), A6);
    return { out: s(Buffer.concat([e.update(b(r.data)), e.final()])) };
  },
  'unwrap'(r) {
    const d = c.createDecipheriv(r.name, b(r.key), A6);
    return { out: s(Buffer.concat([d.update(b(r.data)), d.final()])) };
  },
  'oaep-encrypt'(r) {
    const key = c.createPublicKey({ key: b(r.pub), format: 'der', type: 'spki' });
    // With lz, encrypt again until the ciphertext begins with a zero byte.
    for (let i = 0; i < 1 << 14; i++) {
      const ct = c.publicEncrypt({ key, ...oaep(r) }, b(r.data));
      if (!r.lz || ct[0] === 0) return { out: s(ct) };
    }
    throw new Error('no ciphertext with a leading zero');
  },
  'oaep-decrypt'(r) {
    const key = c.createPrivateKey({ key: b(r.key), format: 'der', type: 'pkcs8' });
    return { out: s(c.privateDecrypt({ key, ...oaep(r) }, b(r.data))) };
  },
  'ecdh': ecdh,
  'ecdh-der'(r) {
    const privateKey = c.createPrivateKey({ key: b(r.key), format: 'der', type: 'pkcs8' });
    const publicKey = c.createPublicKey({ key: b(r.pub), format: 'der', type: 'spki' });
    return { out: s(c.diffieHellman({ privateKey, publicKey })) };
  },
  'hkdf'(r) { return { out: s(c.hkdfSync(r.hash, b(r.key), b(r.salt), b(r.info), r.len)) }; },
  'pbkdf2'(r) { return { out: s(c.pbkdf2Sync(b(r.key), b(r.salt), r.iter, r.len, r.hash)) }; },
  'concat-kdf'(r) { return { out: s(concatKDF(r.hash, b(r.key), b(r.info), r.len)) }; },
  // HMAC truncated to its first tagLen bytes (RFC 9053 §3.1 for HMAC 256/64).
  'hmac'(r) { return { out: s(c.createHmac(r.hash, b(r.key)).update(b(r.data)).digest().subarray(0, r.tagLen)) }; },
  'hmac-verify'(r) {
    const want = c.createHmac(r.hash, b(r.key)).update(b(r.data)).digest().subarray(0, r.tagLen), t = b(r.tag);
    if (t.length !== want.length || !c.timingSafeEqual(t, want)) throw new Error('tag mismatch');
    return { out: '' };
  },
};

const reqs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = reqs.map((r) => {
  try {
    if (!ops[r.op]) throw new Error('unknown op ' + r.op);
    return ops[r.op](r);
  } catch (e) {
    return { err: String((e && (e.code || e.message)) || e) };
  }
});
process.stdout.write(JSON.stringify(out));
`

// nodeReq is one request to nodeCryptoScript. Name is node's name for the
// cipher or curve; Hash node's name for the hash; Key the symmetric key,
// PKCS #8 private key, secret or password; Pub a SPKI public key or a raw
// public point; Info the HKDF info or Concat KDF OtherInfo; Tag a MAC tag.
type nodeReq struct {
	Op     string `json:"op"`
	Name   string `json:"name,omitempty"`
	Hash   string `json:"hash,omitempty"`
	CBC    bool   `json:"cbc,omitempty"`
	LZ     bool   `json:"lz,omitempty"`
	Raw    bool   `json:"raw,omitempty"`
	TagLen int    `json:"tagLen,omitempty"`
	Len    int    `json:"len,omitempty"`
	Iter   int    `json:"iter,omitempty"`
	Key    []byte `json:"key,omitempty"`
	Pub    []byte `json:"pub,omitempty"`
	Nonce  []byte `json:"nonce,omitempty"`
	AAD    []byte `json:"aad,omitempty"`
	Data   []byte `json:"data,omitempty"`
	Label  []byte `json:"label,omitempty"`
	Salt   []byte `json:"salt,omitempty"`
	Info   []byte `json:"info,omitempty"`
	Tag    []byte `json:"tag,omitempty"`
}

type nodeResp struct {
	Out []byte `json:"out"`
	Pub []byte `json:"pub"`
	Err string `json:"err"`
}

// nodeBatch collects requests, each with the check of node's answer, so that
// one node process serves a whole test.
type nodeBatch struct {
	node   string
	reqs   []nodeReq
	checks []func(nodeResp)
}

// newNodeBatch finds node, skipping (or failing under
// LWSCRYPTO_REQUIRE_PEERS=1) when it is not on PATH.
func newNodeBatch(t *testing.T) *nodeBatch {
	t.Helper()
	if fips140.Enforced() {
		t.Skip("GODEBUG=fips140=only: the std backend refuses most of these algorithms (TestConformanceFIPSOnly checks which)")
	}
	return &nodeBatch{node: testenv.Peer(t, "node")}
}

func (b *nodeBatch) add(r nodeReq, check func(nodeResp)) {
	b.reqs = append(b.reqs, r)
	b.checks = append(b.checks, check)
}

// run sends the batch to one node process and runs every check.
func (b *nodeBatch) run(t *testing.T) {
	t.Helper()
	resp := testenv.RunBatch[nodeReq, nodeResp](t, exec.Command(b.node, "-e", nodeCryptoScript), b.reqs)
	for i, r := range resp {
		b.checks[i](r)
	}
	t.Logf("%d requests in one node process", len(b.reqs))
}

// stdOpt selects this package's backend explicitly.
var stdOpt = gencrypto.WithBackend(std.New())

func randBytes(t *testing.T, n int) []byte {
	t.Helper()
	p := make([]byte, n)
	if _, err := rand.Read(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// flip returns a copy of p with one bit of byte i changed (i < 0 counts
// from the end).
func flip(p []byte, i int) []byte {
	q := bytes.Clone(p)
	if i < 0 {
		i += len(q)
	}
	q[i] ^= 0x10
	return q
}
