//go:build nocobra

package main

// useCLI links nothing: the floor without cobra.
func useCLI() error { return nil }
