package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

func init() {
	register(&command{path: "version", args: "[-o FILE]", summary: "print the version of lwscrypto and of Go it was built with", run: runVersion})
}

// version returns the module version recorded by the Go toolchain: the tag
// for "go install …@vX", "(devel)" for a build from a checkout.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

func runVersion(e *env, args []string) error {
	c := commands["version"]
	pos, err := parseFlags(e, c, newFlags(c), args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("version takes no arguments")
	}
	_, err = fmt.Fprintf(e.stdout, "lwscrypto %s %s %s/%s\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return outputError(err)
}
