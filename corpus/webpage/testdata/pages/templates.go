//go:build ignore

package main

import (
	"fmt"
	"hash/fnv"
	"strings"
	"time"
)

// cls names a part of the page the way the site's skin does: readable names
// on most sites, German ones on the regional paper, hashed ones (css-1x9f2)
// on the React site, where nothing but structure tells chrome from text.
func cls(s spec, role string) string {
	switch s.site.skin {
	case "hashed":
		f := fnv.New32a()
		f.Write([]byte(role))
		return fmt.Sprintf("css-%x e1%x", f.Sum32()&0xfffff, f.Sum32()>>24)
	case "regional":
		if de, ok := german[role]; ok {
			return de
		}
	case "wordpress", "blog":
		if wp, ok := wordpress[role]; ok {
			return wp
		}
	case "gov":
		return "govuk-" + role
	}
	return role
}

var german = map[string]string{
	"site-header": "kopfbereich", "main-nav": "hauptnavigation", "article-body": "artikel-text",
	"article": "artikel", "related": "weitere-artikel", "comments": "leserkommentare",
	"cookie": "einwilligung-hinweis", "share": "teilen-leiste", "ad": "anzeige", "footer": "fussbereich",
	"newsletter": "newsletter-anmeldung", "modal": "overlay-box", "byline": "autorzeile",
}

var wordpress = map[string]string{
	"article-body": "entry-content", "article": "post type-post hentry", "sidebar": "widget-area sidebar",
	"comments": "comments-area", "share": "sharedaddy sd-sharing-enabled", "tags": "tags-links",
	"bio": "author-bio", "site-header": "site-header", "footer": "site-footer", "byline": "byline author vcard",
}

func head(s spec) string {
	var b strings.Builder
	amp := ""
	if s.site.skin == "amp" {
		amp = " ⚡"
	}
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html%s lang=%q class=\"no-js\">\n<head>\n", amp, s.lang())
	switch {
	case s.charset != "" && !s.header:
		fmt.Fprintf(&b, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\n", s.charset)
	case s.charset == "":
		b.WriteString("<meta charset=\"utf-8\">\n")
	}
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	if amp != "" {
		b.WriteString("<script async src=\"https://cdn.ampproject.org/v0.js\"></script>\n<style amp-boilerplate>body{visibility:hidden}</style><noscript><style amp-boilerplate>body{visibility:visible}</style></noscript>\n<style amp-custom>.amp-header{display:flex}</style>\n")
	}
	b.WriteString(`<link rel="preconnect" href="https://cdn.example-static.net">
<link rel="stylesheet" href="/assets/css/main.8f3a1c.css">
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-XXXX');</script>
<script async src="https://securepubads.example-ads.com/tag/js/gpt.js"></script>
`)
	fmt.Fprintf(&b, "<title>%s | %s</title>\n", esc(s.st.title), esc(s.site.name))
	b.WriteString(metaTags(s))
	b.WriteString(`<style>.sr-only{position:absolute;width:1px;height:1px;overflow:hidden}.ad-slot{min-height:250px}</style>
</head>
`)
	return b.String()
}

func isoDate(s spec) string {
	t, _ := time.Parse("2006-01-02", s.st.date)
	return t.Add(9*time.Hour + 14*time.Minute).Format("2006-01-02T15:04:05-07:00")
}

