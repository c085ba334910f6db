use super::*;

const NOW: i64 = 1_772_452_800_000;
const KEY: PickleKey = [7; 32];

fn mailbox(name: &str) -> MailboxId {
    MailboxId(name.into())
}

/// The participant's and the inbox's channels after pairing and the
/// greeting, as the relay would have carried them.
struct Pair {
    participant: Channel,
    inbox: Channel,
    inbox_account: Account,
}

fn claim(inbox: &mut Account) -> ClaimedKeys {
    let bundle = inbox.bundle(2);
    ClaimedKeys {
        identity: bundle.identity,
        one_time_key: bundle.one_time_keys[0].clone(),
    }
}

fn paired() -> Pair {
    let phone = Account::new();
    let mut inbox_account = Account::new();
    let invite = inbox_account.fingerprint();
    let mut participant = phone
        .open_channel(&claim(&mut inbox_account), &invite)
        .unwrap();
    let greeting = participant
        .greet(mailbox("sam"), mailbox("maria"), NOW)
        .unwrap();
    assert!(greeting.pre_key, "the first message starts the session");
    let (inbox, arrival) = inbox_account
        .accept_channel(&phone.identity(), &greeting)
        .unwrap();
    assert!(matches!(arrival, Arrival::Arrived(letter) if letter.is_greeting()));
    Pair {
        participant,
        inbox,
        inbox_account,
    }
}

fn text(arrival: Arrival) -> String {
    match arrival {
        Arrival::Arrived(letter) | Arrival::Gap { letter, .. } => match letter.body {
            Body::Text(text) => text,
            other => panic!("expected a message, got {other:?}"),
        },
        Arrival::Duplicate => panic!("expected a letter, got a duplicate"),
    }
}

fn send(from: &mut Channel, to: &mut Channel, words: &str) -> SealedMessage {
    let sealed = from.seal(mailbox("a"), mailbox("b"), words, NOW).unwrap();
    assert_eq!(text(to.open(&sealed).unwrap()), words);
    sealed
}

fn body(arrival: Arrival) -> Body {
    match arrival {
        Arrival::Arrived(letter) | Arrival::Gap { letter, .. } => letter.body,
        Arrival::Duplicate => panic!("expected a letter, got a duplicate"),
    }
}

#[test]
fn a_shared_item_travels_in_a_letter_padded_like_a_message() {
    use crate::share::{Barc10, Envelope, Item};
    let Pair {
        mut participant,
        mut inbox,
        ..
    } = paired();
    let item = Envelope::new(
        "barc10",
        Item::Barc10(Barc10 {
            score: 45,
            max: 60,
            taken_on: "2026-03-02".into(),
        }),
    );
    let sealed = participant
        .seal_body(mailbox("a"), mailbox("b"), &Body::Item(item.clone()), NOW)
        .unwrap();
    let message = participant
        .seal(mailbox("a"), mailbox("b"), "ok", NOW)
        .unwrap();
    assert_eq!(
        sealed.ciphertext_len().unwrap(),
        message.ciphertext_len().unwrap(),
        "an item's JSON takes the same size buckets as a message"
    );
    let opened = inbox.open(&sealed).unwrap();
    assert!(
        !format!("{opened:?}").contains("2026"),
        "no content in Debug"
    );
    assert_eq!(body(opened), Body::Item(item));
    assert_eq!(text(inbox.open(&message).unwrap()), "ok");

    let huge = Envelope::new(
        "goal:1",
        Item::Goal(crate::share::Goal {
            title: "x".repeat(MAX_TEXT_BYTES),
            why: String::new(),
            status: "active".into(),
            target: None,
            steps: vec![],
        }),
    );
    assert_eq!(
        participant.seal_body(mailbox("a"), mailbox("b"), &Body::Item(huge), NOW),
        Err(ProtocolError::Malformed),
        "the 16 KiB limit applies to the JSON"
    );
    assert_eq!(
        participant.seal_body(mailbox("a"), mailbox("b"), &Body::Unsupported, NOW),
        Err(ProtocolError::Malformed)
    );
}

