// Command notecheck opens a signed note with Go's reference implementation, golang.org/x/mod/sumdb/note,
// to show that the ledger's checkpoints are standard C2SP signed notes (docs/FORMAT.md section 12).
//
// Usage:
//
//	notecheck NOTE-FILE VKEY...
//
// Each VKEY is a verifier key as `ledger keys --note` prints it (<name>+<8 hex key hash>+<base64 key>).
// It prints the name of every signer whose signature verified, one per line, and exits 0; it exits 1 when
// note.Open rejects the note (no signature from a given key, a given key's signature fails, malformed note),
// and 2 for bad arguments or an unreadable file.
package main

import (
	"fmt"
	"os"

	"golang.org/x/mod/sumdb/note"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: notecheck NOTE-FILE VKEY...")
		os.Exit(2)
	}
	msg, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "notecheck: %v\n", err)
		os.Exit(2)
	}
	var verifiers []note.Verifier
	for _, vkey := range os.Args[2:] {
		v, err := note.NewVerifier(vkey)
		if err != nil {
			fmt.Fprintf(os.Stderr, "notecheck: bad verifier key %q: %v\n", vkey, err)
			os.Exit(2)
		}
		verifiers = append(verifiers, v)
	}
	n, err := note.Open(msg, note.VerifierList(verifiers...))
	if err != nil {
		fmt.Fprintf(os.Stderr, "notecheck: note rejected: %v\n", err)
		os.Exit(1)
	}
	for _, sig := range n.Sigs {
		fmt.Println(sig.Name)
	}
}
