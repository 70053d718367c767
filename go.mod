module github.com/keychainlint/keychainlint

go 1.26.0

require (
	github.com/alexaandru/go-sitter-forest/objc v1.9.1
	github.com/alexaandru/go-sitter-forest/swift v1.9.5
	github.com/smacker/go-tree-sitter v0.0.0-20240827094217-dd81d9e9be82
	golang.org/x/tools v0.52.0
)
