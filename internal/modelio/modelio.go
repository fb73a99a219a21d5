// Package modelio reads the JSON weights files of the project's trained
// models (internal/logreg, internal/gbdt) the one strict way: unknown
// fields are an error, and the model's own consistency check runs before
// anything can predict with it, so a damaged or hand-edited file fails at
// load time with its name in the message.
package modelio

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Decode decodes data into v, rejecting unknown fields, then runs validate
// (the model's check of its decoded parts). Errors read "pkg: name: ...".
func Decode(pkg, name string, data []byte, v any, validate func() error) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %s: %w", pkg, name, err)
	}
	if err := validate(); err != nil {
		return fmt.Errorf("%s: %s: %w", pkg, name, err)
	}
	return nil
}
