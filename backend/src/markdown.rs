//! Article Markdown rendered to sanitised HTML, and to plain text for summaries and search.
//!
//! Articles are written by editors, but an editor's account can be stolen and a pasted snippet can
//! carry more than it shows, and the readers are exactly the people recruitment networks would like
//! to track. So the output is treated as hostile until proven otherwise, in two layers:
//!
//! 1. **pulldown-cmark** parses CommonMark with tables and strikethrough. Nothing else is turned on:
//!    footnotes, task lists and heading attributes would bring `id`, `class` and `<input>` into the
//!    output for no gain. `+++` front matter (the header of the files in `content/articles/`) is
//!    recognised and never rendered, so passing a whole file is harmless. At this level, where the
//!    structure is still known, a Markdown image whose source is not one of our own media files is
//!    replaced by its alt text, and table alignment is dropped (pulldown-cmark would write it as a
//!    `style` attribute, which we do not allow).
//! 2. **ammonia** then cleans the whole HTML document, raw HTML included. Raw HTML is not escaped
//!    (editors may need `<img width>`), but nothing survives that is not on a short allow-list:
//!    headings, paragraphs, lists, emphasis, `del`, blockquote, code, tables, `hr`, `br`,
//!    `a[href, title]`, `img[src, alt, width, height, title]`, `ol[start]`, and `lang`/`dir` anywhere
//!    (useful when an Arabic or Sorani article quotes a left-to-right phrase). No `style`, no event
//!    attribute, no `target`, no `class` or `id`. The contents of `script`, `style`, `svg`, `math`,
//!    `iframe`, `object`, `form` and similar elements are dropped with them, not kept as text.
//!    Sanitising the document after rendering, rather than the Markdown before it, is what makes
//!    this sound: the sanitiser sees exactly what the browser will see, after every entity and
//!    escape has been decoded.
//!
//! URLs: only `https`, `http` and `mailto` schemes, plus relative URLs, which are kept as they are
//! unless their first segment holds a colon (such as `java%09script:…`).
//! ammonia parses each URL the way a browser does (tabs and newlines removed, case folded), so
//! `JaVaScRiPt:`, `java&#x09;script:`, `vbscript:` and `data:` all lose their `href` or `src`.
//!
//! Images: a remote image would tell its host who reads which article, from where and when, which
//! is the one thing a reader fears. An image is kept only when the renderer's predicate accepts its
//! `src` (by default [`is_own_media_path`]: a path under `/media/` on our own site). The predicate
//! sees the source as written in Markdown and again as the escaped `src` of the HTML, so it must
//! accept both (a path prefix does). A rejected raw-HTML `<img>` keeps only its `alt`, which the
//! browser shows as text.
//!
//! Links: every link gets `rel="noopener noreferrer"`, internal ones included. Deciding "internal"
//! needs the site's address, which the renderer does not know, and one uniform rule cannot be
//! forgotten; on our own pages `noreferrer` costs nothing, since the server keeps no referrer.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock};

use ammonia::{Builder, UrlRelative};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The predicate that says whether an image source is one of our own files.
type OwnImage = Arc<dyn Fn(&str) -> bool + Send + Sync>;

/// Renders article Markdown to HTML that is safe to insert into a page as it is.
///
/// Build it once (the sanitiser's tables are built in [`ArticleRenderer::new`]) and share it: it is
/// `Send + Sync`.
pub struct ArticleRenderer {
    own_image: OwnImage,
    sanitiser: Builder<'static>,
}

impl ArticleRenderer {
    /// A renderer that keeps an image only when `own_image(src)` is true.
    pub fn new<F>(own_image: F) -> Self
    where
        F: Fn(&str) -> bool + Send + Sync + 'static,
    {
        let own_image: OwnImage = Arc::new(own_image);
        let sanitiser = sanitiser(Arc::clone(&own_image));
        Self {
            own_image,
            sanitiser,
        }
    }