func metaTags(s spec) string {
	var b strings.Builder
	url := s.url()
	if !s.noURL {
		fmt.Fprintf(&b, "<link rel=\"canonical\" href=\"%s\">\n", url)
	}
	if s.meta == "og" || s.meta == "all" {
		fmt.Fprintf(&b, `<meta property="og:type" content="article">
<meta property="og:title" content="%s">
<meta property="og:description" content="%s">
<meta property="og:site_name" content="%s">
<meta property="og:url" content="%s">
<meta property="og:image" content="https://%s/img/%s.jpg">
<meta property="article:published_time" content="%s">
<meta property="article:author" content="https://www.facebook.com/%s">
<meta name="author" content="%s">
<meta name="description" content="%s">
`, esc(s.st.title), esc(s.st.dek), esc(s.site.name), url, s.site.host, s.st.slug, isoDate(s),
			strings.ReplaceAll(strings.ToLower(s.st.author), " ", "."), esc(s.st.author), esc(s.st.dek))
	}
	if s.meta == "dc" || s.meta == "all" {
		fmt.Fprintf(&b, `<meta name="DC.title" content="%s">
<meta name="DC.creator" content="%s">
<meta name="DC.date.issued" content="%s">
<meta name="DC.publisher" content="%s">
<meta name="DC.language" content="%s">
<meta name="DC.description" content="%s">
`, esc(s.st.title), esc(s.st.author), s.st.date, esc(s.site.name), s.lang(), esc(s.st.dek))
	}
	if s.meta == "all" {
		fmt.Fprintf(&b, "<meta name=\"twitter:card\" content=\"summary_large_image\">\n<meta name=\"twitter:title\" content=\"%s\">\n", esc(s.st.title))
	}
	switch s.meta {
	case "jsonld", "all":
		fmt.Fprintf(&b, `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":%q,"description":%q,"datePublished":%q,"dateModified":%q,"author":{"@type":"Person","name":%q},"publisher":{"@type":"NewsMediaOrganization","name":%q,"logo":{"@type":"ImageObject","url":"https://%s/logo.png"}},"mainEntityOfPage":{"@type":"WebPage","@id":%q},"inLanguage":%q}</script>
`, s.st.title, s.st.dek, isoDate(s), isoDate(s), s.st.author, s.site.name, s.site.host, url, s.lang())
	case "graph":
		fmt.Fprintf(&b, `<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","@id":"https://%[1]s/#website","url":"https://%[1]s/","name":%[2]q},{"@type":"Organization","@id":"https://%[1]s/#organization","name":%[2]q},{"@type":"WebPage","@id":%[3]q,"url":%[3]q,"name":%[4]q,"isPartOf":{"@id":"https://%[1]s/#website"}},{"@type":["Article","NewsArticle"],"@id":"%[3]s#article","isPartOf":{"@id":%[3]q},"author":[{"@id":"https://%[1]s/#/schema/person/1"}],"headline":%[5]q,"datePublished":%[6]q,"publisher":{"@id":"https://%[1]s/#organization"},"inLanguage":%[8]q},{"@type":"Person","@id":"https://%[1]s/#/schema/person/1","name":%[7]q}]}</script>
`, s.site.host, s.site.name, url, s.st.title+" | "+s.site.name, s.st.title, isoDate(s), s.st.author, s.lang())
	}
	return b.String()
}

// ---- the modern page: header, article, aside, footer ----

func modernPage(s spec) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<body class=\"%s\">\n", cls(s, "page article-page"))
	b.WriteString(`<a class="skip-link sr-only" href="#main">Skip to main content</a>` + "\n")
	if s.has("cookie") {
		b.WriteString(cookie(s))
	}
	b.WriteString(siteHeader(s))
	if s.has("breadcrumbs") {
		fmt.Fprintf(&b, "<nav class=\"%s\" aria-label=\"Breadcrumb\"><ol><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li><li><a href=\"/news/uk\">UK</a></li></ol></nav>\n", cls(s, "breadcrumbs"))
	}
	fmt.Fprintf(&b, "<main id=\"main\" class=\"%s\">\n<div class=\"%s\">\n", cls(s, "main-content"), cls(s, "layout-grid"))
	b.WriteString(articleElem(s))
	if s.has("sidebar") || s.has("trending") {
		b.WriteString(sidebar(s))
	}
	b.WriteString("</div>\n")
	if s.has("related") {
		b.WriteString(related(s))
	}
	if s.has("comments") || s.has("comments-long") {
		b.WriteString(comments(s, s.has("comments-long")))
	}
	b.WriteString("</main>\n")
	b.WriteString(footer(s))
	if s.has("modal") {
		b.WriteString(modal(s))
	}
	b.WriteString(`<script src="/assets/js/app.4b1e2.js" defer></script>
<script>(function(){var d=document;var s=d.createElement('script');s.src='https://cdn.example-comments.net/embed.js';d.body.appendChild(s)})();</script>
</body>
`)
	return b.String()
}

