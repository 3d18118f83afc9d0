//! Cases in and out of PFIF 1.4 documents (see [`crate::pfif`] for the format itself).
//!
//! Export includes only cases whose family allowed sharing with the recipient, never wiped
//! ones; import creates or updates cases by their `person_record_id` and adds each note once,
//! so importing the same document twice changes nothing. A partner's note statuses are kept
//! on the notes but never change a case's status on their own: a caseworker decides.

use std::time::Duration;

use diesel::prelude::*;
use sanad_shared::cases::{CaseRecord, CaseStatus, Consent, PersonNames, PfifImported, Sex};
use time::OffsetDateTime;

use crate::{
    audit::{self, now_ms, Actor, Entry},
    cases::{self, CaseRow, SealedCase},
    crypto::Sealer,
    db::DbConnection,
    error::ApiError,
    pfif::{self, PfifNote, PfifPerson, PfifSex},
    schema::{case_notes, cases as cases_table},
};

/// How long after closing a case's personal data is kept (and what PFIF `expiry_date` says).
pub const RETENTION: Duration = Duration::from_secs(2 * 365 * 24 * 3600);

/// The record-id domain of this installation: the host of its public address.
pub fn domain_of(public_url: &str) -> String {
    let host = public_url
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let host = host.split(['/', ':']).next().unwrap_or(host);
    if host.is_empty() {
        "sanad.invalid".to_owned()
    } else {
        host.to_owned()
    }
}

