//! The lock's lifecycle, a conversation with the vault: first run (choose a
//! passcode), unlock (passcode or platform key), lock (by hand or after idle
//! minutes), erase; the settings that change the vault's keys (passcode,
//! biometrics, backups, the erase limit); and the vault's answers.

use crux_core::{Command, render::render};

use super::commands::{Cmd, problem, run, store};
use super::event::{Event, KeyPurpose, PlatformKeyResult, StoreResult};
use super::field;
use crate::effects::{
    PlatformKeyOperation, PlatformKeyOutput, RawKey, ScheduleReminders, ShareFile, StoreOperation,
    StoreOutput, UnlockWith,
};
use crate::i18n::Translator;
use crate::model::backup_key;
use crate::model::lock::{erase_limit, long_enough, new_passcode};
use crate::model::messages::{self, MessagesEvent};
use crate::model::problem::Problem;
use crate::model::settings::SettingsEvent;
use crate::model::{Context, Data, Model, Request, Screen, State, Unlocked, Update};
use crate::vault::{DEVICE_SECRET_SALT, Passcode, ThrottleStatus, VaultError};

/// Keeps the language choice where the lock screen can read it (outside
/// the encrypted data, holding nothing else), when it changed.
pub fn keep_lock_language(model: &mut Model) -> Cmd {
    let State::Unlocked(unlocked) = &model.state else {
        return Command::done();
    };
    let language = unlocked.data.settings.language;
    if language == model.lock_language {
        return Command::done();
    }
    model.lock_language = language;
    store(StoreOperation::SetLockLanguage(language))
}

/// The app launched: does a vault exist?
pub fn start(model: &mut Model) -> Cmd {
    model.state = State::Starting;
    store(StoreOperation::Probe)
}

/// First run: creates the vault with the chosen passcode.
pub fn set_passcode(passcode: String, confirmation: &str, model: &mut Model) -> Cmd {
    if model.state != State::FirstRun {
        return problem(model, Problem::NotNow);
    }
    if let Err(error) = new_passcode(&passcode, confirmation) {
        let field = field::of(
            &Event::SetPasscode {
                passcode,
                confirmation: confirmation.to_owned(),
            },
            error,
        );
        model.problem_field = field.map(|field| (error, field));
        return problem(model, error);
    }
    model.busy = true;
    model.problem = None;
    let passcode = Passcode::new(passcode);
    with_device_secret(move |device| StoreOperation::Create(passcode, device)).and(render())
}

pub fn unlock(passcode: String, model: &mut Model) -> Cmd {
    if !matches!(model.state, State::Locked(_)) {
        return problem(model, Problem::NotNow);
    }
    model.busy = true;
    model.problem = None;
    let passcode = Passcode::new(passcode);
    with_device_secret(move |device| StoreOperation::Unlock(UnlockWith::Passcode(passcode, device)))
        .and(render())
}

/// Asks the shell's keystore for this device's secret, then the vault for
/// `operation` with it; its answer comes back as [`Event::Store`]. Without
/// the secret the vault is not asked and nothing changes: the keystore's
/// answer is reported.
fn with_device_secret(operation: impl FnOnce(RawKey) -> StoreOperation + Send + 'static) -> Cmd {
    device_secret_then(operation, |other| {
        Event::PlatformKey(KeyPurpose::DeviceSecret, PlatformKeyResult(other))
    })
}

/// Asks the shell's keystore for this device's secret, then the vault for
/// the attempt counter it authenticates: editing the counter in the file
/// cannot shorten the wait the lock screen shows. A keystore that cannot
/// answer leaves the lock screen with what the file says (`file_says`); the
/// attempt needs the secret anyway.
fn authenticated_wait(file_says: ThrottleStatus) -> Cmd {
    device_secret_then(StoreOperation::Throttle, move |_| {
        Event::Store(StoreResult::new(StoreOutput::Throttle(file_says)))
    })
}

/// The device secret from the shell's keystore, then the vault for
/// `operation` with it; `without` makes the event when the keystore gives
/// no secret.
fn device_secret_then(
    operation: impl FnOnce(RawKey) -> StoreOperation + Send + 'static,
    without: impl FnOnce(PlatformKeyOutput) -> Event + Send + 'static,
) -> Cmd {
    Command::new(|ctx| async move {
        let salt = DEVICE_SECRET_SALT.to_vec();
        let event = match ctx
            .request_from_shell(PlatformKeyOperation::DeviceSecret { salt })
            .await
        {
            PlatformKeyOutput::Key(secret) => {
                let output = ctx.request_from_shell(operation(RawKey::new(secret))).await;
                Event::Store(StoreResult::new(output))
            }
            other => without(other),
        };
        ctx.send_event(event);
    })
}

