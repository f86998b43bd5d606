package vectors

// Runners returns the runner of every corpus, in report order. Each corpus
// runner lives in its own file (wycheproof.go, jsontestsuite.go, …); adding a
// corpus is one line here.
func Runners() []Runner {
	return []Runner{
		Wycheproof,
		JOSECookbookJWK,
		RFCJWK,
		WycheproofJWKKeyed,
		JOSECookbookJWS,
		RFCJWS,
		JOSECookbookJWE,
		COSEExamples,
		JSONTestSuite,
		CBORTestVectors,
	}
}
