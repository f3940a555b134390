package worker_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"integrationstudio/backend/worker"
)

// BenchmarkImport measures a whole import as the app runs it, minus the
// child process: read, parse, convert, lint (Rewst rules and vacuum),
// actions and suggestions. Results: docs/benchmarks.md.
//
// BENCH_SPECS (comma-separated paths, e.g. the big specs scripts/bench-specs.sh
// fetches into .cache/bench-specs) adds more files.
func BenchmarkImport(b *testing.B) {
	var paths []string
	for _, name := range []string{"helpdesk.swagger.yaml", "asana.yaml", "k8s.json", "stripe.yaml"} {
		paths = append(paths, filepath.Join("..", "spec", "testdata", name))
	}
	if extra := os.Getenv("BENCH_SPECS"); extra != "" {
		paths = append(paths, strings.Split(extra, ",")...)
	}
	for _, path := range paths {
		name := filepath.Base(path)
		info, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(info.Size())
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := (worker.InProcess{}).Import(context.Background(), worker.ImportRequest{Path: path}, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImportWithoutVacuum isolates our own pipeline from vacuum's rules.
func BenchmarkImportWithoutVacuum(b *testing.B) {
	for _, name := range []string{"k8s.json", "stripe.yaml"} {
		path := filepath.Join("..", "spec", "testdata", name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := (worker.InProcess{}).Import(context.Background(), worker.ImportRequest{Path: path, SkipVacuum: true}, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