/// Asks the shell to destroy the device key; nothing waits for an answer
/// but what is chained after it.
fn destroy_device_key() -> Cmd {
    Command::new(|ctx| async move {
        let _ = ctx
            .request_from_shell(PlatformKeyOperation::DestroyDeviceKey)
            .await;
    })
}

/// Asks the shell for the platform key; the vault opens with it.
pub fn unlock_with_biometrics(model: &mut Model) -> Cmd {
    if !matches!(model.state, State::Locked(_)) {
        return problem(model, Problem::NotNow);
    }
    platform_key(PlatformKeyOperation::Read, KeyPurpose::Unlock)
}

/// Forgets the keys and the data in memory; the lock screen is refreshed
/// from the vault.
pub fn lock(model: &mut Model) -> Cmd {
    model.state = State::Starting;
    model.problem = None;
    store(StoreOperation::Lock)
        .then(store(StoreOperation::Probe))
        .and(render())
}

/// Removes all data: first the device key (so no copy of the vault file
/// can be opened again, whatever happens next), then the files, the
/// platform key from the shell's keystore, and every reminder the phone
/// scheduled (even those a locked core knows nothing of).
pub fn erase(model: &mut Model) -> Cmd {
    model.state = State::Starting;
    model.problem = None;
    // What the shell is asked after the erase is asked once it is done:
    // erasing forgets every request still unanswered.
    let erase = store(StoreOperation::Erase)
        .then(store(StoreOperation::Probe))
        .and(forget_platform_key())
        .and(cancel_every_reminder())
        .and(forget_background_check());
    destroy_device_key().then(erase).and(render())
}

/// An empty schedule: the shell cancels every reminder it holds.
fn cancel_every_reminder() -> Cmd {
    Command::notify_shell(ScheduleReminders(Vec::new())).into()
}

/// The shell deletes the background check's config: nothing is left to
/// ask the relay with.
fn forget_background_check() -> Cmd {
    Command::notify_shell(crate::effects::BackgroundCheckOperation::Forget).into()
}

fn platform_key(operation: PlatformKeyOperation, purpose: KeyPurpose) -> Cmd {
    Command::request_from_shell(operation)
        .then_send(move |output| Event::PlatformKey(purpose, PlatformKeyResult(output)))
}

fn forget_platform_key() -> Cmd {
    platform_key(PlatformKeyOperation::Delete, KeyPurpose::Forget)
}

/// A backup under `passphrase`; the pairing's row in the file says "pair
/// again" instead of carrying the channel's keys.
fn export_backup(passphrase: Passcode, unlocked: &Unlocked) -> StoreOperation {
    StoreOperation::ExportBackup(
        passphrase,
        unlocked.data.pairing_in_backups().into_iter().collect(),
    )
}

/// The settings that change the vault's keys (see
/// [`SettingsEvent::concerns_the_vault`]).
pub fn vault_setting(event: SettingsEvent, unlocked: &mut Unlocked) -> Result<Cmd, Problem> {
    let operation = match event {
        SettingsEvent::ExportBackup { passphrase } => {
            long_enough(&passphrase)?;
            export_backup(Passcode::new(passphrase), unlocked)
        }
        SettingsEvent::ExportBackupWithRecoveryKey => {
            let key = backup_key::generate().ok_or(Problem::SaveFailed)?;
            let passphrase = Passcode::new(key.as_str());
            unlocked.recovery_key = Some(key);
            export_backup(passphrase, unlocked)
        }
        SettingsEvent::ImportBackup { file, passphrase } => StoreOperation::ImportBackup {
            file,
            // A recovery key opens however it was typed; anything else is a passphrase.
            passphrase: backup_key::canonical(&passphrase).map_or_else(
                || Passcode::new(passphrase),
                |key| Passcode::new(key.as_str()),
            ),
        },
        SettingsEvent::EnableBiometrics => {
            return Ok(platform_key(
                PlatformKeyOperation::Create,
                KeyPurpose::Enroll,
            ));
        }
        SettingsEvent::DisableBiometrics => {
            unlocked.has_platform_key = false;
            return Ok(store(StoreOperation::RemovePlatformKey)
                .then(forget_platform_key())
                .and(render()));
        }
        SettingsEvent::SetEraseAfterFailures(limit) => {
            StoreOperation::SetEraseAfterFailures(erase_limit(limit)?)
        }
        SettingsEvent::ChangePasscode {
            current,
            replacement,
            confirmation,
        } => {
            new_passcode(&replacement, &confirmation)?;
            let (current, new) = (Passcode::new(current), Passcode::new(replacement));
            let change = with_device_secret(move |device| StoreOperation::ChangePasscode {
                current,
                new,
                device,
            });
            // The data key is new: biometric unlock needs a new platform key.
            return Ok(if unlocked.has_platform_key {
                change
                    .then(platform_key(
                        PlatformKeyOperation::Create,
                        KeyPurpose::Enroll,
                    ))
                    .and(render())
            } else {
                change.and(render())
            });
        }
        _ => return Err(Problem::NotNow),
    };
    Ok(store(operation).and(render()))
}

