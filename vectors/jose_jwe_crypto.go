package vectors

import (
	"bytes"
	"crypto"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// JOSECookbookJWE runs the cryptography of the JWE examples of the
// jose-cookbook corpus (RFC 7520 §5 and §6, and the RFC 8037-style X25519
// ECDH-ES example) through gencrypto's registry. lwscrypto has no JWE
// layer yet, so the examples' intermediate values (CEK, IV, encrypted key,
// protected header) are used directly; they are RFC vectors for the
// registered algorithms JWE is built from, among them the Concat KDF, which
// no Wycheproof file covers. Each example file is one Result, named
// "jose-cookbook/<folder>/<file>".
//
// Each recipient is one case: its key management must give the example's
// CEK — RSA-OAEP decryption, AES key unwrap (A*KW), AES-GCM key decryption
// (A*GCMKW), the key itself ("dir"), ECDH (P-256/384/521, X25519) then the
// Concat KDF of RFC 7518 §4.6.2 ("ECDH-ES"), then AES key unwrap
// ("ECDH-ES+A*KW"), or PBKDF2 with the salt RFC 7518 §4.8.1.1 builds then
// AES key unwrap ("PBES2-HS*+A*KW"). RSA1_5, which lwscrypto refuses by
// design (a padding oracle; RFC 8725 §3.2), must be unknown to
// gencrypto.ByName: refused as expected. The
// content is one more case: with the CEK and IV, the registered "enc"
// algorithm must seal the plaintext (the DEFLATE output of 5_9, given as
// plaintext_c) to exactly the example's ciphertext and tag, with the AAD
// of RFC 7516 §5.1 step 14 (the protected header's base64url, then "." and
// the aad member's), and open them back.
var JOSECookbookJWE = Runner{Name: "jose-cookbook", Run: runCookbookJWE}

func runCookbookJWE(dir string, progress func(string)) ([]Result, error) {
	fs, err := jsonFiles(filepath.Join(dir, "jwe"))
	if err != nil {
		return nil, fmt.Errorf("vectors: jose-cookbook: %w", err)
	}
	var files []string
	for _, f := range fs {
		files = append(files, "jwe/"+f)
	}
	files = append(files, "curve25519/ecdh-es.json", "6.nesting_signatures_and_encryption.json")
	var out []Result
	for _, f := range files {
		if progress != nil {
			progress(f)
		}
		out = append(out, runCookbookJWEFile(filepath.Join(dir, filepath.FromSlash(f)), "jose-cookbook/"+f))
	}
	return out, nil
}

// cookbookJWE is a JWE example of the cookbook.
type cookbookJWE struct {
	Input struct {
		Plaintext string          `json:"plaintext"`
		Key       json.RawMessage `json:"key"`
		Pwd       string          `json:"pwd"`
		Alg       json.RawMessage `json:"alg"`
		Zip       string          `json:"zip"`
	} `json:"input"`
	Generated struct {
		CEK        string `json:"cek"`
		IV         string `json:"iv"`
		AAD        string `json:"aad_b64u"`
		PlaintextZ string `json:"plaintext_c"`
	} `json:"generated"`
	EncryptingKey     json.RawMessage `json:"encrypting_key"`
	EncryptingContent struct {
		Protected    map[string]any `json:"protected"`
		ProtectedB64 string         `json:"protected_b64u"`
		Unprotected  map[string]any `json:"unprotected"`
		Ciphertext   string         `json:"ciphertext"`
		Tag          string         `json:"tag"`
	} `json:"encrypting_content"`
}

// cookbookCEKErrata are the examples whose stated CEK is wrong while their
// message is right. curve25519/ecdh-es.json states a 32-byte "cek" for
// A128GCM, and its encrypting_key.epk has an "x" other than the header's;
// the header's epk (whose "d" it is) with Bob's key gives, through the
// Concat KDF, the 16-byte CEK the ciphertext was made with. So its
// recipient case derives the CEK and the content case must seal and open
// with it.
var cookbookCEKErrata = map[string]bool{"jose-cookbook/curve25519/ecdh-es.json": true}

// cookbookRecipient is one recipient's encrypting_key, with its header.
type cookbookRecipient struct {
	EncryptedKey string          `json:"encrypted_key"`
	Epk          json.RawMessage `json:"epk"`
	CEK          string          `json:"cek"` // curve25519/ecdh-es.json: the derived CEK
	IV           string          `json:"iv"`
	Tag          string          `json:"tag"`
	Salt         string          `json:"salt"`
	Iterations   json.Number     `json:"iteration_count"` // a string in some files, a number in others
	Header       map[string]any  `json:"header"`
}

func runCookbookJWEFile(path, name string) (res Result) {
	res = Result{Name: name}
	defer func() {
		if r := recover(); r != nil {
			res.Fail("panic: %v", r)
		}
	}()
	var ex cookbookJWE
	var top map[string]json.RawMessage
	if err := loadJSON(path, &top); err != nil {
		res.Fail("file: %v", err)
		return res
	}
	raw, ok := top["encrypt"] // §6 nests the JWE under "encrypt"
	if !ok {
		if err := loadJSON(path, &ex); err != nil {
			res.Fail("file: %v", err)
			return res
		}
	} else if err := json.Unmarshal(raw, &ex); err != nil {
		res.Fail("file: encrypt: %v", err)
		return res
	}
	algs, keys, recips, err := ex.recipients()
	if err != nil {
		res.Fail("file: %v", err)
		return res
	}
	enc := ex.enc()
	var derived []byte // the CEK for the content case when the example gives none
	fipsSkipped := false
	for i := range algs {
		id := fmt.Sprintf("recipient %d (%s)", i, algs[i])
		cek, err := cookbookUnwrap(&ex, algs[i], enc, keys[i], &recips[i])
		var ref *errRefused
		switch {
		case errors.As(err, &ref):
			res.Refuse(ref.why)
		case err != nil:
			fipsSkipped = fipsSkipped || fipsRefusal(err)
			res.Check(id, err) // a failure, or a skip for FIPS 140-only mode's policy
		case ex.Generated.CEK == "" && (algs[i] == "dir" || cookbookCEKErrata[name]):
			// No CEK to compare: the content case below, which must
			// seal and open with this one, judges it.
			res.Pass()
			derived = cek
		default:
			err := wantB64(cek, ex.Generated.CEK, recips[i].CEK)
			res.Check(id, err)
			if err == nil && derived == nil {
				derived = cek // 5_5 states its CEK with the recipient
			}
		}
	}
	if derived == nil && ex.Generated.CEK == "" && fipsSkipped {
		// Under fips140=only a recipient refused by policy (skipped
		// above) leaves no CEK for the content case either.
		res.Skip(skipFIPS)
		return res
	}
	res.Check("content ("+enc+")", cookbookContent(&ex, enc, derived))
	return res
}

// recipients returns each recipient's alg, key and encrypting_key.
func (ex *cookbookJWE) recipients() ([]string, []json.RawMessage, []cookbookRecipient, error) {
	var algs []string
	var keys []json.RawMessage
	var recips []cookbookRecipient
	if len(ex.Input.Alg) > 0 && ex.Input.Alg[0] == '[' {
		if err := json.Unmarshal(ex.Input.Alg, &algs); err != nil {
			return nil, nil, nil, fmt.Errorf("input.alg: %w", err)
		}
		if err := json.Unmarshal(ex.Input.Key, &keys); err != nil {
			return nil, nil, nil, fmt.Errorf("input.key: %w", err)
		}
		if err := json.Unmarshal(ex.EncryptingKey, &recips); err != nil {
			return nil, nil, nil, fmt.Errorf("encrypting_key: %w", err)
		}
	} else {
		var alg string
		if err := json.Unmarshal(ex.Input.Alg, &alg); err != nil {
			return nil, nil, nil, fmt.Errorf("input.alg: %w", err)
		}
		var r cookbookRecipient
		if len(ex.EncryptingKey) > 0 {
			if err := json.Unmarshal(ex.EncryptingKey, &r); err != nil {
				return nil, nil, nil, fmt.Errorf("encrypting_key: %w", err)
			}
		}
		algs, keys, recips = []string{alg}, []json.RawMessage{ex.Input.Key}, []cookbookRecipient{r}
	}
	if len(algs) != len(keys) || len(algs) != len(recips) || len(algs) == 0 {
		return nil, nil, nil, fmt.Errorf("%d algs, %d keys, %d encrypting keys", len(algs), len(keys), len(recips))
	}
	return algs, keys, recips, nil
}

// enc is the content encryption algorithm, from the headers (5_13's input
// spells it "A128CBC-H256").
func (ex *cookbookJWE) enc() string {
	for _, m := range []map[string]any{ex.EncryptingContent.Protected, ex.EncryptingContent.Unprotected} {
		if s, ok := m["enc"].(string); ok {
			return s
		}
	}
	return ""
}

// header returns member name of the recipient's header or the shared ones.
func (ex *cookbookJWE) header(r *cookbookRecipient, name string) any {
	for _, m := range []map[string]any{r.Header, ex.EncryptingContent.Protected, ex.EncryptingContent.Unprotected} {
		if v, ok := m[name]; ok {
			return v
		}
	}
	return nil
}

// wantB64 compares got with the first non-empty base64url expectation.
func wantB64(got []byte, wants ...string) error {
	for _, w := range wants {
		if w == "" {
			continue
		}
		want, err := b64url(w)
		if err != nil {
			return fmt.Errorf("expected value: %w", err)
		}
		if !bytes.Equal(got, want) {
			return fmt.Errorf("got %x, want %x", got, want)
		}
		return nil
	}
	return errors.New("the example gives no CEK")
}

// cookbookUnwrap performs one recipient's key management and returns the
// CEK.
func cookbookUnwrap(ex *cookbookJWE, alg, enc string, keyRaw json.RawMessage, r *cookbookRecipient) ([]byte, error) {
	if alg == "RSA1_5" {
		if _, ok := gencrypto.ByName(alg); ok {
			return nil, errors.New("gencrypto.ByName knows RSA1_5, which this runner does not run")
		}
		return nil, &errRefused{refuseRSA15}
	}
	var key *jwk.Key
	if len(keyRaw) > 0 {
		k, err := jwk.Parse(keyRaw)
		if err != nil {
			return nil, fmt.Errorf("key: %w", err)
		}
		key = k
	}
	ek, err := b64url(r.EncryptedKey)
	if err != nil && r.EncryptedKey != "" {
		return nil, fmt.Errorf("encrypted_key: %w", err)
	}
	a, _ := gencrypto.ByName(alg)
	switch alg {
	case "dir":
		// The key is the CEK; it must fit enc (5_6 gives no other CEK).
		a, ok := gencrypto.ByName(enc)
		if !ok || len(key.Secret()) != a.(*gencrypto.AEAD).KeySize() {
			return nil, fmt.Errorf("dir key of %d bytes for enc %s", len(key.Secret()), enc)
		}
		return key.Secret(), nil
	case "RSA-OAEP", "RSA-OAEP-256":
		dec, ok := key.PrivateKey().(crypto.Decrypter)
		if !ok {
			return nil, fmt.Errorf("key %T is not a private RSA key", key.PrivateKey())
		}
		return a.(*gencrypto.KeyEncryption).Decrypt(dec, ek)
	case "A128KW", "A192KW", "A256KW":
		return a.(*gencrypto.KeyWrap).Unwrap(key.Secret(), ek)
	case "A128GCMKW", "A192GCMKW", "A256GCMKW":
		g, _ := gencrypto.ByName(alg[:len(alg)-2])
		aead, err := g.(*gencrypto.AEAD).New(key.Secret())
		if err != nil {
			return nil, err
		}
		iv, err1 := b64url(r.IV)
		tag, err2 := b64url(r.Tag)
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		return aead.Open(nil, iv, append(ek, tag...), nil)
	case "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW":
		return cookbookECDHES(ex, alg, enc, key, r, ek)
	case "PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW":
		kdf := map[string]*gencrypto.PBKDF2{"PBES2-HS256+A128KW": gencrypto.PBKDF2SHA256(),
			"PBES2-HS384+A192KW": gencrypto.PBKDF2SHA384(), "PBES2-HS512+A256KW": gencrypto.PBKDF2SHA512()}[alg]
		kwName := alg[len(alg)-6:]
		kw, _ := gencrypto.ByName(kwName)
		p2s, err := b64url(r.Salt)
		if err != nil {
			return nil, fmt.Errorf("salt: %w", err)
		}
		p2c, err := strconv.Atoi(strings.Trim(string(r.Iterations), `"`))
		if err != nil {
			return nil, fmt.Errorf("iteration_count: %w", err)
		}
		// RFC 7518 §4.8.1.1: the salt is the alg, a zero octet, then p2s.
		salt := append(append([]byte(alg), 0), p2s...)
		kek, err := kdf.Derive([]byte(ex.Input.Pwd), salt, p2c, kw.(*gencrypto.KeyWrap).KeySize())
		if err != nil {
			return nil, err
		}
		return kw.(*gencrypto.KeyWrap).Unwrap(kek, ek)
	}
	return nil, fmt.Errorf("alg %s has no case in this runner", alg)
}

// cookbookECDHES derives the key of ECDH-ES (the CEK) or ECDH-ES+A*KW (the
// key-wrapping key, then unwrapped) as RFC 7518 §4.6.2 says.
func cookbookECDHES(ex *cookbookJWE, alg, enc string, key *jwk.Key, r *cookbookRecipient, ek []byte) ([]byte, error) {
	// The epk as the header carries it: curve25519/ecdh-es.json's
	// encrypting_key.epk has a "d" that is not the private key of its "x"
	// (the RFC 7748 §6.1 public key it shares with the header), which
	// jose/jwk rightly refuses.
	epkRaw := r.Epk
	if m, ok := ex.header(r, "epk").(map[string]any); ok {
		epkRaw, _ = json.Marshal(m)
	}
	epk, err := jwk.Parse(epkRaw)
	if err != nil {
		return nil, fmt.Errorf("epk: %w", err)
	}
	pub, err := epk.ECDHPublic()
	if err != nil {
		return nil, fmt.Errorf("epk: %w", err)
	}
	priv, err := key.ECDHPrivate()
	if err != nil {
		return nil, fmt.Errorf("key: %w", err)
	}
	ka := map[string]*gencrypto.KeyAgreement{"P-256": gencrypto.ECDHP256(), "P-384": gencrypto.ECDHP384(),
		"P-521": gencrypto.ECDHP521(), "X25519": gencrypto.X25519()}[key.Curve()]
	if ka == nil {
		return nil, fmt.Errorf("curve %s", key.Curve())
	}
	z, err := ka.SharedSecret(priv, pub)
	if err != nil {
		return nil, err
	}
	algID, size := alg, 0
	var kw *gencrypto.KeyWrap
	if alg == "ECDH-ES" {
		algID = enc
		a, ok := gencrypto.ByName(enc)
		if !ok {
			return nil, fmt.Errorf("enc %s not registered", enc)
		}
		size = a.(*gencrypto.AEAD).KeySize()
	} else {
		a, _ := gencrypto.ByName(alg[len("ECDH-ES+"):])
		kw = a.(*gencrypto.KeyWrap)
		size = kw.KeySize()
	}
	var apu, apv []byte
	for name, dst := range map[string]*[]byte{"apu": &apu, "apv": &apv} {
		if s, ok := ex.header(r, name).(string); ok {
			if *dst, err = b64url(s); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
		}
	}
	// OtherInfo (RFC 7518 §4.6.2): AlgorithmID, PartyUInfo and
	// PartyVInfo each with a 32-bit big-endian length, then SuppPubInfo,
	// the key length in bits.
	var other []byte
	for _, f := range [][]byte{[]byte(algID), apu, apv} {
		other = binary.BigEndian.AppendUint32(other, uint32(len(f)))
		other = append(other, f...)
	}
	other = binary.BigEndian.AppendUint32(other, uint32(8*size))
	k, err := gencrypto.ConcatKDFSHA256().Derive(z, other, size)
	if err != nil || kw == nil {
		return k, err
	}
	return kw.Unwrap(k, ek)
}

// cookbookContent seals the plaintext with the CEK and IV and must give
// the example's ciphertext and tag, then opens them.
func cookbookContent(ex *cookbookJWE, enc string, derived []byte) error {
	a, ok := gencrypto.ByName(enc)
	if !ok {
		return fmt.Errorf("enc %q not registered", enc)
	}
	alg, ok := a.(*gencrypto.AEAD)
	if !ok {
		return fmt.Errorf("enc %s is not an AEAD", enc)
	}
	cek, err1 := b64url(ex.Generated.CEK)
	if ex.Generated.CEK == "" {
		// A "dir" example's CEK is its key; see cookbookCEKErrata.
		cek, err1 = derived, nil
		if cek == nil {
			err1 = errors.New("no CEK")
		}
	}
	iv, err2 := b64url(ex.Generated.IV)
	ct, err3 := b64url(ex.EncryptingContent.Ciphertext)
	tag, err4 := b64url(ex.EncryptingContent.Tag)
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return err
	}
	pt := []byte(ex.Input.Plaintext)
	if ex.Input.Zip != "" {
		var err error
		if pt, err = b64url(ex.Generated.PlaintextZ); err != nil {
			return fmt.Errorf("plaintext_c: %w", err)
		}
	}
	aad := []byte(ex.EncryptingContent.ProtectedB64)
	if ex.Generated.AAD != "" {
		aad = append(append(aad, '.'), ex.Generated.AAD...)
	}
	aead, err := alg.New(cek)
	if err != nil {
		return err
	}
	want := append(ct, tag...)
	if got := aead.Seal(nil, iv, pt, aad); !bytes.Equal(got, want) {
		return fmt.Errorf("sealed %x, want %x", got, want)
	}
	got, err := aead.Open(nil, iv, want, aad)
	if err != nil {
		return err
	}
	if !bytes.Equal(got, pt) {
		return fmt.Errorf("opened %q, want %q", got, pt)
	}
	return nil
}
