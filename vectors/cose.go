package vectors

import (
	"bytes"
	"crypto"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/lecp"
)

// COSEExamples runs the cose-wg Examples (RFC 8152 / RFC 9052 / RFC 9053)
// against what lwscrypto claims of COSE today: the COSE algorithm
// identifiers of gencrypto's registry (ByCOSE) and the algorithms behind
// them. lwscrypto has no COSE message layer yet, so the runner reads each
// example's output message itself (lecp's pull decoder) and judges its
// cryptographic content with the registry. Each example file is one Result,
// named "cose-wg-examples/<folder>/<file>".
//
// # Cases
//
// Each example has one content case, or one per signer for COSE_Sign; and
// one case per recipient whose algorithm is not "direct", and per
// countersigner; and, last, one cbor_diag case: the example's
// output.cbor_diag must read (lecp.FromDiag) as its output.cbor byte for
// byte, but for the corpus errors cose_diag.go lists, skipped with the
// error as the reason. A content case:
//
//   - decodes output.cbor: the COSE tag of its kind (16, 17, 18, 96, 97,
//     98) or none (the untagged *-pass-03 examples, typed by context), any
//     other tag being an error; then the protected header (a bstr holding
//     a map, or empty), the unprotected map and the rest;
//   - reads "alg" (label 1) from the headers of the message and resolves
//     it with gencrypto.ByCOSE, which must give the registry algorithm that
//     the example's own name (e.g. "AES-CCM-16-128/64", "HS256/64") stands
//     for; an identifier the registry does not know (AES-MAC, HSS-LMS,
//     which gencrypto has not built, not left out on purpose) is skipped as
//     not built yet only if its name is one this runner lists as not
//     offered, and fails otherwise;
//   - builds the Sig_structure, MAC_structure or Enc_structure (RFC 9052
//     §4.4, §6.3, §5.3) from the message bytes and the example's external
//     AAD, which must equal the example's intermediates (ToBeSign_hex,
//     ToMac_hex, AAD_hex) for an example that is not "fail";
//   - verifies the signature with the signer's key (read by jose/jwk; an
//     Ed448 key, which jose/jwk does not support yet, must be refused with
//     jose.ErrKey, and the case is skipped saying so), checks the MAC tag, or decrypts the ciphertext with the
//     content key (the recipient's key for "direct", else the example's
//     CEK_hex) and the IV (label 5, or label 6 with the context IV), and
//     the plaintext and payload must be the example's.
//
// An example marked "fail" (a changed tag, CBOR tag, attribute or
// protected header) must be rejected at one of these steps, on its
// message: a rejection of its own inputs (a key jose/jwk or gencrypto
// refuses, a content key or external AAD that does not decode) fails it.
//
// A recipient using AES key wrap (A128KW, A192KW, A256KW) must unwrap, with
// its key, to the content key; one using RSA-OAEP must decrypt to it. The
// other recipient algorithms (ECDH-ES/SS with or without key wrap, direct
// with HKDF) and countersignatures (RFC 9338) derive through COSE
// structures (COSE_KDF_Context, Countersign_structure) that belong to the
// COSE message layer, which is not built: those cases are skipped with
// that reason; their primitives (ECDH, HKDF, key wrap) are proven by the
// Wycheproof runner.
var COSEExamples = Runner{Name: "cose-wg-examples", Run: runCOSEExamples}

// coseAlgs maps the algorithm names of the cose-wg examples to their COSE
// identifier (IANA "COSE Algorithms") and the registry name gencrypto gives
// them, "" for an algorithm lwscrypto has not built yet.
var coseAlgs = map[string]struct {
	id   int64
	name string
}{
	"ES256": {-7, "ES256"}, "ES384": {-35, "ES384"}, "ES512": {-36, "ES512"}, "EdDSA": {-8, "EdDSA"},
	"RSA-PSS-256": {-37, "PS256"}, "RSA-PSS-384": {-38, "PS384"}, "RSA-PSS-512": {-39, "PS512"},
	"HSS-LMS":  {-46, ""},
	"HS256/64": {4, "HMAC 256/64"}, "HS256": {5, "HS256"}, "HS384": {6, "HS384"}, "HS512": {7, "HS512"},
	"AES-MAC-128/64": {14, ""}, "AES-MAC-256/64": {15, ""}, "AES-MAC-128/128": {25, ""}, "AES-MAC-256/128": {26, ""},
	"A128GCM": {1, "A128GCM"}, "A192GCM": {2, "A192GCM"}, "A256GCM": {3, "A256GCM"},
	"AES-CCM-16-128/64": {10, "AES-CCM-16-64-128"}, "AES-CCM-16-256/64": {11, "AES-CCM-16-64-256"},
	"AES-CCM-64-128/64": {12, "AES-CCM-64-64-128"}, "AES-CCM-64-256/64": {13, "AES-CCM-64-64-256"},
	"AES-CCM-16-128/128": {30, "AES-CCM-16-128-128"}, "AES-CCM-16-256/128": {31, "AES-CCM-16-128-256"},
	"AES-CCM-64-128/128": {32, "AES-CCM-64-128-128"}, "AES-CCM-64-256/128": {33, "AES-CCM-64-128-256"},
	"ChaCha-Poly1305": {24, "ChaCha20/Poly1305"},
}