func siteHeader(s spec) string {
	sections := []string{"News", "UK", "World", "Business", "Politics", "Tech", "Science", "Health", "Sport", "Culture", "Opinion", "Travel"}
	if s.lang() == "de" {
		sections = []string{"Startseite", "Lokales", "Politik", "Wirtschaft", "Sport", "Kultur", "Meinung", "Service", "Veranstaltungen"}
	}
	if s.lang() == "fr" {
		sections = []string{"Accueil", "Actualités", "Politique", "Économie", "Sports", "Culture", "Opinions", "Vidéos"}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<header class=\"%s\">\n<div class=\"%s\"><a href=\"/\" class=\"%s\">%s</a>", cls(s, "site-header"), cls(s, "masthead-inner"), cls(s, "logo"), esc(s.site.name))
	fmt.Fprintf(&b, "<div class=\"%s\"><a href=\"/subscribe\">Subscribe</a> <a href=\"/login\">Sign in</a></div></div>\n", cls(s, "account-links"))
	fmt.Fprintf(&b, "<nav class=\"%s\" aria-label=\"Main\"><ul>", cls(s, "main-nav"))
	for _, sec := range sections {
		fmt.Fprintf(&b, "<li><a href=\"/%s\">%s</a></li>", strings.ToLower(sec), sec)
	}
	b.WriteString("</ul></nav>\n</header>\n")
	return b.String()
}

func articleElem(s spec) string {
	var b strings.Builder
	tag := "article"
	if s.site.skin == "hashed" || s.site.skin == "regional" {
		tag = "div"
	}
	if s.meta == "microdata" {
		fmt.Fprintf(&b, "<%s class=\"%s\" itemscope itemtype=\"https://schema.org/NewsArticle\">\n", tag, cls(s, "article"))
		fmt.Fprintf(&b, "<meta itemprop=\"publisher\" content=\"%s\">\n", esc(s.site.name))
	} else {
		fmt.Fprintf(&b, "<%s class=\"%s\">\n", tag, cls(s, "article"))
	}
	b.WriteString(articleHeader(s))
	if s.has("share") {
		b.WriteString(shareBar(s))
	}
	fmt.Fprintf(&b, "<div class=\"%s\"", cls(s, "article-body"))
	if s.meta == "microdata" {
		b.WriteString(" itemprop=\"articleBody\"")
	}
	b.WriteString(">\n")
	b.WriteString(body(s))
	b.WriteString("</div>\n")
	if s.has("paywall") {
		b.WriteString(paywall(s))
	}
	if s.has("pagination") {
		fmt.Fprintf(&b, "<div class=\"%s\"><span>Page 1 of 3</span> <a href=\"?page=2\">2</a> <a href=\"?page=3\">3</a> <a href=\"?page=2\" rel=\"next\">Next page »</a></div>\n", cls(s, "pagination"))
	}
	if s.has("tags") {
		fmt.Fprintf(&b, "<div class=\"%s\">Tags: <a href=\"/tag/news\">News</a>, <a href=\"/tag/%s\">%s</a>, <a href=\"/tag/analysis\">Analysis</a></div>\n", cls(s, "tags"), s.st.slug, strings.Title(s.st.slug))
	}
	if s.has("share") {
		b.WriteString(shareBar(s))
	}
	if s.has("bio") {
		fmt.Fprintf(&b, "<div class=\"%s\"><h4>About the author</h4><p>%s is a senior correspondent who has covered the economy and markets for more than fifteen years. Before joining us, he reported for two national newspapers and a wire service. You can follow his work on social media or write to him with tips and corrections.</p></div>\n", cls(s, "bio"), esc(s.st.author))
	}
	fmt.Fprintf(&b, "</%s>\n", tag)
	return b.String()
}

func articleHeader(s spec) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<header class=\"%s\">\n<a class=\"%s\" href=\"/news\">%s</a>\n", cls(s, "article-header"), cls(s, "kicker"), kicker(s))
	if s.meta == "microdata" {
		fmt.Fprintf(&b, "<h1 itemprop=\"headline\">%s</h1>\n", esc(s.st.title))
	} else {
		fmt.Fprintf(&b, "<h1 class=\"%s\">%s</h1>\n", cls(s, "headline"), esc(s.st.title))
	}
	fmt.Fprintf(&b, "<p class=\"%s\">%s</p>\n", cls(s, "standfirst"), esc(s.st.dek))
	t, _ := time.Parse("2006-01-02", s.st.date)
	switch {
	case s.meta == "microdata":
		fmt.Fprintf(&b, "<div class=\"%s\">By <span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">%s</span></span> · <time itemprop=\"datePublished\" datetime=\"%s\">%s</time></div>\n",
			cls(s, "byline"), esc(s.st.author), isoDate(s), t.Format("2 January 2006"))
	case s.has("byline") || s.has("dateline") || s.meta == "title":
		fmt.Fprintf(&b, "<div class=\"%s\">\n", cls(s, "meta-line"))
		fmt.Fprintf(&b, "<p>By <a href=\"/authors/%s\">%s</a>, %s correspondent</p>\n", s.st.slug, esc(s.st.author), kicker(s))
		fmt.Fprintf(&b, "<p>Published %s, 09:14 GMT · Updated %s</p>\n", t.Format("2 January 2006"), t.AddDate(0, 0, 1).Format("2 January 2006"))
		b.WriteString("</div>\n")
	default:
		fmt.Fprintf(&b, "<div class=\"%s\"><span class=\"%s\">By %s</span> <time datetime=\"%s\">%s</time></div>\n", cls(s, "meta-line"), cls(s, "byline"), esc(s.st.author), isoDate(s), t.Format("Jan 2, 2006"))
	}
	b.WriteString("</header>\n")
	return b.String()
}

