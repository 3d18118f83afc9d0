//! The package's print view (`report.html`): the report, its conversation, pictures and audit
//! entries as one self-contained page in the staff member's language, to read or print without
//! any program but a browser. Labels come from the locale files, like the staff app's.

use sanad_shared::{i18n::Args, Language};
use serde_json::Value;

use super::{ChainLink, Report};
use crate::{audit::Record, locales::Locales};

/// (field, label key, prefix of the keys that name its values)
type Field = (&'static str, &'static str, Option<&'static str>);

const TIP_FIELDS: &[Field] = &[
    ("received_on", "tip-received", None),
    ("subject", "tip-subject", Some("tip-subject")),
    ("status", "tip-status", Some("tip-status")),
    ("language", "tip-language", None),
    ("governorate", "tip-governorate", Some("governorate")),
    ("place", "tip-place", None),
    ("approximate_date", "tip-month", None),
    ("description", "tip-description", None),
    ("names", "tip-names", None),
    ("phones", "tip-phones", None),
    ("accounts", "tip-accounts", None),
    ("agency", "tip-agency", None),
    ("public_message", "tip-public-message", None),
];

const CASE_FIELDS: &[Field] = &[
    ("case_number", "case-number", None),
    ("reported_on", "case-reported-on", None),
    ("status", "case-status-title", Some("case-status")),
    ("close_reason", "case-close-reason", Some("case-close")),
    ("consent", "case-consent", Some("case-consent")),
    ("governorate", "tip-governorate", Some("governorate")),
];

/// The fields of a case's `record`.
const CASE_RECORD_FIELDS: &[Field] = &[
    ("names", "case-names", None),
    ("sex", "case-sex", Some("sex")),
    ("date_of_birth", "case-birth", None),
    ("residence", "case-residence", None),
    ("phones", "case-phones", None),
    ("accounts", "tip-accounts", None),
    ("left_on", "case-left-on", None),
    ("destination", "case-destination", None),
    ("recruiter", "case-recruiter", None),
    ("recruiter_phones", "case-recruiter-phones", None),
    ("last_contact_on", "case-last-contact", None),
    ("last_contact_text", "case-last-contact", None),
    ("last_known_location", "case-last-location", None),
    ("marks", "case-marks", None),
    ("reporter_name", "case-reporter-name", None),
    ("reporter_relationship", "case-reporter-relationship", None),
    ("reporter_phone", "case-reporter-phone", None),
];

const STYLE: &str =
    "body{font-family:'Noto Naskh Arabic','Noto Sans Arabic','Noto Sans',sans-serif;\
max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#111}\
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #999}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;\
text-align:start;vertical-align:top}th{background:#eee;width:30%}\
.hash{font-family:monospace;font-size:.75rem}.hash,bdi{overflow-wrap:anywhere}.audit th{width:auto}\
.message{border:1px solid #bbb;padding:.5rem;margin:.5rem 0;white-space:pre-wrap}\
img{max-width:100%;height:auto}@media print{h2{break-after:avoid}}";

/// `value` escaped for HTML text and quoted attribute values.
fn text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut escaped, value);
    escaped
}

struct Page<'a> {
    html: String,
    language: Language,
    locales: &'a Locales,
}

