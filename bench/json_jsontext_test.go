//go:build goexperiment.jsonv2

package bench

import (
	"bytes"
	"encoding/json/jsontext"
	"io"
	"testing"

	"github.com/lwscrypto/lwscrypto/lejp"
)

func init() {
	jsonImpls = append(jsonImpls, jsonImpl{"jsontext-readtoken", func(b *testing.B, data []byte) func() error {
		r := bytes.NewReader(data)
		d := jsontext.NewDecoder(r)
		return func() error {
			r.Reset(data)
			d.Reset(r)
			for {
				if _, err := d.ReadToken(); err == io.EOF {
					return nil
				} else if err != nil {
					return err
				}
			}
		}
	}})
}

func init() {
	writeImpls = append(writeImpls, writeImpl{"jsontext-writetoken", func(toks []wtok) func() ([]byte, error) {
		var buf bytes.Buffer
		e := jsontext.NewEncoder(&buf)
		return func() ([]byte, error) {
			buf.Reset()
			e.Reset(&buf)
			for i := range toks {
				t := &toks[i]
				var tok jsontext.Token
				switch t.kind {
				case lejp.ObjectStart:
					tok = jsontext.BeginObject
				case lejp.ObjectEnd:
					tok = jsontext.EndObject
				case lejp.ArrayStart:
					tok = jsontext.BeginArray
				case lejp.ArrayEnd:
					tok = jsontext.EndArray
				case lejp.Name, lejp.String:
					tok = jsontext.String(t.s)
				case lejp.Int, lejp.Float:
					if t.isF {
						tok = jsontext.Float(t.f)
					} else {
						tok = jsontext.Int(t.i)
					}
				case lejp.True:
					tok = jsontext.True
				case lejp.False:
					tok = jsontext.False
				case lejp.Null:
					tok = jsontext.Null
				}
				if err := e.WriteToken(tok); err != nil {
					return nil, err
				}
			}
			return buf.Bytes(), nil
		}
	}})
}
