// Package reports prints analyses: terminal tables (tablewriter, the only
// importer of it), JSON and JSONL per the policylens.analysis/v1 contract,
// CSV of directives, and analyst reports in Markdown and self-contained
// HTML with SVG charts. Every analysis format is a Reporter chosen by name.
package reports
