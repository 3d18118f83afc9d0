//! CSV exports for the committee's own tools (Excel first): UTF-8 with a byte-order mark so Excel
//! reads Arabic and Kurdish as written, one row per report, the columns the reader's roles allow,
//! and every cell that a spreadsheet would run as a formula made inert.

use sanad_shared::{
    cases::CaseStatus,
    statistics::{Count, KindFigures, Statistics},
    tips::TipStatus,
};

use crate::error::ApiError;

/// The most rows one export holds; a larger list is refused, to be narrowed by its filters.
pub const MAX_ROWS: usize = 5_000;

/// What makes Excel read a file as UTF-8.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// A cell as written: text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, a tab or
/// a carriage return first; an anonymous tip can hold anything) gets a leading apostrophe, the
/// OWASP rule, so it is shown and never run. Numbers that start with `+` (phone numbers) are
/// kept as text the same way.
pub fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// Writes `header` and `rows` as CSV after the byte-order mark.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::WriterBuilder::new().from_writer(BOM.to_vec());
    let failed = |_| ApiError::internal("CSV");
    writer.write_record(header).map_err(failed)?;
    for row in rows {
        writer
            .write_record(row.iter().map(|c| cell(c)))
            .map_err(failed)?;
    }
    writer.into_inner().map_err(|_| ApiError::internal("CSV"))
}

/// The statistics as rows (kind, figure, key, count), counts under 5 as "<5" for every reader:
/// a file leaves the service and cannot know who will read it.
pub fn statistics(figures: &Statistics) -> Result<Vec<u8>, ApiError> {
    let mut rows = Vec::new();
    for (kind, figures) in [("tips", &figures.tips), ("cases", &figures.cases)] {
        let Some(k) = figures else {
            continue;
        };
        let k: &KindFigures = k;
        let mut push = |figure: &str, key: &str, count: Count| {
            // Exact for an admin on screen, but a small count leaves the service as "<5".
            let written = count
                .value()
                .filter(|n| *n >= sanad_shared::statistics::SMALL_COUNT)
                .map(|n| n.to_string())
                .unwrap_or_else(|| "<5".to_owned());
            rows.push(vec![
                kind.to_owned(),
                figure.to_owned(),
                key.to_owned(),
                written,
            ]);
        };
        push("received", "", k.received);
        push("open", "", k.open);
        push("overdue", "", k.overdue);
        for week in &k.weeks {
            push("received_in_week", &week.week, week.received);
        }
        for bucket in &k.by_governorate {
            push("by_governorate", &bucket.key, bucket.count);
        }
        for bucket in &k.by_subject {
            push("by_subject", &bucket.key, bucket.count);
        }
        for bucket in &k.by_status {
            push("by_status", &bucket.key, bucket.count);
        }
        for bucket in &k.outcomes {
            push("outcome", &bucket.key, bucket.count);
        }
    }
    csv(&["kind", "figure", "key", "count"], &rows)
}

/// A tip's status or a case's, as its code.
pub fn status_code(text: &str) -> String {
    TipStatus::parse(text)
        .map(|s| s.as_str().to_owned())
        .or_else(|| CaseStatus::parse(text).map(|s| s.as_str().to_owned()))
        .unwrap_or_else(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_made_inert_and_text_is_kept() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(cell("+9647701234567"), "'+9647701234567");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("شركة النور"), "شركة النور");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn a_file_starts_with_the_byte_order_mark_and_quotes_what_needs_it() {
        let bytes = csv(
            &["id", "text"],
            &[vec!["1".into(), "قال: \"تعال\", ثم ذهب\nسطر".into()]],
        )
        .unwrap();
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text.trim_start_matches('\u{feff}'),
            "id,text\n1,\"قال: \"\"تعال\"\", ثم ذهب\nسطر\"\n"
        );
    }
}