// coseKindTags are the CBOR tags of the six COSE message kinds.
var coseKindTags = map[string]uint64{"encrypted": 16, "mac0": 17, "sign0": 18, "enveloped": 96, "mac": 97, "sign": 98}

const (
	skipCOSERecipient   = "COSE recipient algorithm deriving its key through COSE structures (ECDH-ES/SS, direct+HKDF): the COSE message layer is not built; the content layer is checked with the example's CEK"
	skipCOSECountersign = "countersignature (RFC 9338): the COSE message layer is not built"
)

func runCOSEExamples(dir string, progress func(string)) ([]Result, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".json") {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("vectors: cose-wg-examples: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("vectors: cose-wg-examples: no example files under %s: %w", dir, fs.ErrNotExist)
	}
	out := make([]Result, 0, len(files))
	for _, f := range files {
		if progress != nil {
			progress(f)
		}
		out = append(out, runCOSEFile(filepath.Join(dir, filepath.FromSlash(f)), "cose-wg-examples/"+f))
	}
	return out, nil
}

// coseExample is one cose-wg example file.
type coseExample struct {
	Fail          bool                       `json:"fail"`
	Input         map[string]json.RawMessage `json:"input"`
	Intermediates struct {
		ToBeSign string `json:"ToBeSign_hex"`
		ToMac    string `json:"ToMac_hex"`
		AAD      string `json:"AAD_hex"`
		CEK      string `json:"CEK_hex"`
		Signers  []struct {
			ToBeSign string `json:"ToBeSign_hex"`
		} `json:"signers"`
	} `json:"intermediates"`
	Output struct {
		CBOR string `json:"cbor"`
		Diag string `json:"cbor_diag"`
	} `json:"output"`
}

// coseLayer is the input of one message kind or one signer or recipient.
type coseLayer struct {
	Alg         string          `json:"alg"`
	Protected   map[string]any  `json:"protected"`
	Unprotected map[string]any  `json:"unprotected"`
	Unsent      map[string]any  `json:"unsent"`
	External    string          `json:"external"`
	Key         json.RawMessage `json:"key"`
	Signers     []coseLayer     `json:"signers"`
	Recipients  []coseLayer     `json:"recipients"`
	Counter     *coseLayer      `json:"countersign"`
	Counter0    *coseLayer      `json:"countersign0"`
}

// algName is the layer's "alg" as the example writes it.
func (l *coseLayer) algName() string {
	for _, m := range []map[string]any{l.Protected, l.Unprotected} {
		if s, ok := m["alg"].(string); ok {
			return s
		}
	}
	return l.Alg
}

// countersigners counts the countersignatures of the layer.
func (l *coseLayer) countersigners() int {
	n := 0
	for _, c := range []*coseLayer{l.Counter, l.Counter0} {
		if c != nil {
			n += len(c.Signers)
		}
	}
	return n
}

func runCOSEFile(path, name string) (res Result) {
	res = Result{Name: name}
	defer func() {
		if r := recover(); r != nil {
			res.Fail("panic: %v", r)
		}
	}()
	var ex coseExample
	if err := loadJSON(path, &ex); err != nil {
		res.Fail("file: %v", err)
		return res
	}
	kind, layer, err := ex.layer()
	if err != nil {
		res.Fail("file: %v", err)
		return res
	}
	plaintext, err := ex.plaintext()
	if err != nil {
		res.Fail("file: %v", err)
		return res
	}
	msg, err := coseMessage(ex.Output.CBOR, kind)
	c := &coseCase{res: &res, ex: &ex, kind: kind, layer: layer, msg: msg, msgErr: err, plaintext: plaintext}
	c.run()
	coseDiagCase(&res, ex.Output.Diag, ex.Output.CBOR)
	return res
}