impl Page<'_> {
    fn label(&self, key: &str) -> String {
        text(
            &self
                .locales
                .message_for(self.language, key)
                .unwrap_or_else(|| key.to_owned()),
        )
    }

    /// The message with its arguments, each isolated (`<bdi>`) so a date, hash or address keeps
    /// its own direction inside right-to-left text.
    fn label_with(&self, key: &str, args: &[(&str, String)]) -> String {
        let marker = |i: usize| format!("\u{E000}{i}\u{E001}");
        let mut fluent = Args::new();
        for (i, (name, _)) in args.iter().enumerate() {
            fluent.set(*name, marker(i));
        }
        let mut html = text(&self.locales.message_with_args(self.language, key, &fluent));
        for (i, (_, value)) in args.iter().enumerate() {
            // Technical values (dates, hashes, paths) read left to right even where they start
            // with a slash or digits, which `dir=auto` would leave to the surrounding text.
            let right_to_left = value
                .chars()
                .any(|c| ('\u{0590}'..='\u{08FF}').contains(&c));
            let open = if right_to_left {
                "<bdi>"
            } else {
                "<bdi dir=\"ltr\">"
            };
            html = html.replace(&marker(i), &format!("{open}{}</bdi>", text(value)));
        }
        html
    }

    /// The message with its arguments as plain text.
    fn plain_with(&self, key: &str, args: &[(&str, String)]) -> String {
        let mut fluent = Args::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.locales.message_with_args(self.language, key, &fluent)
    }

    /// A value as text: a code through its key when there is one, lists one item a line.
    fn value(&self, value: &Value, prefix: Option<&str>) -> String {
        match value {
            Value::Null => String::new(),
            Value::String(s) => match prefix {
                Some(prefix) => self
                    .locales
                    .message_for(self.language, &format!("{prefix}-{}", s.replace('_', "-")))
                    .unwrap_or_else(|| s.clone()),
                None => s.clone(),
            },
            Value::Array(items) => items
                .iter()
                .map(|item| self.value(item, prefix))
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
            // An account: "Telegram: @handle".
            Value::Object(fields) if fields.contains_key("platform") => format!(
                "{}: {}",
                self.value(&fields["platform"], Some("platform")),
                self.value(fields.get("handle").unwrap_or(&Value::Null), None)
            ),
            // A name chain, in its order: given, father, grandfather, family.
            Value::Object(fields) => ["given", "father", "grandfather", "family"]
                .iter()
                .filter_map(|part| fields.get(*part))
                .map(|part| self.value(part, None))
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            other => other.to_string(),
        }
    }

    /// One line of a table; each line of the value takes its own direction (an Arabic name, a
    /// phone number, an English note).
    fn row(&mut self, label: &str, shown: &str) {
        if shown.is_empty() {
            return;
        }
        let lines: String = shown
            .lines()
            .map(|line| format!("<div dir=\"auto\">{}</div>", text(line)))
            .collect();
        let row = format!(
            "<tr><th scope=\"row\">{}</th><td>{lines}</td></tr>",
            self.label(label)
        );
        self.html.push_str(&row);
    }

    fn table(&mut self, object: &Value, fields: &[Field]) {
        self.html.push_str("<table>");
        for (field, label, prefix) in fields {
            let Some(value) = object.get(field) else {
                continue;
            };
            self.row(label, &self.value(value, *prefix));
            // The mother's name and the Latin spelling are their own lines, as on the case page.
            if *field == "names" {
                for (part, label) in [("mother", "case-mother"), ("latin", "case-latin")] {
                    if let Some(name) = value.get(part) {
                        self.row(label, &self.value(name, None));
                    }
                }
            }
        }
        self.html.push_str("</table>");
    }
}

