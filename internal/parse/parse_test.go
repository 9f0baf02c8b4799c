package parse

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// parseString parses s as the file name, forcing format when it is not "".
func parseString(t *testing.T, name, format, s string) *Document {
	t.Helper()
	d, err := Parse(name, []byte(s), Options{Format: format})
	if err != nil {
		t.Fatalf("Parse(%q): %v", name, err)
	}
	return d
}

// hexo builds a Sina-Hexo post the way the feed writes them: an empty first
// line, front matter, an HTML body.
func hexo(frontMatter, body string) string {
	return "\n---\n" + frontMatter + "---\n\n<div>   \n" + body + "\n</div>\n            "
}

const refFrontMatter = `title: '国务院安委办部署加强安全生产执法工作，注重抓重点抓关键'
categories: 
 - 金融
 - 新浪财经
 - 新浪财经－国內
headimg: 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png'
author: 新浪财经
comments: false
date: Wed, 01 Sep 2021 03:03:09 GMT
thumbnail: 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png'
`

func TestDetect(t *testing.T) {
	hexoPost := []byte(hexo(refFrontMatter, `<p>正文</p>`))
	jekyll := []byte("---\nlayout: page\ntitle: Scope\n---\n\n## 2. Scope\n\nText.\n")
	tests := []struct {
		name string
		file string
		data []byte
		want string
	}{
		{"jsonl extension", "reports.jsonl", []byte("anything"), FormatJSONL},
		{"ndjson extension", "reports.ndjson", []byte(`{"a":1}`), FormatJSONL},
		{"html extension", "page.HTML", []byte("plain words"), FormatHTML},
		{"htm extension", "page.htm", []byte("plain words"), FormatHTML},
		{"txt extension wins over front matter", "notes.txt", hexoPost, FormatText},
		{"hexo post", "20210901-1.md", hexoPost, FormatSinaHexo},
		{"hexo post without extension", "post", hexoPost, FormatSinaHexo},
		{"hexo variant with headimg only", "x.md", []byte("---\ntitle: a\nheadimg: b\n---\n<div>x</div>"), FormatSinaHexo},
		{"front matter without html body", "x.md", []byte("---\ntitle: a\ncategories:\n - b\n---\ntext\n"), FormatMarkdown},
		{"jekyll page", "scope.md", jekyll, FormatMarkdown},
		{"md extension", "law.md", []byte("# 中华人民共和国数据安全法\n"), FormatMarkdown},
		{"markdown extension", "law.markdown", []byte("<div>looks like html</div>"), FormatMarkdown},
		{"json content", "stdin", []byte("  \n{\"content\":\"x\"}\n"), FormatJSONL},
		{"html content", "stdin", []byte("\xef\xbb\xbf<!DOCTYPE html><html>"), FormatHTML},
		{"heading content", "stdin", []byte("# Title\n\ntext"), FormatMarkdown},
		{"plain content", "stdin", []byte("第一条 为了明确申报标准。"), FormatText},
		{"empty", "stdin", nil, FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.file, tt.data); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q", tt.file, got, tt.want)
			}
		})
	}
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		head     string
		body     string
		ok       bool
		wantErr  bool
		bodySame bool // body is the whole input
	}{
		{name: "closed", in: "\n---\ntitle: a\n---\n\n<div>x</div>", head: "title: a\n", body: "\n<div>x</div>", ok: true},
		{name: "crlf", in: "---\r\ntitle: a\r\n---\r\nbody", head: "title: a\r\n", body: "body", ok: true},
		{name: "closed at end of file", in: "---\ntitle: a\n---", head: "title: a\n", body: "", ok: true},
		{name: "empty front matter", in: "---\n---\nbody", head: "", body: "body", ok: true},
		{name: "never closed", in: "\n---\ntitle: a\ncategories:\n - b\n<p>text</p>\n", wantErr: true},
		{name: "only the opening fence", in: "---\n", wantErr: true},
		{name: "no front matter", in: "# Title\n\n---\n\ntext", bodySame: true},
		{name: "dashes then text is no fence", in: "---- not a fence\ntext\n---\n", bodySame: true},
		{name: "fence without newline", in: "---", bodySame: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head, body, ok, err := splitFrontMatter(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error: %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			want := tt.body
			if tt.bodySame {
				want = tt.in
			}
			if head != tt.head || body != want || ok != tt.ok {
				t.Errorf("got (%q, %q, %v), want (%q, %q, %v)", head, body, ok, tt.head, want, tt.ok)
			}
		})
	}
}

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		name   string
		head   string
		title  string
		author string
		date   string // normalized as a Chinese document
		cats   []string
	}{
		{
			name:   "reference shape",
			head:   refFrontMatter,
			title:  "国务院安委办部署加强安全生产执法工作，注重抓重点抓关键",
			author: "新浪财经",
			date:   "2021-09-01T03:03:09Z",
			cats:   []string{"金融", "新浪财经", "新浪财经－国內"},
		},
		{
			name: "variant with two four-space categories",
			head: `title: 发改委召开碳达峰、碳中和专家座谈会：建议加快出台政策文件
categories: 
    - 金融
    - 新浪财经 - 新浪财经－国內
author: 新浪财经 - 新浪财经－国內
comments: false
date: Mon, 22 Mar 2021 02:39:56 GMT
thumbnail: 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png'
`,
			title:  "发改委召开碳达峰、碳中和专家座谈会：建议加快出台政策文件",
			author: "新浪财经 - 新浪财经－国內",
			date:   "2021-03-22T02:39:56Z",
			cats:   []string{"金融", "新浪财经 - 新浪财经－国內"},
		},
		{
			name: "variant with three categories and an empty line",
			head: `title: '工信部_电子烟等新型烟草制品参照卷烟监管 推进电子烟监管法治化'
categories: 
    - 金融
    - 新浪财经
    - 新浪财经－国內

author: 新浪财经
comments: false
date: Mon, 22 Mar 2021 09:17:24 GMT
`,
			title:  "工信部_电子烟等新型烟草制品参照卷烟监管 推进电子烟监管法治化",
			author: "新浪财经",
			date:   "2021-03-22T09:17:24Z",
			cats:   []string{"金融", "新浪财经", "新浪财经－国內"},
		},
		{
			name:  "double quotes inside a single-quoted title",
			head:  "title: '\"北京18家中介机构被查处\"上热搜 网友：需要优质教育资源的均衡分布'\ndate: Sat, 01 May 2021 02:00:31 GMT\n",
			title: `"北京18家中介机构被查处"上热搜 网友：需要优质教育资源的均衡分布`,
			date:  "2021-05-01T02:00:31Z",
		},
		{
			name:  "doubled single quote",
			head:  "title: 'It''s the economy'\n",
			title: "It's the economy",
		},
		{
			name:  "stray quote breaks YAML: loose fallback",
			head:  "title: 'It's broken'\ncategories:\n - 金融\n - '新浪财经'\ndate: 2021-03-22 10:00:00\n",
			title: "It's broken",
			date:  "2021-03-22T10:00:00+08:00",
			cats:  []string{"金融", "新浪财经"},
		},
		{
			name:  "YAML timestamp",
			head:  "title: Open Data\ndate: 2013-05-09\n",
			title: "Open Data",
			date:  "2013-05-09T00:00:00Z",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm := parseFrontMatter(tt.head)
			if fm.Title != tt.title || fm.Author != tt.author {
				t.Errorf("title, author = %q, %q; want %q, %q", fm.Title, fm.Author, tt.title, tt.author)
			}
			if got := normalizeDate(fm.Date, true); got != tt.date {
				t.Errorf("date %q → %q, want %q", fm.Date, got, tt.date)
			}
			if !slices.Equal(fm.Categories, tt.cats) {
				t.Errorf("categories = %q, want %q", fm.Categories, tt.cats)
			}
		})
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct {
		in   string
		zh   bool
		want string
	}{
		{"Wed, 01 Sep 2021 03:03:09 GMT", true, "2021-09-01T03:03:09Z"},
		{"Wed, 01 Sep 2021 03:03:09 GMT", false, "2021-09-01T03:03:09Z"},
		{"Mon, 2 Jan 2006 15:04:05 GMT", true, "2006-01-02T15:04:05Z"},
		{"Wed, 01 Sep 2021 11:03:09 +0800", true, "2021-09-01T11:03:09+08:00"},
		{"2021-09-01T03:03:09Z", true, "2021-09-01T03:03:09Z"},
		{"2018-12-05", true, "2018-12-05T00:00:00+08:00"},
		{"2018-12-05", false, "2018-12-05T00:00:00Z"},
		{"2021年9月1日", true, "2021-09-01T00:00:00+08:00"},
		{"May 09, 2023", false, "2023-05-09T00:00:00Z"},
		{"1954", true, "1954-01-01T00:00:00+08:00"},
		{"  ", true, ""},
		{"yesterday", true, ""},
	}
	for _, tt := range tests {
		if got := normalizeDate(tt.in, tt.zh); got != tt.want {
			t.Errorf("normalizeDate(%q, %v) = %q, want %q", tt.in, tt.zh, got, tt.want)
		}
	}
}