    /// The article body as sanitised HTML.
    pub fn to_html(&self, markdown: &str) -> String {
        let events = keep_own_images(parse(markdown), self.own_image.as_ref());
        let mut html = String::with_capacity(markdown.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        self.sanitiser.clean(&html).to_string()
    }
}

impl Default for ArticleRenderer {
    /// Images only from [`is_own_media_path`].
    fn default() -> Self {
        Self::new(is_own_media_path)
    }
}

/// Renders with the default renderer (images only from `/media/`).
pub fn render(markdown: &str) -> String {
    static DEFAULT: LazyLock<ArticleRenderer> = LazyLock::new(ArticleRenderer::default);
    DEFAULT.to_html(markdown)
}

/// Whether `src` is a path to a file under `/media/` on our own site.
///
/// Refuses what a browser could resolve elsewhere (`//host`, `/\host`) and anything with `..`,
/// a backslash, whitespace or a control character, so that the answer does not depend on how a
/// browser normalises the path.
pub fn is_own_media_path(src: &str) -> bool {
    src.starts_with("/media/")
        && src.len() > "/media/".len()
        && !src.contains("..")
        && !src
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

/// The article's visible text, without any markup: one line per block (heading, paragraph, list
/// item, table row, ...), whitespace collapsed. Image alt text is kept; URLs, raw HTML tags and
/// the contents of `script`/`style` are not. Escape it like any other text where it is used.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut html_block = String::new();
    let mut in_html_block = false;
    let mut in_metadata = false;
    let mut in_inline_script = false;
    for event in parse(markdown) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            _ if in_metadata => {}
            Event::Start(Tag::HtmlBlock) => {
                in_html_block = true;
                html_block.clear();
            }
            Event::End(TagEnd::HtmlBlock) => {
                in_html_block = false;
                out.push_str(&text_of_html(&html_block));
                out.push('\n');
            }
            Event::Html(html) if in_html_block => html_block.push_str(&html),
            Event::Html(_) => {}
            Event::InlineHtml(tag) => {
                let tag = tag.to_ascii_lowercase();
                if tag.starts_with("<script") || tag.starts_with("<style") {
                    in_inline_script = true;
                } else if tag.starts_with("</script") || tag.starts_with("</style") {
                    in_inline_script = false;
                }
            }
            _ if in_inline_script => {}
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak | Event::Rule => out.push('\n'),
            Event::End(TagEnd::TableCell) => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableHead
                | TagEnd::TableRow,
            ) => out.push('\n'),
            _ => {}
        }
    }
    out.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn parse(markdown: &str) -> Parser<'_> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    Parser::new_ext(markdown, options)
}

/// Replaces each Markdown image that `own_image` refuses with its alt text, and drops table
/// alignment.
fn keep_own_images<'a>(
    events: impl Iterator<Item = Event<'a>>,
    own_image: &dyn Fn(&str) -> bool,
) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    // Depth of images nested inside a refused image (alt text may itself contain image syntax).
    let mut refused_depth = 0usize;
    for event in events {
        if refused_depth > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => refused_depth += 1,
                Event::End(TagEnd::Image) => refused_depth -= 1,
                Event::Text(text) | Event::Code(text) => out.push(Event::Text(text)),
                Event::SoftBreak | Event::HardBreak => out.push(Event::Text(" ".into())),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Image { ref dest_url, .. }) if !own_image(dest_url) => {
                refused_depth = 1;
            }
            Event::Start(Tag::Table(alignments)) => {
                let none = vec![pulldown_cmark::Alignment::None; alignments.len()];
                out.push(Event::Start(Tag::Table(none)));
            }
            other => out.push(other),
        }
    }
    out
}

