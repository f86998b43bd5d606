package lejp

import (
	"fmt"
	"strings"
	"testing"
)

func TestSmoke(t *testing.T) {
	var sb strings.Builder
	h := HandlerFunc(func(p *Parser, ev Event) error {
		fmt.Fprintf(&sb, "%s %q %q %s %d\n", ev.Kind, p.Path(), p.Pointer(), ev.Value, ev.Pattern)
		return nil
	})
	p, err := NewParser(h, nil, "keys[].kid", "a.*")
	if err != nil {
		t.Fatal(err)
	}
	in := `{"keys":[{"kid":"x\u00e9","n":1.5e3}],"a":{"b":[true,null,-0]}}`
	for i := 0; i < len(in); i++ {
		if _, err := p.Write([]byte{in[i]}); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	t.Log(sb.String())
	d := NewDecoderBytes([]byte(in), nil)
	for {
		tok, err := d.ReadToken()
		if err != nil {
			t.Log(err)
			break
		}
		t.Log(tok.Kind, string(tok.Value), d.Path())
	}
	for _, bad := range []string{`{"a":1,"a":2}`, `[1,]`, `{"a":"\ud800"}`, `[[[`, `tru`, `01`} {
		t.Log(bad, Check([]byte(bad), nil))
	}
}
