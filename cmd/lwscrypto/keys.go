package main

import (
	"bytes"
	"crypto"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/lwscrypto/lwscrypto/internal/pemtext"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// maxKeyFile bounds a key file (a JWK Set of a few hundred keys fits).
const maxKeyFile = 4 << 20

// loadKey reads the KEY argument of the jwk, jws and jwt commands: a JWK or
// JWK Set file, or a PEM file (a key, or certificates whose first one gives
// the key). It always returns a set, a single key becoming a set of one;
// isSet says whether the file was a JWK Set.
// pkcs11: URIs and COSE_Key files are refused with a message saying so.
// A path of "-" reads the key from standard input (then the command's
// input must be a FILE), so that a key can be piped from a secret store
// without touching the disk.
func loadKey(e *env, path string) (set *jwk.Set, isSet bool, err error) {
	if path == "" {
		return nil, false, usagef("no key given").withHint("pass --key FILE (a JWK, a JWK Set or a PEM file)")
	}
	if strings.HasPrefix(path, "pkcs11:") {
		return nil, false, failf("pkcs11: URIs are not supported yet (they come with the PKCS#11 backend)").withHint("export the key as a JWK or PEM file for now")
	}
	var r io.Reader
	if path == "-" {
		if err := e.claimStdin("the key"); err != nil {
			return nil, false, err
		}
		r, path = e.stdin, "on standard input"
		e.noteInput(r, "redirected to standard input (--key -)")
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, false, openError("--key", path, err, "reading key: %v")
		}
		defer f.Close()
		if err := e.claimIfStdin(f, "the key"); err != nil {
			return nil, false, err
		}
		e.noteInput(f, path)
		r = f
	}
	data, err := readLimited(r, maxKeyFile)
	if err != nil {
		return nil, false, failf("reading key %s: %v", path, err)
	}
	s, isSet, err := parseKeyData(data)
	if err != nil {
		return nil, false, &cliError{err: fmt.Errorf("key %s: %w", path, err), h: keyHint(err)}
	}
	return s, isSet, nil
}

// parseKeyData parses key material in any of the forms loadKey accepts;
// isSet says whether it was a JWK Set. JSON is read by jwk.ParseAny, so a
// key file means here what it means to a program using the library; PEM
// and DER are read with the extras a command line needs (a private key
// with its own certificate, DER), and a UTF-8 byte order mark is errBOM,
// for its hint.
func parseKeyData(data []byte) (set *jwk.Set, isSet bool, err error) {
	if err := checkBOM(data); err != nil {
		return nil, false, err
	}
	t := bytes.TrimLeft(data, " \t\r\n")
	var k *jwk.Key
	switch {
	case len(t) == 0:
		return nil, false, fmt.Errorf("empty key file: %w", jose.ErrMalformed)
	case t[0] == '{':
		// JSON is read as the library reads a key file: a JWK or a JWK
		// Set, and an object that could be both or is neither refused.
		return jwk.ParseAny(data)
	case bytes.HasPrefix(t, []byte("-----BEGIN")) || bytes.Contains(t, []byte("\n-----BEGIN")):
		if k, err = parsePEMKey(data); err != nil {
			return nil, false, err
		}
	case t[0]&0xe0 == 0xa0 || t[0] == 0xd9: // a CBOR map, or a tag
		return nil, false, errors.New("COSE_Key files are not supported here yet (they come with the COSE issue)")
	default:
		if k, err = jwk.ParseDER("", data); err != nil {
			return nil, false, fmt.Errorf("not a JWK, JWK Set, PEM or DER key: %w", jose.ErrMalformed)
		}
	}
	return &jwk.Set{Keys: []*jwk.Key{k}}, false, nil
}