fn sanitiser(own_image: OwnImage) -> Builder<'static> {
    let tags: HashSet<&'static str> = [
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "ul",
        "ol",
        "li",
        "em",
        "strong",
        "del",
        "blockquote",
        "code",
        "pre",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "hr",
        "br",
        "a",
        "img",
    ]
    .into_iter()
    .collect();
    // Dropped together with everything inside them, rather than unwrapped into text.
    let clean_content_tags: HashSet<&'static str> = [
        "script", "style", "svg", "math", "iframe", "object", "embed", "form", "textarea",
        "select", "button", "noscript", "template", "noembed", "noframes", "xmp", "title",
    ]
    .into_iter()
    .collect();
    let tag_attributes: HashMap<&'static str, HashSet<&'static str>> = [
        ("a", ["href", "title"].into_iter().collect()),
        (
            "img",
            ["src", "alt", "width", "height", "title"]
                .into_iter()
                .collect(),
        ),
        ("ol", ["start"].into_iter().collect()),
    ]
    .into_iter()
    .collect();

    let mut builder = Builder::empty();
    builder
        .tags(tags)
        .clean_content_tags(clean_content_tags)
        .tag_attributes(tag_attributes)
        .generic_attributes(["lang", "dir"].into_iter().collect())
        .url_schemes(["https", "http", "mailto"].into_iter().collect())
        .url_relative(UrlRelative::Custom(Box::new(keep_relative_url)))
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true)
        .attribute_filter(
            move |element, attribute, value| match (element, attribute) {
                ("img", "src") if !own_image(value) => None,
                _ => Some(Cow::Borrowed(value)),
            },
        );
    builder
}

/// Keeps a relative URL as written, unless its first segment holds a colon: such a "relative" URL
/// (`java%09script:alert(1)`, left by an escaped tab) is harmless to a browser but reads like a
/// scheme to any less careful tool that handles the HTML after us, and no article needs one.
fn keep_relative_url(url: &str) -> Option<Cow<'_, str>> {
    let first_segment = url.split(['/', '?', '#']).next().unwrap_or_default();
    (!first_segment.contains(':')).then_some(Cow::Borrowed(url))
}

