// Package parse turns raw input files into Documents: it detects the input
// format (Sina-Hexo posts, HTML pages, Markdown, plain text, JSONL corpora),
// decodes the character set, removes page boilerplate and moves metadata
// lines (原标题, 来源, 责任编辑, bylines) out of the body.
package parse
