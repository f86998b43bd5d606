package jose

// QuoteName returns s in double quotes for an error message, with control
// characters, the line and paragraph separators, the bidirectional marks,
// embeddings, overrides and isolates, quotes, backslashes and bytes that
// are not UTF-8 replaced by '?' and long names cut: safe for
// attacker-supplied names.
func QuoteName(s string) string { return quote(s) }