#[test]
fn a_later_item_version_or_frame_format_arrives_as_unsupported_and_counts() {
    let Pair {
        mut participant,
        mut inbox,
        ..
    } = paired();
    let later = br#"{"v":2,"key":"goal:1","item":{"kind":"goal","title":"?"}}"#;
    participant.sent += 1;
    let sealed = participant
        .seal_frame(mailbox("a"), mailbox("b"), &letter::frame(1, NOW, 2, later))
        .unwrap();
    assert_eq!(body(inbox.open(&sealed).unwrap()), Body::Unsupported);
    participant.sent += 1;
    let future = participant
        .seal_frame(mailbox("a"), mailbox("b"), &letter::frame(2, NOW, 9, b"?"))
        .unwrap();
    assert_eq!(body(inbox.open(&future).unwrap()), Body::Unsupported);
    // Both counted: the next message is next, not after a gap.
    let next = participant
        .seal(mailbox("a"), mailbox("b"), "still here", NOW)
        .unwrap();
    assert!(matches!(inbox.open(&next).unwrap(), Arrival::Arrived(letter) if letter.sequence == 3));
}

#[test]
fn a_letter_travels_both_ways_and_the_relay_sees_only_padded_ciphertext() {
    let Pair {
        mut participant,
        mut inbox,
        ..
    } = paired();
    let sealed = send(&mut participant, &mut inbox, "Can you call me tonight?");
    assert!(
        !sealed.ciphertext.contains("call"),
        "no plaintext on the wire"
    );
    let reply = send(&mut inbox, &mut participant, "Yes, at eight.");
    assert!(
        !reply.pre_key,
        "the inbox answers on the established session"
    );
    let short = participant
        .seal(mailbox("a"), mailbox("b"), "ok", NOW)
        .unwrap();
    let longer = participant
        .seal(
            mailbox("a"),
            mailbox("b"),
            &"a longer message ".repeat(8),
            NOW,
        )
        .unwrap();
    assert_eq!(
        short.ciphertext_len().unwrap(),
        longer.ciphertext_len().unwrap(),
        "lengths within a bucket look the same"
    );
    let opened = inbox.open(&short).unwrap();
    assert!(!format!("{opened:?}").contains("ok\""), "no text in Debug");
    assert_eq!(
        participant
            .seal(
                mailbox("a"),
                mailbox("b"),
                &"x".repeat(MAX_TEXT_BYTES + 1),
                NOW
            )
            .unwrap_err(),
        ProtocolError::Malformed
    );
    assert_eq!(
        verification_code(participant.peer(), inbox.peer()).unwrap(),
        verification_code(inbox.peer(), participant.peer()).unwrap(),
        "both ends show the same code"
    );
}

#[test]
fn keys_the_relay_substitutes_are_refused() {
    let phone = Account::new();
    let mut specialist = Account::new();
    let invite = specialist.fingerprint();
    let mut relay = Account::new();

    let impostor = claim(&mut relay);
    assert_eq!(
        phone.open_channel(&impostor, &invite).unwrap_err(),
        ProtocolError::FingerprintMismatch,
        "another identity"
    );
    let genuine = claim(&mut specialist);
    let foreign_key = ClaimedKeys {
        one_time_key: impostor.one_time_key.clone(),
        ..genuine.clone()
    };
    assert_eq!(
        phone.open_channel(&foreign_key, &invite).unwrap_err(),
        ProtocolError::BadSignature,
        "a one-time key the specialist did not sign"
    );
    let swapped_key = ClaimedKeys {
        one_time_key: SignedOneTimeKey {
            key: impostor.one_time_key.key,
            signature: genuine.one_time_key.signature.clone(),
        },
        ..genuine.clone()
    };
    assert_eq!(
        phone.open_channel(&swapped_key, &invite).unwrap_err(),
        ProtocolError::BadSignature
    );
    assert!(phone.open_channel(&genuine, &invite).is_ok());
}