/// The vault answered.
pub fn stored(output: StoreOutput, model: &mut Model, words: &Translator<'_>) -> Cmd {
    model.busy = false;
    match output {
        StoreOutput::Probed {
            exists,
            throttle,
            language,
        } => {
            if matches!(model.state, State::Unlocked(_)) {
                return render();
            }
            model.lock_language = language;
            if exists {
                // Locked at once (a core rebuilt after a crash shows this
                // before the shell is asked anything), then the wait comes
                // from the counter as this device wrote it: the file's word
                // stands only until the keystore answers.
                model.state = State::Locked(throttle);
                return render().and(authenticated_wait(throttle));
            }
            model.state = State::FirstRun;
            render()
        }
        StoreOutput::Throttle(throttle) => {
            if !matches!(model.state, State::Unlocked(_)) {
                model.state = State::Locked(throttle);
            }
            render()
        }
        StoreOutput::Opened {
            records,
            damaged,
            has_platform_key,
        } => {
            let data = Data::from_records(&records, damaged);
            model.problem =
                (data.unreadable > 0).then_some(Problem::DamagedRecords(data.unreadable));
            let mut unlocked = Box::new(Unlocked {
                data,
                screen: Screen::Today,
                flow: None,
                last_activity_ms: model.now_ms,
                has_platform_key,
                reminders: Vec::new(),
                // After unlocking, the config is handed over again.
                background: crate::effects::BackgroundCheckOperation::Forget,
                relay: messages::Activity::default(),
                notice: None,
                recovery_key: None,
                undo: None,
                share_preview: None,
            });
            // Paired: send what waited in the outbox and fetch replies.
            let cx = Context::of(model, words);
            let sync = messages::update(MessagesEvent::Sync, &mut unlocked, &cx)
                .map_or_else(|_| Command::done(), run);
            model.state = State::Unlocked(unlocked);
            // Vaults from before the lock screen knew the language, or restored from a backup.
            render().and(sync).and(keep_lock_language(model))
        }
        StoreOutput::Done => render(),
        StoreOutput::Backup(bytes) => run(Update::request(Request::Share(ShareFile {
            file_name: format!("phoenix-backup-{}.phoenixbackup", model.today()),
            mime_type: "application/octet-stream".to_owned(),
            bytes,
        })))
        .and(render()),
        StoreOutput::Failed(error) => {
            model.problem = Some(Problem::from_vault(&error));
            // Too many wrong passcodes and the participant's opt-in: the
            // vault erased itself, so nothing may remind of it either.
            let cancel = if error == VaultError::ErasedAfterFailures {
                cancel_every_reminder()
                    .and(forget_background_check())
                    .and(destroy_device_key())
            } else {
                Command::done()
            };
            cancel.and(match model.state {
                // Refresh the lock screen: the throttle moved, or the vault is gone.
                State::Unlocked(_) => render(),
                _ => store(StoreOperation::Probe),
            })
        }
    }
}

