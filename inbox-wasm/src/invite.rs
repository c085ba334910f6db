//! The invite as the participant receives it: the relay's one-time code and
//! this inbox's key fingerprint (`relay_protocol::channel::Invite`), as a QR
//! code. The fingerprint comes from the inbox's own keys, so the relay
//! cannot swap it.

use relay_protocol::ProtocolError;
use relay_protocol::channel::{Fingerprint, Invite};

/// The invite's text: `ABCDE-FGHJK ABCD-EFGH-JKMN-PQRS`.
pub fn text(code: &str, fingerprint: &str) -> Result<String, ProtocolError> {
    Ok(Invite {
        code: code.to_owned(),
        fingerprint: Fingerprint::parse(fingerprint)?,
    }
    .to_string())
}

/// The invite's text as an SVG QR code.
pub fn qr_svg(code: &str, fingerprint: &str) -> Result<String, ProtocolError> {
    qrcode::QrCode::new(text(code, fingerprint)?.as_bytes())
        .map(|qr| {
            qr.render::<qrcode::render::svg::Color>()
                .min_dimensions(160, 160)
                .build()
        })
        .map_err(|_| ProtocolError::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_carries_what_the_participant_would_type() {
        let fingerprint = relay_protocol::channel::Account::new().fingerprint();
        let invite = text("ABCDE-FGHJK", fingerprint.as_str()).unwrap();
        assert_eq!(Invite::parse(&invite).unwrap().fingerprint, fingerprint);
        assert!(
            qr_svg("ABCDE-FGHJK", fingerprint.as_str())
                .unwrap()
                .starts_with("<?xml")
        );
        assert!(text("ABCDE-FGHJK", "not a fingerprint").is_err());
    }
}