func TestTakeMetadata(t *testing.T) {
	long := "记者从国家发展改革委获悉，" + strings.Repeat("为进一步做好相关工作，要求各地加强组织领导", 3) + "。"
	tests := []struct {
		name  string
		paras []string
		keep  []string
		want  Document // only the metadata fields are compared
	}{
		{
			name:  "original title",
			paras: []string{"原标题：国务院安委办部署加强安全生产执法工作，注重抓重点抓关键", "正文。"},
			keep:  []string{"正文。"},
			want:  Document{OriginalTitle: "国务院安委办部署加强安全生产执法工作，注重抓重点抓关键"},
		},
		{
			name:  "original title and source",
			paras: []string{"原标题：住房和城乡建设部强调：保持调控定力 来源：中国建设新闻网", "正文。"},
			keep:  []string{"正文。"},
			want:  Document{OriginalTitle: "住房和城乡建设部强调：保持调控定力", Source: "中国建设新闻网"},
		},
		{
			name:  "source line",
			paras: []string{"正文。", "来源：央视新闻客户端"},
			keep:  []string{"正文。"},
			want:  Document{Source: "央视新闻客户端"},
		},
		{
			name:  "source with credits",
			paras: []string{"来源：光明日报 作者：吴亚琦 图片：新华社等", "正文。"},
			keep:  []string{"正文。"},
			want:  Document{Source: "光明日报", Author: "吴亚琦"},
		},
		{
			name:  "wechat account",
			paras: []string{"“中华人民共和国应急管理部”微信公号", "正文。"},
			keep:  []string{"正文。"},
			want:  Document{Source: "“中华人民共和国应急管理部”微信公号"},
		},
		{
			name:  "numbered step naming an account is text",
			paras: []string{"1．关注交通运输部微信公众号", "2．点击菜单服务栏“网约车合规查询”"},
			keep:  []string{"1．关注交通运输部微信公众号", "2．点击菜单服务栏“网约车合规查询”"},
		},
		{
			name:  "editor with work code",
			paras: []string{"正文。", "责任编辑：王翔 SF014"},
			keep:  []string{"正文。"},
			want:  Document{Editor: "王翔"},
		},
		{
			name:  "reporter and editor byline",
			paras: []string{"每经记者 张三 每经编辑 李四", "正文。"},
			keep:  []string{"正文。"},
			want:  Document{Author: "张三"},
		},
		{
			name:  "author and editor in brackets",
			paras: []string{"正文。", "（作者：王帆 编辑：张星）"},
			keep:  []string{"正文。"},
			want:  Document{Author: "王帆"},
		},
		{
			name:  "reporter title before the name",
			paras: []string{"正文。", "文/北京青年报记者 赵新培"},
			keep:  []string{"正文。"},
			want:  Document{Author: "赵新培"},
		},
		{
			name:  "broadcaster reporter in brackets",
			paras: []string{"正文。", "（总台央视记者 唐颖）"},
			keep:  []string{"正文。"},
			want:  Document{Author: "唐颖"},
		},
		{
			name:  "picture credit dropped",
			paras: []string{"封面图片来源：视觉中国", "正文。"},
			keep:  []string{"正文。"},
		},
		{
			name:  "long paragraph mentioning a reporter is text",
			paras: []string{long},
			keep:  []string{long},
		},
		{
			name:  "short sentence mentioning a reporter is text",
			paras: []string{"记者了解到，该项目预计年底竣工。"},
			keep:  []string{"记者了解到，该项目预计年底竣工。"},
		},
		{
			name:  "first source wins",
			paras: []string{"来源：新华社", "来源：人民日报"},
			want:  Document{Source: "新华社"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d Document
			got := takeMetadata(&d, slices.Clone(tt.paras))
			if !slices.Equal(got, tt.keep) {
				t.Errorf("kept %q, want %q", got, tt.keep)
			}
			meta := Document{OriginalTitle: d.OriginalTitle, Source: d.Source, Author: d.Author, Editor: d.Editor}
			want := Document{OriginalTitle: tt.want.OriginalTitle, Source: tt.want.Source, Author: tt.want.Author, Editor: tt.want.Editor}
			if meta.OriginalTitle != want.OriginalTitle || meta.Source != want.Source || meta.Author != want.Author || meta.Editor != want.Editor {
				t.Errorf("metadata = %+v, want %+v", meta, want)
			}
		})
	}
}

func TestCleanSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"　　新修改的安全生产法于9月1日起正式施行", "新修改的安全生产法于9月1日起正式施行"},
		{"国务院安委会\n办公室召开视频会议", "国务院安委会办公室召开视频会议"},
		{"国务院安委会 \r\n  办公室", "国务院安委会办公室"},
		{"安全生产，\n部署执法", "安全生产，部署执法"},
		{"Federal\nGovernment", "Federal Government"},
		{"中文\nEnglish", "中文 English"},
		{"中国 人民", "中国 人民"},
		{"a\u00a0\t\tb", "a b"},
		{"zero\u200bwidth\u200d\ufeff", "zerowidth"},
		{"  \n\u3000 ", ""},
		{"各位代表：\u200d", "各位代表："},
	}
	for _, tt := range tests {
		if got := cleanSpace(tt.in); got != tt.want {
			t.Errorf("cleanSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDropTitleLines(t *testing.T) {
	title := "国务院办公厅关于2019年部分节假日安排的通知"
	body := []string{"国办发明电〔2018〕15号", "各省、自治区、直辖市人民政府："}
	tests := []struct {
		name  string
		paras []string
		title string
		want  []string
	}{
		{"title on one line", append([]string{title}, body...), title, body},
		{"title on two lines", append([]string{"国务院办公厅关于2019年", "部分节假日安排的通知"}, body...), title, body},
		{"title with spaces", append([]string{"国务院办公厅关于 2019 年部分节假日安排的通知"}, body...), title, body},
		{"no title line", body, title, body},
		{"a line that only starts like the title is kept", []string{"国务院办公厅", "各省、自治区、直辖市人民政府："}, title, []string{"国务院办公厅", "各省、自治区、直辖市人民政府："}},
		{"no title", body, "", body},
		{"only the title", []string{title}, title, []string{}},
		{"empty", nil, title, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dropTitleLines(tt.paras, tt.title)
			if !slices.Equal(got, tt.want) {
				t.Errorf("dropTitleLines = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSinaHexo(t *testing.T) {
	body := `<p class="ori_titlesource">　　原标题：涉嫌严重违纪违法！赵勇被查</p>
<p cms-style="font-L">　　来源：中央纪委国家监委网站</p>
<p cms-style="font-L">　　据中央纪委国家监委网站消息，广发银行天津分行原行长赵勇涉嫌严重违纪违法，
目前正接受纪律审查和监察调查。</p>
<p cms-style="font-L">　　<span id=stock_sh601398><a href="http://finance.sina.com.cn/realstock/company/sh601398/nc.shtml" class="keyword">工商银行</a></span>等机构表示支持。</p>
<div class="img_wrapper"><img src="a.png"><span class="img_descr">图片说明</span></div>
<!--article_adlist[<p cms-style="font-L">广告</p>]article_adlist-->
<p cms-style="font-L">　　（每经记者 张三 每经编辑 李四）</p>
<style>.appendQr_wrap&#123;border:1px&#125;</style>
<div class="clearfix appendQr_wrap"><div class="appendQr_normal_txt">海量资讯、精准解读，尽在新浪财经APP</div></div>
<p class="article-editor">责任编辑：尹悦 </p>`
	d := parseString(t, "20210322-1.md", "", hexo(refFrontMatter, body))
	want := []string{
		"据中央纪委国家监委网站消息，广发银行天津分行原行长赵勇涉嫌严重违纪违法，目前正接受纪律审查和监察调查。",
		"工商银行等机构表示支持。",
	}
	if !slices.Equal(d.Paragraphs, want) {
		t.Errorf("paragraphs = %q, want %q", d.Paragraphs, want)
	}
	if d.Format != FormatSinaHexo || d.OriginalTitle != "涉嫌严重违纪违法！赵勇被查" || d.Source != "中央纪委国家监委网站" ||
		d.Author != "张三" || d.Editor != "尹悦" || d.Date != "2021-09-01T03:03:09Z" {
		t.Errorf("metadata = %+v", d)
	}
}

func TestMarkdownLaw(t *testing.T) {
	src := `# 中华人民共和国数据安全法

2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过

<!-- INFO END -->

## 第一章 总 则

第一条 为了规范数据处理活动，保障数据安全，制定本法。

第二条 在中华人民共和国境内开展数据处理活动及其安全监管，适用本法。
（一）第一项；

- 列表项
`
	d := parseString(t, "数据安全法(2021-06-10).md", "", src)
	want := []string{
		"2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过", // the adoption line is text
		"第一章 总 则",
		"第一条 为了规范数据处理活动，保障数据安全，制定本法。",
		"第二条 在中华人民共和国境内开展数据处理活动及其安全监管，适用本法。",
		"（一）第一项；",
		"列表项",
	}
	if !slices.Equal(d.Paragraphs, want) {
		t.Errorf("paragraphs = %q, want %q", d.Paragraphs, want)
	}
	if d.Title != "中华人民共和国数据安全法" || d.Date != "2021-06-10T00:00:00+08:00" || d.Format != FormatMarkdown {
		t.Errorf("title, date, format = %q, %q, %q", d.Title, d.Date, d.Format)
	}
}

func TestMarkdownExecutiveOrder(t *testing.T) {
	src := `# Executive Order 14099: Moving Beyond COVID-19 Vaccination Requirements

## Summary

**Date:** May 09, 2023

**Document Details:**
- Document Number: 2023-10407
- Citation: 88 FR 30891

## Sources
- [Federal Register](https://www.federalregister.gov/documents/2023/05/15/2023-10407/x)

---

## Executive Order 14099

### Section 1.

**Policy**

In 2021, based on the best available data &#8212; and guidance &amp; more, I issued orders.
    (i) the authority granted by law to an executive department;

BIDEN.EPS
THE WHITE HOUSE,
May 9, 2023.
[FR Doc. 2023-10407 
Filed 5-12-23; 8:45 am]
Billing code 3395-F3-P

---

*Filed by the Office of the Federal Register on May 09, 2023*
`
	d := parseString(t, "eo-2023-05-09-executive-order-14099.md", "", src)
	want := []string{
		"Executive Order 14099",
		"Section 1.",
		"Policy",
		"In 2021, based on the best available data — and guidance & more, I issued orders.",
		"(i) the authority granted by law to an executive department;",
	}
	if !slices.Equal(d.Paragraphs, want) {
		t.Errorf("paragraphs = %q, want %q", d.Paragraphs, want)
	}
	if d.Title != "Executive Order 14099: Moving Beyond COVID-19 Vaccination Requirements" ||
		d.Date != "2023-05-09T00:00:00Z" || d.Source != "Federal Register" {
		t.Errorf("title, date, source = %q, %q, %q", d.Title, d.Date, d.Source)
	}
}

func TestCleanMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"## 第一章 总则", "第一章 总则"},
		{"**Subject:**{: .from} Open Data Policy&#8212;Managing Information", "Subject: Open Data Policy—Managing Information"},
		{"* **Sylvia M. Burwell**<br />Director", "Sylvia M. Burwell Director"},
		{"<h3> FROM: <br/>Tony Scott<br/>United States CIO</h3>", "FROM: Tony Scott United States CIO"},
		{"see [Data.gov](http://www.data.gov) and ![img](a.png)", "see Data.gov and img"},
		{"the *Transparency* memo [^1] and _open_ __data__", "the Transparency memo and open data"},
		{"http://omb/assets/procurement_workforce/AWF_Plan_1.pdf", "http://omb/assets/procurement_workforce/AWF_Plan_1.pdf"},
		{"snake_case_name stays", "snake_case_name stays"},
		{"1. first item", "first item"},
		{"第一条 国务院<b>决定</b>&nbsp;施行。", "第一条 国务院决定 施行。"},
		{"<!-- comment --> text", "text"},
	}
	for _, tt := range tests {
		if got := cleanMarkdown(tt.in); got != tt.want {
			t.Errorf("cleanMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarkdownJekyll(t *testing.T) {
	src := "---\nlayout: page\ntitle: Federal Source Code Policy | Scope\npermalink: /Scope/\ndescription: \n---\n\n## 2. Scope and Applicability\n\nThe requirements (<em>i.e.</em>, these) apply.\n"
	d := parseString(t, "scope.md", "", src)
	want := []string{"2. Scope and Applicability", "The requirements (i.e., these) apply."}
	if !slices.Equal(d.Paragraphs, want) || d.Title != "Federal Source Code Policy | Scope" {
		t.Errorf("title %q, paragraphs %q", d.Title, d.Paragraphs)
	}
}

func TestHTMLPage(t *testing.T) {
	src := `<div class="wrap"><table>
<tr><td><b>索 引 号：</b></td><td>000014349/2018-00183</td><td><b>主题分类：</b></td><td>劳动、人事、监察</td></tr>
<tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2018年11月16日</td></tr>
<tr><td><b>标　　题：</b></td><td>国务院关于做好当前和今后一个时期促进就业工作的若干意见</td></tr>
<tr><td><b>发文字号：</b></td><td>国发〔2018〕39号</td><td><b>发布日期：</b></td><td>2018年12月05日</td></tr>
</table>
<div class="share">分享到微信</div>
<div id="UCAP-CONTENT" class="pages_content">
<p align="center">国务院关于做好当前和今后一个时期</p>
<p align="center">促进就业工作的若干意见</p>
<p align="center">国发〔2018〕39号</p>
<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
<p>　　就业是最大的民生，也是经济发展最基本的支撑。为做好当前和今后一个时期的就业工作，现提出以下意见。</p>
<p>　　一、支持企业稳定发展，鼓励企业吸纳就业。对不裁员或少裁员的参保企业，可返还其上年度实际缴纳失业保险费的50%。</p>
<p align="right">国务院</p>
</div>
<ul><li><a href="/a">相关链接一</a></li><li><a href="/b">相关链接二</a></li></ul>
</div>`
	d := parseString(t, "govcn-20181205-content_5345808.html", "", src)
	if d.Title != "国务院关于做好当前和今后一个时期促进就业工作的若干意见" || d.Issuer != "国务院" ||
		d.DocNumber != "国发〔2018〕39号" || d.Date != "2018-12-05T00:00:00+08:00" {
		t.Errorf("metadata = %+v", d)
	}
	want := []string{
		"国发〔2018〕39号",
		"各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
		"就业是最大的民生，也是经济发展最基本的支撑。为做好当前和今后一个时期的就业工作，现提出以下意见。",
		"一、支持企业稳定发展，鼓励企业吸纳就业。对不裁员或少裁员的参保企业，可返还其上年度实际缴纳失业保险费的50%。",
		"国务院",
	}
	if !slices.Equal(d.Paragraphs, want) {
		t.Errorf("paragraphs = %q, want %q", d.Paragraphs, want)
	}
}

func TestText(t *testing.T) {
	d := parseString(t, "notes.txt", "", "\r\n第一条　为了明确申报标准。\r\n\r\n  （一）经营者合并；\n\n")
	want := []string{"第一条\u3000为了明确申报标准。", "（一）经营者合并；"} // only the indent is trimmed
	if !slices.Equal(d.Paragraphs, want) || d.Format != FormatText {
		t.Errorf("paragraphs = %q, format %q", d.Paragraphs, d.Format)
	}
}

func TestParseUnknownFormat(t *testing.T) {
	if _, err := Parse("x", []byte("text"), Options{Format: "rtf"}); err == nil || !strings.Contains(err.Error(), "unknown input format") {
		t.Errorf("err = %v, want an unknown format error", err)
	}
	if _, err := Parse("x.jsonl", []byte(`{"content":"x"}`), Options{}); err == nil || !strings.Contains(err.Error(), "ReadJSONL") {
		t.Errorf("err = %v, want a pointer to ReadJSONL", err)
	}
}

func TestParseUnclosedFrontMatter(t *testing.T) {
	for _, format := range []string{FormatSinaHexo, FormatMarkdown} {
		_, err := Parse("x.md", []byte("\n---\ntitle: a\ncategories:\n - b\n<p>正文</p>\n"), Options{Format: format})
		if err == nil || !strings.Contains(err.Error(), "never closed") {
			t.Errorf("%s: err = %v, want never closed", format, err)
		}
		if errors.Is(err, ErrNoText) {
			t.Errorf("%s: unclosed front matter reported as no text", format)
		}
	}
}

// readAll collects ReadJSONL's documents and record errors.
func readAll(t *testing.T, in string, fields JSONLFields, maxBytes int64) ([]*Document, []error) {
	t.Helper()
	var docs []*Document
	var errs []error
	err := ReadJSONL(strings.NewReader(in), "gwr.jsonl", fields, maxBytes, func(d *Document, err error) bool {
		if err != nil {
			errs = append(errs, err)
		} else {
			docs = append(docs, d)
		}
		return true
	})
	if err != nil {
		t.Fatalf("ReadJSONL: %v", err)
	}
	return docs, errs
}

func TestReadJSONL(t *testing.T) {
	notice := "\n\n\n本作品是中华人民共和国的\n法律\n、\n法规\n，属于\n公有领域\n。\n\n注：中文维基文库社群认为……\nPublic domain\nPublic domain\nfalse\nfalse"
	rec := func(title, content string, year any) string {
		b, _ := jsonMarshal(map[string]any{"title": title, "url": "https://zh.wikisource.org/x", "content": content, "year": year})
		return b
	}
	in := strings.Join([]string{
		rec("2025年中华人民共和国国务院政府工作报告", "各位代表：\n\n现在，我代表国务院，向大会报告政府工作。"+notice, "2025"),
		rec("1954年中华人民共和国国务院政府工作报告", "各位代表：\n我們國家的各項事業。", 1954),
		"",
		rec("第十四届全国人民代表大会第三次会议关于政府工作报告的决议", "第十四届全国人民代表大会第三次会议听取和审议了政府工作报告。", nil),
	}, "\n") + "\n"
	docs, errs := readAll(t, in, JSONLFields{}, 0)
	if len(errs) != 0 || len(docs) != 3 {
		t.Fatalf("got %d documents and errors %v, want 3 documents", len(docs), errs)
	}
	tests := []struct {
		id, title, date string
		paras           []string
	}{
		{"gwr.jsonl#1", "2025年中华人民共和国国务院政府工作报告", "2025-01-01T00:00:00+08:00", []string{"各位代表：", "现在，我代表国务院，向大会报告政府工作。"}},
		{"gwr.jsonl#2", "1954年中华人民共和国国务院政府工作报告", "1954-01-01T00:00:00+08:00", []string{"各位代表：", "我們國家的各項事業。"}},
		{"gwr.jsonl#4", "第十四届全国人民代表大会第三次会议关于政府工作报告的决议", "", []string{"第十四届全国人民代表大会第三次会议听取和审议了政府工作报告。"}},
	}
	for i, tt := range tests {
		d := docs[i]
		if d.ID != tt.id || d.Title != tt.title || d.Date != tt.date || d.Format != FormatJSONL || d.Path != "gwr.jsonl" {
			t.Errorf("doc %d = %q %q %q %q", i, d.ID, d.Title, d.Date, d.Format)
		}
		if !slices.Equal(d.Paragraphs, tt.paras) {
			t.Errorf("doc %d paragraphs = %q, want %q", i, d.Paragraphs, tt.paras)
		}
	}
}

func TestReadJSONLCustomFields(t *testing.T) {
	in := `{"body":"第一段\n第二段","name":"通知","published":"2021-03-05","key":"a-7","date":"1999"}` + "\n"
	docs, errs := readAll(t, in, JSONLFields{Text: "body", Title: "name", Date: "missing, published", ID: "key"}, 0)
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("got %d documents, errors %v", len(docs), errs)
	}
	d := docs[0]
	if d.ID != "gwr.jsonl#a-7" || d.Title != "通知" || d.Date != "2021-03-05T00:00:00+08:00" || !slices.Equal(d.Paragraphs, []string{"第一段", "第二段"}) {
		t.Errorf("doc = %+v", d)
	}
	// The default fields do not see a record written with other names.
	if _, errs := readAll(t, in, JSONLFields{}, 0); len(errs) != 1 || !strings.Contains(errs[0].Error(), `no text in field "content"`) {
		t.Errorf("default fields: errors %v", errs)
	}
}

func TestReadJSONLRecordErrors(t *testing.T) {
	long := `{"content":"` + strings.Repeat("长", 100) + `"}`
	in := strings.Join([]string{
		`{"content":"第一篇"}`,
		`this is not JSON`,
		long,
		`{"content":"   "}`,
		`{"content":"最后一篇"}`,
	}, "\n")
	docs, errs := readAll(t, in, JSONLFields{}, 200)
	if len(docs) != 2 || docs[0].ID != "gwr.jsonl#1" || docs[1].ID != "gwr.jsonl#5" {
		t.Fatalf("documents %v, want lines 1 and 5", docs)
	}
	wantLines := []int{2, 3, 4}
	if len(errs) != len(wantLines) {
		t.Fatalf("errors %v, want lines %v", errs, wantLines)
	}
	for i, err := range errs {
		var re *RecordError
		if !errors.As(err, &re) || re.Line != wantLines[i] {
			t.Errorf("error %d = %v, want a RecordError for line %d", i, err, wantLines[i])
		}
	}
	if !errors.Is(errs[1], ErrTooLarge) {
		t.Errorf("line 3: %v, want ErrTooLarge", errs[1])
	}
	if !strings.HasPrefix(errs[0].Error(), "line 2: not a JSON object") {
		t.Errorf("line 2: %v", errs[0])
	}
}

func TestReadJSONLLimitIsExclusiveOfNewline(t *testing.T) {
	line := `{"content":"abc"}`
	for _, ending := range []string{"\n", "\r\n"} {
		// the last line has no line ending
		docs, errs := readAll(t, line+ending+line, JSONLFields{}, int64(len(line)))
		if len(docs) != 2 || len(errs) != 0 {
			t.Errorf("ending %q: %d documents, errors %v; a line of exactly max bytes must pass", ending, len(docs), errs)
		}
	}
	if _, errs := readAll(t, line, JSONLFields{}, int64(len(line)-1)); len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Errorf("one byte over: errors %v", errs)
	}
}

func TestReadJSONLLongLineOverBuffer(t *testing.T) {
	// longer than the reader's 1 MiB buffer: consumed in pieces, then refused
	huge := `{"content":"` + strings.Repeat("x", 3<<20) + `"}`
	docs, errs := readAll(t, huge+"\n"+`{"content":"ok"}`, JSONLFields{}, 1<<20)
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) || len(docs) != 1 || docs[0].ID != "gwr.jsonl#2" {
		t.Errorf("documents %d, errors %v", len(docs), errs)
	}
	// without a limit it is read
	docs, errs = readAll(t, huge, JSONLFields{}, 0)
	if len(errs) != 0 || len(docs) != 1 {
		t.Errorf("no limit: documents %d, errors %v", len(docs), errs)
	}
}

func TestReadJSONLStop(t *testing.T) {
	n := 0
	err := ReadJSONL(strings.NewReader("{\"content\":\"a\"}\n{\"content\":\"b\"}\n"), "x", JSONLFields{}, 0, func(*Document, error) bool {
		n++
		return false
	})
	if err != nil || n != 1 {
		t.Errorf("n = %d, err = %v; yield returning false must stop", n, err)
	}
}

func TestReadJSONLReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	err := ReadJSONL(errReader{boom}, "x", JSONLFields{}, 0, func(*Document, error) bool { return true })
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want the reader's error", err)
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// TestMarkdownCitationBreak: the converter of the US orders broke a
// paragraph inside a citation (5 U.S.C. | App.); the paragraph is whole
// again, and a citation that ends a paragraph before the next item stays.
func TestMarkdownCitationBreak(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"(a) Insofar as the Act, as amended (5 U.S.C.\n\nApp.) (the “Act”), may apply, the Secretary shall act.\n",
			"(a) Insofar as the Act, as amended (5 U.S.C. App.) (the “Act”), may apply, the Secretary shall act."},
		{"(b) The Director shall revoke OMB Circular No.\n\nA-4 of November 9, 2023.\n",
			"(b) The Director shall revoke OMB Circular No. A-4 of November 9, 2023."},
		{"(c) Agencies shall act under 5 U.S.C.\n\n(d) The Secretary shall report.\n",
			"(c) Agencies shall act under 5 U.S.C.|(d) The Secretary shall report."},
		{"(e) This is the Act.\n\napp. text\n", "(e) This is the Act.|app. text"},
		{"(f) Agencies should further the policies set forth in section \n1 of this order.\n", "(f) Agencies should further the policies set forth in section 1 of this order."},
		{"(g) They were born June 13, 1961] \n2.\n", "(g) They were born June 13, 1961]|2."},
		{"(h) The Government shall pursue a national U.S.\n\nPostal Service model.\n", "(h) The Government shall pursue a national U.S. Postal Service model."},
		{"(i) It applies in the U.S.\n\nThe Secretary shall act.\n", "(i) It applies in the U.S.|The Secretary shall act."},
		{"(j) It applies in the U.S.\n\n(k) The Secretary shall act.\n", "(j) It applies in the U.S.|(k) The Secretary shall act."},
	} {
		d := parseString(t, "eo.md", "", c.src)
		if got := strings.Join(d.Paragraphs, "|"); got != c.want {
			t.Errorf("paragraphs %q, want %q", got, c.want)
		}
	}
}

// TestSentenceOpeners: the words that end a paragraph at U.S. are data
// (lexicons/openers.en.txt, without its comments and header), and a
// caller's list (a user's lexicon rows added) is the one used, by Parse
// and by Stream.
func TestSentenceOpeners(t *testing.T) {
	b := builtinOpeners()
	for _, w := range []string{"The", "Sec.", "Nothing"} {
		if !b[w] {
			t.Errorf("built-in openers lack %q", w)
		}
	}
	if b["word"] || b["Postal"] || len(b) < 20 {
		t.Errorf("built-in openers: %d words, header or a name's word among them", len(b))
	}
	src := "(h) The Government shall pursue a national U.S.\n\nPostal Service model.\n"
	own := map[string]bool{"Postal": true}
	for _, c := range []struct {
		openers map[string]bool
		want    string
	}{
		{nil, "(h) The Government shall pursue a national U.S. Postal Service model."},
		{own, "(h) The Government shall pursue a national U.S.|Postal Service model."},
	} {
		d, err := Parse("eo.md", []byte(src), Options{Openers: c.openers})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(d.Paragraphs, "|"); got != c.want {
			t.Errorf("Parse with %v: %q, want %q", c.openers, got, c.want)
		}
		var paras []string
		if _, err := Stream("eo.md", strings.NewReader(src), Options{Openers: c.openers}, func(p string) error {
			paras = append(paras, p)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(paras, "|"); got != c.want {
			t.Errorf("Stream with %v: %q, want %q", c.openers, got, c.want)
		}
	}
}