func kicker(s spec) string {
	switch s.st.slug {
	case "floods", "heatwave":
		return "Weather"
	case "rates", "layoffs":
		return "Business"
	case "final":
		return "Sport"
	case "fossil":
		return "Science"
	case "wahl":
		return "Lokales"
	case "greve":
		return "Société"
	}
	return "World"
}

// body renders the shown part of the story with chrome placed inside it.
func body(s spec) string {
	var b strings.Builder
	shown := s.shown()
	if s.body == "live" {
		return liveBody(s, shown)
	}
	if s.body == "br" {
		fmt.Fprintf(&b, "<div class=\"%s\">", cls(s, "post-body entry"))
	}
	for i, bl := range shown {
		if s.body == "sections" && i%2 == 0 {
			if i > 0 {
				b.WriteString("</section>\n")
				if s.has("ads") {
					b.WriteString(adSlot(s))
				}
			}
			fmt.Fprintf(&b, "<section class=\"%s\">\n", cls(s, "body-section"))
		}
		b.WriteString(renderBlock(s, bl))
		b.WriteString(midChrome(s, i))
	}
	if s.body == "sections" {
		b.WriteString("</section>\n")
	}
	if s.body == "br" {
		b.WriteString("</div>\n")
	}
	return b.String()
}

func renderBlock(s spec, bl block) string {
	switch bl.kind {
	case "h":
		if s.body == "br" || s.body == "font" {
			return fmt.Sprintf("<h3>%s</h3>\n", esc(bl.text))
		}
		return fmt.Sprintf("<h2 class=\"%s\">%s</h2>\n", cls(s, "subheading"), esc(bl.text))
	case "q":
		return fmt.Sprintf("<blockquote class=\"%s\"><p>%s</p></blockquote>\n", cls(s, "quote"), esc(bl.text))
	case "li":
		var b strings.Builder
		b.WriteString("<ul>")
		for _, it := range bl.items {
			fmt.Fprintf(&b, "<li>%s</li>", esc(it))
		}
		b.WriteString("</ul>\n")
		return b.String()
	case "table":
		var b strings.Builder
		fmt.Fprintf(&b, "<table class=\"%s\"><thead><tr>", cls(s, "data-table"))
		for _, c := range bl.head {
			fmt.Fprintf(&b, "<th>%s</th>", esc(c))
		}
		b.WriteString("</tr></thead><tbody>")
		for _, r := range bl.rows {
			b.WriteString("<tr>")
			for _, c := range r {
				fmt.Fprintf(&b, "<td>%s</td>", esc(c))
			}
			b.WriteString("</tr>")
		}
		b.WriteString("</tbody></table>\n")
		return b.String()
	}
	switch s.body {
	case "divs":
		return fmt.Sprintf("<div class=\"%s\">%s</div>\n", cls(s, "zn-body__paragraph"), inline(bl.text))
	case "br", "font":
		return inline(bl.text) + "<br><br>\n"
	}
	return "<p>" + inline(bl.text) + "</p>\n"
}

// inline escapes a paragraph and links its first proper name, as news sites
// do, so paragraphs are not all plain text.
func inline(t string) string {
	e := esc(t)
	words := strings.Fields(e)
	for i, w := range words {
		if i > 2 && len(w) > 4 && w[0] >= 'A' && w[0] <= 'Z' && !strings.ContainsAny(w, "&;\"") {
			return strings.Replace(e, w, fmt.Sprintf("<a href=\"/topic/%s\">%s</a>", strings.ToLower(strings.Trim(w, ".,")), w), 1)
		}
	}
	return e
}