/// The shell answered a platform-key request.
pub fn platform_key_answered(
    purpose: KeyPurpose,
    output: PlatformKeyOutput,
    model: &mut Model,
) -> Cmd {
    match (purpose, output) {
        (KeyPurpose::Unlock, PlatformKeyOutput::Key(key)) => {
            model.busy = true;
            store(StoreOperation::Unlock(UnlockWith::PlatformKey(
                RawKey::new(key),
            )))
            .and(render())
        }
        (KeyPurpose::Enroll, PlatformKeyOutput::Key(key)) => {
            if let State::Unlocked(unlocked) = &mut model.state {
                unlocked.has_platform_key = true;
            }
            store(StoreOperation::EnrollPlatformKey(RawKey::new(key))).and(render())
        }
        (KeyPurpose::DeviceSecret, _) => {
            model.busy = false;
            problem(model, Problem::DeviceKeyUnavailable)
        }
        (_, PlatformKeyOutput::Unavailable) => problem(model, Problem::PlatformKeyUnavailable),
        (_, PlatformKeyOutput::Deleted) | (KeyPurpose::Forget, PlatformKeyOutput::Key(_)) => {
            Command::done()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::send;
    use crate::app::{Phoenix, StoreResult};
    use crate::effects::EffectTestExt;
    use crate::model::goals::{Dimension, Goal, GoalStatus};
    use crate::model::record::Record;
    use crate::vault::{Change, StoredRecord};
    use crux_core::App;

    #[test]
    fn a_wrong_passcode_asks_the_vault_again_and_shows_the_throttle() {
        let app = Phoenix::default();
        let mut model = Model::locked();
        let mut unlock = send(
            &app,
            Event::Unlock {
                passcode: "guess".into(),
            },
            &mut model,
            5_000,
        );
        assert!(
            model.busy,
            "the KDF takes a moment: the shell can show progress"
        );
        // This device's secret first, from the shell's keystore; then the vault.
        unlock.resolve_platform_key(|operation| {
            assert_eq!(
                *operation,
                PlatformKeyOperation::DeviceSecret {
                    salt: DEVICE_SECRET_SALT.to_vec()
                }
            );
            PlatformKeyOutput::Key(vec![7; 32])
        });
        unlock.expect_render();
        let failed = unlock
            .resolve_store(|operation| {
                assert!(matches!(
                    operation,
                    StoreOperation::Unlock(UnlockWith::Passcode(..))
                ));
                StoreOutput::Failed(VaultError::Throttled {
                    retry_after_secs: 30,
                })
            })
            .expect_one_event();
        unlock.expect_no_effects();

        let mut refresh = app.update(failed, &mut model);
        assert_eq!(model.problem, Some(Problem::Throttled(30)));
        assert!(!model.busy);
        // The lock screen is refreshed from the vault.
        let throttle = ThrottleStatus {
            failed_attempts: 5,
            retry_after_secs: 30,
            erase_after_failures: None,
        };
        // The row did not verify: the vault answers with the longest wait.
        let authenticated = ThrottleStatus {
            failed_attempts: 10,
            retry_after_secs: 900,
            ..throttle
        };
        let probed = refresh
            .resolve_store(|operation| {
                assert!(matches!(operation, StoreOperation::Probe));
                StoreOutput::Probed {
                    exists: true,
                    throttle,
                    language: None,
                }
            })
            .expect_one_event();
        refresh.expect_no_effects();
        let mut authenticate = app.update(probed, &mut model);
        authenticate.expect_render();
        assert_eq!(model.state, State::Locked(throttle));
        // The wait shown comes from the counter this device's secret
        // authenticates: the keystore first, then the vault.
        authenticate.resolve_platform_key(|operation| {
            assert_eq!(
                *operation,
                PlatformKeyOperation::DeviceSecret {
                    salt: DEVICE_SECRET_SALT.to_vec()
                }
            );
            PlatformKeyOutput::Key(vec![7; 32])
        });
        let checked = authenticate
            .resolve_store(|operation| {
                assert!(matches!(operation, StoreOperation::Throttle(_)));
                StoreOutput::Throttle(authenticated)
            })
            .expect_one_event();
        authenticate.expect_no_effects();
        let mut shown = app.update(checked, &mut model);
        assert_eq!(model.state, State::Locked(authenticated));
        shown.expect_render();
    }

    #[test]
    fn opening_the_vault_builds_the_model_and_counts_unreadable_records() {
        let app = Phoenix::default();
        let mut model = Model::locked();
        let goal = Goal {
            title: "Walk daily".into(),
            dimension: Dimension::Health,
            why: String::new(),
            target: None,
            status: GoalStatus::Active,
            created: chrono::NaiveDate::default(),
            completed: None,
        };
        let Change::Put { kind, id, body } = goal.put(12) else {
            panic!()
        };
        let records = vec![
            StoredRecord { kind, id, body },
            StoredRecord {
                kind,
                id: 13,
                body: zeroize::Zeroizing::new(vec![0xff]),
            },
        ];
        let output = StoreOutput::Opened {
            records,
            damaged: 1,
            has_platform_key: false,
        };
        let mut opened = app.update(Event::Store(StoreResult::new(output)), &mut model);
        opened.expect_render();
        let State::Unlocked(unlocked) = &model.state else {
            panic!("unlocked")
        };
        assert_eq!(unlocked.data.goals[&12].title, "Walk daily");
        assert_eq!(
            unlocked.data.next_id, 14,
            "new ids never collide with stored ones"
        );
        assert_eq!(model.problem, Some(Problem::DamagedRecords(2)));
    }
}