/// The print view of `report`.
pub fn render(
    report: &Report,
    entries: &[Record],
    head: &ChainLink,
    language: Language,
    locales: &Locales,
) -> String {
    let mut page = Page {
        html: String::new(),
        language,
        locales,
    };
    let is_tip = report.item.kind == "tip";
    let reference = if is_tip {
        page.plain_with("tip-title", &[("id", report.item.id.to_string())])
    } else {
        page.plain_with("case-title", &[("number", report.item.reference.clone())])
    };
    let title = page.label_with("evidence-title", &[("reference", reference)]);
    page.html.push_str(&format!(
        "<!doctype html><html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\">\
         <title>{title}</title><style>{STYLE}</style></head><body><h1>{title}</h1><p>{}</p>",
        language.code(),
        language.direction().as_str(),
        page.label_with("evidence-made", &[("at", report.made_at.clone())]),
    ));

    let content = &report.content;
    if is_tip {
        page.table(content, TIP_FIELDS);
    } else {
        page.table(content, CASE_FIELDS);
        if let Some(record) = content.get("record").filter(|r| !r.is_null()) {
            page.html
                .push_str(&format!("<h2>{}</h2>", page.label("case-person")));
            page.table(record, CASE_RECORD_FIELDS);
        }
    }
    if let Some(day) = content.get("wiped_on").and_then(Value::as_str) {
        let (key, arg) = if is_tip {
            ("tip-wiped", "date")
        } else {
            ("case-wiped", "day")
        };
        let note = page.label_with(key, &[(arg, day.to_owned())]);
        page.html.push_str(&format!("<p>{note}</p>"));
    }

    let messages = content
        .get("messages")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if !messages.is_empty() {
        let heading = page.label(if is_tip {
            "tip-conversation"
        } else {
            "case-conversation"
        });
        page.html.push_str(&format!("<h2>{heading}</h2>"));
        for message in &messages {
            let author = match (is_tip, message.get("author").and_then(Value::as_str)) {
                (true, Some("tipster")) => "tip-author-tipster",
                (true, _) => "tip-author-moderator",
                (false, Some("tipster")) => "case-author-family",
                (false, _) => "case-author-caseworker",
            };
            let line = format!(
                "<div class=\"message\"><strong>{}</strong> · {}\n{}</div>",
                page.label(author),
                text(message.get("sent_on").and_then(Value::as_str).unwrap_or("")),
                text(message.get("body").and_then(Value::as_str).unwrap_or("")),
            );
            page.html.push_str(&line);
        }
    }

    if !report.attachments.is_empty() {
        let heading = page.label(if is_tip { "tip-pictures" } else { "case-photo" });
        page.html.push_str(&format!("<h2>{heading}</h2>"));
        for (n, attachment) in report.attachments.iter().enumerate() {
            let alt = text(&page.plain_with("evidence-picture", &[("n", (n + 1).to_string())]));
            let line = format!(
                "<figure><img src=\"{file}\" alt=\"{alt}\"><figcaption>{alt}: <bdi>{file}</bdi><br>\
                 <span class=\"hash\" dir=\"ltr\">SHA-256 {sha}</span></figcaption></figure>",
                file = text(&attachment.file),
                sha = text(&attachment.sha256),
            );
            page.html.push_str(&line);
        }
    }

    page.html
        .push_str(&format!("<h2>{}</h2>", page.label("evidence-audit")));
    if entries.is_empty() {
        page.html
            .push_str(&format!("<p>{}</p>", page.label("evidence-audit-none")));
    } else {
        // Each entry is two rows: what happened, then its details and hash in full width.
        page.html.push_str(&format!(
            "<table class=\"audit\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            page.label("evidence-audit-seq"),
            page.label("evidence-audit-time"),
            page.label("evidence-audit-actor"),
            page.label("evidence-audit-action"),
        ));
        let hash_label = page.label("evidence-audit-hash");
        for entry in entries {
            let row = format!(
                "<tr><td>{}</td><td dir=\"ltr\">{}</td><td class=\"hash\" dir=\"ltr\">{}</td><td dir=\"ltr\">{}</td></tr>\
                 <tr><td colspan=\"4\" class=\"hash\" dir=\"ltr\">{}<br>{hash_label}: <bdi>{}</bdi></td></tr>",
                entry.seq,
                super::utc(entry.at_ms),
                text(&entry.actor),
                text(&entry.action),
                text(&entry.details),
                text(&entry.hash),
            );
            page.html.push_str(&row);
        }
        page.html.push_str("</tbody></table>");
    }
    let head_line = page.label_with(
        "evidence-head",
        &[("seq", head.seq.to_string()), ("hash", head.hash.clone())],
    );
    let verify = page.label_with(
        "evidence-verify-hint",
        &[
            ("command", "sanad evidence verify".to_owned()),
            ("address", "/api/v1/evidence-key".to_owned()),
        ],
    );
    page.html
        .push_str(&format!("<p>{head_line}</p><p>{verify}</p></body></html>"));
    page.html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_exists_in_every_language() {
        let locales = Locales::load().unwrap();
        let keys = TIP_FIELDS
            .iter()
            .chain(CASE_FIELDS)
            .chain(CASE_RECORD_FIELDS)
            .map(|(_, label, _)| *label)
            .chain([
                "case-person",
                "tip-conversation",
                "case-conversation",
                "tip-author-tipster",
                "tip-author-moderator",
                "case-author-family",
                "case-author-caseworker",
                "tip-pictures",
                "case-photo",
                "evidence-audit",
                "evidence-audit-none",
                "evidence-audit-seq",
                "evidence-audit-time",
                "evidence-audit-actor",
                "evidence-audit-action",
                "evidence-audit-hash",
            ]);
        for key in keys {
            for language in Language::ALL {
                assert!(
                    locales.message_for(language, key).is_some(),
                    "{key} in {language:?}"
                );
            }
        }
    }
}
