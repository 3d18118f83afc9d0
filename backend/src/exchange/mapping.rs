//! What a case says in PFIF's words, and what a partner's PFIF person record says in a case's.

use sanad_shared::{
    cases::{CaseRecord, PersonNames, Sex},
    tips::Governorate,
};

use crate::pfif::{PfifPerson, PfifSex};

/// Case fields PFIF has no element for travel as labelled lines of `description`. The labels are
/// part of the exchange format (partners' systems read them), so they stay in English and never
/// change; a line that starts with none of them belongs to the field above it, or, before the
/// first label, to the partner's own free description.
const MOTHER: &str = "Mother";
const LEFT_ON: &str = "Left on";
const DESTINATION: &str = "Destination";
const LAST_CONTACT: &str = "Last contact";
const LAST_KNOWN_LOCATION: &str = "Last known location";
const MARKS: &str = "Distinguishing marks";
const LABELS: [&str; 6] = [
    MOTHER,
    LEFT_ON,
    DESTINATION,
    LAST_CONTACT,
    LAST_KNOWN_LOCATION,
    MARKS,
];

/// The description lines for a case's unlabelled-in-PFIF fields, or `None` when it has none.
pub fn description_of(record: &CaseRecord) -> Option<String> {
    let mut lines = Vec::new();
    for (label, value) in [
        (MOTHER, record.names.mother.as_deref()),
        (LEFT_ON, record.left_on.as_deref()),
        (DESTINATION, record.destination.as_deref()),
        (LAST_CONTACT, record.last_contact_on.as_deref()),
        (LAST_KNOWN_LOCATION, record.last_known_location.as_deref()),
        (MARKS, record.marks.as_deref()),
    ] {
        if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
            lines.push(format!("{label}: {value}"));
        }
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// A description read back: the labelled fields it names, and the free text before them.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Description {
    pub fields: Vec<(&'static str, String)>,
    pub free: Option<String>,
}

impl Description {
    pub fn read(text: &str) -> Description {
        let mut free: Vec<&str> = Vec::new();
        let mut fields: Vec<(&'static str, String)> = Vec::new();
        for line in text.lines() {
            let labelled = LABELS.iter().find_map(|label| {
                line.strip_prefix(label)
                    .and_then(|rest| rest.strip_prefix(": "))
                    .map(|value| (*label, value))
            });
            match (labelled, fields.last_mut()) {
                (Some((label, value)), _) => fields.push((label, value.to_owned())),
                (None, Some((_, value))) => {
                    value.push('\n');
                    value.push_str(line);
                }
                (None, None) => free.push(line),
            }
        }
        let free = free.join("\n").trim().to_owned();
        Description {
            fields: fields
                .into_iter()
                .map(|(label, value)| (label, value.trim().to_owned()))
                .filter(|(_, value)| !value.is_empty())
                .collect(),
            free: (!free.is_empty()).then_some(free),
        }
    }

    fn field(&self, label: &str) -> Option<String> {
        self.fields
            .iter()
            .rev()
            .find(|(l, _)| *l == label)
            .map(|(_, value)| value.clone())
    }
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

fn non_empty(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// The name chain of a PFIF person: given, father, grandfather (and any further forebears), then
/// family. The first full name is the person's own (PFIF allows several, one a line); a given or
/// family name the record also states is taken from it once, not twice.
pub fn names_of(person: &PfifPerson) -> PersonNames {
    let full = person.full_name.lines().next().unwrap_or_default();
    let mut chain = words(full);
    let family = non_empty(person.family_name.as_deref());
    if let Some(family) = family {
        let family = words(family);
        if chain.len() > family.len() && chain.ends_with(&family) {
            chain.truncate(chain.len() - family.len());
        }
    }
    let given = match non_empty(person.given_name.as_deref()) {
        Some(given) => {
            let given_words = words(given);
            if chain.starts_with(&given_words) {
                chain.drain(..given_words.len());
            } else if !chain.is_empty() {
                chain.remove(0);
            }
            given.to_owned()
        }
        None if chain.is_empty() => String::new(),
        None => chain.remove(0).to_owned(),
    };
    let mut rest = chain.into_iter();
    let father = rest.next().unwrap_or_default().to_owned();
    let forebears: Vec<&str> = rest.collect();
    let (grandfather, family) = match family {
        Some(family) => (
            (!forebears.is_empty()).then(|| forebears.join(" ")),
            Some(family.to_owned()),
        ),
        None => (
            forebears.first().map(|w| (*w).to_owned()),
            (forebears.len() > 1).then(|| forebears[1..].join(" ")),
        ),
    };
    PersonNames {
        given,
        father,
        grandfather,
        family,
        mother: None,
        latin: person.alternate_names.first().cloned(),
    }
}

/// Writes into `record` what `person` carries, and leaves every other field as it was: a partner's
/// newer record changes only what it states, and never what only we know (phones, recruiter).
pub fn apply(record: &mut CaseRecord, person: &PfifPerson) {
    let names = names_of(person);
    let mother = record.names.mother.take();
    let latin = record.names.latin.take();
    record.names = PersonNames {
        mother,
        latin: names.latin.clone().or(latin),
        ..names
    };
    if let Some(sex) = person.sex {
        record.sex = match sex {
            PfifSex::Female => Some(Sex::Female),
            PfifSex::Male => Some(Sex::Male),
            PfifSex::Other => None,
        };
    }
    if let Some(date) = person
        .date_of_birth
        .as_deref()
        .and_then(sanad_shared::cases::parse_partial_date)
    {
        record.date_of_birth = Some(date);
    }
    if let Some(age) = person
        .age
        .as_deref()
        .and_then(|a| a.split('-').next())
        .and_then(|a| a.trim().parse().ok())
    {
        record.age = Some(age);
    }
    if let Some(city) = non_empty(person.home_city.as_deref()) {
        record.residence = Some(city.to_owned());
    }
    if let Some(description) = person.description.as_deref() {
        let description = Description::read(description);
        for (label, field) in [
            (MOTHER, &mut record.names.mother),
            (LEFT_ON, &mut record.left_on),
            (DESTINATION, &mut record.destination),
            (LAST_CONTACT, &mut record.last_contact_on),
            (LAST_KNOWN_LOCATION, &mut record.last_known_location),
            (MARKS, &mut record.marks),
        ] {
            if let Some(value) = description.field(label) {
                *field = Some(value);
            }
        }
    }
    if let Some(author) = non_empty(person.author_name.as_deref()) {
        author.clone_into(&mut record.reporter_name);
    }
    if let Some(source) = non_empty(person.source_name.as_deref()) {
        source.clone_into(&mut record.reporter_relationship);
    }
}

/// The governorate a person record names, when it names one we know.
pub fn governorate_of(person: &PfifPerson) -> Option<Governorate> {
    person
        .home_state
        .as_deref()
        .and_then(Governorate::from_home_state)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(full: &str, given: Option<&str>, family: Option<&str>) -> PfifPerson {
        let mut p = PfifPerson::new(
            "icrc.example.org/p-1",
            time::OffsetDateTime::UNIX_EPOCH,
            full,
        );
        p.given_name = given.map(str::to_owned);
        p.family_name = family.map(str::to_owned);
        p
    }

    fn chain(names: &PersonNames) -> Vec<String> {
        let mut out = vec![names.given.clone(), names.father.clone()];
        out.extend(names.grandfather.clone());
        out.extend(names.family.clone());
        out
    }

    #[test]
    fn a_family_name_the_full_name_ends_with_is_read_once() {
        for (full, given, family, expected) in [
            (
                "Ali Hassan Jawad",
                Some("Ali"),
                Some("Jawad"),
                vec!["Ali", "Hassan", "Jawad"],
            ),
            (
                "Ali Hassan Kadhim Jawad",
                None,
                Some("Jawad"),
                vec!["Ali", "Hassan", "Kadhim", "Jawad"],
            ),
            (
                "Ali Hassan Kadhim Abbas Al-Tamimi",
                Some("Ali"),
                Some("Al-Tamimi"),
                vec!["Ali", "Hassan", "Kadhim Abbas", "Al-Tamimi"],
            ),
            (
                "Mohammed Jasim Kadhim",
                Some("Mohammed"),
                None,
                vec!["Mohammed", "Jasim", "Kadhim"],
            ),
            (
                "Abd al-Rahman Salim",
                Some("Abd al-Rahman"),
                None,
                vec!["Abd al-Rahman", "Salim"],
            ),
            (
                "احمد على حسين الجبورى",
                Some("احمد"),
                None,
                vec!["احمد", "على", "حسين", "الجبورى"],
            ),
            (
                "Hawre Karwan\nHawre K. Rashid",
                None,
                None,
                vec!["Hawre", "Karwan"],
            ),
            ("Zainab", None, Some("Zainab"), vec!["Zainab", "", "Zainab"]),
        ] {
            let names = names_of(&person(full, given, family));
            assert_eq!(chain(&names), expected, "{full}");
        }
    }

    #[test]
    fn a_description_gives_back_every_labelled_line_even_those_of_several_lines() {
        let record = CaseRecord {
            names: PersonNames {
                mother: Some("Fatima".into()),
                ..PersonNames::default()
            },
            marks: Some("scar on the left hand\ntattoo: a bird".into()),
            destination: Some("Moscow".into()),
            ..CaseRecord::default()
        };
        let text = description_of(&record).unwrap();
        let read = Description::read(&format!("Seen by a neighbour.\n{text}"));
        assert_eq!(read.free.as_deref(), Some("Seen by a neighbour."));
        assert_eq!(read.field(MOTHER).as_deref(), Some("Fatima"));
        assert_eq!(
            read.field(MARKS).as_deref(),
            Some("scar on the left hand\ntattoo: a bird")
        );
        let mut back = CaseRecord::default();
        let mut p = person("x y", None, None);
        p.description = Some(text);
        apply(&mut back, &p);
        assert_eq!(back.names.mother, record.names.mother);
        assert_eq!(back.marks, record.marks);
        assert_eq!(back.destination, record.destination);
    }

    #[test]
    fn a_newer_record_changes_what_it_carries_and_nothing_else() {
        let mut record = CaseRecord {
            phones: vec!["+9647701112233".into()],
            recruiter: Some("Abu Karrar".into()),
            residence: Some("Basra".into()),
            age: Some(24),
            ..CaseRecord::default()
        };
        let mut p = person("Ali Hassan Jawad", None, None);
        p.age = Some("25".into());
        apply(&mut record, &p);
        assert_eq!(record.age, Some(25));
        assert_eq!(record.residence.as_deref(), Some("Basra"));
        assert_eq!(record.phones, vec!["+9647701112233".to_owned()]);
        assert_eq!(record.recruiter.as_deref(), Some("Abu Karrar"));
        assert_eq!(record.names.given, "Ali");
    }
}
