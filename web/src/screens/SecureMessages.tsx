import { useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import type { MessagesView } from '../generated/shared_types';
import { Form, Section, TextArea, TextField } from '../ui/fields';
import { useSubmit } from '../ui/submit';

/**
 * Contact my peer, securely: pair with the specialist's invite code, then an
 * end-to-end encrypted conversation with each message's status. The core
 * seals, signs and queues; this only shows its view and sends events.
 */
export function SecureMessages({ view }: { view: MessagesView }) {
  return (
    <Section title={view.heading}>
      <p>{view.intro}</p>
      {view.specialist_name === null ? <PairForm view={view} /> : <Conversation view={view} />}
    </Section>
  );
}

function PairForm({ view }: { view: MessagesView }) {
  const dispatch = useDispatch();
  const [relay, setRelay] = useState('');
  const [invite, setInvite] = useState('');
  const [name, setName] = useState('');
  return (
    <Form name={view.pair_label} onSubmit={() => dispatch({ kind: 'Messages', value: { kind: 'Pair', relay, invite, name } })}>
      {view.pair_again_note && <p role="status">{view.pair_again_note}</p>}
      <TextField label={view.relay_label} type="url" value={relay} onChange={setRelay} required />
      <TextField label={view.invite_label} value={invite} onChange={setInvite} required />
      <TextField label={view.name_label} value={name} onChange={setName} required />
      <button type="submit" disabled={view.pairing}>
        {view.pair_label}
      </button>
    </Form>
  );
}

function Conversation({ view }: { view: MessagesView }) {
  const dispatch = useDispatch();
  const submit = useSubmit();
  const [text, setText] = useState('');
  return (
    <>
      <p>
        <strong>{view.paired_with}</strong>
      </p>
      {view.key_changed_note && (
        <div role="alert">
          <p>{view.key_changed_note}</p>
          {view.verification_note && <p>{view.verification_note}</p>}
          <button type="button" onClick={() => dispatch({ kind: 'Messages', value: { kind: 'ConfirmSpecialistKey' } })}>
            {view.confirm_key_label}
          </button>
        </div>
      )}
      {view.outbox_note && <p role="status">{view.outbox_note}</p>}
      {view.dropped_note && <p role="status">{view.dropped_note}</p>}
      {view.conversation.length === 0 ? (
        <p>{view.empty_note}</p>
      ) : (
        <ol className="plain conversation" aria-label={view.heading}>
          {view.conversation.map((message) => (
            <li key={String(message.id)} className={message.mine ? 'message mine' : 'message theirs'}>
              <span className="meta">
                {message.status_label} · {message.written_at}
              </span>
              <p>{message.text}</p>
            </li>
          ))}
        </ol>
      )}
      <Form
        name={view.send_label}
        onSubmit={() => submit({ kind: 'Messages', value: { kind: 'Send', value: text } }, () => setText(''))}
      >
        <TextArea label={view.message_label} value={text} onChange={setText} />
        <button type="submit">{view.send_label}</button>
      </Form>
      <p className="hint">{view.unpair_warning}</p>
      <button type="button" className="quiet" onClick={() => dispatch({ kind: 'Messages', value: { kind: 'Unpair' } })}>
        {view.unpair_label}
      </button>
    </>
  );
}