/// The text of a raw HTML block: tags removed, `script`/`style` contents dropped, entities decoded.
fn text_of_html(html: &str) -> String {
    static TEXT_ONLY: LazyLock<Builder<'static>> = LazyLock::new(|| {
        let mut builder = Builder::empty();
        builder.clean_content_tags(
            [
                "script", "style", "svg", "math", "iframe", "object", "template", "textarea",
                "title", "noscript",
            ]
            .into_iter()
            .collect(),
        );
        builder
    });
    let escaped = TEXT_ONLY.clean(html).to_string();
    // With no element kept, the serialiser writes only text, which escapes exactly these four;
    // `&amp;` goes last so that an escaped `&lt;` stays `&lt;`.
    escaped
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Things no tag of a rendered article may ever contain, whatever went in. Text is escaped by
    /// the serialiser, so every `<` in the output opens a tag.
    fn assert_inert(html: &str) {
        for tag in html.split('<').skip(1) {
            let tag = tag
                .split('>')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            for needle in [
                "script",
                "style",
                "javascript:",
                "vbscript:",
                "data:",
                "iframe",
                "object",
                "embed",
                "form",
                "input",
                "svg",
                "math",
                " on",
                "target",
                "class",
                "id=",
            ] {
                assert!(
                    !tag.contains(needle),
                    "{needle:?} survived in <{tag}> of {html}"
                );
            }
        }
    }

    fn render_inert(markdown: &str) -> String {
        let html = render(markdown);
        assert_inert(&html);
        html
    }

    #[test]
    fn a_script_element_is_removed_with_its_content() {
        let html =
            render_inert("Hello\n\n<script>alert(1)</script>\n\nand <script>alert(2)</script> bye");
        assert!(!html.contains("alert"), "{html}");
        assert!(html.contains("Hello") && html.contains("bye"));
    }

    #[test]
    fn a_javascript_link_loses_its_href_but_keeps_its_text() {
        let html = render_inert("[x](javascript:alert(1))");
        assert!(!html.contains("href"), "{html}");
        assert!(html.contains(">x</a>"), "{html}");
    }

    #[test]
    fn a_mixed_case_javascript_link_loses_its_href() {
        let html = render_inert("[x](JaVaScRiPt:alert(1)) <a href=\"JAVASCRIPT:alert(1)\">y</a>");
        assert!(!html.contains("href"), "{html}");
    }

    #[test]
    fn a_javascript_link_split_by_an_encoded_tab_is_harmless() {
        // In Markdown the tab is decoded, then percent-encoded by the writer: the result is a
        // relative path ("java%09script:..."), which a browser never runs; we drop it all the same.
        let html = render_inert("[x](java&#x09;script:alert(1))");
        assert!(!html.contains("href"), "{html}");
        // In raw HTML the browser would drop the tab; ammonia does the same, then refuses the scheme.
        let html = render_inert("<a href=\"java&#x09;script:alert(1)\">x</a>");
        assert!(!html.contains("href"), "{html}");
        let html = render_inert("<a href=\"java\nscript:alert(1)\">x</a>");
        assert!(!html.contains("href"), "{html}");
    }

    #[test]
    fn vbscript_and_data_links_lose_their_href() {
        let html = render_inert("[a](vbscript:msgbox(1)) [b](data:text/html;base64,PHNjcmlwdD4=)");
        assert!(!html.contains("href"), "{html}");
    }

    #[test]
    fn an_image_with_an_error_handler_loses_the_handler_and_its_foreign_source() {
        let html = render_inert("<img src=x onerror=alert(1)>");
        assert!(!html.contains("src"), "{html}");
    }

    #[test]
    fn a_link_with_an_event_attribute_keeps_only_href_and_gains_rel() {
        let html = render_inert(r#"<a href="https://evil.example/" onclick="steal()">t</a>"#);
        assert_eq!(
            html,
            "<p><a href=\"https://evil.example/\" rel=\"noopener noreferrer\">t</a></p>\n"
        );
    }

    #[test]
    fn a_remote_markdown_image_is_replaced_by_its_alt_text() {
        let html = render_inert("See ![a *tracking* pixel](https://evil.example/track.png) here");
        assert_eq!(html, "<p>See a tracking pixel here</p>\n");
    }

    #[test]
    fn a_data_image_is_removed() {
        let html = render_inert("![p](data:image/png;base64,iVBORw0KGgo=)");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains('p'));
        let html = render_inert(r#"<img src="data:image/png;base64,iVBORw0KGgo=" alt="p">"#);
        assert!(!html.contains("src"), "{html}");
    }

    #[test]
    fn an_image_from_elsewhere_that_looks_like_a_path_is_removed() {
        for src in [
            "//evil.example/x.png",
            "/\\evil.example/x.png",
            "media/x.png",
            "/medias/x.png",
        ] {
            let html = render_inert(&format!("![p]({src})"));
            assert!(!html.contains("<img"), "{src}: {html}");
            let html = render_inert(&format!("<img src=\"{src}\" alt=\"p\">"));
            assert!(!html.contains("src="), "{src}: {html}");
        }
    }

    #[test]
    fn an_image_of_our_own_is_kept_with_its_size_and_alt() {
        let html = render_inert("![خريطة](/media/abc123.png)");
        assert!(
            html.contains(r#"<img src="/media/abc123.png" alt="خريطة">"#),
            "{html}"
        );
        let html = render_inert(
            r#"<img src="/media/abc123.png" alt="map" width="320" height="200" style="x" class="y">"#,
        );
        assert_eq!(
            html,
            r#"<img src="/media/abc123.png" alt="map" width="320" height="200">"#
        );
    }

    #[test]
    fn the_predicate_decides_which_images_are_ours() {
        let renderer = ArticleRenderer::new(|src| src.starts_with("/static/"));
        assert!(renderer.to_html("![a](/static/a.png)").contains("<img"));
        assert!(!renderer.to_html("![a](/media/a.png)").contains("<img"));
    }

    #[test]
    fn style_elements_and_attributes_are_removed() {
        let html =
            render_inert("<style>body{display:none}</style>\n\n<div style=\"color:red\">hi</div>");
        assert!(!html.contains("display"), "{html}");
        assert!(html.contains("hi"), "{html}");
    }

    #[test]
    fn an_iframe_is_removed() {
        let html = render_inert("<iframe src=\"https://evil.example/\">inside</iframe>\n\nafter");
        assert!(!html.contains("evil"), "{html}");
        assert!(html.contains("after"));
    }

    #[test]
    fn a_script_inside_svg_is_removed() {
        let html = render_inert("<svg><script>alert(1)</script><circle r=\"5\"/></svg>");
        assert!(
            !html.contains("alert") && !html.contains("circle"),
            "{html}"
        );
    }

    #[test]
    fn nested_html_keeps_only_allowed_elements() {
        let html = render_inert(r#"<p><a href="javascript:x"><b>t</b></a></p>"#);
        assert_eq!(html, r#"<p><a rel="noopener noreferrer">t</a></p>"#);
    }

    #[test]
    fn math_and_forms_are_removed() {
        let html = render_inert(
            "<math><mi>x</mi></math>\n\n<form action=\"https://evil.example/\"><input name=q><button>go</button></form>\n\nok",
        );
        assert!(!html.contains("evil") && !html.contains("go"), "{html}");
        assert!(html.contains("ok"));
    }

    #[test]
    fn a_javascript_autolink_loses_its_href() {
        let html = render_inert("<javascript:alert(1)>");
        assert!(!html.contains("href"), "{html}");
    }

    #[test]
    fn an_external_link_gets_rel_and_no_target() {
        let html = render_inert(
            "[site](https://example.org/page) <a href=\"https://example.org/\" target=\"_blank\" rel=\"opener\">x</a>",
        );
        assert!(
            html.contains(
                r#"<a href="https://example.org/page" rel="noopener noreferrer">site</a>"#
            ),
            "{html}"
        );
        assert!(!html.contains("opener\""), "{html}");
    }

    #[test]
    fn an_internal_link_is_kept_as_written() {
        let html = render_inert("[report](/report) and [more](../law/ \"The law\")");
        assert!(html.contains(r#"href="/report""#), "{html}");
        assert!(html.contains(r#"href="../law/""#), "{html}");
        assert!(html.contains(r#"title="The law""#), "{html}");
    }

    #[test]
    fn arabic_and_kurdish_text_pass_through_intact() {
        let arabic = "الانضمام إلى جيش أجنبي دون موافقة الحكومة يعرّضك للسجن.";
        let sorani = "بەشداریکردن لە سوپای وڵاتێکی دیکە مەترسیدارە.";
        let html = render_inert(&format!("## {arabic}\n\n{sorani}\n\n> «سند»"));
        assert!(html.contains(&format!("<h2>{arabic}</h2>")), "{html}");
        assert!(html.contains(&format!("<p>{sorani}</p>")), "{html}");
        assert!(
            html.contains("<blockquote>\n<p>«سند»</p>\n</blockquote>"),
            "{html}"
        );
    }

    #[test]
    fn a_left_to_right_phrase_can_be_marked_in_a_right_to_left_article() {
        let html = render_inert("قال <span dir=\"ltr\" lang=\"en\">Sanad</span>");
        assert!(html.contains("Sanad"), "{html}");
        let html = render_inert("<p dir=\"rtl\" lang=\"ar\">نص</p>");
        assert_eq!(html, r#"<p dir="rtl" lang="ar">نص</p>"#);
    }

    #[test]
    fn a_table_renders_without_alignment_styles() {
        let html = render_inert("| a | b |\n|:--|--:|\n| 1 | ٢ |\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<th>a</th>"), "{html}");
        assert!(html.contains("<td>٢</td>"), "{html}");
    }

    #[test]
    fn common_markdown_renders() {
        let html = render_inert(
            "# T\n\n*e* **s** ~~d~~ `c`\n\n1. one\n2. two\n\n- x\n\n---\n\n```\nfn main() {}\n```\n\nline  \nbreak",
        );
        for piece in [
            "<h1>T</h1>",
            "<em>e</em>",
            "<strong>s</strong>",
            "<del>d</del>",
            "<code>c</code>",
            "<ol>",
            "<ul>",
            "<hr>",
            "<pre><code>fn main() {}",
            "<br>",
        ] {
            assert!(html.contains(piece), "{piece} missing from {html}");
        }
    }

    #[test]
    fn front_matter_is_not_rendered() {
        let html = render_inert("+++\ntitle = \"x\"\n+++\n\nBody");
        assert_eq!(html, "<p>Body</p>\n");
    }

    #[test]
    fn comments_are_removed() {
        let html = render_inert("a <!-- secret --> b");
        assert!(!html.contains("secret"), "{html}");
    }

    #[test]
    fn own_media_paths_are_recognised_strictly() {
        assert!(is_own_media_path("/media/abc.png"));
        assert!(is_own_media_path("/media/2026/%D8%B3.png"));
        for src in [
            "/media/",
            "/media/../staff",
            "/media/a b.png",
            "/media/a\\b.png",
            "https://sanad.example/media/a.png",
            "//media/a.png",
            "media/a.png",
        ] {
            assert!(!is_own_media_path(src), "{src}");
        }
    }

    #[test]
    fn plain_text_has_no_markup_and_one_line_per_block() {
        let text = plain_text(
            "+++\ntitle = \"x\"\n+++\n\n## عنوان\n\nA *b* [link](https://evil.example) ![alt](/media/a.png)\nnext `code`\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        );
        assert_eq!(text, "عنوان\nA b link alt next code\none\ntwo\na b\n1 2");
    }

    #[test]
    fn plain_text_drops_raw_html_tags_and_scripts() {
        let text = plain_text(
            "<div><p>hello <b>world</b> &amp; &lt;friends&gt;</p></div>\n\n<script>\nalert(1)\n</script>\n\nx <script>alert(2)</script> y <em>z</em>",
        );
        assert_eq!(text, "hello world & <friends>\nx y z");
        assert!(!text.contains("alert"));
    }

    #[test]
    fn plain_text_of_hostile_markdown_keeps_no_tag() {
        let text =
            plain_text("<img src=x onerror=alert(1)>\n\n<svg><script>alert(1)</script></svg>");
        assert!(!text.contains('<') && !text.contains("alert"), "{text}");
    }

    /// The seed articles in `content/articles/` are the first real input: each language file must
    /// open with `+++` front matter holding a title and a summary, render to inert HTML with its
    /// headings, and link only to our own pages.
    #[test]
    fn every_seed_article_renders_cleanly() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/articles");
        let mut rendered = 0;
        for entry in std::fs::read_dir(&root).expect("content/articles exists") {
            let dir = entry.expect("readable entry").path();
            if !dir.is_dir() {
                continue;
            }
            for language in ["ar", "ckb", "kmr", "en"] {
                let path = dir.join(format!("{language}.md"));
                let source = std::fs::read_to_string(&path).expect("every language is written");
                let header = source
                    .strip_prefix("+++\n")
                    .and_then(|rest| rest.split_once("\n+++\n"))
                    .map(|(header, _)| header)
                    .unwrap_or_else(|| panic!("{} has no front matter", path.display()));
                assert!(header.contains("title = \"") && header.contains("summary = \""));
                let html = render_inert(&source);
                assert!(
                    !html.contains("+++") && !html.contains("title ="),
                    "{}",
                    path.display()
                );
                assert!(
                    html.contains("<h2>"),
                    "{} has no subheading",
                    path.display()
                );
                for link in html.split("href=\"").skip(1) {
                    assert!(
                        link.starts_with('/'),
                        "{} links outside: {link}",
                        path.display()
                    );
                }
                let text = plain_text(&source);
                assert!(
                    !text.contains('<') && !text.contains("+++"),
                    "{}",
                    path.display()
                );
                rendered += 1;
            }
        }
        assert!(rendered >= 24, "only {rendered} article files");
    }
}
