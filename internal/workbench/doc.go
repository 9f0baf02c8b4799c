// Package workbench is the local web workbench over a corpus store:
// search with filters and facets, a document page with its directives
// highlighted by force and its entities linked, an entity's documents on a
// timeline, the comparison of two documents and term trends. Pages are
// rendered on the server with html/template (so all text is escaped),
// every asset is embedded, the Content-Security-Policy allows no network
// and no script, and each page has a JSON twin under /api/.
package workbench