func liveBody(s spec, shown []block) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<div class=\"%s\"><span>LIVE</span> <span>Updated 2 minutes ago</span></div>\n", cls(s, "live-status"))
	minute := 15*60 + 5
	var title string
	for _, bl := range shown {
		if bl.kind == "h" {
			title = bl.text
			continue
		}
		fmt.Fprintf(&b, "<article class=\"%s\" id=\"post-%d\">\n<time class=\"%s\" datetime=\"%sT%02d:%02d:00Z\">%02d:%02d</time>\n",
			cls(s, "live-entry"), minute, cls(s, "entry-time"), s.st.date, minute/60, minute%60, minute/60, minute%60)
		if title != "" {
			fmt.Fprintf(&b, "<h3>%s</h3>\n", esc(title))
			title = ""
		}
		b.WriteString(renderBlock(s, bl))
		fmt.Fprintf(&b, "<div class=\"%s\"><a href=\"#post-%d\">Copy link</a> <a href=\"https://twitter.com/intent/tweet\">Share</a></div>\n</article>\n", cls(s, "entry-share"), minute)
		minute -= 17
	}
	return b.String()
}

// midChrome is what sites put between paragraphs: figures, boxes, ads.
func midChrome(s spec, i int) string {
	var b strings.Builder
	switch i {
	case 0:
		if s.has("figure") {
			b.WriteString(figure(s))
		}
	case 1:
		if s.has("tweet") {
			b.WriteString(tweet(s))
		}
		if s.has("ads") && s.body != "sections" {
			b.WriteString(adSlot(s))
		}
	case 2:
		if s.has("readmore") {
			b.WriteString(readMoreBox(s))
		}
		if s.has("readmore-inline") {
			b.WriteString("<p><strong>Lire aussi :</strong> <a href=\"/societe/2024/02/28/reforme-horaires\">Réforme des horaires : ce qui change pour les conducteurs</a></p>\n")
		}
	case 3:
		if s.has("pullquote") {
			b.WriteString(pullQuote(s))
		}
	case 4:
		if s.has("newsletter") {
			b.WriteString(newsletter(s))
		}
		if s.has("ads") && s.body != "sections" {
			b.WriteString(adSlot(s))
		}
	}
	return b.String()
}

func figure(s spec) string {
	return fmt.Sprintf("<figure class=\"%s\"><img src=\"https://%s/img/%s-1.jpg\" alt=\"\" width=\"1200\" height=\"800\" loading=\"lazy\"><figcaption>A scene from the day described in this report, photographed by our staff on location. <span class=\"%s\">Photograph: Jane Smith/Reuters</span></figcaption></figure>\n",
		cls(s, "article-figure"), s.site.host, s.st.slug, cls(s, "credit"))
}

const tweetText = "What a day. Thank you to everyone who was there with us. We will never forget it. pic.twitter.com/abc"

func tweet(s spec) string {
	return `<blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">What a day. Thank you to everyone who was there with us. We will never forget it. <a href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; Official Account (@official) <a href="https://twitter.com/official/status/1">May 18, 2024</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>
`
}

func pullQuote(s spec) string {
	q := ""
	for _, bl := range s.st.body {
		if i := strings.Index(bl.text, "\""); i >= 0 && bl.kind == "p" {
			if j := strings.Index(bl.text[i+1:], "\""); j > 20 {
				q = bl.text[i+1 : i+1+j]
				break
			}
		}
	}
	if q == "" {
		q = s.st.dek
	}
	return fmt.Sprintf("<aside class=\"%s\"><p>%s</p></aside>\n", cls(s, "pull-quote"), esc(q))
}

func readMoreBox(s spec) string {
	return fmt.Sprintf(`<aside class="%s"><h3>Read more</h3><ul><li><a href="/news/1">Why the warnings came too late for some towns</a></li><li><a href="/news/2">What to do if your home is at risk</a></li><li><a href="/news/3">In pictures: the week in photographs</a></li></ul></aside>
`, cls(s, "read-more"))
}

func newsletter(s spec) string {
	return fmt.Sprintf(`<div class="%s"><h3>The Morning Briefing</h3><p>Get the day's most important stories in your inbox every weekday morning, before 7am.</p><form action="/newsletters/subscribe" method="post"><label for="email">Email address</label><input type="email" id="email" name="email" placeholder="you@example.com"><button type="submit">Sign up</button></form><p class="%s">By signing up you agree to our privacy policy. You can unsubscribe at any time.</p></div>
`, cls(s, "newsletter"), cls(s, "small-print"))
}

