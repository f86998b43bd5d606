//go:build goexperiment.jsonv2

package bench

import (
	"bytes"
	"encoding/json/jsontext"
	"io"
	"testing"
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