// layer returns the example's message kind and its input.
func (ex *coseExample) layer() (string, *coseLayer, error) {
	var kinds []string
	for k := range coseKindTags {
		if _, ok := ex.Input[k]; ok {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) != 1 {
		return "", nil, fmt.Errorf("input holds %d message kinds %v, want one", len(kinds), kinds)
	}
	var l coseLayer
	if err := json.Unmarshal(ex.Input[kinds[0]], &l); err != nil {
		return "", nil, fmt.Errorf("input.%s: %w", kinds[0], err)
	}
	return kinds[0], &l, nil
}

// plaintext returns input.plaintext or input.plaintext_hex.
func (ex *coseExample) plaintext() ([]byte, error) {
	if raw, ok := ex.Input["plaintext_hex"]; ok {
		var h hexBytes
		err := json.Unmarshal(raw, &h)
		return h, err
	}
	var s string
	err := json.Unmarshal(ex.Input["plaintext"], &s)
	return []byte(s), err
}

// coseMsg is a decoded COSE message: its tag (0 when untagged) and the
// elements of its array.
type coseMsg struct {
	tag   uint64
	items []any
}

// coseMessage decodes hex output.cbor as a message of kind.
func coseMessage(hx, kind string) (*coseMsg, error) {
	b, err := hex.DecodeString(hx)
	if err != nil {
		return nil, fmt.Errorf("output.cbor: %w", err)
	}
	v, err := cborDecode(b)
	if err != nil {
		return nil, fmt.Errorf("output.cbor: %w", err)
	}
	m := &coseMsg{}
	if t, ok := v.(cborTagged); ok {
		if t.n != coseKindTags[kind] {
			return nil, fmt.Errorf("CBOR tag %d, want %d (%s) or none", t.n, coseKindTags[kind], kind)
		}
		m.tag, v = t.n, t.v
	}
	items, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("message is %T, not an array", v)
	}
	m.items = items
	return m, nil
}

// cborTagged is a tagged CBOR item.
type cborTagged struct {
	n uint64
	v any
}

// cborPair is one map entry; maps keep their order.
type cborPair struct{ k, v any }

// cborDecode decodes one CBOR item, whole, into int64, []byte, string,
// []any, []cborPair, cborTagged, bool or nil.
func cborDecode(b []byte) (any, error) {
	d := lecp.NewDecoderBytes(b, &lecp.Options{MaxDepth: 32})
	v, err := cborValue(d)
	if err != nil {
		return nil, err
	}
	if _, err := d.ReadToken(); err != io.EOF {
		return nil, fmt.Errorf("data after the item (%v)", err)
	}
	return v, nil
}