func adSlot(s spec) string {
	label := "Advertisement"
	if s.lang() == "de" {
		label = "Anzeige"
	}
	return fmt.Sprintf("<div class=\"%s\"><span class=\"%s\">%s</span><div id=\"div-gpt-ad-%d\"></div></div>\n", cls(s, "ad ad-slot"), cls(s, "ad-label"), label, len(s.name))
}

func shareBar(s spec) string {
	return fmt.Sprintf(`<div class="%s"><ul><li><a href="https://www.facebook.com/sharer/sharer.php">Share on Facebook</a></li><li><a href="https://twitter.com/intent/tweet">Share on X</a></li><li><a href="mailto:?subject=article">Email</a></li><li><button type="button">Copy link</button></li></ul></div>
`, cls(s, "share"))
}

func paywall(s spec) string {
	return fmt.Sprintf(`<div class="%s"><h2>Continue reading</h2><p>This article is for subscribers. Subscribe from £1 a week for unlimited access to our journalism, the daily edition and the archive.</p><a class="%s" href="/subscribe">Subscribe now</a><p>Already a subscriber? <a href="/login">Log in</a></p></div>
`, cls(s, "paywall"), cls(s, "button"))
}

func cookie(s spec) string {
	text := "We and our partners use cookies and similar technologies to store and access information on your device, to personalise ads and content, to measure how our site is used and to improve our services. You can accept all cookies or manage your preferences at any time."
	if s.lang() == "de" {
		text = "Wir und unsere Partner verwenden Cookies und ähnliche Technologien, um Informationen auf Ihrem Gerät zu speichern, Inhalte und Anzeigen zu personalisieren und die Nutzung unserer Website zu analysieren. Sie können Ihre Einwilligung jederzeit widerrufen."
	}
	return fmt.Sprintf(`<div class="%s" role="dialog" aria-label="Cookie consent"><p>%s</p><div><button>Accept all</button><button>Manage preferences</button></div></div>
`, cls(s, "cookie"), text)
}

func sidebar(s spec) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<aside class=\"%s\">\n", cls(s, "sidebar"))
	heads := []string{
		"Council approves new cycle lanes on the ring road after two-year consultation",
		"Hospital waiting lists fall for the third month in a row, figures show",
		"Man charged after police chase ends in collision with parked lorry",
		"Review: an ambitious new production that never quite finds its feet",
		"Schools told to prepare for teacher strikes next month",
	}
	title := "Most read"
	if s.has("trending") {
		title = "Trending now"
	}
	fmt.Fprintf(&b, "<section class=\"%s\"><h2>%s</h2><ol>", cls(s, "most-read"), title)
	for i, h := range heads {
		fmt.Fprintf(&b, "<li><a href=\"/news/%d\">%s</a></li>", i, h)
	}
	b.WriteString("</ol></section>\n")
	fmt.Fprintf(&b, "<section class=\"%s\"><h2>Follow us</h2><a href=\"https://facebook.com/x\">Facebook</a> <a href=\"https://twitter.com/x\">X</a> <a href=\"https://instagram.com/x\">Instagram</a></section>\n", cls(s, "follow"))
	fmt.Fprintf(&b, "<div class=\"%s\"><span>Advertisement</span></div>\n</aside>\n", cls(s, "ad sidebar-ad"))
	return b.String()
}

func related(s spec) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<section class=\"%s\"><h2>More on this story</h2>\n", cls(s, "related"))
	teasers := [][2]string{
		{"Insurers brace for claims as damage is counted", "Early estimates put the bill at hundreds of millions of pounds, with small businesses among the hardest hit by the latest events."},
		{"How the week unfolded, in maps and charts", "Our data team tracked the numbers hour by hour as the situation developed across the region."},
		{"Analysis: lessons that were not learned", "Experts say warnings issued years ago were never acted on, and that the same mistakes are being repeated."},
		{"Readers' pictures from the weekend", "Thank you to everyone who sent us photographs; here is a selection of the best we received."},
	}
	for i, t := range teasers {
		fmt.Fprintf(&b, "<div class=\"%s\"><h3><a href=\"/news/r%d\">%s</a></h3><p>%s</p></div>\n", cls(s, "teaser"), i, t[0], t[1])
	}
	b.WriteString("</section>\n")
	return b.String()
}

