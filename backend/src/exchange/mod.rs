//! Cases in and out of PFIF 1.4 documents (see [`crate::pfif`] for the format itself).
//!
//! Export includes only cases whose family allowed sharing with the recipient, never wiped
//! ones. A case authored here goes out as a record of our domain (`SANAD_PFIF_DOMAIN`), each
//! caseworker note and status change as a note with the status of [`pfif::note_status_for`]. A
//! case that came from a partner goes out as the partner's record, exactly as last received
//! ([`kept`]), with the partner's notes as they came and ours beside them: PFIF leaves a person
//! record to its author, and everyone else adds notes.
//!
//! Import creates a case for each new partner record and takes a partner's later version
//! (later `source_date`) field by field; it never changes a record authored here, adds each note
//! once, and honours expiry: a record past its `expiry_date`, or an expired-record placeholder,
//! empties the case as our own retention does. Importing a document that holds nothing new, our
//! own export included, changes nothing and leaves no audit entry. A partner's note statuses are
//! kept on the notes but never change a case's status on their own: a caseworker decides.

pub mod kept;
pub mod mapping;

use std::time::Duration;

use diesel::prelude::*;
use sanad_shared::{
    cases::{CaseRecord, CaseStatus, Consent, PfifImported},
    Language,
};
use time::OffsetDateTime;

use crate::{
    audit::{self, now_ms, Actor, Entry},
    cases::{self, CaseRow, SealedCase},
    crypto::Sealer,
    db::DbConnection,
    error::ApiError,
    locales::Locales,
    pfif::{self, PfifNote, PfifPerson, PfifSex},
    schema::{case_notes, cases as cases_table},
};

/// How long after closing a case's personal data is kept (and what PFIF `expiry_date` says).
pub const RETENTION: Duration = Duration::from_secs(2 * 365 * 24 * 3600);

fn time_of_ms(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(ms / 1000).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

fn ms_of_time(time: OffsetDateTime) -> i64 {
    time.unix_timestamp().saturating_mul(1000)
}

/// The record id prefix of records authored here (`domain/`).
fn ours(domain: &str) -> String {
    pfif::record_id(domain, "")
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
        sanad_shared::cases::Sex::Female => PfifSex::Female,
        sanad_shared::cases::Sex::Male => PfifSex::Male,
    });
    person.date_of_birth = record.date_of_birth.clone();
    person.age = record.age.map(|a| a.to_string());
    person.home_city = record.residence.clone();
    person.home_state = row.governorate().map(|g| g.iso_3166_2().to_owned());
    person.home_country = Some("IQ".to_owned());
    person.source_name = Some(domain.to_owned());
    person.entry_date = Some(time_of_ms(row.updated_at_ms));
    let kept_from = row.closed_at_ms.unwrap_or_else(now_ms);
    person.expiry_date = Some(time_of_ms(kept_from) + RETENTION);
    person.description = mapping::description_of(record);
    person
}