func cborValue(d *lecp.Decoder) (any, error) {
	tok, err := d.ReadToken()
	if err != nil {
		return nil, err
	}
	switch tok.Kind {
	case lecp.Uint, lecp.Nint:
		n, ok := tok.Int64()
		if !ok {
			return nil, errors.New("integer out of int64 range")
		}
		return n, nil
	case lecp.Bytes:
		return bytes.Clone(tok.Value), nil
	case lecp.Text:
		return string(tok.Value), nil
	case lecp.True, lecp.False:
		return tok.Kind == lecp.True, nil
	case lecp.Null:
		return nil, nil
	case lecp.ArrayStart:
		var out []any
		for d.More() {
			v, err := cborValue(d)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		_, err := d.ReadToken() // ArrayEnd
		return out, err
	case lecp.MapStart:
		out := []cborPair{}
		for d.More() {
			k, err := cborValue(d)
			if err != nil {
				return nil, err
			}
			v, err := cborValue(d)
			if err != nil {
				return nil, err
			}
			out = append(out, cborPair{k, v})
		}
		_, err := d.ReadToken() // MapEnd
		return out, err
	case lecp.TagStart:
		v, err := cborValue(d)
		if err != nil {
			return nil, err
		}
		_, err = d.ReadToken() // TagEnd
		return cborTagged{tok.Uint, v}, err
	}
	return nil, fmt.Errorf("CBOR %v not expected in a COSE message", tok.Kind)
}

// cborLookup returns the value of integer label l in map m.
func cborLookup(m []cborPair, l int64) (any, bool) {
	for _, p := range m {
		if k, ok := p.k.(int64); ok && k == l {
			return p.v, true
		}
	}
	return nil, false
}

// coseHeaders is the decoded header pair of one layer: the protected
// header's bytes as sent and its map, and the unprotected map.
type coseHeaders struct {
	protRaw []byte
	prot    []cborPair
	unprot  []cborPair
}

func readHeaders(prot, unprot any) (*coseHeaders, error) {
	pb, ok := prot.([]byte)
	if !ok {
		return nil, fmt.Errorf("protected header is %T, not a bstr", prot)
	}
	h := &coseHeaders{protRaw: pb}
	if len(pb) > 0 {
		v, err := cborDecode(pb)
		if err != nil {
			return nil, fmt.Errorf("protected header: %w", err)
		}
		if h.prot, ok = v.([]cborPair); !ok {
			return nil, fmt.Errorf("protected header holds %T, not a map", v)
		}
	}
	if h.unprot, ok = unprot.([]cborPair); !ok {
		return nil, fmt.Errorf("unprotected header is %T, not a map", unprot)
	}
	return h, nil
}

// inStructure is the protected header as the structures carry it (RFC 9052
// §4.4, §5.3, §6.3): a zero-length bstr when there are no protected
// attributes, even when the message sends them as an encoded empty map
// (h'A0', the *-pass-01 examples); else the bytes as sent.
func (h *coseHeaders) inStructure() []byte {
	if len(h.prot) == 0 {
		return nil
	}
	return h.protRaw
}

// alg returns the integer "alg" (label 1) of the headers.
func (h *coseHeaders) alg() (int64, error) {
	for _, m := range [][]cborPair{h.prot, h.unprot} {
		if v, ok := cborLookup(m, 1); ok {
			if id, ok := v.(int64); ok {
				return id, nil
			}
			return 0, fmt.Errorf("alg is %T, not an integer", v)
		}
	}
	return 0, errors.New("no alg header")
}

// coseCase runs the cases of one example.
type coseCase struct {
	res       *Result
	ex        *coseExample
	kind      string
	layer     *coseLayer
	msg       *coseMsg
	msgErr    error
	plaintext []byte
}

func (c *coseCase) run() {
	switch c.kind {
	case "sign0":
		c.check("sign0", c.layer.algName(), func() error { return c.sign1() })
	case "sign":
		for i := range c.layer.Signers {
			c.check(fmt.Sprintf("signer %d", i), c.layer.Signers[i].algName(), func() error { return c.signer(i) })
		}
	case "mac0", "mac":
		c.check(c.kind, c.layer.algName(), func() error { return c.mac() })
	case "encrypted", "enveloped":
		c.check(c.kind, c.layer.algName(), func() error { return c.decrypt() })
	}
	for i := range c.layer.Recipients {
		c.recipient(i)
	}
	n := c.layer.countersigners()
	for _, s := range c.layer.Signers {
		n += s.countersigners()
	}
	for _, r := range c.layer.Recipients {
		n += r.countersigners()
	}
	for range n {
		c.res.Skip(skipCOSECountersign)
	}
}

// errExampleInput marks a step that failed on the example's own inputs
// (its key, content key or external AAD), not on its message.
var errExampleInput = errors.New("example input")

// exampleInputError reports whether err comes from the example's inputs
// rather than its message: errExampleInput, or a key gencrypto refuses
// (wrong type or size, invalid). A "fail" example rejected so says nothing
// of its message, whose change must be what is rejected.
func exampleInputError(err error) bool {
	for _, e := range []error{errExampleInput, gencrypto.ErrKeyType, gencrypto.ErrKeySize, gencrypto.ErrInvalidKey} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// errRefused marks a step refused because lwscrypto does not offer
// what it needs; the message says what.
type errRefused struct{ why string }

func (e *errRefused) Error() string { return e.why }

// errNotBuilt marks a step that needs what lwscrypto has not built yet
// (Ed448, AES-MAC, HSS-LMS): the case is skipped with the message.
type errNotBuilt struct{ why string }

func (e *errNotBuilt) Error() string { return e.why }

// check records one content case: op must succeed unless the example is
// marked "fail"; a refusal of something not offered is counted as such,
// and a case needing what is not built yet is skipped.
func (c *coseCase) check(what, algName string, op func() error) {
	id := what + " (" + algName + ")"
	err := c.msgErr
	if err == nil {
		err = op()
	}
	var ref *errRefused
	var nb *errNotBuilt
	switch {
	case errors.As(err, &ref):
		c.res.Refuse(ref.why)
	case errors.As(err, &nb):
		c.res.Skip(nb.why)
	case fipsRefusal(err):
		c.res.Skip(skipFIPS)
	case c.ex.Fail && err == nil:
		c.res.Fail("%s: marked fail, but accepted", id)
	case c.ex.Fail && exampleInputError(err):
		c.res.Fail("%s: marked fail, but rejected for the example's own inputs, not its message: %v", id, err)
	case c.ex.Fail:
		c.res.Pass()
	default:
		c.res.Check(id, err)
	}
}

// resolve resolves the message's alg with gencrypto.ByCOSE, which must
// give the registry algorithm named after the example's algName.
func resolve(h *coseHeaders, algName string) (gencrypto.Algorithm, error) {
	id, err := h.alg()
	if err != nil {
		return nil, err
	}
	want, known := coseAlgs[algName]
	a, ok := gencrypto.ByCOSE(id)
	switch {
	case !known:
		return nil, fmt.Errorf("example algorithm %q is not in this runner's table", algName)
	case want.id != id:
		return nil, fmt.Errorf("message alg %d, the example names %s (%d)", id, algName, want.id)
	case !ok && want.name == "":
		return nil, &errNotBuilt{fmt.Sprintf("COSE algorithm %s (%d): not built yet (gencrypto.ByCOSE does not know it)", algName, id)}
	case !ok:
		return nil, fmt.Errorf("COSE alg %d (%s): gencrypto.ByCOSE does not know it", id, algName)
	case a.Name() != want.name:
		return nil, fmt.Errorf("COSE alg %d (%s) resolves to %s, want %s", id, algName, a.Name(), want.name)
	}
	return a, nil
}

// external returns the layer's external AAD.
func external(l *coseLayer) ([]byte, error) {
	b, err := hex.DecodeString(l.External)
	if err != nil {
		return nil, fmt.Errorf("external: %w: %w", errExampleInput, err)
	}
	return b, nil
}

// structure encodes [context, protected bstrs…, external, payload] as RFC
// 9052 writes Sig_structure, MAC_structure and Enc_structure.
func structure(context string, bstrs ...[]byte) []byte {
	b := lecp.AppendArrayHeader(nil, uint64(1+len(bstrs)))
	b = lecp.AppendText(b, context)
	for _, s := range bstrs {
		b = lecp.AppendBytes(b, s)
	}
	return b
}

// coseIntermediateErrata are the examples whose intermediates contradict
// RFC 9052 while their message is right: the structure is not compared,
// but the message must still verify or decrypt with the structure the RFC
// defines.
var coseIntermediateErrata = map[string]string{
	// AAD_hex has the context "Encrypt1"; RFC 9052 §5.3 says "Encrypt0",
	// and the ciphertext decrypts with that.
	"cose-wg-examples/chacha-poly-examples/chacha-poly-enc-01.json": "AAD",
}

// wantIntermediate compares a structure built from the message with the
// example's intermediate, for examples that are not "fail".
func (c *coseCase) wantIntermediate(what string, got []byte, wantHex string) error {
	if c.ex.Fail || wantHex == "" || coseIntermediateErrata[c.res.Name] == what {
		return nil
	}
	want, err := hex.DecodeString(wantHex)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if !bytes.Equal(got, want) {
		return fmt.Errorf("%s built from the message is %X, the example's is %X", what, got, want)
	}
	return nil
}

// payload returns the message's payload (the input's plaintext when
// detached), which must be the example's plaintext.
func (c *coseCase) payload(v any) ([]byte, error) {
	switch p := v.(type) {
	case nil:
		return c.plaintext, nil
	case []byte:
		if !c.ex.Fail && !bytes.Equal(p, c.plaintext) {
			return nil, fmt.Errorf("payload %q, want %q", p, c.plaintext)
		}
		return p, nil
	}
	return nil, fmt.Errorf("payload is %T", v)
}

// coseKey reads an example key with jose/jwk, converting the examples'
// "*_hex" members to base64url. Its errors wrap errExampleInput. A key jose/jwk refuses with jose.ErrKey on
// a curve it does not support yet (Ed448) is *errNotBuilt.
func coseKey(raw json.RawMessage) (*jwk.Key, error) {
	k, err := readCOSEKey(raw)
	var nb *errNotBuilt
	if err != nil && !errors.As(err, &nb) {
		err = fmt.Errorf("%w: %w", errExampleInput, err)
	}
	return k, err
}

func readCOSEKey(raw json.RawMessage) (*jwk.Key, error) {
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	for k, v := range m {
		name, ok := strings.CutSuffix(k, "_hex")
		if !ok {
			continue
		}
		s, _ := v.(string)
		b, err := hex.DecodeString(s)
		if err != nil {
			return nil, fmt.Errorf("key %s: %w", k, err)
		}
		delete(m, k)
		m[strings.ToLower(name)] = base64.RawURLEncoding.EncodeToString(b)
	}
	if m["kty"] == "EC2" { // COSE's name (RFC 9053 §7.1), used by x509-examples
		m["kty"] = "EC"
	}
	j, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	k, err := jwk.Parse(j)
	if err != nil {
		if crv, _ := m["crv"].(string); errors.Is(err, jose.ErrKey) && (crv == "Ed448" || crv == "X448") {
			return nil, &errNotBuilt{crv + " key: not built yet (the circl backend); jose/jwk refuses it with jose.ErrKey"}
		}
		return nil, fmt.Errorf("key: %w", err)
	}
	return k, nil
}

func (c *coseCase) sign1() error {
	it := c.msg.items
	if len(it) != 4 {
		return fmt.Errorf("COSE_Sign1 has %d elements, want 4", len(it))
	}
	h, err := readHeaders(it[0], it[1])
	if err != nil {
		return err
	}
	return c.verify(h, nil, c.layer, it[2], it[3], c.ex.Intermediates.ToBeSign)
}

func (c *coseCase) signer(i int) error {
	it := c.msg.items
	if len(it) != 4 {
		return fmt.Errorf("COSE_Sign has %d elements, want 4", len(it))
	}
	body, err := readHeaders(it[0], it[1])
	if err != nil {
		return err
	}
	sigs, ok := it[3].([]any)
	if !ok || len(sigs) != len(c.layer.Signers) {
		return fmt.Errorf("signatures: %T of %d, want %d", it[3], len(sigs), len(c.layer.Signers))
	}
	s, ok := sigs[i].([]any)
	if !ok || len(s) != 3 {
		return fmt.Errorf("COSE_Signature %d is not an array of 3", i)
	}
	h, err := readHeaders(s[0], s[1])
	if err != nil {
		return err
	}
	want := ""
	if i < len(c.ex.Intermediates.Signers) {
		want = c.ex.Intermediates.Signers[i].ToBeSign
	}
	return c.verify(h, body, &c.layer.Signers[i], it[2], s[2], want)
}

// verify checks one signature: body is nil for COSE_Sign1.
func (c *coseCase) verify(h, body *coseHeaders, l *coseLayer, payload, sigV any, wantTBS string) error {
	a, err := resolve(h, l.algName())
	if err != nil {
		return err
	}
	alg, ok := a.(*gencrypto.Signature)
	if !ok {
		return fmt.Errorf("alg %s is not a signature algorithm", a.Name())
	}
	msg, err := c.payload(payload)
	if err != nil {
		return err
	}
	ext, err := external(l)
	if err != nil {
		return err
	}
	var tbs []byte
	if body == nil {
		tbs = structure("Signature1", h.inStructure(), ext, msg)
	} else {
		tbs = structure("Signature", body.inStructure(), h.inStructure(), ext, msg)
	}
	if err := c.wantIntermediate("ToBeSign", tbs, wantTBS); err != nil {
		return err
	}
	sig, ok := sigV.([]byte)
	if !ok {
		return fmt.Errorf("signature is %T", sigV)
	}
	k, err := coseKey(l.Key)
	if err != nil {
		return err
	}
	err = alg.Verify(k.Public(), tbs, sig)
	if errors.Is(err, gencrypto.ErrKeyType) && alg.Curve() != 0 && k.Curve() != alg.Curve().String() {
		// RFC 9053 §2.1 only suggests pairing SHA-512 with P-521 (and so
		// on); the registry binds each ES algorithm to its curve, as JOSE
		// does (RFC 7518 §3.4).
		return &errRefused{fmt.Sprintf("%s with a %s key: the registry binds each ECDSA algorithm to its curve (RFC 7518 §3.4; RFC 9053 §2.1 suggests the same pairing)", alg.Name(), k.Curve())}
	}
	return err
}

// contentKey is the key of the content layer: the example's CEK, or the
// key of its single direct recipient. Its errors wrap errExampleInput.
func (c *coseCase) contentKey() ([]byte, error) {
	if c.ex.Intermediates.CEK != "" {
		b, err := hex.DecodeString(c.ex.Intermediates.CEK)
		if err != nil {
			return nil, fmt.Errorf("CEK_hex: %w: %w", errExampleInput, err)
		}
		return b, nil
	}
	if len(c.layer.Recipients) != 1 {
		return nil, fmt.Errorf("%w: no CEK_hex and %d recipients", errExampleInput, len(c.layer.Recipients))
	}
	k, err := coseKey(c.layer.Recipients[0].Key)
	if err != nil {
		return nil, err
	}
	if k.Secret() == nil {
		return nil, fmt.Errorf("%w: direct recipient key is not oct", errExampleInput)
	}
	return k.Secret(), nil
}

// layerAlg checks that the message has n elements (the single-recipient
// form, COSE_ctx0) or n+1 when c.kind is multi (COSE_ctx1, with its
// recipients), reads its headers and resolves its alg, which must be an A
// (what names it in the error). It returns the structure's context string.
func layerAlg[A gencrypto.Algorithm](c *coseCase, multi, ctx0, ctx1 string, n int, what string) (string, *coseHeaders, A, error) {
	var zero A
	it := c.msg.items
	ctx := ctx0
	if c.kind == multi {
		n, ctx = n+1, ctx1
	}
	if len(it) != n {
		return "", nil, zero, fmt.Errorf("COSE_%s has %d elements, want %d", ctx, len(it), n)
	}
	h, err := readHeaders(it[0], it[1])
	if err != nil {
		return "", nil, zero, err
	}
	a, err := resolve(h, c.layer.algName())
	if err != nil {
		return "", nil, zero, err
	}
	alg, ok := a.(A)
	if !ok {
		return "", nil, zero, fmt.Errorf("alg %s is not %s", a.Name(), what)
	}
	return ctx, h, alg, nil
}

func (c *coseCase) mac() error {
	it := c.msg.items
	ctx, h, alg, err := layerAlg[*gencrypto.MAC](c, "mac", "MAC0", "MAC", 4, "a MAC")
	if err != nil {
		return err
	}
	msg, err := c.payload(it[2])
	if err != nil {
		return err
	}
	ext, err := external(c.layer)
	if err != nil {
		return err
	}
	toMac := structure(ctx, h.inStructure(), ext, msg)
	if err := c.wantIntermediate("ToMac", toMac, c.ex.Intermediates.ToMac); err != nil {
		return err
	}
	tag, ok := it[3].([]byte)
	if !ok {
		return fmt.Errorf("tag is %T", it[3])
	}
	key, err := c.contentKey()
	if err != nil {
		return err
	}
	return alg.Verify(key, toMac, tag)
}

func (c *coseCase) decrypt() error {
	it := c.msg.items
	ctx, h, alg, err := layerAlg[*gencrypto.AEAD](c, "enveloped", "Encrypt0", "Encrypt", 3, "an AEAD")
	if err != nil {
		return err
	}
	ext, err := external(c.layer)
	if err != nil {
		return err
	}
	aad := structure(ctx, h.inStructure(), ext)
	if err := c.wantIntermediate("AAD", aad, c.ex.Intermediates.AAD); err != nil {
		return err
	}
	iv, err := c.iv(h, alg.NonceSize())
	if err != nil {
		return err
	}
	ct, ok := it[2].([]byte)
	if !ok {
		return fmt.Errorf("ciphertext is %T", it[2])
	}
	key, err := c.contentKey()
	if err != nil {
		return err
	}
	aead, err := alg.New(key)
	if err != nil {
		return err
	}
	pt, err := aead.Open(nil, iv, ct, aad)
	if err != nil {
		return err
	}
	if !bytes.Equal(pt, c.plaintext) {
		return fmt.Errorf("plaintext %q, want %q", pt, c.plaintext)
	}
	return nil
}

// iv returns the IV (label 5) or, for a message carrying a partial IV
// (label 6), the example's "unsent" IV_hex: the examples give there the IV
// the context and the partial IV make (RFC 9052 §3.1: the partial IV,
// left-padded with zeros, XORed into the context IV), so it must end with
// the partial IV, after zeros the context IV's tail left.
func (c *coseCase) iv(h *coseHeaders, size int) ([]byte, error) {
	if v, ok := cborLookup(h.unprot, 5); ok {
		iv, ok := v.([]byte)
		if !ok || len(iv) != size {
			return nil, fmt.Errorf("IV %v, want %d bytes", v, size)
		}
		return iv, nil
	}
	v, ok := cborLookup(h.unprot, 6)
	if !ok {
		return nil, errors.New("no IV and no partial IV")
	}
	piv, ok := v.([]byte)
	s, _ := c.layer.Unsent["IV_hex"].(string)
	ctxIV, err := hex.DecodeString(s)
	if !ok || err != nil || len(ctxIV) != size || len(piv) > size {
		return nil, fmt.Errorf("partial IV %v with context IV %q", v, s)
	}
	if !bytes.HasSuffix(ctxIV, piv) {
		return nil, fmt.Errorf("IV_hex %X does not end with the message's partial IV %X", ctxIV, piv)
	}
	return ctxIV, nil
}

// recipient records the case of recipient i: AES key wrap and RSA-OAEP
// recipients must give the content key; the others are skipped.
func (c *coseCase) recipient(i int) {
	r := &c.layer.Recipients[i]
	name := r.algName()
	id := fmt.Sprintf("recipient %d (%s)", i, name)
	var kw *gencrypto.KeyWrap
	var oaep *gencrypto.KeyEncryption
	switch name {
	case "direct":
		return // the content case used its key
	case "A128KW", "A192KW", "A256KW":
		if len(r.Key) == 0 {
			c.res.Skip(skipCOSERecipient) // its KEK comes from nested recipients
			return
		}
		a, _ := gencrypto.ByName(name)
		kw = a.(*gencrypto.KeyWrap)
	case "RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-512":
		a, _ := gencrypto.ByName(name)
		oaep = a.(*gencrypto.KeyEncryption)
	default:
		c.res.Skip(skipCOSERecipient)
		return
	}
	err := c.msgErr
	if err == nil {
		err = c.unwrapRecipient(i, kw, oaep)
	}
	if c.ex.Fail {
		// The failures of the "fail" examples are in the content layer;
		// the recipient layer must still give the content key.
		id += " of a fail example"
	}
	c.res.Check(id, err)
}

func (c *coseCase) unwrapRecipient(i int, kw *gencrypto.KeyWrap, oaep *gencrypto.KeyEncryption) error {
	it := c.msg.items
	if len(it) < 4 {
		return errors.New("message has no recipients")
	}
	rs, ok := it[len(it)-1].([]any)
	if !ok || len(rs) != len(c.layer.Recipients) {
		return fmt.Errorf("recipients: %T, want %d", it[len(it)-1], len(c.layer.Recipients))
	}
	r, ok := rs[i].([]any)
	if !ok || len(r) < 3 {
		return fmt.Errorf("COSE_recipient %d is not an array of 3 or 4", i)
	}
	h, err := readHeaders(r[0], r[1])
	if err != nil {
		return err
	}
	if _, err := resolveRecipient(h, c.layer.Recipients[i].algName()); err != nil {
		return err
	}
	wrapped, ok := r[2].([]byte)
	if !ok {
		return fmt.Errorf("recipient ciphertext is %T", r[2])
	}
	k, err := coseKey(c.layer.Recipients[i].Key)
	if err != nil {
		return err
	}
	var cek []byte
	if kw != nil {
		cek, err = kw.Unwrap(k.Secret(), wrapped)
	} else {
		dec, ok := k.PrivateKey().(crypto.Decrypter)
		if !ok {
			return fmt.Errorf("RSA-OAEP recipient key %T is not a private RSA key", k.PrivateKey())
		}
		cek, err = oaep.Decrypt(dec, wrapped)
	}
	if err != nil {
		return err
	}
	want, err := hex.DecodeString(c.ex.Intermediates.CEK)
	if err != nil || len(want) == 0 {
		return fmt.Errorf("example has no CEK_hex (%v)", err)
	}
	if !bytes.Equal(cek, want) {
		return fmt.Errorf("content key %X, want %X", cek, want)
	}
	return nil
}

// resolveRecipient checks the recipient's alg header: the COSE identifiers
// of A*KW (-3, -4, -5) and RSA-OAEP (-40, -41, -42) through ByCOSE.
func resolveRecipient(h *coseHeaders, name string) (gencrypto.Algorithm, error) {
	id, err := h.alg()
	if err != nil {
		return nil, err
	}
	a, ok := gencrypto.ByCOSE(id)
	if !ok || a.Name() != name {
		return nil, fmt.Errorf("recipient alg %d resolves to %v, want %s", id, a, name)
	}
	return a, nil
}