#[test]
fn after_a_message_is_opened_the_current_state_cannot_open_it_again() {
    let Pair {
        mut participant,
        mut inbox,
        inbox_account,
    } = paired();
    let captured = send(&mut participant, &mut inbox, "I relapsed last night");
    let stolen = Channel::from_pickle(&inbox.pickle(&KEY), &KEY).unwrap();
    let mut stolen = stolen;
    assert_eq!(stolen.open(&captured).unwrap(), Arrival::Duplicate);

    // The greeting's one-time key is used up too: the account cannot
    // start the session again from a captured first message.
    let mut stolen_account = Account::from_pickle(&inbox_account.pickle(&KEY), &KEY).unwrap();
    let first = participant
        .seal(mailbox("a"), mailbox("b"), "still a pre-key message", NOW)
        .unwrap();
    assert!(first.pre_key);
    assert_eq!(
        stolen_account
            .accept_channel(participant.peer(), &first)
            .unwrap_err(),
        ProtocolError::Unopenable
    );
}

#[test]
fn a_copied_state_cannot_read_messages_after_one_round_trip() {
    let Pair {
        mut participant,
        mut inbox,
        ..
    } = paired();
    send(&mut participant, &mut inbox, "hello");
    send(&mut inbox, &mut participant, "hi");
    let mut copy = Channel::from_pickle(&participant.pickle(&KEY), &KEY).unwrap();

    // One round trip: the inbox writes, the participant's device reads it
    // and answers with a ratchet key the copy never saw, and from then on
    // the inbox writes to that key.
    send(&mut participant, &mut inbox, "how are you?");
    send(&mut inbox, &mut participant, "glad you wrote");
    send(&mut participant, &mut inbox, "thanks");
    let after = send(&mut inbox, &mut participant, "see you thursday");
    assert_eq!(copy.open(&after).unwrap_err(), ProtocolError::Unopenable);
}

#[test]
fn tampering_is_refused_and_changes_nothing() {
    let Pair {
        mut participant,
        mut inbox,
        ..
    } = paired();
    let sealed = participant
        .seal(mailbox("a"), mailbox("b"), "tampered", NOW)
        .unwrap();
    let mut bytes = decode(&sealed.ciphertext).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    let tampered = SealedMessage {
        ciphertext: encode(&bytes),
        ..sealed.clone()
    };
    assert_eq!(
        inbox.open(&tampered).unwrap_err(),
        ProtocolError::Unopenable
    );
    assert_eq!(text(inbox.open(&sealed).unwrap()), "tampered");
    let future = SealedMessage {
        version: VERSION + 1,
        ..sealed
    };
    assert_eq!(
        inbox.open(&future).unwrap_err(),
        ProtocolError::UnsupportedVersion
    );
}

#[test]
fn reordering_gaps_duplicates_and_huge_sequence_numbers_are_bounded_and_typed() {
    let Pair {
        mut participant,
        mut inbox,
        ..
    } = paired();
    let seal = |channel: &mut Channel, words: &str| {
        channel
            .seal(mailbox("a"), mailbox("b"), words, NOW)
            .unwrap()
    };
    let (one, two, three) = (
        seal(&mut participant, "one"),
        seal(&mut participant, "two"),
        seal(&mut participant, "three"),
    );
    assert!(matches!(
        inbox.open(&three).unwrap(),
        Arrival::Gap { missing: 2, .. }
    ));
    assert_eq!(text(inbox.open(&one).unwrap()), "one");
    assert_eq!(inbox.open(&one).unwrap(), Arrival::Duplicate, "a replay");
    assert!(matches!(inbox.open(&two).unwrap(), Arrival::Arrived(_)));

    // A sender whose counter jumps (a hostile peer, or a damaged store):
    // one step, no allocation per missing number.
    participant.sent = u64::MAX - 1;
    let huge = seal(&mut participant, "far ahead");
    assert!(matches!(
        inbox.open(&huge).unwrap(),
        Arrival::Gap { missing, .. } if missing == u64::MAX - 4
    ));
    assert_eq!(inbox.received.highest, u64::MAX);
    participant.sent = 4;
    let behind = seal(&mut participant, "from long ago");
    assert_eq!(inbox.open(&behind).unwrap(), Arrival::Duplicate);
}