var commentTexts = []string{
	"This is exactly what people were warning about years ago and nobody listened. Typical.",
	"My parents live near there and they had to leave in the middle of the night. Thank you to the volunteers who helped them.",
	"Does anyone know whether the bus routes will be back to normal by Monday? The website says nothing useful.",
	"I have lived here for forty years and I have never seen anything like it. The council needs to explain why the money that was promised after the last time was never spent on the defences that everyone agreed were necessary. People are tired of hearing the same excuses every single time and I think we deserve a proper public inquiry into what went wrong.",
	"Interesting article, but it leaves out the role of the planning decisions made over the last two decades, which allowed hundreds of new homes to be built on land that everyone knew would flood sooner or later. Until that changes we will be reading the same story again and again.",
	"Good reporting as always. It would be helpful to have a map showing which areas are affected, because the list of place names does not mean much to those of us who are not from around here.",
	"I disagree with the previous commenter. The defences did exactly what they were built to do and saved thousands of homes; nobody can build a wall against every possible flood, and the cost of trying would be enormous.",
	"Sending love to everyone affected. Our community centre is collecting blankets, food and clothes, and we are open all weekend for anyone who needs somewhere warm to go.",
}

func comments(s spec, long bool) string {
	var b strings.Builder
	n := 3
	if long {
		n = len(commentTexts)
	}
	fmt.Fprintf(&b, "<section id=\"comments\" class=\"%s\"><h2>%d comments</h2>\n<ol class=\"%s\">\n", cls(s, "comments"), n, cls(s, "comment-list"))
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<li class=\"%s\"><div class=\"%s\"><b>reader%d</b> <time datetime=\"%sT1%d:00:00Z\">%d hours ago</time></div><p>%s</p><a href=\"#reply\">Reply</a> <a href=\"#report\">Report</a></li>\n",
			cls(s, "comment"), cls(s, "comment-meta"), 100+i*7, s.st.date, i%10, i+1, commentTexts[i])
	}
	fmt.Fprintf(&b, "</ol>\n<div class=\"%s\"><h3>Leave a reply</h3><form><textarea name=\"comment\"></textarea><button>Post comment</button></form></div></section>\n", cls(s, "respond"))
	return b.String()
}

func footer(s spec) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<footer class=\"%s\">\n", cls(s, "footer"))
	cols := [][]string{
		{"About us", "Contact us", "Complaints", "Corrections", "Work for us"},
		{"Privacy policy", "Cookie policy", "Terms and conditions", "Accessibility", "Sitemap"},
		{"Advertise with us", "Newsletters", "Podcasts", "Apps", "Archive"},
	}
	for _, col := range cols {
		b.WriteString("<ul>")
		for _, c := range col {
			fmt.Fprintf(&b, "<li><a href=\"/%s\">%s</a></li>", strings.ToLower(strings.ReplaceAll(c, " ", "-")), c)
		}
		b.WriteString("</ul>\n")
	}
	fmt.Fprintf(&b, "<p>© 2024 %s. All rights reserved. Registered in England and Wales.</p>\n</footer>\n", esc(s.site.name))
	return b.String()
}

func modal(s spec) string {
	return fmt.Sprintf(`<div class="%s" role="dialog"><h2>Verpassen Sie keine Nachricht mehr</h2><p>Melden Sie sich für unseren kostenlosen Newsletter an und erhalten Sie jeden Morgen die wichtigsten Nachrichten aus der Stadt direkt in Ihr Postfach.</p><button>Jetzt anmelden</button><button>Nein danke</button></div>
`, cls(s, "modal"))
}

// ---- the old table layout ----

