// Package reports prints analyses: terminal tables (tablewriter, the only
// importer of it), JSON and JSONL per the policylens.analysis/v1 contract.
// Every format is a Reporter chosen by name.
package reports