/// Exports for `recipient` and records who did it and which cases left, in one transaction: the
/// API and `sanad pfif export` both come through here, so neither can forget the audit entry.
/// Refused until this installation's domain is set: records that left under a wrong domain
/// would come back from partners as strangers.
pub fn export_recorded(
    conn: &mut DbConnection,
    seal: &audit::Seal,
    sealer: &Sealer,
    locales: &Locales,
    domain: Option<&str>,
    recipient: Consent,
    actor: Actor,
) -> Result<(String, Vec<i64>), ApiError> {
    let domain = domain.ok_or(ApiError::PfifDomainMissing)?;
    audit::audited(conn, |conn| {
        let (xml, ids) = export(conn, sealer, locales, domain, recipient)?;
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
/// (the API and `sanad pfif import` alike). An import that changed nothing leaves no entry.
pub fn import_recorded(
    conn: &mut DbConnection,
    seal: &audit::Seal,
    sealer: &Sealer,
    domain: Option<&str>,
    xml: &str,
    actor: Actor,
) -> Result<PfifImported, ApiError> {
    let (imported, changed) = audit::audited(conn, |conn| {
        let (imported, changed) = import(conn, sealer, domain, xml, OffsetDateTime::now_utc())?;
        if !changed.touched.is_empty() {
            audit::append(
                conn,
                seal,
                &Entry {
                    actor,
                    action: "pfif_imported",
                    object: "cases".into(),
                    details: serde_json::json!({
                        "created": imported.created,
                        "updated": imported.updated,
                        "notes": imported.notes_added,
                        "wiped": imported.wiped,
                        "ids": changed.touched,
                    }),
                },
            )?;
        }
        Ok::<_, ApiError>((imported, changed))
    })?;
    // As after a report: each new or changed case is compared with the others once it is
    // stored. A search that fails leaves the import in place; "refresh" runs it again.
    for id in changed.searched {
        if let Err(e) = cases::refresh_matches(conn, sealer, id) {
            tracing::error!(error = %e, case = id, "duplicate search failed for an imported case");
        }
    }
    Ok(imported)
}

/// The note of ours that goes out for one of our case notes.
fn our_note(
    locales: &Locales,
    domain: &str,
    row: &CaseRow,
    person_record_id: &str,
    note_id: i64,
    note: &sanad_shared::cases::CaseNote,
) -> PfifNote {
    let id = pfif::record_id(domain, &format!("{}.note-{note_id}", row.case_number));
    // A status change carries no words of its own; partners read the status's English name.
    let text = if note.text.trim().is_empty() {
        note.status
            .and_then(|s| locales.message_for(Language::En, &s.message_key()))
            .unwrap_or_else(|| "-".to_owned())
    } else {
        note.text.clone()
    };
    let mut pfif_note = PfifNote::new(
        id,
        person_record_id,
        note.author_name.clone(),
        time_of_ms(note.created_at_ms),
        text,
    );
    pfif_note.entry_date = Some(time_of_ms(note.created_at_ms));
    pfif_note.status = note
        .status
        .and_then(|s| pfif::note_status_for(s.as_str()))
        .and_then(pfif::PfifNoteStatus::parse);
    pfif_note
}

/// A PFIF document of every case the recipient may receive; returns it with the case ids.
pub fn export(
    conn: &mut DbConnection,
    sealer: &Sealer,
    locales: &Locales,
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
        let partners = kept::person(conn, sealer, &row)?;
        let authored_here = partners.is_none();
        let mut person = partners.unwrap_or_else(|| person_of(domain, &row, &record));
        type NoteIds = (i64, String, Option<Vec<u8>>);
        let kept_notes: Vec<NoteIds> = case_notes::table
            .filter(case_notes::case_id.eq(row.id))
            .order(case_notes::id.asc())
            .select((case_notes::id, case_notes::ref_key, case_notes::pfif_note))
            .load(conn)?;
        for (note, (note_id, note_ref, kept_note)) in cases::notes(conn, sealer, &row)?
            .into_iter()
            .zip(kept_notes)
        {
            let pfif_note = match kept_note {
                Some(sealed) => kept::note(sealer, &row, &note_ref, &sealed)?,
                None => our_note(
                    locales,
                    domain,
                    &row,
                    &person.person_record_id,
                    note_id,
                    &note,
                ),
            };
            person.notes.push(pfif_note);
        }
        // Ours must conform in full; a partner's record goes out as it came, so it is held to
        // what import accepted.
        let checked = if authored_here {
            person.validate()
        } else {
            person.validate_received()
        };
        checked.map_err(|e| ApiError::internal(&format!("PFIF that does not conform: {e}")))?;
        persons.push(person);
        ids.push(row.id);
    }
    Ok((pfif::to_xml(&persons), ids))
}

/// The case a record id names: one imported under that id, or one of ours (`<our domain>/<case
/// number>`) coming back from a partner.
fn find_person(
    conn: &mut DbConnection,
    domain: Option<&str>,
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
    let Some(domain) = domain else {
        return Ok(None);
    };
    match person_record_id.strip_prefix(&ours(domain)) {
        Some(case_number) if !case_number.is_empty() => Ok(cases_table::table
            .filter(cases_table::case_number.eq(case_number))
            .filter(cases_table::pfif_record_id.is_null())
            .select(CaseRow::as_select())
            .first(conn)
            .optional()?),
        _ => Ok(None),
    }
}

/// What an import touched: cases to compare with the others, and every case it changed.
#[derive(Default)]
pub struct Changes {
    pub searched: Vec<i64>,
    pub touched: Vec<i64>,
}

fn create_case(
    conn: &mut DbConnection,
    sealer: &Sealer,
    person: &PfifPerson,
) -> Result<i64, ApiError> {
    let mut record = CaseRecord::default();
    mapping::apply(&mut record, person);
    let governorate = mapping::governorate_of(person);
    let ref_key = crate::anonymous::random_ref();
    let json = serde_json::to_string(&record).map_err(|_| ApiError::internal("case JSON"))?;
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
    for _ in 0..3 {
        if let Some(id) = cases::insert_case(conn, &sealed, None, &cases::new_case_number())? {
            let row = cases::case_by_id(conn, id)?;
            kept::keep_person(conn, sealer, &row, person)?;
            return Ok(id);
        }
    }
    Err(ApiError::internal("no free case number"))
}

/// Takes a partner's later version of a record we hold: the fields it carries replace ours, and
/// the kept record takes them too. Returns whether the case's own fields changed.
fn update_case(
    conn: &mut DbConnection,
    sealer: &Sealer,
    row: &CaseRow,
    before: Option<PfifPerson>,
    newer: &PfifPerson,
) -> Result<bool, ApiError> {
    let mut merged = before.unwrap_or_else(|| newer.clone());
    merged.overlay(newer);
    kept::keep_person(conn, sealer, row, &merged)?;
    let current = row.content(sealer)?.unwrap_or_default();
    let mut record = current.clone();
    mapping::apply(&mut record, newer);
    let governorate = mapping::governorate_of(newer).or(row.governorate());
    if record == current && governorate == row.governorate() {
        return Ok(false);
    }
    cases::replace_content(conn, sealer, row, &record, governorate)?;
    Ok(true)
}

/// Imports a partner's document as of `now` (for expiry). Returns the counts and what changed.
pub fn import(
    conn: &mut DbConnection,
    sealer: &Sealer,
    domain: Option<&str>,
    xml: &str,
    now: OffsetDateTime,
) -> Result<(PfifImported, Changes), ApiError> {
    let document =
        pfif::from_xml(xml).map_err(|e| ApiError::InvalidRequest(format!("{}: {e}", e.code())))?;
    let mut result = PfifImported {
        created: 0,
        updated: 0,
        notes_added: 0,
        wiped: 0,
        skipped: 0,
    };
    let mut changes = Changes::default();
    let authored_here = |row: &CaseRow| row.pfif_record_id.is_none();
    let mut notes: Vec<PfifNote> = document.notes;
    for mut person in document.persons {
        notes.append(&mut person.notes);
        if person.full_name.trim().is_empty() {
            result.skipped += 1;
            continue;
        }
        let existing = find_person(conn, domain, &person.person_record_id)?;
        let expired = person.expiry_date.is_some_and(|expiry| expiry <= now);
        match existing {
            // Only its author changes a record; partners speak about ours in notes.
            Some(row) if authored_here(&row) => {}
            Some(row) if row.wiped_on.is_some() => result.skipped += 1,
            Some(row) if expired => {
                cases::wipe(conn, row.id)?;
                result.wiped += 1;
                changes.touched.push(row.id);
            }
            Some(row) => {
                let before = kept::person(conn, sealer, &row)?;
                let newer = before
                    .as_ref()
                    .is_none_or(|before| person.source_date > before.source_date);
                if newer {
                    if update_case(conn, sealer, &row, before, &person)? {
                        changes.searched.push(row.id);
                    }
                    result.updated += 1;
                    changes.touched.push(row.id);
                }
            }
            None if expired => result.skipped += 1,
            None => {
                let id = create_case(conn, sealer, &person)?;
                result.created += 1;
                changes.searched.push(id);
                changes.touched.push(id);
            }
        }
    }
    for placeholder in &document.expired {
        match find_person(conn, domain, &placeholder.person_record_id)? {
            Some(row) if !authored_here(&row) && row.wiped_on.is_none() => {
                cases::wipe(conn, row.id)?;
                result.wiped += 1;
                changes.touched.push(row.id);
            }
            _ => {}
        }
    }
    let our_notes = domain.map(ours);
    for note in notes {
        if our_notes
            .as_deref()
            .is_some_and(|prefix| note.note_record_id.starts_with(prefix))
        {
            continue;
        }
        let seen: i64 = case_notes::table
            .filter(case_notes::pfif_record_id.eq(&note.note_record_id))
            .count()
            .get_result(conn)?;
        if seen > 0 {
            continue;
        }
        let row = match find_person(conn, domain, &note.person_record_id)? {
            Some(row) if row.wiped_on.is_none() => row,
            _ => {
                result.skipped += 1;
                continue;
            }
        };
        let status = note.status.and_then(|s| pfif::case_status_for(s.as_str()));
        let note_id = cases::add_note(
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
        kept::keep_note(conn, sealer, &row, note_id, &note)?;
        result.notes_added += 1;
        if !changes.touched.contains(&row.id) {
            changes.touched.push(row.id);
        }
    }
    Ok((result, changes))
}