#[test]
fn pickles_need_their_key_and_keep_identity_and_counters() {
    let Pair {
        mut participant,
        mut inbox,
        inbox_account,
    } = paired();
    send(&mut participant, &mut inbox, "before");
    let pickle = participant.pickle(&KEY);
    assert_eq!(
        Channel::from_pickle(&pickle, &[8; 32]).unwrap_err(),
        ProtocolError::Unopenable
    );
    let mut again = Channel::from_pickle(&pickle, &KEY).unwrap();
    assert_eq!(again.last_sent(), 1);
    assert_eq!(again.peer(), participant.peer());
    let sealed = again
        .seal(mailbox("a"), mailbox("b"), "after", NOW)
        .unwrap();
    assert!(
        matches!(inbox.open(&sealed).unwrap(), Arrival::Arrived(letter) if letter.sequence == 2)
    );

    let account = Account::from_pickle(&inbox_account.pickle(&KEY), &KEY).unwrap();
    assert_eq!(account.fingerprint(), inbox_account.fingerprint());
    assert_eq!(
        Account::from_pickle(&inbox_account.pickle(&KEY), &[8; 32]).unwrap_err(),
        ProtocolError::Unopenable
    );
    assert!(!format!("{account:?}{again:?}").contains(&pickle));
}

#[test]
fn a_fingerprint_reads_back_as_typed_and_codes_differ_for_other_keys() {
    let account = Account::new();
    let fingerprint = account.fingerprint();
    assert_eq!(fingerprint.as_str().len(), 19);
    assert_eq!(fingerprint, account.identity().fingerprint().unwrap());
    let typed = fingerprint.as_str().to_lowercase().replace('-', " ");
    assert_eq!(Fingerprint::parse(&typed).unwrap(), fingerprint);
    let with_o = fingerprint.as_str().replace('0', "o");
    assert_eq!(Fingerprint::parse(&with_o).unwrap(), fingerprint);
    for bad in ["", "ABCD", "ABCD-EFGH-JKMN-PQRU", "ABCD-EFGH-JKMN-PQRST"] {
        assert_eq!(
            Fingerprint::parse(bad).unwrap_err(),
            ProtocolError::Malformed
        );
    }
    let (one, other, third) = (
        account.identity(),
        Account::new().identity(),
        Account::new().identity(),
    );
    let code = verification_code(&one, &other).unwrap();
    assert_eq!(code.len(), 14);
    assert!(code.chars().all(|c| c.is_ascii_digit() || c == ' '));
    assert_ne!(code, verification_code(&one, &third).unwrap());
}

#[test]
fn an_invite_carries_the_code_and_the_fingerprint_and_a_bare_code_is_refused() {
    let fingerprint = Account::new().fingerprint();
    let invite = Invite {
        code: "ABCDE-FGH01".into(),
        fingerprint: fingerprint.clone(),
    };
    let text = invite.to_string();
    assert_eq!(Invite::parse(&text).unwrap(), invite);
    assert_eq!(
        Invite::parse(&format!(" {} ", text.to_lowercase().replace('-', ""))).unwrap(),
        invite
    );
    for bad in ["ABCDE-FGH01", "", &format!("ABCDE-FGHU1 {fingerprint}")] {
        assert_eq!(Invite::parse(bad).unwrap_err(), ProtocolError::Malformed);
    }
}
