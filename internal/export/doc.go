// Package export turns analyses into flat lists, one row per item with the
// document's path, title and date on each row: what a spreadsheet holds.
// The CLI writes them as CSV (one list) or as an .xlsx workbook (one sheet
// per list).
package export