fn time_of_ms(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(ms / 1000).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

fn ms_of_time(time: OffsetDateTime) -> i64 {
    time.unix_timestamp().saturating_mul(1000)
}

fn person_of(domain: &str, row: &CaseRow, record: &CaseRecord) -> PfifPerson {
    let id = row
        .pfif_record_id
        .clone()
        .unwrap_or_else(|| pfif::record_id(domain, &row.case_number));
    let mut person = PfifPerson::new(id, time_of_ms(row.updated_at_ms), record.names.full());
    person.given_name = Some(record.names.given.clone()).filter(|n| !n.is_empty());
    person.family_name = record.names.family.clone();
    person.alternate_names = record.names.latin.iter().cloned().collect();
    person.sex = record.sex.map(|sex| match sex {
        Sex::Female => PfifSex::Female,
        Sex::Male => PfifSex::Male,
    });
    person.date_of_birth = record.date_of_birth.clone();
    person.age = record.age.map(|a| a.to_string());
    person.home_city = record.residence.clone();
    person.home_state = row.governorate().map(|g| g.as_str().to_owned());
    person.home_country = Some("IQ".to_owned());
    person.source_name = Some(domain.to_owned());
    person.entry_date = Some(time_of_ms(row.updated_at_ms));
    let kept_from = row.closed_at_ms.unwrap_or_else(now_ms);
    person.expiry_date = Some(time_of_ms(kept_from) + RETENTION);
    let mut description = Vec::new();
    for (label, value) in [
        ("Mother", record.names.mother.as_deref()),
        ("Left on", record.left_on.as_deref()),
        ("Destination", record.destination.as_deref()),
        ("Last contact", record.last_contact_on.as_deref()),
        ("Last known location", record.last_known_location.as_deref()),
        ("Distinguishing marks", record.marks.as_deref()),
    ] {
        if let Some(value) = value {
            description.push(format!("{label}: {value}"));
        }
    }
    person.description = (!description.is_empty()).then(|| description.join("\n"));
    person
}

/// Exports for `recipient` and records who did it and which cases left, in one transaction: the
/// API and `sanad pfif export` both come through here, so neither can forget the audit entry.
pub fn export_recorded(
    conn: &mut DbConnection,
    seal: &audit::Seal,
    sealer: &Sealer,
    domain: &str,
    recipient: Consent,
    actor: Actor,
) -> Result<(String, Vec<i64>), ApiError> {
    audit::audited(conn, |conn| {
        let (xml, ids) = export(conn, sealer, domain, recipient)?;
        audit::append(
            conn,
            seal,
            &Entry {
                actor,
                action: "pfif_exported",
                object: "cases".into(),
                details: serde_json::json!({ "recipient": recipient.as_str(), "ids": ids }),
            },
        )?;
        Ok((xml, ids))
    })
}

/// Imports a partner's document and records who did it and what changed, in one transaction
/// (the API and `sanad pfif import` alike).
pub fn import_recorded(
    conn: &mut DbConnection,
    seal: &audit::Seal,
    sealer: &Sealer,
    domain: &str,
    xml: &str,
    actor: Actor,
) -> Result<PfifImported, ApiError> {
    let (imported, changed) = audit::audited(conn, |conn| {
        let (imported, changed) = import(conn, sealer, domain, xml)?;
        audit::append(
            conn,
            seal,
            &Entry {
                actor,
                action: "pfif_imported",
                object: "cases".into(),
                details: serde_json::json!({ "created": imported.created, "updated": imported.updated, "notes": imported.notes_added }),
            },
        )?;
        Ok::<_, ApiError>((imported, changed))
    })?;
    // As after a report: each new or changed case is compared with the others once it is
    // stored. A search that fails leaves the import in place; "refresh" runs it again.
    for id in changed {
        if let Err(e) = cases::refresh_matches(conn, sealer, id) {
            tracing::error!(error = %e, case = id, "duplicate search failed for an imported case");
        }
    }
    Ok(imported)
}

/// A PFIF document of every case the recipient may receive; returns it with the case ids.
pub fn export(
    conn: &mut DbConnection,
    sealer: &Sealer,
    domain: &str,
    recipient: Consent,
) -> Result<(String, Vec<i64>), ApiError> {
    let rows: Vec<CaseRow> = cases_table::table
        .filter(cases_table::wiped_on.is_null())
        .order(cases_table::id.asc())
        .select(CaseRow::as_select())
        .load(conn)?;
    let mut persons = Vec::new();
    let mut ids = Vec::new();
    for row in rows {
        if !row.consent().allows(recipient) {
            continue;
        }
        let Some(record) = row.content(sealer)? else {
            continue;
        };
        let mut person = person_of(domain, &row, &record);
        let ids_of_notes: Vec<(i64, Option<String>)> = case_notes::table
            .filter(case_notes::case_id.eq(row.id))
            .order(case_notes::id.asc())
            .select((case_notes::id, case_notes::pfif_record_id))
            .load(conn)?;
        for (note, (note_id, pfif_id)) in cases::notes(conn, sealer, &row)?
            .into_iter()
            .zip(ids_of_notes)
        {
            let id = pfif_id.unwrap_or_else(|| {
                pfif::record_id(domain, &format!("{}.note-{note_id}", row.case_number))
            });
            let mut pfif_note = PfifNote::new(
                id,
                person.person_record_id.clone(),
                note.author_name.clone(),
                time_of_ms(note.created_at_ms),
                note.text.clone(),
            );
            pfif_note.entry_date = Some(time_of_ms(note.created_at_ms));
            pfif_note.status = note
                .status
                .and_then(|s| pfif::note_status_for(s.as_str()))
                .and_then(pfif::PfifNoteStatus::parse);
            person.notes.push(pfif_note);
        }
        persons.push(person);
        ids.push(row.id);
    }
    let xml = pfif::to_xml_checked(&persons)
        .map_err(|e| ApiError::internal(&format!("our own PFIF does not conform: {e}")))?;
    Ok((xml, ids))
}

/// The name chain from a PFIF full name: given, father, grandfather, then the rest as family.
fn names_of(person: &PfifPerson) -> PersonNames {
    let words: Vec<&str> = person.full_name.split_whitespace().collect();
    let given = person
        .given_name
        .clone()
        .or_else(|| words.first().map(|w| (*w).to_owned()))
        .unwrap_or_default();
    PersonNames {
        given,
        father: words.get(1).map(|w| (*w).to_owned()).unwrap_or_default(),
        grandfather: words.get(2).map(|w| (*w).to_owned()),
        family: person
            .family_name
            .clone()
            .or_else(|| (words.len() > 3).then(|| words[3..].join(" "))),
        mother: description_field(person, "Mother"),
        latin: person.alternate_names.first().cloned(),
    }
}

fn description_field(person: &PfifPerson, label: &str) -> Option<String> {
    person.description.as_deref().and_then(|d| {
        d.lines()
            .find_map(|line| line.strip_prefix(&format!("{label}: ")))
            .map(str::to_owned)
    })
}

fn record_of(person: &PfifPerson) -> CaseRecord {
    CaseRecord {
        names: names_of(person),
        sex: person.sex.and_then(|s| match s {
            PfifSex::Female => Some(Sex::Female),
            PfifSex::Male => Some(Sex::Male),
            PfifSex::Other => None,
        }),
        date_of_birth: person
            .date_of_birth
            .as_deref()
            .and_then(sanad_shared::cases::parse_partial_date),
        age: person
            .age
            .as_deref()
            .and_then(|a| a.split('-').next())
            .and_then(|a| a.trim().parse().ok()),
        residence: person.home_city.clone(),
        left_on: description_field(person, "Left on"),
        destination: description_field(person, "Destination"),
        last_contact_on: description_field(person, "Last contact"),
        last_known_location: description_field(person, "Last known location"),
        marks: description_field(person, "Distinguishing marks"),
        reporter_name: person.author_name.clone().unwrap_or_default(),
        reporter_relationship: person.source_name.clone().unwrap_or_default(),
        ..CaseRecord::default()
    }
}

/// The case a person record is about: one imported under that id, or one of ours
/// (`<our domain>/<case number>`) coming back from a partner.
fn find_person(
    conn: &mut DbConnection,
    domain: &str,
    person_record_id: &str,
) -> Result<Option<CaseRow>, ApiError> {
    let imported = cases_table::table
        .filter(cases_table::pfif_record_id.eq(person_record_id))
        .select(CaseRow::as_select())
        .first(conn)
        .optional()?;
    if imported.is_some() {
        return Ok(imported);
    }
    let ours = pfif::record_id(domain, "");
    match person_record_id.strip_prefix(&ours) {
        Some(case_number) if !case_number.is_empty() => Ok(cases_table::table
            .filter(cases_table::case_number.eq(case_number))
            .filter(cases_table::pfif_record_id.is_null())
            .select(CaseRow::as_select())
            .first(conn)
            .optional()?),
        _ => Ok(None),
    }
}

/// Imports a partner's document: creates or updates cases and adds notes not seen before.
/// Returns the counts and the ids of the cases created or changed.
pub fn import(
    conn: &mut DbConnection,
    sealer: &Sealer,
    domain: &str,
    xml: &str,
) -> Result<(PfifImported, Vec<i64>), ApiError> {
    let document =
        pfif::from_xml(xml).map_err(|e| ApiError::InvalidRequest(format!("{}: {e}", e.code())))?;
    let mut result = PfifImported {
        created: 0,
        updated: 0,
        notes_added: 0,
        skipped: 0,
    };
    let mut changed = Vec::new();
    let mut notes: Vec<PfifNote> = document.notes;
    for mut person in document.persons {
        if person.full_name.trim().is_empty() {
            result.skipped += 1;
            continue;
        }
        notes.append(&mut person.notes);
        let record = record_of(&person);
        let governorate = person
            .home_state
            .as_deref()
            .and_then(sanad_shared::tips::Governorate::parse);
        let existing = find_person(conn, domain, &person.person_record_id)?;
        match existing {
            Some(row) => {
                if row.content(sealer)?.as_ref() != Some(&record) {
                    cases::replace_content(conn, sealer, &row, &record, governorate)?;
                    result.updated += 1;
                    changed.push(row.id);
                }
            }
            None => {
                let ref_key = crate::anonymous::random_ref();
                let json =
                    serde_json::to_string(&record).map_err(|_| ApiError::internal("case JSON"))?;
                let sealed = SealedCase {
                    content: sealer.seal_text(&json, &format!("case:{ref_key}:content"))?,
                    keys: cases::keys(sealer, &record, governorate)?,
                    ref_key,
                    governorate,
                    // What a partner shares, we keep to the committee.
                    consent: Consent::Committee,
                    photo: None,
                    pfif_record_id: Some(person.person_record_id.clone()),
                    status: CaseStatus::Reported,
                    departure_on: None,
                    minor: cases::is_minor(&record, crate::triage::today()),
                    words: cases::words_of(sealer, &record)?,
                    entities: crate::entities::seal(sealer, &crate::entities::in_case(&record))?,
                };
                let mut stored = None;
                for _ in 0..3 {
                    stored = cases::insert_case(conn, &sealed, None, &cases::new_case_number())?;
                    if stored.is_some() {
                        break;
                    }
                }
                let Some(id) = stored else {
                    return Err(ApiError::internal("no free case number"));
                };
                result.created += 1;
                changed.push(id);
            }
        }
    }
    for note in notes {
        let seen: i64 = case_notes::table
            .filter(case_notes::pfif_record_id.eq(&note.note_record_id))
            .count()
            .get_result(conn)?;
        if seen > 0 {
            continue;
        }
        let Some(row) = find_person(conn, domain, &note.person_record_id)? else {
            result.skipped += 1;
            continue;
        };
        let status = note.status.and_then(|s| pfif::case_status_for(s.as_str()));
        cases::add_note(
            conn,
            sealer,
            &row,
            &note.author_name,
            None,
            status,
            &note.text,
            ms_of_time(note.entry_date.unwrap_or(note.source_date)),
            Some(&note.note_record_id),
        )?;
        result.notes_added += 1;
    }
    Ok((result, changed))
}