func tablePage(s spec) string {
	var b strings.Builder
	t, _ := time.Parse("2006-01-02", s.st.date)
	b.WriteString("<body bgcolor=\"#ffffff\" leftmargin=\"0\" topmargin=\"0\">\n<table width=\"100%\" border=\"0\" cellpadding=\"0\" cellspacing=\"0\">\n")
	fmt.Fprintf(&b, "<tr><td colspan=\"2\" bgcolor=\"#003366\"><font color=\"#ffffff\" size=\"5\"><b>%s</b></font><br><font color=\"#ffffff\" size=\"1\">Serving the valley since 1887</font></td></tr>\n", esc(s.site.name))
	b.WriteString("<tr><td colspan=\"2\"><font size=\"1\"><a href=\"/\">Home</a> | <a href=\"/news\">News</a> | <a href=\"/sports\">Sports</a> | <a href=\"/obits\">Obituaries</a> | <a href=\"/classifieds\">Classifieds</a> | <a href=\"/weather\">Weather</a> | <a href=\"/contact\">Contact</a></font></td></tr>\n")
	b.WriteString("<tr><td width=\"160\" valign=\"top\" bgcolor=\"#eeeeee\"><font size=\"2\"><b>Sections</b><br><a href=\"/local\">Local News</a><br><a href=\"/state\">State</a><br><a href=\"/nation\">Nation &amp; World</a><br><a href=\"/business\">Business</a><br><a href=\"/opinion\">Opinion</a><br><a href=\"/letters\">Letters to the Editor</a><br><br><b>Community</b><br><a href=\"/calendar\">Calendar</a><br><a href=\"/churches\">Church Directory</a><br><a href=\"/schools\">School Menus</a></font></td>\n")
	b.WriteString("<td valign=\"top\"><table width=\"100%\" cellpadding=\"8\"><tr><td>\n")
	fmt.Fprintf(&b, "<font face=\"Georgia, Times New Roman\" size=\"5\"><b>%s</b></font><br>\n", esc(s.st.title))
	fmt.Fprintf(&b, "<font face=\"Arial\" size=\"2\"><i>%s</i></font><br><br>\n", esc(s.st.dek))
	fmt.Fprintf(&b, "<font face=\"Arial\" size=\"1\">By %s<br>%s</font><br><br>\n", esc(s.st.author), t.Format("Monday, January 2, 2006"))
	b.WriteString("<font face=\"Arial\" size=\"2\">\n")
	b.WriteString(body(s))
	b.WriteString("</font>\n")
	b.WriteString("<br><font size=\"1\"><a href=\"/print\">Printer-friendly version</a> | <a href=\"/email\">E-mail this story</a></font>\n")
	b.WriteString("</td></tr></table></td></tr>\n")
	if s.has("sidebar") {
		b.WriteString("<tr><td colspan=\"2\"><font size=\"2\"><b>Other headlines</b><br><a href=\"/n/1\">County fair opens Thursday with record entries</a><br><a href=\"/n/2\">School board delays vote on new calendar</a><br><a href=\"/n/3\">Road work to close Main Street bridge for two weeks</a></font></td></tr>\n")
	}
	fmt.Fprintf(&b, "<tr><td colspan=\"2\" align=\"center\"><font size=\"1\">Copyright © 2024 %s. All rights reserved.<br>Reproduction in whole or in part without permission is prohibited.</font></td></tr>\n</table>\n</body>\n", esc(s.site.name))
	return b.String()
}

// ---- AMP ----

func ampPage(s spec) string {
	var b strings.Builder
	b.WriteString("<body>\n")
	fmt.Fprintf(&b, `<amp-sidebar id="sidebar" layout="nodisplay" side="left"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/science">Science</a></li></ul></nav></amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle">Menu</button><a href="/">%s</a></header>
`, esc(s.site.name))
	b.WriteString("<main><article class=\"amp-article\">\n")
	b.WriteString(articleHeader(s))
	fmt.Fprintf(&b, "<amp-img src=\"https://%s/img/%s.jpg\" width=\"1200\" height=\"675\" layout=\"responsive\" alt=\"\"></amp-img>\n", s.site.host, s.st.slug)
	if s.has("share") {
		b.WriteString("<div class=\"amp-social\"><amp-social-share type=\"twitter\"></amp-social-share><amp-social-share type=\"facebook\"></amp-social-share><amp-social-share type=\"email\"></amp-social-share></div>\n")
	}
	b.WriteString("<div class=\"amp-article-body\">\n")
	for i, bl := range s.shown() {
		b.WriteString(renderBlock(s, bl))
		if i == 2 && s.has("ads") {
			b.WriteString("<div class=\"amp-ad-container\"><span>Advertisement</span><amp-ad width=\"300\" height=\"250\" type=\"doubleclick\" data-slot=\"/1234/amp\"></amp-ad></div>\n")
		}
	}
	b.WriteString("</div>\n</article>\n")
	if s.has("related") {
		b.WriteString(related(s))
	}
	b.WriteString("</main>\n")
	fmt.Fprintf(&b, "<footer class=\"amp-footer\"><a href=\"/\">Back to top</a> <a href=\"/full-site\">View full site</a><p>© 2024 %s</p></footer>\n</body>\n", esc(s.site.name))
	return b.String()
}
