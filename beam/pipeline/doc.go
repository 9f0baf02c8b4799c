// Package pipeline runs the policylens analysis as an Apache Beam pipeline:
// files matched by glob (JSONL corpora record by record) are analyzed by
// analyze.Analyzer, one per worker, and written as policylens.analysis/v1
// JSONL shards beside aggregates (keyword counts by period, directive
// counts by issuer × force × period, entity document frequencies) and a
// dead-letter file of the inputs that failed.
//
// It imports only the public analyze and reports packages of policylens,
// and lives in its own module so that the policylens binary does not
// carry Beam's dependencies.
package pipeline