// parsePEMKey is jwk.ParsePEM for a KEY argument, which must be one key.
// jwk.ParsePEM refuses any block beside its key (or chain); here PEM text
// of two keys is refused too (as a JWK Set with several private keys is
// refused for signing), but a private key may come with its own public
// key and certificate chain (a combined PEM, "cat cert.pem key.pem"), in
// any order, which ParsePEM refuses: that is one key,
// the private one, with "x5c" from the chain. A chain counts as its leaf
// (the first certificate); the other certificates are its issuers'.
// Blocks without a key of their own (EC or DH parameters, CRLs,
// certificate requests) are skipped.
func parsePEMKey(data []byte) (*jwk.Key, error) {
	if len(data) > maxPEMText {
		_, err := jwk.ParsePEM(data) // its error for text beyond its bound
		if err == nil {
			err = fmt.Errorf("PEM text larger than %d bytes: %w", maxPEMText, jose.ErrLimit)
		}
		return nil, err
	}
	// Sort the blocks first, parsing none: parsing is what costs.
	var keyBlocks []*pem.Block
	var certs []byte // the CERTIFICATE blocks, in order
	blocks := 0
	for rest := data; ; {
		var b *pem.Block
		if b, rest = pem.Decode(rest); b == nil {
			break
		}
		blocks++
		switch {
		case b.Type == "ENCRYPTED PRIVATE KEY" || strings.Contains(b.Headers["Proc-Type"], "ENCRYPTED"):
			return nil, fmt.Errorf("PEM block %q: %w: %w", b.Type, errEncryptedPEM, jose.ErrMalformed)
		case b.Type == "CERTIFICATE":
			certs = appendPEM(certs, b)
		case strings.HasSuffix(b.Type, " KEY"):
			keyBlocks = append(keyBlocks, b)
		}
	}
	// pem.Decode passes over a block it cannot read (bad base64, an END
	// line of another type) to the next good one, and over a block whose
	// BEGIN line does not start its line (indented, after a quote) as
	// text; jwk.ParsePEM refuses such a block wherever it is, and so does
	// a key file here: every BEGIN line must have been a block read.
	if blocks != pemtext.BeginMarks(data) {
		return nil, fmt.Errorf("PEM text holds a block that does not decode (bad base64, a BEGIN line without its END line, or one that does not start its line): %w", jose.ErrMalformed)
	}
	// One key is at most a private and a public key block.
	if len(keyBlocks) > 2 {
		return nil, fmt.Errorf("PEM text holds %d keys; a key file must hold one: %w", len(keyBlocks), jose.ErrMalformed)
	}
	var keys []*jwk.Key
	for _, b := range keyBlocks {
		k, err := jwk.ParsePEM(appendPEM(nil, b))
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	var chain *jwk.Key
	if len(certs) > 0 {
		var err error
		if chain, err = jwk.ParsePEM(certs); err != nil {
			return nil, err
		}
		keys = append(keys, chain)
	}
	if len(keys) == 0 {
		_, err := jwk.ParsePEM(data) // its error: no PEM, or a block that is no key
		if err == nil {
			err = fmt.Errorf("no PEM key or certificate found: %w", jose.ErrMalformed)
		}
		return nil, err
	}
	pick, distinct := keys[0], map[string]bool{}
	for _, k := range keys {
		tp, err := k.Thumbprint(crypto.SHA256)
		if err != nil {
			return nil, err
		}
		distinct[string(tp)] = true
		if k.IsPrivate() && !pick.IsPrivate() {
			pick = k
		}
	}
	if len(distinct) > 1 {
		return nil, fmt.Errorf("PEM text holds %d keys; a key file must hold one (a private key may come with its own public key and certificate): %w", len(distinct), jose.ErrMalformed)
	}
	if chain != nil && pick != chain {
		pick.X5c = chain.X5c
	}
	return pick, nil
}

// appendPEM appends the PEM encoding of b with its base64 on one line:
// never longer than the block was in the text it was decoded from (which
// held the same two boundary lines and at least this base64), so the
// blocks handed to jwk.ParsePEM fit its bound whenever the text did.
// pem.EncodeToMemory breaks lines every 64 characters, which makes text
// written in longer lines grow. Headers (they are rare) are kept as
// pem.EncodeToMemory writes them.
func appendPEM(dst []byte, b *pem.Block) []byte {
	if len(dst) > 0 {
		// The text had a line end between blocks, and the END line
		// before this block must end for that block to decode.
		dst = append(dst, '\n')
	}
	if len(b.Headers) > 0 {
		return append(dst, pem.EncodeToMemory(b)...)
	}
	dst = append(dst, "-----BEGIN "+b.Type+"-----\n"...)
	dst = base64.StdEncoding.AppendEncode(dst, b.Bytes)
	return append(dst, "\n-----END "+b.Type+"-----"...) // the text may end here
}

// maxPEMText is jwk.ParsePEM's bound on PEM text.
const maxPEMText = 1 << 20

// errEncryptedPEM is a PEM private key encrypted with a passphrase.
var errEncryptedPEM = errors.New("the key is encrypted (a passphrase protects it), which this tool does not read")

// utf8BOM is the UTF-8 byte order mark some editors write at the start
// of a text file.
const utf8BOM = "\xef\xbb\xbf"

// errBOM is text (a key file, JSON) that begins with a byte order mark:
// not JSON (RFC 8259 §8.1), nor where a PEM boundary line may begin.
var errBOM = errors.New("the text begins with a UTF-8 byte order mark (EF BB BF)")

const bomHint = "save the file as UTF-8 without a byte order mark"

// checkBOM refuses text that begins with a byte order mark, saying so:
// the parsers would only report an unexpected byte at offset 0.
func checkBOM(b []byte) error {
	if bytes.HasPrefix(b, []byte(utf8BOM)) {
		return errBOM
	}
	return nil
}

// pemHint is the hint for an error from parsePEMKey.
func pemHint(err error) string {
	switch {
	case errors.Is(err, errEncryptedPEM):
		return encryptedPEMHint
	case errors.Is(err, errBOM):
		return bomHint
	}
	return "expected PEM: PUBLIC KEY, PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY, RSA PUBLIC KEY or CERTIFICATE"
}

const encryptedPEMHint = "decrypt it to a file only you can read: (umask 077; openssl pkey -in KEY.pem -out PLAIN.pem)"

func keyHint(err error) string {
	switch {
	case errors.Is(err, errEncryptedPEM):
		return encryptedPEMHint
	case errors.Is(err, errBOM):
		return bomHint
	case errors.Is(err, jose.ErrMalformed):
		return "a key file holds one JWK, a JWK Set ({\"keys\":[…]}) or PEM"
	case errors.Is(err, jose.ErrKey):
		return "the key material itself was rejected; see the message"
	}
	return ""
}

// readLimited reads all of r, failing beyond max bytes.
func readLimited(r io.Reader, max int) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(b) > max {
		return nil, fmt.Errorf("larger than %d bytes", max)
	}
	return b, nil
}
